"""Checks for docs/nn/containers.md."""

from __future__ import annotations

import builtins
import re
import runpy
from collections import OrderedDict
from pathlib import Path

import pytest
import torch
from torch import nn

from tests.checks import tables

ROOT = Path(__file__).resolve().parents[1]
SNIPPETS = ROOT / "snippets" / "nn" / "containers"
PAGE = ROOT / "docs" / "nn" / "containers.md"


def n_params(module):
    return sum(p.numel() for p in module.parameters())


def test_attribute_registration():
    class Net(nn.Module):
        def __init__(self):
            super().__init__()
            self.fc = nn.Linear(4, 8)
            self.scale = nn.Parameter(torch.ones(1))

    net = Net()
    assert {n for n, _ in net.named_parameters()} == {"fc.weight", "fc.bias", "scale"}
    assert set(net.state_dict()) == {"fc.weight", "fc.bias", "scale"}
    net.to(torch.float64)
    assert net.fc.weight.dtype == torch.float64
    net.eval()
    assert not net.fc.training
    assert "(fc): Linear" in repr(net)


def test_sequential_behaviour():
    ns = runpy.run_path(str(SNIPPETS / "sequential.py"))
    model, x = ns["model"], ns["x"]
    torch.testing.assert_close(model(x), model[2](model[1](model[0](x))))
    head = model[:2]
    assert isinstance(head, nn.Sequential) and head[0] is model[0]
    assert len(model) == 3
    model.append(nn.ReLU())
    model.insert(0, nn.Identity())
    model.extend([nn.Identity()])
    assert len(model) == 6 and isinstance(model[0], nn.Identity)


def test_sequential_names():
    ns = runpy.run_path(str(SNIPPETS / "sequential_named.py"))
    model = ns["model"]
    assert model.hidden is model[0]
    assert list(model.state_dict()) == ["hidden.weight", "hidden.bias", "out.weight", "out.bias"]
    with pytest.raises(TypeError):
        nn.Sequential({"a": nn.ReLU()})


def test_plain_list_is_not_registered():
    ns = runpy.run_path(str(SNIPPETS / "plain_list_bug.py"))
    broken, fixed = ns["ListNet"](), ns["ModuleListNet"]()
    assert n_params(broken) == 0 and len(broken.state_dict()) == 0
    assert n_params(fixed) == 60 == 3 * (4 * 4 + 4) and len(fixed.state_dict()) == 6
    assert broken(torch.randn(2, 4)).shape == (2, 4)  # forward still works
    with pytest.raises(ValueError, match="empty parameter list"):
        torch.optim.SGD(broken.parameters(), lr=0.1)
    broken.to(torch.float64)
    assert broken.layers[0].weight.dtype == torch.float32  # not moved/converted
    assert "Linear" not in repr(broken)

    class DictNet(nn.Module):
        def __init__(self):
            super().__init__()
            self.layers = {"a": nn.Linear(2, 2)}

    assert n_params(DictNet()) == 0


def test_calling_a_container_as_the_table_says():
    table = next(t for t in tables(PAGE.read_text()) if t[0][0] == "container")
    examples = {
        "nn.Sequential": nn.Sequential(nn.Identity()),
        "nn.ModuleList": nn.ModuleList([nn.Identity()]),
        "nn.ModuleDict": nn.ModuleDict({"a": nn.Identity()}),
        "nn.ParameterList": nn.ParameterList([nn.Parameter(torch.ones(1))]),
        "nn.ParameterDict": nn.ParameterDict({"a": nn.Parameter(torch.ones(1))}),
    }
    for name, _, calling in table[1:]:
        container = examples[name.strip("`")]
        assert callable(container)
        error = re.match(r"raises `(\w+)`", calling)
        if error is None:
            assert torch.equal(container(torch.ones(2)), torch.ones(2))
        else:
            with pytest.raises(getattr(builtins, error.group(1))):
                container(torch.ones(2))


