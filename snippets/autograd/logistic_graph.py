import torch
import torch.nn.functional as F

torch.manual_seed(0)
x = torch.ones(5)  # input: 5 features
y = torch.zeros(3)  # targets: 3 binary labels
w = torch.randn(5, 3, requires_grad=True)  # weights we want to learn
b = torch.randn(3, requires_grad=True)  # bias we want to learn

z = torch.matmul(x, w) + b  # logits, shape (3,)
loss = F.binary_cross_entropy_with_logits(z, y)  # mean over the 3 outputs

print("z:", z)
print("loss:", loss)
