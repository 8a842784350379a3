import torch


def bowl(p):  # a long, narrow valley: 100 times steeper along p[1] than along p[0]
    return p[0] ** 2 + 100 * p[1] ** 2


def run(steps=50, **kwargs):
    p = torch.tensor([1.0, 1.0], requires_grad=True)
    optimizer = torch.optim.SGD([p], **kwargs)
    for _ in range(steps):
        optimizer.zero_grad()
        bowl(p).backward()
        optimizer.step()
    return p.detach().round(decimals=4), round(bowl(p).item(), 4)


print("plain:   ", *run(lr=0.005))
print("momentum:", *run(lr=0.005, momentum=0.8))
print("nesterov:", *run(lr=0.005, momentum=0.8, nesterov=True))
