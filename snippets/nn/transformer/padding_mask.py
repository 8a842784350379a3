import torch
from torch import nn

torch.manual_seed(0)
layer = nn.TransformerEncoderLayer(d_model=16, nhead=2, dim_feedforward=32, batch_first=True)
model = nn.TransformerEncoder(layer, num_layers=2, enable_nested_tensor=False).eval()

x = torch.randn(2, 5, 16)
# True marks padding: sequence 0 is full, sequence 1 has 3 real tokens
padding = torch.tensor([[False, False, False, False, False],
                        [False, False, False, True, True]])

x_other_pad = x.clone()
x_other_pad[1, 3:] = 100.0  # put anything in the padded slots
with torch.no_grad():
    y = model(x, src_key_padding_mask=padding)
    y_other_pad = model(x_other_pad, src_key_padding_mask=padding)

print("real tokens unchanged:", torch.allclose(y[1, :3], y_other_pad[1, :3]))
