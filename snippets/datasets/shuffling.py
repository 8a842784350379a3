import torch
from torch.utils.data import DataLoader

torch.manual_seed(0)

data = torch.arange(10)  # a tensor is already a map-style dataset: it has len() and [i]

print([batch.tolist() for batch in DataLoader(data, batch_size=5)])  # shuffle off: in order

loader = DataLoader(data, batch_size=5, shuffle=True, generator=torch.Generator().manual_seed(0))
for epoch in range(2):  # a new order every time the loader is iterated
    print(f"epoch {epoch}:", [batch.tolist() for batch in loader])

again = DataLoader(data, batch_size=5, shuffle=True, generator=torch.Generator().manual_seed(0))
print("same seed:", [batch.tolist() for batch in again])
