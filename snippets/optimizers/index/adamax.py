import torch

p = torch.zeros(1, dtype=torch.float64, requires_grad=True)
optimizer = torch.optim.Adamax([p])  # lr=0.002, betas=(0.9, 0.999)

for gradient in (1.0, 1.0, 10.0, 1.0, 1.0):  # one spike
    before = p.item()
    p.grad = torch.tensor([gradient], dtype=torch.float64)
    optimizer.step()
    u = optimizer.state[p]["exp_inf"].item()
    print(f"g={gradient:4}  u={u:.4f}  step={before - p.item():.5f}")
