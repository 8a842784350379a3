from collections import OrderedDict

from torch import nn

model = nn.Sequential(
    OrderedDict(
        [
            ("hidden", nn.Linear(4, 8)),
            ("act", nn.ReLU()),
            ("out", nn.Linear(8, 2)),
        ]
    )
)
print(model)
print(model.hidden)  # layers are attributes under their names
print([name for name, _ in model.named_parameters()])
