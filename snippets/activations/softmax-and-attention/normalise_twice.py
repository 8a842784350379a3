import torch
from torch import nn

torch.manual_seed(0)
x = torch.randn(64, 5)
target = (x @ torch.randn(5, 3)).argmax(dim=1)  # 3 classes a linear model can learn
loss_fn = nn.CrossEntropyLoss()

# One linear model, three last layers, 200 SGD steps each from the same start.
for name, last in [("logits", nn.Identity()), ("LogSoftmax", nn.LogSoftmax(dim=1)), ("Softmax", nn.Softmax(dim=1))]:
    torch.manual_seed(1)
    linear = nn.Linear(5, 3)
    model = nn.Sequential(linear, last)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.5)
    loss_fn(model(x), target).backward()
    grad = linear.weight.grad.clone()
    for _ in range(200):
        optimizer.zero_grad()
        loss_fn(model(x), target).backward()
        optimizer.step()
    if name == "logits":
        reference = grad
    true_loss = loss_fn(linear(x), target).item()  # cross-entropy of the real logits
    print(f"{name:10}  same first gradient: {torch.allclose(grad, reference)!s:5}  "
          f"cross-entropy after 200 steps: {true_loss:.4f}")
