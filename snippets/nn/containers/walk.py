from collections import OrderedDict

from torch import nn

model = nn.Sequential(
    OrderedDict(
        [
            ("features", nn.Sequential(nn.Linear(4, 8), nn.ReLU())),
            ("head", nn.Linear(8, 2)),
        ]
    )
)

print("named_children():")
for name, child in model.named_children():
    print(f"  {name!r:12} {type(child).__name__}")

print("named_modules():")
for name, module in model.named_modules():
    print(f"  {name!r:12} {type(module).__name__}")

n_linear = sum(isinstance(m, nn.Linear) for m in model.modules())
print("Linear layers:", n_linear)
