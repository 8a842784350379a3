import torch

start = torch.tensor([10.0, 1.0, 0.1], dtype=torch.float64)
for cls in (torch.optim.AdamW, torch.optim.Adam):
    p = start.clone().requires_grad_(True)
    optimizer = cls([p], lr=0.01, weight_decay=0.1)
    p.grad = torch.zeros_like(p)  # no gradient from the loss: only weight decay acts
    optimizer.step()
    print(f"{cls.__name__:5} moved each weight by", (start - p.detach()).round(decimals=6).tolist())
