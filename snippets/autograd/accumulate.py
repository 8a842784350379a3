import torch

a = torch.tensor(2.0, requires_grad=True)
for step in range(3):
    (a**2).backward()  # d(a^2)/da = 2a = 4, added to a.grad each time
    print(f"after backward {step + 1}: a.grad = {a.grad}")

a.grad.zero_()  # reset by hand, in place
print(f"after zero_():   a.grad = {a.grad}")
