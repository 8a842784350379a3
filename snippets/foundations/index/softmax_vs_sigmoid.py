import torch

logits = torch.tensor([2.0, 1.0, -1.0])
raised = logits + torch.tensor([1.0, 0.0, 0.0])   # the first logit goes up by 1

print("softmax:", torch.softmax(logits, dim=0).round(decimals=4))
print("       :", torch.softmax(raised, dim=0).round(decimals=4))
print("sigmoid:", torch.sigmoid(logits).round(decimals=4))
print("       :", torch.sigmoid(raised).round(decimals=4))
