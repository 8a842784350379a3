"""Facts stated on docs/datasets.md, checked against torch."""

from __future__ import annotations

import contextlib
import inspect
import io
import math
import pickle
import runpy
from pathlib import Path

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from torch.nn.utils.rnn import pad_sequence
from torch.utils.data import (
    BatchSampler,
    DataLoader,
    Dataset,
    RandomSampler,
    SequentialSampler,
    Subset,
    TensorDataset,
    WeightedRandomSampler,
    get_worker_info,
    random_split,
)
from torch.utils.data.distributed import DistributedSampler

from tests.checks import assert_defaults

ROOT = Path(__file__).resolve().parent.parent
SNIPPETS = ROOT / "snippets" / "datasets"


def run_snippet(name: str) -> dict:
    """Run a snippet of the page (quietly) and return its globals."""
    with contextlib.redirect_stdout(io.StringIO()):
        return runpy.run_path(str(SNIPPETS / f"{name}.py"), run_name="__main__")


@pytest.fixture(scope="module")
def digits():
    from sklearn.datasets import load_digits

    return load_digits()


# --- loading a dataset -----------------------------------------------------------------------


def test_load_digits_is_1797_real_8x8_images_in_10_classes(digits):
    assert digits.images.shape == (1797, 8, 8)
    assert sorted(set(digits.target.tolist())) == list(range(10))
    assert digits.images.min() == 0 and digits.images.max() == 16
    assert np.array_equal(digits.images, digits.images.round())  # whole numbers 0..16


def test_random_split_rounds_fractions_down_and_hands_out_the_rest():
    def lengths(n, fractions):  # the rule stated on the page
        sizes = [math.floor(n * f) for f in fractions]
        for i in range(n - sum(sizes)):
            sizes[i % len(sizes)] += 1
        return sizes

    assert [math.floor(1797 * 0.8), math.floor(1797 * 0.2)] == [1437, 359]
    for n, fractions in [(1797, [0.8, 0.2]), (10, [0.34, 0.33, 0.33]), (7, [0.5, 0.5])]:
        parts = random_split(range(n), fractions, generator=torch.Generator().manual_seed(0))
        assert [len(p) for p in parts] == lengths(n, fractions)
    assert lengths(1797, [0.8, 0.2]) == [1438, 359]


def test_random_split_gives_disjoint_subsets_that_reference_the_data():
    data = TensorDataset(torch.arange(20))
    a, b = random_split(data, [0.75, 0.25], generator=torch.Generator().manual_seed(0))
    assert isinstance(a, Subset) and a.dataset is data
    assert not set(a.indices) & set(b.indices)
    assert sorted(a.indices + b.indices) == list(range(20))
    again, _ = random_split(data, [0.75, 0.25], generator=torch.Generator().manual_seed(0))
    assert again.indices == a.indices  # seeded: the same split every run


def test_random_split_without_generator_uses_the_global_rng():
    default = inspect.signature(random_split).parameters["generator"].default
    assert default is torch.default_generator
    torch.manual_seed(3)
    first = random_split(range(10), [5, 5])[0].indices
    torch.manual_seed(3)
    assert random_split(range(10), [5, 5])[0].indices == first


def test_digits_dataset_snippet():
    g = run_snippet("digits_dataset")
    image, label = g["dataset"][0]
    assert image.shape == (1, 8, 8) and image.dtype == torch.float32
    assert 0 <= image.min() and image.max() <= 1
    assert isinstance(label, int)
    assert (len(g["train_set"]), len(g["test_set"])) == (1438, 359)


# --- transforms -------------------------------------------------------------------------------


def test_to_tensor_equivalent_and_one_hot():
    g = run_snippet("transforms")
    raw = g["raw"]
    image = g["ToTensor"]()(raw)
    assert raw.dtype == np.uint8 and raw.max() == 239
    assert image.dtype == torch.float32 and image.shape == (1, 8, 8)
    torch.testing.assert_close(image[0], torch.from_numpy(raw).float() / 255)
    assert round(239 / 255, 4) == 0.9373
    rgb = np.arange(2 * 3 * 3, dtype=np.uint8).reshape(2, 3, 3)  # H x W x C
    out = g["ToTensor"]()(rgb)
    assert out.shape == (3, 2, 3)
    torch.testing.assert_close(out[1], torch.from_numpy(rgb[:, :, 1]).float() / 255)
    for y in range(10):
        one_hot = torch.zeros(10).scatter_(0, torch.tensor(y), value=1)
        assert torch.equal(one_hot, F.one_hot(torch.tensor(y), 10).float())
        assert torch.equal(g["OneHot"](10)(y), one_hot)
    assert F.one_hot(torch.tensor(3), 10).dtype == torch.int64  # hence the .float()


