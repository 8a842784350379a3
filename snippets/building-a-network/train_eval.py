import torch
from torch import nn

torch.manual_seed(0)
net = nn.Sequential(nn.Linear(8, 8), nn.ReLU(), nn.Dropout(p=0.5))
x = torch.ones(1, 8)
dropout = net[2]

print("fresh module, training:", net.training, dropout.training)
print(dropout(x))  # zeroes each value with probability 0.5, doubles the rest

net.eval()  # switches net and every submodule; same as net.train(False)
print("after eval(), training:", net.training, dropout.training)
print(dropout(x))  # identity in eval mode

net.train()  # back to training mode
print("after train(), training:", net.training, dropout.training)
