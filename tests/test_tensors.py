"""Facts stated on docs/tensors.md, checked against torch."""

from __future__ import annotations

import itertools
from unittest import mock

import numpy as np
import pytest
import torch

from tests.checks import assert_defaults

# --- creating tensors ---------------------------------------------------------------------


def test_dtype_inference_from_python_data():
    assert torch.get_default_dtype() == torch.float32
    assert torch.tensor([[1, 2], [3, 4]]).dtype == torch.int64
    assert torch.tensor([1.5, 2.0]).dtype == torch.float32
    assert torch.tensor([1, 2.5]).dtype == torch.float32  # one float makes it all float
    assert torch.tensor([True, False]).dtype == torch.bool


def test_torch_tensor_copies_its_data():
    data = [[1, 2], [3, 4]]
    t = torch.tensor(data)
    data[0][0] = 100
    assert t[0, 0].item() == 1


def test_from_numpy_keeps_dtype():
    assert np.zeros(2).dtype == np.float64  # NumPy's default float
    assert torch.from_numpy(np.zeros(2)).dtype == torch.float64
    assert torch.from_numpy(np.array([[1, 2], [3, 4]])).dtype == torch.int64
    assert torch.ones(5).numpy().dtype == np.float32


def test_like_functions_keep_shape_dtype_device():
    x = torch.tensor([[1, 2], [3, 4]])
    for fn in (torch.zeros_like, torch.ones_like, torch.empty_like):
        y = fn(x)
        assert (y.shape, y.dtype, y.device) == (x.shape, x.dtype, x.device)
    y = torch.full_like(x, 7)
    assert (y.shape, y.dtype) == (x.shape, x.dtype)
    y = torch.rand_like(x, dtype=torch.float)
    assert (y.shape, y.dtype) == (x.shape, torch.float32)
    f = torch.zeros(2, 3, dtype=torch.float64)
    assert torch.randn_like(f).dtype == torch.float64
    with pytest.raises(NotImplementedError):
        torch.rand_like(x)  # random floats need a floating-point dtype


def test_factory_defaults():
    for fn in (torch.rand, torch.randn, torch.ones, torch.zeros, torch.empty):
        t = fn((2, 3))
        assert t.dtype == torch.float32
        assert t.device.type == "cpu"
        assert t.requires_grad is False
        assert t.shape == fn(2, 3).shape == (2, 3)  # shape as a tuple or as integers


def test_rand_is_uniform_on_half_open_unit_interval():
    torch.manual_seed(0)
    x = torch.rand(200_000)
    assert x.min() >= 0 and x.max() < 1
    assert abs(x.mean().item() - 0.5) < 0.01


def test_randn_is_standard_normal():
    torch.manual_seed(0)
    x = torch.randn(200_000)
    assert abs(x.mean().item()) < 0.01
    assert abs(x.std().item() - 1) < 0.01


def test_randint_and_arange_exclude_the_end():
    torch.manual_seed(0)
    r = torch.randint(3, 6, (10_000,))
    assert r.dtype == torch.int64
    assert set(r.tolist()) == {3, 4, 5}
    assert torch.arange(0, 10, 3).tolist() == [0, 3, 6, 9]
    assert torch.arange(0, 9, 3).tolist() == [0, 3, 6]


def test_full_dtype_follows_value():
    assert torch.full((2, 3), 7).dtype == torch.int64
    assert torch.full((2, 3), 7.0).dtype == torch.float32
    assert torch.full((2, 3), True).dtype == torch.bool


def test_legacy_constructors():
    t = torch.Tensor(3, 4)  # sizes: like torch.empty
    assert t.shape == (3, 4) and t.dtype == torch.float32
    assert torch.Tensor([1, 2]).dtype == torch.float32  # data: always float32
    assert torch.LongTensor([1, 5]).dtype == torch.int64
    assert torch.equal(torch.LongTensor([1, 5]), torch.tensor([1, 5], dtype=torch.long))
    try:  # "float32" is the default float type, which torch.Tensor follows
        torch.set_default_dtype(torch.float64)
        assert torch.Tensor([1, 2]).dtype == torch.float64
    finally:
        torch.set_default_dtype(torch.float32)


def test_new_tensors_go_to_the_default_device():
    assert torch.ones(2).device.type == "cpu"
    try:
        torch.set_default_device("meta")  # stands in for an accelerator on every build
        assert torch.ones(2).device.type == "meta"
    finally:
        torch.set_default_device(None)
    assert torch.ones(2).device.type == "cpu"