def test_compose_applies_in_order():
    g = run_snippet("transforms")
    compose = g["Compose"]([lambda x: x + 1, lambda x: x * 10])
    assert compose(1) == 20


def test_cross_entropy_takes_class_ids_or_one_hot_targets():
    torch.manual_seed(0)
    logits = torch.randn(4, 10)
    ids = torch.tensor([3, 0, 9, 1])
    torch.testing.assert_close(F.cross_entropy(logits, ids), F.cross_entropy(logits, F.one_hot(ids, 10).float()))


def test_bce_with_logits_needs_one_hot_float_targets():
    torch.manual_seed(0)
    logits = torch.randn(4, 10)
    ids = torch.tensor([3, 0, 9, 1])
    loss = torch.nn.BCEWithLogitsLoss()
    loss(logits, F.one_hot(ids, 10).float())  # works
    with pytest.raises(ValueError):
        loss(logits, ids)  # class ids have the wrong shape


# --- custom dataset ---------------------------------------------------------------------------


def test_pgm_files_are_real_images(tmp_path):
    g = run_snippet("custom_image_dataset")
    pixels = (np.arange(48, dtype=np.uint8) * 5).reshape(6, 8)
    path = tmp_path / "x.pgm"
    g["write_pgm"](path, pixels)
    decoded = g["read_pgm"](path)
    assert decoded.dtype == torch.uint8 and decoded.shape == (1, 6, 8)
    assert np.array_equal(decoded[0].numpy(), pixels)
    Image = pytest.importorskip("PIL.Image")
    assert np.array_equal(np.array(Image.open(path)), pixels)  # other software reads it too


def test_pgm_with_a_newline_byte_in_the_pixels(tmp_path):
    g = run_snippet("custom_image_dataset")
    pixels = np.full((2, 2), ord("\n"), dtype=np.uint8)
    path = tmp_path / "nl.pgm"
    g["write_pgm"](path, pixels)
    assert np.array_equal(g["read_pgm"](path)[0].numpy(), pixels)


# --- iterating, and the figure ----------------------------------------------------------------


def test_figure_shows_the_batch_the_page_draws():
    from plots.families.datasets import FIGURES, batch_data

    g = run_snippet("iterate_batches")
    images, labels = batch_data(**{k: v for k, v in FIGURES[0].params.items() if k == "batch_size"})
    assert torch.equal(torch.tensor(images), g["batch_images"].squeeze(1))
    assert labels == g["batch_labels"].tolist()
    assert len(labels) == 16


def test_figure_file_is_small():
    from plots import style
    from plots.families.datasets import FIGURES

    (fig,) = FIGURES
    assert fig.name == "datasets/digits-batch"
    assert len(style.svg_bytes(fig.draw(**fig.params))) < 40_000


def test_default_collate_stacks_along_a_new_first_dimension():
    batch = next(iter(DataLoader(TensorDataset(torch.zeros(5, 1, 8, 8), torch.arange(5)), batch_size=4)))
    assert batch[0].shape == (4, 1, 8, 8) and batch[1].shape == (4,)


# --- DataLoader defaults ----------------------------------------------------------------------


def test_dataloader_defaults():
    assert_defaults(
        DataLoader,
        batch_size=1,
        shuffle=None,
        sampler=None,
        batch_sampler=None,
        num_workers=0,
        collate_fn=None,
        pin_memory=False,
        drop_last=False,
        timeout=0,
        generator=None,
        prefetch_factor=None,
        persistent_workers=False,
        in_order=True,
    )
    loader = DataLoader(range(10))
    assert loader.batch_size == 1
    assert isinstance(loader.sampler, SequentialSampler)  # shuffle=None behaves like False
    assert isinstance(loader.batch_sampler, BatchSampler)
    assert loader.collate_fn is torch.utils.data.default_collate
    assert isinstance(DataLoader(range(10), shuffle=True).sampler, RandomSampler)


def test_batch_size_none_turns_batching_off():
    items = list(DataLoader(TensorDataset(torch.zeros(3, 2)), batch_size=None))
    assert len(items) == 3 and items[0][0].shape == (2,)


