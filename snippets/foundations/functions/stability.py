import torch
import torch.nn.functional as F

x = torch.tensor([1000.0, 1000.0])
print("naive log(sum(exp(x))):", torch.log(torch.exp(x).sum()))
m = x.max()
print("m + log(sum(exp(x - m))):", m + torch.log(torch.exp(x - m).sum()))
print("torch.logsumexp:", torch.logsumexp(x, dim=0))
print("naive with -x:", torch.log(torch.exp(-x).sum()), "  logsumexp:", torch.logsumexp(-x, dim=0))

z = torch.tensor([-200.0, 0.0, 200.0])
print("naive log(sigmoid(z)):", torch.log(torch.sigmoid(z)))
print("F.logsigmoid(z):      ", F.logsigmoid(z))

# binary cross-entropy of a confident wrong prediction: logit 20, target 0
logit, target = torch.tensor([20.0]), torch.tensor([0.0])
p = torch.sigmoid(logit)
print("sigmoid(20) in float32:", p.item())
print("BCELoss on probabilities:", F.binary_cross_entropy(p, target).item())
print("BCEWithLogitsLoss on the logit:", F.binary_cross_entropy_with_logits(logit, target).item())
