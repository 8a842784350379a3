import torch
from torch import nn

x = torch.arange(1.0, 6.0).view(1, 1, 5)  # [1, 2, 3, 4, 5]

print(nn.MaxPool1d(2)(x))  # floor: the lone 5 is dropped
print(nn.MaxPool1d(2, ceil_mode=True)(x))  # ceil: a last, partial window keeps it
print(nn.AvgPool1d(2, ceil_mode=True)(x))  # the partial window averages what it covers
# Padding counts as zeros in the average by default (count_include_pad=True):
print(nn.AvgPool1d(2, padding=1)(x))
print(nn.AvgPool1d(2, padding=1, count_include_pad=False)(x))
