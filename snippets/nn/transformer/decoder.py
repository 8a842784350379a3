import torch
from torch import nn

torch.manual_seed(0)
layer = nn.TransformerDecoderLayer(d_model=16, nhead=2, dim_feedforward=32, batch_first=True)
decoder = nn.TransformerDecoder(layer, num_layers=2)

memory = torch.randn(4, 9, 16)  # encoder output: (batch, src_len, d_model)
tgt = torch.randn(4, 5, 16)  # target so far:  (batch, tgt_len, d_model)
tgt_mask = nn.Transformer.generate_square_subsequent_mask(5)

out = decoder(tgt, memory, tgt_mask=tgt_mask)
print("output:", tuple(out.shape))  # one vector per target position
print([name for name, _ in layer.named_children()])
