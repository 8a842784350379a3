import torch
from torch import nn

torch.manual_seed(0)
layer = nn.TransformerEncoderLayer(d_model=16, nhead=2, dim_feedforward=32, batch_first=True)
model = nn.TransformerEncoder(layer, num_layers=2, enable_nested_tensor=False).eval()  # eval: no dropout

seq_len, t = 6, 3
mask = nn.Transformer.generate_square_subsequent_mask(seq_len)
x = torch.randn(1, seq_len, 16)
x_changed = x.clone()
x_changed[0, t] = torch.randn(16)  # change only the token at position t

with torch.no_grad():
    y, y_changed = model(x, mask=mask), model(x_changed, mask=mask)
    y_nomask, y_changed_nomask = model(x), model(x_changed)

changed = (y - y_changed).abs().amax(dim=-1)[0]  # largest change at each position
print("with mask   :", changed.round(decimals=3))
changed = (y_nomask - y_changed_nomask).abs().amax(dim=-1)[0]
print("without mask:", changed.round(decimals=3))
print("outputs before t identical:", torch.equal(y[:, :t], y_changed[:, :t]))
