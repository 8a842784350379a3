import warnings

import torch
from torch import nn

torch.manual_seed(0)
softmax = nn.Softmax()  # dim=None: torch has to guess
print(softmax)

for shape in [(4,), (2, 4), (2, 3, 4), (2, 3, 4, 5)]:
    x = torch.randn(shape)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        y = softmax(x)
    chosen = [d for d in range(x.dim()) if torch.allclose(y, x.softmax(dim=d))]
    print(f"{x.dim()}-D input: normalised over dim {chosen[0]}")

print(caught[0].category.__name__ + ":", caught[0].message)
