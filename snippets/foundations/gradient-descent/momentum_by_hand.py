import torch
from torch import nn

torch.manual_seed(0)


class HandSGD:
    """torch.optim.SGD written out: weight decay, momentum, dampening, Nesterov."""

    def __init__(self, params, lr=0.001, momentum=0.0, dampening=0.0, weight_decay=0.0, nesterov=False):
        self.params = list(params)
        self.lr, self.momentum, self.dampening = lr, momentum, dampening
        self.weight_decay, self.nesterov = weight_decay, nesterov
        self.velocity = [None] * len(self.params)  # one buffer per parameter, created on the first step

    def zero_grad(self):
        for p in self.params:
            p.grad = None

    @torch.no_grad()
    def step(self):
        for i, p in enumerate(self.params):
            if p.grad is None:
                continue  # parameters without a gradient are skipped
            g = p.grad + self.weight_decay * p  # L2 penalty folded into the gradient
            if self.momentum != 0:
                if self.velocity[i] is None:
                    self.velocity[i] = g.clone()  # first step: v = g (no dampening)
                else:
                    self.velocity[i] = self.momentum * self.velocity[i] + (1 - self.dampening) * g
                v = self.velocity[i]
                g = g + self.momentum * v if self.nesterov else v
            p -= self.lr * g


x, target = torch.randn(64, 5), torch.randn(64, 1)
settings = [
    dict(lr=0.1),
    dict(lr=0.1, momentum=0.9),
    dict(lr=0.1, momentum=0.9, nesterov=True),
    dict(lr=0.1, momentum=0.9, dampening=0.5, weight_decay=0.01),
]
for kwargs in settings:
    ours, theirs = nn.Linear(5, 1), nn.Linear(5, 1)
    theirs.load_state_dict(ours.state_dict())  # same starting point
    optimizers = [HandSGD(ours.parameters(), **kwargs), torch.optim.SGD(theirs.parameters(), **kwargs)]
    for step in range(20):
        for model, optimizer in zip((ours, theirs), optimizers):
            optimizer.zero_grad()
            nn.functional.mse_loss(model(x), target).backward()
            optimizer.step()
    same = all(torch.allclose(p, q) for p, q in zip(ours.parameters(), theirs.parameters()))
    print(f"{kwargs}: same after 20 steps: {same}")
