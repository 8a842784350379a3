import torch
from torch import nn

torch.manual_seed(0)
model = nn.Transformer(d_model=16, nhead=2, num_encoder_layers=2, num_decoder_layers=2,
                       dim_feedforward=32, batch_first=True)

src = torch.randn(4, 9, 16)  # (batch, src_len, d_model): already embedded
tgt = torch.randn(4, 5, 16)  # (batch, tgt_len, d_model)
tgt_mask = nn.Transformer.generate_square_subsequent_mask(5)

out = model(src, tgt, tgt_mask=tgt_mask)
print("output:", tuple(out.shape))
print("parameters:", sum(p.numel() for p in model.parameters()))
print("final norms:", type(model.encoder.norm).__name__, type(model.decoder.norm).__name__)
