import torch
from torch import nn

torch.manual_seed(0)


class EncoderClassifier(nn.Module):
    """Token ids -> embeddings + positions -> TransformerEncoder -> mean over real tokens -> classes."""

    def __init__(self, vocab_size, num_classes, d_model=16, max_len=12):
        super().__init__()
        self.embed = nn.Embedding(vocab_size, d_model, padding_idx=0)
        self.position = nn.Embedding(max_len, d_model)  # learned positional encoding
        layer = nn.TransformerEncoderLayer(d_model, nhead=2, dim_feedforward=4 * d_model,
                                           dropout=0.0, batch_first=True)
        self.encoder = nn.TransformerEncoder(layer, num_layers=2, enable_nested_tensor=False)
        self.head = nn.Linear(d_model, num_classes)

    def forward(self, tokens):
        padding = tokens == 0  # True where there is no token
        positions = torch.arange(tokens.size(1))
        x = self.encoder(self.embed(tokens) + self.position(positions), src_key_padding_mask=padding)
        real = (~padding).unsqueeze(-1).float()
        pooled = (x * real).sum(1) / real.sum(1)  # average over the real tokens only
        return self.head(pooled)


def make_batch(n):
    """Sequences of 4 to 12 tokens from 1..9, padded with 0; label: does token 7 occur?"""
    lengths = torch.randint(4, 13, (n,))
    tokens = torch.randint(1, 10, (n, 12))
    tokens[torch.arange(12) >= lengths.unsqueeze(1)] = 0
    return tokens, (tokens == 7).any(dim=1).long()


model = EncoderClassifier(vocab_size=10, num_classes=2)
optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
for step in range(60):
    tokens, labels = make_batch(32)
    loss = nn.functional.cross_entropy(model(tokens), labels)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()

model.eval()
tokens, labels = make_batch(500)
with torch.no_grad():
    logits = model(tokens)
print("logits:", tuple(logits.shape))
print(f"held-out accuracy: {(logits.argmax(1) == labels).float().mean():.2f}")
