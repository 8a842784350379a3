import torch
from torch import nn

log_probs = torch.tensor([[-0.4170, -1.4170, -2.3170],
                          [-1.8406, -0.3406, -2.0406]])  # log-softmax of the worked example
target = torch.tensor([0, 2])
weight = torch.tensor([1.0, 1.0, 4.0])

# NLLLoss just picks -log_probs[n, y_n] (times the class weight) and averages.
picked = -log_probs[torch.arange(2), target]
print("picked:", picked)
print("NLLLoss:", nn.NLLLoss()(log_probs, target))
w = weight[target]
print("weighted:", nn.NLLLoss(weight=weight)(log_probs, target), "by hand:", (w * picked).sum() / w.sum())

# NLLLoss does not check its input: probabilities give a meaningless negative "loss".
probs = log_probs.exp()
print("probabilities by mistake:", nn.NLLLoss()(probs, target))