# --- devices, seeding, determinism --------------------------------------------------------


def test_to_same_device_returns_same_tensor():
    t = torch.ones(2)
    assert t.to("cpu") is t
    assert t.to(torch.device("cpu")) is t


def test_mixing_devices_raises_except_for_zero_dim_cpu_tensors():
    # the meta device stands in for an accelerator, so this holds on every build
    other = torch.ones(2, device="meta")
    with pytest.raises(RuntimeError, match="device"):
        other + torch.ones(2)
    assert (other + torch.tensor(2.0)).device.type == "meta"


def test_manual_seed_reproduces_and_seeds_all_devices():
    torch.manual_seed(0)
    a = torch.rand(3)
    torch.manual_seed(0)
    b = torch.rand(3)
    c = torch.rand(3)
    assert torch.equal(a, b) and not torch.equal(b, c)
    with mock.patch("torch.cuda.manual_seed_all") as cuda_seed, mock.patch(
        "torch.mps.manual_seed"
    ) as mps_seed:
        torch.manual_seed(0)
    cuda_seed.assert_called_once_with(0)
    mps_seed.assert_called_once_with(0)


def test_deterministic_cublas_needs_no_workspace_variable_in_2_13():
    # older docstrings asked for CUBLAS_WORKSPACE_CONFIG; the page says 2.13's no longer does
    assert torch.__version__.startswith("2.13")
    doc = torch.use_deterministic_algorithms.__doc__
    assert "CUBLAS_WORKSPACE_CONFIG" not in doc and "cuBLAS" not in doc


def test_deterministic_algorithms():
    assert_defaults(torch.use_deterministic_algorithms, warn_only=False)
    assert torch.are_deterministic_algorithms_enabled() is False
    # the cuDNN switches exist on every build (they are plain flags without CUDA)
    assert isinstance(torch.backends.cudnn.benchmark, bool)
    assert isinstance(torch.backends.cudnn.deterministic, bool)
    # The page's snippet shows use_deterministic_algorithms toggling the switch (its output
    # is checked by the code-block tests). Its first call imports torch._inductor (~2 s of
    # CPU), so here the same global switch is flipped through the documented alternative.
    try:
        torch.set_deterministic_debug_mode("error")
        assert torch.are_deterministic_algorithms_enabled() is True
        assert torch.is_deterministic_algorithms_warn_only_enabled() is False
    finally:
        torch.set_deterministic_debug_mode("default")
    assert torch.are_deterministic_algorithms_enabled() is False


# --- indexing and joining -----------------------------------------------------------------


def test_slices_are_views_fancy_indexing_copies():
    t = torch.arange(9).view(3, 3)
    row = t[0]
    row[0] = 100  # a slice shares memory
    assert t[0, 0].item() == 100
    picked = t[[0, 2]]
    picked[0, 0] = -1  # an index list copies
    assert t[0, 0].item() == 100
    masked = t[t > 5]
    assert masked.dim() == 1
    masked[0] = -1  # a boolean mask copies too
    assert t[2, 0].item() == 6
    t[t > 5] = 0  # but assigning through a mask writes
    assert t[2].tolist() == [0, 0, 0]
    assert t[[0, 2], [1, 0]].tolist() == [1, 0]  # index lists pair up


def test_ellipsis_versus_colon():
    t2 = torch.arange(6).view(2, 3)
    assert torch.equal(t2[:, -1], t2[..., -1])
    t3 = torch.arange(1, 13).view(2, 2, 3)
    assert torch.equal(t3[..., -1], t3[:, :, -1])
    assert t3[..., -1].tolist() == [[3, 6], [9, 12]]
    assert torch.equal(t3[:, -1], t3[:, -1, :])
    assert t3[:, -1].tolist() == [[4, 5, 6], [10, 11, 12]]


def test_where_is_elementwise_if_else():
    t = torch.tensor([1, 5, 2])
    assert torch.where(t > 3, t, -1).tolist() == [-1, 5, -1]


