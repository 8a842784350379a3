import torch
from torch import nn

print(torch.tensor(1e-8).half())  # too small for float16: becomes 0
print(torch.tensor(1e-8 * 65536).half())  # scaled first, it survives

torch.manual_seed(0)
model = nn.Linear(16, 4)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
scaler = torch.amp.GradScaler("cpu")  # on a GPU: torch.amp.GradScaler("cuda")
x, labels = torch.randn(8, 16), torch.randint(0, 4, (8,))

for step in range(3):
    optimizer.zero_grad()
    with torch.autocast("cpu", dtype=torch.float16):
        loss = nn.functional.cross_entropy(model(x), labels)
    scaler.scale(loss).backward()  # backward of loss * scale
    scaler.unscale_(optimizer)  # divide the gradients by the scale again ...
    nn.utils.clip_grad_norm_(model.parameters(), max_norm=1.0)  # ... so clipping sees true values
    scaler.step(optimizer)  # skips the step if any gradient is inf or nan
    scaler.update()  # adjusts the scale for the next step
print("scale:", scaler.get_scale())
