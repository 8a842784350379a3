import torch

torch.manual_seed(0)
x = torch.ones(5)
w = torch.randn(5, 3, requires_grad=True)
b = torch.randn(3, requires_grad=True)

z = torch.matmul(x, w) + b
print("normal:        ", z.requires_grad)

with torch.no_grad():
    z = torch.matmul(x, w) + b
print("no_grad:       ", z.requires_grad)

with torch.inference_mode():
    z = torch.matmul(x, w) + b
print("inference_mode:", z.requires_grad, "| inference tensor:", z.is_inference())

z = torch.matmul(x, w) + b
z_det = z.detach()  # same data, no history
print("detach:        ", z_det.requires_grad, "| shares memory:", z_det.data_ptr() == z.data_ptr())