def test_cat_and_stack():
    a = torch.arange(6).view(2, 3)
    b = a * 10
    assert torch.equal(torch.cat([a, b]), torch.cat([a, b], dim=0))  # default dim 0
    assert torch.equal(torch.stack([a, b]), torch.stack([a, b], dim=0))
    assert torch.cat([a, b]).shape == (4, 3)
    assert torch.cat([a, b], dim=1).shape == (2, 6)
    assert torch.stack([a, b]).shape == (2, 2, 3)
    assert torch.stack([a, b], dim=1).shape == (2, 2, 3)
    assert torch.stack([a, b], dim=2).shape == (2, 3, 2)
    assert torch.equal(torch.stack([a, b], dim=1)[0], torch.stack([a[0], b[0]]))
    # cat: sizes must match except along dim; stack: shapes must match exactly
    assert torch.cat([a, torch.zeros(1, 3, dtype=a.dtype)]).shape == (3, 3)
    with pytest.raises(RuntimeError):
        torch.cat([a, torch.zeros(2, 2, dtype=a.dtype)])
    with pytest.raises(RuntimeError):
        torch.stack([a, torch.zeros(1, 3, dtype=a.dtype)])


# --- arithmetic ---------------------------------------------------------------------------


def test_elementwise_forms_agree():
    x = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
    y = torch.tensor([[2.0, 2.0], [2.0, 2.0]])
    for op, fn, method in (
        (x + y, torch.add, "add"),
        (x - y, torch.sub, "sub"),
        (x * y, torch.mul, "mul"),
        (x / y, torch.div, "div"),
    ):
        assert torch.equal(op, fn(x, y))
        assert torch.equal(op, getattr(x, method)(y))
        out = torch.empty_like(x)
        fn(x, y, out=out)
        assert torch.equal(op, out)


