"""Checks for docs/nn/recurrent.md: shapes, defaults and the RNN/LSTM/GRU equations."""

import math

import pytest
import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence, pad_sequence

from tests.checks import assert_defaults


def _rnn_by_hand(layer, x, h):
    """x: (seq_len, batch, in); h: (batch, hidden). Returns (outputs, h_n)."""
    outs = []
    for x_t in x:
        h = torch.tanh(x_t @ layer.weight_ih_l0.T + layer.bias_ih_l0 + h @ layer.weight_hh_l0.T + layer.bias_hh_l0)
        outs.append(h)
    return torch.stack(outs), h


def _lstm_by_hand(layer, x, h, c):
    w_ii, w_if, w_ig, w_io = layer.weight_ih_l0.chunk(4)
    w_hi, w_hf, w_hg, w_ho = layer.weight_hh_l0.chunk(4)
    b_ii, b_if, b_ig, b_io = layer.bias_ih_l0.chunk(4)
    b_hi, b_hf, b_hg, b_ho = layer.bias_hh_l0.chunk(4)
    outs = []
    for x_t in x:
        i = torch.sigmoid(x_t @ w_ii.T + b_ii + h @ w_hi.T + b_hi)
        f = torch.sigmoid(x_t @ w_if.T + b_if + h @ w_hf.T + b_hf)
        g = torch.tanh(x_t @ w_ig.T + b_ig + h @ w_hg.T + b_hg)
        o = torch.sigmoid(x_t @ w_io.T + b_io + h @ w_ho.T + b_ho)
        c = f * c + i * g
        h = o * torch.tanh(c)
        outs.append(h)
    return torch.stack(outs), h, c


def _gru_by_hand(layer, x, h):
    w_ir, w_iz, w_in = layer.weight_ih_l0.chunk(3)
    w_hr, w_hz, w_hn = layer.weight_hh_l0.chunk(3)
    b_ir, b_iz, b_in = layer.bias_ih_l0.chunk(3)
    b_hr, b_hz, b_hn = layer.bias_hh_l0.chunk(3)
    outs = []
    for x_t in x:
        r = torch.sigmoid(x_t @ w_ir.T + b_ir + h @ w_hr.T + b_hr)
        z = torch.sigmoid(x_t @ w_iz.T + b_iz + h @ w_hz.T + b_hz)
        n = torch.tanh(x_t @ w_in.T + b_in + r * (h @ w_hn.T + b_hn))
        h = (1 - z) * n + z * h
        outs.append(h)
    return torch.stack(outs), h


@pytest.fixture
def data():
    torch.manual_seed(0)
    return torch.randn(5, 3, 4, dtype=torch.float64), torch.randn(3, 6, dtype=torch.float64)


def test_rnn_equation(data):
    x, h0 = data
    torch.manual_seed(1)
    layer = nn.RNN(4, 6).double()
    out, h_n = layer(x, h0.unsqueeze(0))
    hand_out, hand_h = _rnn_by_hand(layer, x, h0)
    torch.testing.assert_close(hand_out, out)
    torch.testing.assert_close(hand_h, h_n[0])


def test_rnn_relu_nonlinearity(data):
    x, h0 = data
    layer = nn.RNN(4, 6, nonlinearity="relu").double()
    out, _ = layer(x, h0.unsqueeze(0))
    h, outs = h0, []
    for x_t in x:
        h = torch.relu(x_t @ layer.weight_ih_l0.T + layer.bias_ih_l0 + h @ layer.weight_hh_l0.T + layer.bias_hh_l0)
        outs.append(h)
    torch.testing.assert_close(torch.stack(outs), out)


def test_lstm_equations_gate_order_ifgo(data):
    x, h0 = data
    torch.manual_seed(2)
    c0 = torch.randn(3, 6, dtype=torch.float64)
    layer = nn.LSTM(4, 6).double()
    out, (h_n, c_n) = layer(x, (h0.unsqueeze(0), c0.unsqueeze(0)))
    hand_out, hand_h, hand_c = _lstm_by_hand(layer, x, h0, c0)
    torch.testing.assert_close(hand_out, out)
    torch.testing.assert_close(hand_h, h_n[0])
    torch.testing.assert_close(hand_c, c_n[0])


