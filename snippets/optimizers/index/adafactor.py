import torch

weight = torch.zeros(300, 200, requires_grad=True)
weight.grad = torch.randn(300, 200)

for cls in (torch.optim.Adam, torch.optim.Adafactor):
    optimizer = cls([weight])
    optimizer.step()
    stored = {name: value for name, value in optimizer.state[weight].items() if value.dim() > 0}  # skip "step"
    shapes = {name: tuple(value.shape) for name, value in stored.items()}
    numbers = sum(value.numel() for value in stored.values())
    print(f"{cls.__name__:9} {shapes}: {numbers} numbers for {weight.numel()} weights")
