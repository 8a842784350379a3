import torch


def sinusoidal_encoding(num_positions, d_model):
    """PE[pos, 2i] = sin(pos / 10000^(2i/d)), PE[pos, 2i+1] = cos(pos / 10000^(2i/d))."""
    pos = torch.arange(num_positions, dtype=torch.float32).unsqueeze(1)  # (P, 1)
    two_i = torch.arange(0, d_model, 2, dtype=torch.float32)  # 0, 2, 4, ...
    angle = pos / 10000 ** (two_i / d_model)  # (P, d_model / 2)
    pe = torch.zeros(num_positions, d_model)
    pe[:, 0::2] = torch.sin(angle)  # even columns
    pe[:, 1::2] = torch.cos(angle)  # odd columns
    return pe


pe = sinusoidal_encoding(50, 32)
print("shape:", tuple(pe.shape))
print("position 0:", pe[0, :6])
print("position 1:", pe[1, :6].round(decimals=4))
print("all values in [-1, 1]:", bool(pe.abs().max() <= 1))

# Add it to a batch of token embeddings (batch, seq_len, d_model); it broadcasts over the batch
torch.manual_seed(0)
embeddings = torch.randn(3, 10, 32)
x = embeddings + pe[:10]
print("encoded batch:", tuple(x.shape))