def test_sampler_and_batch_sampler_exclusions():
    data = range(10)
    with pytest.raises(ValueError):
        DataLoader(data, sampler=SequentialSampler(data), shuffle=True)
    batches = BatchSampler(SequentialSampler(data), 3, False)
    for kwargs in ({"batch_size": 2}, {"shuffle": True}, {"sampler": SequentialSampler(data)}, {"drop_last": True}):
        with pytest.raises(ValueError):
            DataLoader(data, batch_sampler=batches, **kwargs)


# --- batching and drop_last -------------------------------------------------------------------


@pytest.mark.parametrize("n, b", [(1438, 64), (10, 4), (12, 4), (3, 5)])
def test_number_of_batches(n, b):
    keep = DataLoader(range(n), batch_size=b)
    drop = DataLoader(range(n), batch_size=b, drop_last=True)
    assert len(keep) == math.ceil(n / b) and len(list(keep)) == len(keep)
    assert len(drop) == n // b and len(list(drop)) == len(drop)
    assert all(len(batch) == b for batch in drop)  # only full batches are left
    if n % b:
        assert len(list(keep)[-1]) == n % b


def test_batching_snippet_numbers():
    assert 1438 == 22 * 64 + 30
    assert (math.ceil(1438 / 64), 1438 // 64, 22 * 64) == (23, 22, 1408)


def test_drop_last_with_shuffle_drops_different_samples_each_epoch():
    loader = DataLoader(range(10), batch_size=4, shuffle=True, drop_last=True, generator=torch.Generator().manual_seed(0))
    dropped = [set(range(10)) - {i for batch in loader for i in batch.tolist()} for _ in range(5)]
    assert all(len(d) == 2 for d in dropped)
    assert len({frozenset(d) for d in dropped}) > 1
    assert set().union(*dropped) != set()


# --- shuffling --------------------------------------------------------------------------------


def test_shuffle_reorders_every_epoch_and_a_seed_reproduces():
    loader = DataLoader(torch.arange(10), batch_size=5, shuffle=True, generator=torch.Generator().manual_seed(0))
    epochs = [torch.cat(list(loader)).tolist() for _ in range(3)]
    assert all(sorted(e) == list(range(10)) for e in epochs)
    assert epochs[0] != epochs[1] != epochs[2]
    again = DataLoader(torch.arange(10), batch_size=5, shuffle=True, generator=torch.Generator().manual_seed(0))
    assert [torch.cat(list(again)).tolist() for _ in range(3)] == epochs


def test_shuffle_without_generator_uses_the_global_rng():
    loader = DataLoader(torch.arange(10), batch_size=10, shuffle=True)
    torch.manual_seed(5)
    first = next(iter(loader)).tolist()
    torch.manual_seed(5)
    assert next(iter(loader)).tolist() == first


# --- WeightedRandomSampler --------------------------------------------------------------------


def test_weighted_random_sampler_defaults_and_rules():
    assert_defaults(WeightedRandomSampler, replacement=True, generator=None)
    too_many = WeightedRandomSampler([1.0, 1.0, 1.0], num_samples=4, replacement=False)
    with pytest.raises(RuntimeError):
        list(too_many)
    drawn = list(WeightedRandomSampler([1.0] * 5, num_samples=5, replacement=False))
    assert sorted(drawn) == list(range(5))  # without replacement: each index at most once


def test_weights_need_not_sum_to_one():
    w = torch.tensor([1.0, 2.0, 7.0])
    a = list(WeightedRandomSampler(w, 50, generator=torch.Generator().manual_seed(0)))
    b = list(WeightedRandomSampler(w * 13, 50, generator=torch.Generator().manual_seed(0)))
    assert a == b


def test_inverse_class_frequency_weights_balance_the_classes():
    labels = torch.tensor([0] * 90 + [1] * 30 + [2] * 10)
    counts = torch.bincount(labels)
    weights = 1.0 / counts[labels].double()
    torch.testing.assert_close(torch.zeros(3, dtype=torch.float64).index_add_(0, labels, weights), torch.ones(3, dtype=torch.float64))
    drawn = labels[list(WeightedRandomSampler(weights, 30_000, generator=torch.Generator().manual_seed(0)))]
    share = torch.bincount(drawn).double() / len(drawn)
    torch.testing.assert_close(share, torch.full((3,), 1 / 3, dtype=torch.float64), atol=0.02, rtol=0)


def test_weighted_sampler_snippet():
    g = run_snippet("weighted_sampler")
    assert g["class_counts"].tolist() == [90, 30, 10]
    assert torch.bincount(g["drawn"]).sum().item() == 130
    assert len(g["twos"]) > 10  # the ten 2s are drawn more often than they exist
    assert len(g["loader"]) == 5


# --- DistributedSampler -----------------------------------------------------------------------


def test_distributed_sampler_defaults():
    assert_defaults(DistributedSampler, num_replicas=None, rank=None, shuffle=True, seed=0, drop_last=False)


def test_distributed_sampler_needs_a_process_group_without_explicit_rank():
    assert not torch.distributed.is_initialized()
    with pytest.raises(ValueError):
        DistributedSampler(torch.arange(11))


def test_distributed_sampler_strides_and_pads():
    data = torch.arange(11)
    shards = [list(DistributedSampler(data, num_replicas=2, rank=r, shuffle=False)) for r in (0, 1)]
    assert shards == [list(range(0, 11, 2)), list(range(1, 11, 2)) + [0]]  # padded from the start
    assert all(len(s) == math.ceil(11 / 2) for s in shards)
    dropped = [list(DistributedSampler(data, num_replicas=2, rank=r, shuffle=False, drop_last=True)) for r in (0, 1)]
    assert dropped == [[0, 2, 4, 6, 8], [1, 3, 5, 7, 9]]


def test_distributed_sampler_order_is_seed_plus_epoch():
    data = torch.arange(11)
    for epoch in (0, 1, 4):
        perm = torch.randperm(11, generator=torch.Generator().manual_seed(0 + epoch)).tolist()
        padded = perm + perm[:1]
        for rank in (0, 1):
            sampler = DistributedSampler(data, num_replicas=2, rank=rank)
            sampler.set_epoch(epoch)
            assert list(sampler) == padded[rank::2]
    same = DistributedSampler(data, num_replicas=2, rank=0)
    assert list(same) == list(same)  # without set_epoch every epoch repeats the order
    shards = []
    for rank in (0, 1):
        s = DistributedSampler(data, num_replicas=2, rank=rank)
        s.set_epoch(3)
        shards += list(s)
    assert set(shards) == set(range(11))


# --- collate ----------------------------------------------------------------------------------


def test_default_collate_rejects_unequal_lengths():
    with pytest.raises(RuntimeError, match="stack expects each tensor to be equal size"):
        next(iter(DataLoader([torch.ones(3), torch.ones(2)], batch_size=2)))


def test_pad_sequence_defaults_and_layout():
    assert_defaults(pad_sequence, batch_first=False, padding_value=0.0, padding_side="right")
    seqs = [torch.ones(3), torch.ones(5), torch.ones(2)]
    assert pad_sequence(seqs).shape == (5, 3)  # longest x batch
    padded = pad_sequence(seqs, batch_first=True)
    assert padded.shape == (3, 5)
    assert padded.sum(1).tolist() == [3, 5, 2]  # padding is zeros


def test_collate_snippet_tokens_avoid_the_padding_value():
    g = run_snippet("collate_pad")
    assert all(s.min() >= 1 for s, _ in g["samples"])
    padded, lengths, _ = g["pad_collate"](g["samples"][:3])
    assert lengths.tolist() == [3, 5, 2]
    assert ((padded != 0).sum(1) == lengths).all()


# --- dynamic batching -------------------------------------------------------------------------


def test_token_budget_batches():
    g = run_snippet("dynamic_batching")
    lengths = g["lengths"]
    sampler = g["TokenBudgetBatchSampler"](lengths, max_tokens=64)
    batches = list(sampler)
    assert sorted(i for b in batches for i in b) == list(range(len(lengths)))
    assert all(len(b) * max(lengths[i] for i in b) <= 64 for b in batches)
    assert all(b * t <= 64 for b, t in g["shapes"])
    assert g["padding"](g["shapes"]) < g["padding"](g["fixed"])
    assert len(sampler) == len(batches) == 11
    lone = list(g["TokenBudgetBatchSampler"]([3, 100, 4], max_tokens=10))
    assert [1] in lone  # a sequence longer than the budget gets a batch of its own


# --- workers, prefetching, pinned memory ------------------------------------------------------


class _WorkerReport(Dataset):
    def __len__(self):
        return 12

    def __getitem__(self, idx):
        info = get_worker_info()
        if info is None:
            return idx, -1, -1, 0
        assert type(info.dataset) is type(self)  # the worker's copy of the dataset
        return idx, info.id, info.num_workers, info.seed


def test_prefetch_factor_semantics():
    assert DataLoader(range(4)).prefetch_factor is None
    assert DataLoader(range(4), num_workers=2).prefetch_factor == 2
    assert DataLoader(range(4), num_workers=2, prefetch_factor=3).prefetch_factor == 3
    with pytest.raises(ValueError):
        DataLoader(range(4), prefetch_factor=2)  # needs num_workers > 0


def test_workers_round_robin_in_order_and_prefetch():
    generator = torch.Generator().manual_seed(0)
    loader = DataLoader(_WorkerReport(), batch_size=3, num_workers=2, prefetch_factor=2, generator=generator)
    it = iter(loader)
    assert it._send_idx == 2 * 2  # prefetch_factor * num_workers batches requested up front
    batches = list(it)
    del it
    assert [b[0].tolist() for b in batches] == [[0, 1, 2], [3, 4, 5], [6, 7, 8], [9, 10, 11]]  # in order
    ids = [b[1].unique().tolist() for b in batches]
    assert ids == [[0], [1], [0], [1]]  # one worker per batch, in turn
    assert all(b[2].unique().tolist() == [2] for b in batches)
    seeds = {b[1][0].item(): b[3][0].item() for b in batches}
    assert seeds[1] == seeds[0] + 1  # a different seed per worker
    again = DataLoader(_WorkerReport(), batch_size=3, num_workers=2, generator=torch.Generator().manual_seed(0))
    assert {b[1][0].item(): b[3][0].item() for b in again} == seeds  # derived from the generator
    torch.manual_seed(0)  # no generator: the base seed comes from the global one
    without = DataLoader(_WorkerReport(), batch_size=3, num_workers=2)
    assert {b[1][0].item(): b[3][0].item() for b in without} == seeds


def test_worker_info_is_none_in_the_main_process():
    assert get_worker_info() is None
    assert list(DataLoader(_WorkerReport(), batch_size=12))[0][1].tolist() == [-1] * 12


def test_pin_memory_flag():
    flag = torch.accelerator.is_available()  # as in the snippet: any accelerator, not only CUDA
    assert DataLoader(range(3), pin_memory=flag).pin_memory is flag
    assert "torch.accelerator.is_available()" in (SNIPPETS / "workers.py").read_text()


def test_pin_memory_without_an_accelerator_warns_and_does_nothing(monkeypatch):
    # pretend no accelerator is usable, whatever the wheel and the machine
    monkeypatch.setattr(torch.accelerator, "is_available", lambda: False)
    with pytest.warns(UserWarning, match="no accelerator is found"):
        it = iter(DataLoader(range(3), pin_memory=True))
    assert it._pin_memory is False
    assert not next(it).is_pinned()


def test_workers_that_do_not_fork_need_picklable_functions():
    # forkserver (Linux's default from Python 3.14) and spawn pickle what the workers need;
    # a lambda collate_fn cannot be pickled, and torch's warning names Python 3.14's change
    loader = DataLoader(range(4), num_workers=1, multiprocessing_context="forkserver",
                        collate_fn=lambda batch: batch)
    with pytest.warns(UserWarning, match=r"Python 3\.14\+ changed .* to 'forkserver'"):
        with pytest.raises((AttributeError, TypeError, pickle.PicklingError)):
            iter(loader)


# --- normalisation ----------------------------------------------------------------------------


def test_normalisation_uses_training_statistics_only():
    g = run_snippet("normalise")
    images, train, test = g["images"], g["train_idx"].indices, g["test_idx"].indices
    mean, std = g["mean"], g["std"]
    torch.testing.assert_close(torch.tensor(mean), images[train].mean())
    torch.testing.assert_close(torch.tensor(std), images[train].std())
    x = g["Normalize"](mean, std)(images)
    torch.testing.assert_close(x, (images - mean) / std)  # x' = (x - mu) / sigma
    assert abs(x[train].mean().item()) < 1e-5 and abs(x[train].std().item() - 1) < 1e-5
    assert abs(x[test].mean().item()) > 1e-3  # the test split is only close to 0 / 1
    assert round(mean, 4) == 0.3049 and round(std, 4) == 0.3758