def test_modulelist():
    ml = nn.ModuleList([nn.Linear(2, 2)])
    with pytest.raises(NotImplementedError):
        ml(torch.ones(1, 2))
    ml.append(nn.ReLU())
    ml.extend([nn.Tanh()])
    ml.insert(0, nn.Identity())
    assert [type(m).__name__ for m in ml] == ["Identity", "Linear", "ReLU", "Tanh"]
    assert isinstance(ml[1:], nn.ModuleList)
    ns = runpy.run_path(str(SNIPPETS / "modulelist.py"))
    mlp = ns["mlp"]
    assert len(mlp.layers) == 4
    assert n_params(mlp) == 392 == (4 * 16 + 16) + (16 * 16 + 16) + (16 * 2 + 2) + (2 * 2 + 2)


def test_moduledict():
    md = nn.ModuleDict({"z": nn.ReLU(), "a": nn.Tanh()})
    assert list(md.keys()) == ["z", "a"]  # insertion order kept
    assert "z" in md and len(list(md.values())) == 2 and len(list(md.items())) == 2
    md.update({"m": nn.Identity()})
    assert list(md) == ["z", "a", "m"]
    ns = runpy.run_path(str(SNIPPETS / "moduledict.py"))
    net = ns["net"]
    assert net(ns["x"], "digit").shape == (3, 10)
    assert net(ns["x"], "parity").shape == (3, 2)


def test_parameter_containers():
    pl = nn.ParameterList([torch.ones(2)])
    assert isinstance(pl[0], nn.Parameter)  # converted
    pd = nn.ParameterDict({"a": torch.ones(2)})
    assert isinstance(pd["a"], nn.Parameter)
    # a plain dict is added in sorted key order; OrderedDict and pairs keep their order
    p = lambda: nn.Parameter(torch.ones(1))  # noqa: E731
    assert list(nn.ParameterDict({"z": p(), "a": p()})) == ["a", "z"]
    assert list(nn.ParameterDict(OrderedDict([("z", p()), ("a", p())]))) == ["z", "a"]
    assert list(nn.ParameterDict([("z", p()), ("a", p())])) == ["z", "a"]
    assert list(nn.ModuleDict({"z": nn.ReLU(), "a": nn.ReLU()})) == ["z", "a"]

    ns = runpy.run_path(str(SNIPPETS / "parameterlist.py"))
    mixer = ns["mixer"]
    assert [n for n, _ in mixer.named_parameters()] == ["weights.0", "weights.1", "offsets.high", "offsets.low"]
    assert set(mixer.state_dict()) == {"weights.0", "weights.1", "offsets.high", "offsets.low"}


def test_buffers():
    class WithBuffer(nn.Module):
        def __init__(self):
            super().__init__()
            self.register_buffer("mask", torch.ones(3))

    m = WithBuffer()
    assert "mask" in m.state_dict()
    assert list(m.parameters()) == []
    m.to(torch.float64)
    assert m.mask.dtype == torch.float64


def test_walking_the_tree():
    ns = runpy.run_path(str(SNIPPETS / "walk.py"))
    model = ns["model"]
    assert [n for n, _ in model.named_children()] == ["features", "head"]
    assert [n for n, _ in model.named_modules()] == ["", "features", "features.0", "features.1", "head"]
    assert next(iter(model.modules())) is model
    assert ns["n_linear"] == 2
    # a shared module appears once
    shared = nn.Linear(2, 2)
    net = nn.Sequential(shared, nn.ReLU(), shared)
    assert sum(m is shared for m in net.modules()) == 1
    assert [n for n, _ in net.named_modules()] == ["", "0", "1"]


def test_add_module():
    m = nn.Module()
    m.add_module("a", nn.ReLU())
    m.register_module("b", nn.Tanh())
    setattr(m, "c", nn.Identity())
    assert [n for n, _ in m.named_children()] == ["a", "b", "c"]
    m.foo = 3
    for bad in ("x.y", "", "foo"):
        with pytest.raises(KeyError):
            m.add_module(bad, nn.ReLU())
    ns = runpy.run_path(str(SNIPPETS / "add_module.py"))
    tower = ns["tower"]
    assert [n for n, _ in tower.named_children()] == ["block0", "block1", "block2"]
    x = torch.randn(2, 4)
    torch.testing.assert_close(tower(x), tower.block2(tower.block1(tower.block0(x))))
    seq = nn.Sequential(nn.Linear(2, 2))
    seq.add_module("act", nn.ReLU())
    assert isinstance(seq[-1], nn.ReLU) and (seq(torch.randn(3, 2)) >= 0).all()
