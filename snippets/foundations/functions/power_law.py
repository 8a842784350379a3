import torch

torch.manual_seed(0)
x = torch.tensor([1.0, 2.0, 4.0, 8.0, 16.0, 32.0])
y = 3 * x ** 2 * torch.exp(0.05 * torch.randn(6))   # y = 3 x^2, with 5 % noise

# ln y = ln 3 + 2 ln x is a straight line in (ln x, ln y): fit it by least squares
A = torch.stack([torch.ones(6), torch.log(x)], dim=1)
intercept, slope = torch.linalg.lstsq(A, torch.log(y).unsqueeze(1)).solution.squeeze(1)
print(f"exponent (slope): {slope:.3f}")
print(f"factor e^intercept: {intercept.exp():.3f}")