def test_gru_equations_gate_order_rzn(data):
    x, h0 = data
    torch.manual_seed(3)
    layer = nn.GRU(4, 6).double()
    out, h_n = layer(x, h0.unsqueeze(0))
    hand_out, hand_h = _gru_by_hand(layer, x, h0)
    torch.testing.assert_close(hand_out, out)
    torch.testing.assert_close(hand_h, h_n[0])


def test_candidates_are_tanh_values_not_gates(data):
    # open the gates fully through their biases: then the state is the candidate itself,
    # which takes negative values (a gate, a sigmoid, never does)
    x, h0 = data
    gru = nn.GRU(4, 6).double()
    with torch.no_grad():
        gru.bias_ih_l0[6:12] = -50.0  # z = 0: h_t = n_t
    out, _ = gru(x, h0.unsqueeze(0))
    assert (out < 0).any() and (out.abs() < 1).all()
    lstm = nn.LSTM(4, 6).double()
    with torch.no_grad():
        lstm.bias_ih_l0[:6] = 50.0  # i = 1
        lstm.bias_ih_l0[6:12] = -50.0  # f = 0: c_t = g_t
    _, (_, c_n) = lstm(x)
    assert (c_n < 0).any() and (c_n.abs() < 1).all()


def test_gru_reset_gate_inside_is_not_the_same_as_before_matmul(data):
    """The page stresses that r multiplies (W_hn h + b_hn), not h before the product."""
    x, h0 = data
    layer = nn.GRU(4, 6).double()
    out, _ = layer(x, h0.unsqueeze(0))
    w_ir, w_iz, w_in = layer.weight_ih_l0.chunk(3)
    w_hr, w_hz, w_hn = layer.weight_hh_l0.chunk(3)
    b_ir, b_iz, b_in = layer.bias_ih_l0.chunk(3)
    b_hr, b_hz, b_hn = layer.bias_hh_l0.chunk(3)
    h, outs = h0, []
    for x_t in x:
        r = torch.sigmoid(x_t @ w_ir.T + b_ir + h @ w_hr.T + b_hr)
        z = torch.sigmoid(x_t @ w_iz.T + b_iz + h @ w_hz.T + b_hz)
        n = torch.tanh(x_t @ w_in.T + b_in + (r * h) @ w_hn.T + b_hn)
        h = (1 - z) * n + z * h
        outs.append(h)
    assert not torch.allclose(torch.stack(outs), out)


def test_defaults():
    base = nn.modules.rnn.RNNBase
    assert_defaults(base, num_layers=1, bias=True, batch_first=False, dropout=0.0, bidirectional=False, proj_size=0)
    for cls in (nn.RNN, nn.LSTM, nn.GRU):
        assert issubclass(cls, base)
        layer = cls(4, 6)
        assert (layer.num_layers, layer.bias, layer.batch_first, layer.dropout, layer.bidirectional) == (
            1, True, False, 0.0, False)
    assert nn.RNN(4, 6).nonlinearity == "tanh"
    assert nn.LSTM(4, 6).proj_size == 0


def test_default_init_uniform_bound():
    torch.manual_seed(0)
    hidden = 25
    for cls in (nn.RNN, nn.LSTM, nn.GRU):
        bound = 1 / math.sqrt(hidden)
        for p in cls(10, hidden).parameters():
            assert p.abs().max() <= bound
            assert p.abs().max() > 0.9 * bound


def test_dropout_single_layer_warns():
    with pytest.warns(UserWarning, match="num_layers greater than 1"):
        nn.LSTM(4, 6, dropout=0.5)


@pytest.mark.filterwarnings("ignore:LSTM with projections")
def test_shapes():
    torch.manual_seed(0)
    x = torch.randn(5, 3, 4)
    out, h_n = nn.RNN(4, 6, num_layers=2)(x)
    assert out.shape == (5, 3, 6) and h_n.shape == (2, 3, 6)
    out, h_n = nn.RNN(4, 6, num_layers=2, batch_first=True)(x.transpose(0, 1))
    assert out.shape == (3, 5, 6) and h_n.shape == (2, 3, 6)
    out, h_n = nn.RNN(4, 6, num_layers=2, batch_first=True, bidirectional=True)(x.transpose(0, 1))
    assert out.shape == (3, 5, 12) and h_n.shape == (4, 3, 6)
    out, (h_n, c_n) = nn.LSTM(4, 6, num_layers=2)(x)
    assert out.shape == (5, 3, 6) and h_n.shape == c_n.shape == (2, 3, 6)
    # unbatched input
    out, h_n = nn.GRU(4, 6)(x[:, 0])
    assert out.shape == (5, 6) and h_n.shape == (1, 6)
    # proj_size shrinks h (and the output), not c
    out, (h_n, c_n) = nn.LSTM(4, 6, proj_size=3)(x)
    assert out.shape == (5, 3, 3) and h_n.shape == (1, 3, 3) and c_n.shape == (1, 3, 6)


