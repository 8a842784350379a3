import warnings

from torch import nn

names = nn.modules.loss.__all__
print(len(names), "loss modules")

with warnings.catch_warnings():
    warnings.simplefilter("ignore", FutureWarning)  # NLLLoss2d is deprecated
    losses = [getattr(nn, name)(4, 3) if name == "LinearCrossEntropyLoss" else getattr(nn, name)() for name in names]

print("default reductions:", {loss.reduction for loss in losses})
print("with parameters:", [type(loss).__name__ for loss in losses if list(loss.parameters())])