def test_integer_division_and_promotion():
    i = torch.tensor([7, -7])
    assert (i / 2).dtype == torch.float32
    assert (i / 2).tolist() == [3.5, -3.5]
    assert (i // 2).tolist() == [7 // 2, -7 // 2] == [3, -4]  # floor, like Python
    assert (torch.tensor([1, 2]) + 0.5).dtype == torch.float32


def test_promotion_is_by_category_not_to_the_larger_dtype():
    half = torch.ones(2, dtype=torch.float16)
    assert (half + 2.5).dtype == torch.float16  # a Python float of the same category
    assert (half + torch.tensor(2.5)).dtype == torch.float16  # so does a 0-dim tensor
    assert (half + torch.ones(2)).dtype == torch.float32  # two dimensioned tensors: larger
    assert torch.result_type(half, 2.5) == torch.float16
    # an integer tensor plus a Python float gets the default dtype, whatever it is
    try:
        torch.set_default_dtype(torch.float64)
        assert (torch.tensor([1, 2]) + 0.5).dtype == torch.float64
        assert torch.tensor([1.5]).dtype == torch.float64 == torch.rand(1).dtype
    finally:
        torch.set_default_dtype(torch.float32)


def test_matrix_product_formula():
    torch.manual_seed(0)
    A, B = torch.randn(2, 3), torch.randn(3, 4)
    by_hand = torch.tensor(
        [[sum(A[i, j] * B[j, k] for j in range(3)) for k in range(4)] for i in range(2)]
    )
    torch.testing.assert_close(A @ B, by_hand)
    for other in (A.matmul(B), torch.matmul(A, B), torch.mm(A, B)):
        torch.testing.assert_close(other, by_hand)


def test_batched_products_agree():
    torch.manual_seed(0)
    A, B = torch.randn(4, 2, 3), torch.randn(4, 3, 5)
    by_hand = torch.zeros(4, 2, 5)
    for b, i, k in itertools.product(range(4), range(2), range(5)):
        by_hand[b, i, k] = sum(A[b, i, j] * B[b, j, k] for j in range(3))
    for result in (
        A @ B,
        torch.matmul(A, B),
        torch.bmm(A, B),
        torch.einsum("bij,bjk->bik", A, B),
        torch.stack([torch.mm(A[i], B[i]) for i in range(4)]),
    ):
        torch.testing.assert_close(result, by_hand)


def test_product_table_claims():
    torch.manual_seed(0)
    A = torch.randn(4, 2, 3)
    W = torch.randn(3, 5)
    # matmul broadcasts over batch dimensions
    torch.testing.assert_close(A @ W, torch.stack([a @ W for a in A]))
    assert (torch.randn(2, 1, 2, 3) @ torch.randn(5, 3, 4)).shape == (2, 5, 2, 4)
    # mm: exactly two 2-D matrices
    with pytest.raises(RuntimeError):
        torch.mm(A, W)
    with pytest.raises(RuntimeError):
        torch.mm(W, torch.randn(5))
    # bmm: exactly 3-D, same batch size, no broadcasting
    with pytest.raises(RuntimeError):
        torch.bmm(A, W)
    with pytest.raises(RuntimeError):
        torch.bmm(A, torch.randn(1, 3, 5))
    # einsum broadcasts size-1 dimensions and over "..."
    torch.testing.assert_close(torch.einsum("...ij,jk->...ik", A, W), A @ W)
    x, y = torch.randn(2, 3), torch.randn(1, 3)
    torch.testing.assert_close(torch.einsum("ij,ij->ij", x, y), x * y)


def test_vector_products_and_einsum_examples():
    v = torch.tensor([1.0, 2.0, 3.0])
    M = torch.tensor([[1.0, 0.0, 0.0], [0.0, 2.0, 0.0]])
    dot = v @ v
    assert dot.dim() == 0 and dot.item() == 14.0
    assert (M @ v).tolist() == [1.0, 4.0]
    assert torch.equal(torch.einsum("ij->ji", M), M.T)
    E = torch.randn(3, 3)
    torch.testing.assert_close(torch.einsum("ii->", E), torch.trace(E))
    torch.testing.assert_close(torch.einsum("i,j->ij", v, v), torch.outer(v, v))


def test_item_and_tolist():
    t = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    s = t.sum()
    assert s.dim() == 0
    assert type(s.item()) is float and s.item() == 21.0
    assert type(torch.tensor([3]).item()) is int
    assert type(torch.tensor(True).item()) is bool
    with pytest.raises(RuntimeError):
        t.item()  # more than one element
    assert t.tolist() == [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]


def test_in_place_operations():
    x = torch.zeros(2, 3)
    y = torch.arange(6.0).view(2, 3)
    ptr = x.data_ptr()
    x.copy_(y).add_(5)
    assert x.data_ptr() == ptr and torch.equal(x, y + 5)
    w = y.add(5)
    assert torch.equal(w, x) and y[0, 0].item() == 0.0  # out of place leaves y alone
    z = torch.arange(6.0).view(2, 3)
    z.t_()
    assert z.shape == (3, 2)


def test_in_place_breaks_autograd():
    a = torch.tensor([1.0, 2.0], requires_grad=True)
    with pytest.raises(RuntimeError, match="leaf Variable that requires grad"):
        a.add_(1)
    b = a.exp()
    b.add_(1)
    with pytest.raises(RuntimeError, match="modified by an inplace operation"):
        b.sum().backward()
    (a.exp() + 1).sum().backward()
    torch.testing.assert_close(a.grad, torch.exp(torch.tensor([1.0, 2.0])))
    with torch.no_grad():
        a.add_(1)  # allowed when autograd is not recording
    assert a.tolist() == [2.0, 3.0]


# --- broadcasting -------------------------------------------------------------------------


def broadcast_by_hand(s1, s2):
    """The page's three rules: pad on the left with 1s, sizes equal or 1, take the larger."""
    n = max(len(s1), len(s2))
    s1 = (1,) * (n - len(s1)) + tuple(s1)
    s2 = (1,) * (n - len(s2)) + tuple(s2)
    out = []
    for a, b in zip(s1, s2):
        if a != b and 1 not in (a, b):
            return None
        out.append(max(a, b))
    return tuple(out)


SHAPES = [(), (1,), (3,), (4,), (2, 1), (3, 1), (1, 4), (2, 3), (3, 4), (5, 1, 4), (2, 1, 1), (1, 3, 4)]


def test_broadcasting_rules():
    failures = 0
    for s1, s2 in itertools.product(SHAPES, repeat=2):
        expected = broadcast_by_hand(s1, s2)
        a, b = torch.zeros(s1), torch.zeros(s2)
        if expected is None:
            failures += 1
            with pytest.raises(RuntimeError):
                torch.broadcast_shapes(s1, s2)
            with pytest.raises(RuntimeError, match="must match the size"):
                a + b
        else:
            assert tuple(torch.broadcast_shapes(s1, s2)) == expected, (s1, s2)
            assert tuple((a + b).shape) == expected, (s1, s2)
    assert failures > 0  # the shape list exercises the error case too


def test_broadcasting_examples():
    column = torch.tensor([[0], [10], [20]])
    row = torch.tensor([1, 2, 3, 4])
    table = column + row
    assert table.shape == (3, 4)
    assert torch.equal(table, column.expand(3, 4) + row.expand(3, 4))
    assert torch.broadcast_shapes((5, 1, 4), (3, 1)) == (5, 3, 4)
    a, b = torch.ones(2, 3), torch.ones(2)
    with pytest.raises(RuntimeError, match=r"size of tensor a \(3\).*tensor b \(2\).*dimension 1"):
        a + b
    assert (a + b.unsqueeze(1)).shape == (2, 3)
    assert torch.equal(b.unsqueeze(1), b[:, None])


# --- changing shape -----------------------------------------------------------------------


def test_view_shares_memory_and_infers_minus_one():
    x = torch.arange(12)
    v = x.view(3, 4)
    assert v.data_ptr() == x.data_ptr()
    v[0, 0] = 100
    assert x[0].item() == 100
    assert x.reshape(4, -1).shape == (4, 3)
    with pytest.raises(RuntimeError):
        x.view(5, -1)
    assert torch.equal(x.view(3, 4).t(), x.view(3, 4).T)


def test_view_fails_on_permuted_tensor_reshape_copies():
    x = torch.arange(6).view(2, 3)
    p = x.permute(1, 0)
    assert torch.equal(p, x.T) and torch.equal(p, x.t())
    assert p.data_ptr() == x.data_ptr()  # permute moves no data
    assert x.stride() == (3, 1) and p.stride() == (1, 3)
    assert x.is_contiguous() and not p.is_contiguous()
    with pytest.raises(RuntimeError, match="Use .reshape"):
        p.view(6)
    flat = p.reshape(6)
    assert flat.data_ptr() != x.data_ptr()  # a copy was needed
    assert flat.tolist() == [0, 3, 1, 4, 2, 5]
    assert torch.equal(p.contiguous().view(6), flat)
    assert x.reshape(3, 2).data_ptr() == x.data_ptr()  # contiguous: reshape is a view


def test_view_works_on_some_non_contiguous_tensors():
    p = torch.arange(6).view(2, 3).permute(1, 0)
    assert p.view(3, 1, 2).data_ptr() == p.data_ptr()  # inserting a size-1 dimension
    cols = torch.arange(12).view(3, 4)[:, :2]  # a column slice: not contiguous
    assert not cols.is_contiguous()
    assert cols.view(3, 2, 1).data_ptr() == cols.data_ptr()
    wide = torch.arange(24).view(2, 12)[:, :6]  # splitting a dimension
    assert not wide.is_contiguous() and wide.view(2, 2, 3).data_ptr() == wide.data_ptr()
    with pytest.raises(RuntimeError):
        cols.view(6)  # merging rows that are not adjacent in memory


def test_squeeze_unsqueeze_flatten():
    x = torch.zeros(3, 4)
    assert x.unsqueeze(0).shape == (1, 3, 4)
    assert x.unsqueeze(-1).shape == (3, 4, 1)
    y = torch.zeros(1, 3, 1, 4)
    assert y.squeeze().shape == (3, 4)
    assert y.squeeze(0).shape == (3, 1, 4)
    batch = torch.arange(16 * 28 * 28.0).view(16, 1, 28, 28)
    assert torch.equal(batch.view(batch.size(0), -1), batch.flatten(start_dim=1))
    assert batch.flatten(start_dim=1).shape == (16, 784)


# --- the NumPy bridge ---------------------------------------------------------------------


def test_numpy_shares_memory_both_ways():
    t = torch.ones(5)
    n = t.numpy()
    t.add_(1)
    assert n.tolist() == [2.0] * 5
    n[0] = 7
    assert t[0].item() == 7

    n = np.ones(5)
    t = torch.from_numpy(n)
    np.add(n, 1, out=n)
    assert t.tolist() == [2.0] * 5
    t[1] = 9
    assert n[1] == 9


def test_tensor_copies_as_tensor_shares():
    n = np.ones(3)
    copied = torch.tensor(n)
    shared = torch.as_tensor(n)
    n[0] = 100
    assert copied[0].item() == 1.0
    assert shared[0].item() == 100.0


def test_numpy_needs_detach_for_grad_tensors():
    w = torch.ones(2, requires_grad=True)
    with pytest.raises(RuntimeError, match="detach"):
        w.numpy()
    assert w.detach().numpy().tolist() == [1.0, 1.0]