def test_parameter_counts_ratio():
    def count(cls):
        return sum(p.numel() for p in cls(4, 6).parameters())

    rnn = 6 * (4 + 6 + 2)
    assert (count(nn.RNN), count(nn.GRU), count(nn.LSTM)) == (rnn, 3 * rnn, 4 * rnn) == (72, 216, 288)


def test_bidirectional_halves():
    torch.manual_seed(0)
    layer = nn.LSTM(4, 6, batch_first=True, bidirectional=True)
    out, (h_n, _) = layer(torch.randn(3, 5, 4))
    torch.testing.assert_close(out[:, -1, :6], h_n[0])
    torch.testing.assert_close(out[:, 0, 6:], h_n[1])


def test_packing():
    torch.manual_seed(0)
    seqs = [torch.randn(4, 2), torch.randn(2, 2), torch.randn(3, 2)]
    lengths = torch.tensor([4, 2, 3])
    padded = pad_sequence(seqs, batch_first=True)
    gru = nn.GRU(2, 3, batch_first=True)
    packed_out, h_n = gru(pack_padded_sequence(padded, lengths, batch_first=True, enforce_sorted=False))
    out, out_lengths = pad_packed_sequence(packed_out, batch_first=True)
    assert out_lengths.tolist() == [4, 2, 3]
    for b, seq in enumerate(seqs):
        # same as running each sequence on its own
        alone, h_alone = gru(seq.unsqueeze(0))
        torch.testing.assert_close(out[b, : len(seq)], alone[0])
        torch.testing.assert_close(h_n[0, b], h_alone[0, 0])
        assert (out[b, len(seq):] == 0).all()
    assert_defaults(pack_padded_sequence, batch_first=False, enforce_sorted=True)


def test_dropout_does_nothing_with_one_layer():
    torch.manual_seed(0)
    x = torch.randn(5, 3, 4)
    with pytest.warns(UserWarning):
        with_dropout = nn.GRU(4, 6, dropout=0.5).train()
    plain = nn.GRU(4, 6).train()
    plain.load_state_dict(with_dropout.state_dict())
    torch.testing.assert_close(with_dropout(x)[0], plain(x)[0])


def test_dropout_between_layers_only_in_training():
    torch.manual_seed(0)
    x = torch.randn(5, 3, 4)
    layer = nn.GRU(4, 6, num_layers=2, dropout=0.5)
    layer.eval()
    torch.testing.assert_close(layer(x)[0], layer(x)[0])
    layer.train()
    assert not torch.allclose(layer(x)[0], layer(x)[0])


def test_h_n_order_layer_by_layer_forward_first():
    torch.manual_seed(0)
    layer = nn.GRU(4, 6, num_layers=2, bidirectional=True, batch_first=True)
    out, h_n = layer(torch.randn(3, 5, 4))
    assert h_n.shape == (4, 3, 6)
    torch.testing.assert_close(out[:, -1, :6], h_n[2])  # top layer, forward
    torch.testing.assert_close(out[:, 0, 6:], h_n[3])  # top layer, backward
    torch.testing.assert_close(h_n.view(2, 2, 3, 6)[1], h_n[2:])


def test_cells_exist_and_match_one_step():
    torch.manual_seed(0)
    for layer_cls, cell_cls in ((nn.RNN, nn.RNNCell), (nn.GRU, nn.GRUCell)):
        layer, cell = layer_cls(4, 6), cell_cls(4, 6)
        cell.weight_ih.data, cell.weight_hh.data = layer.weight_ih_l0.data, layer.weight_hh_l0.data
        cell.bias_ih.data, cell.bias_hh.data = layer.bias_ih_l0.data, layer.bias_hh_l0.data
        x = torch.randn(1, 3, 4)
        torch.testing.assert_close(cell(x[0]), layer(x)[1][0])
    assert issubclass(nn.LSTMCell, nn.Module)


def test_padding_helpers_pad_with_zeros():
    assert_defaults(pad_sequence, batch_first=False, padding_value=0.0)
    assert_defaults(pad_packed_sequence, batch_first=False, padding_value=0.0)
