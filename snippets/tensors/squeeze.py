import torch

x = torch.zeros(3, 4)
print(x.unsqueeze(0).shape)  # add a size-1 dimension in front: a batch of one
print(x.unsqueeze(-1).shape)  # ...or at the end

y = torch.zeros(1, 3, 1, 4)
print(y.squeeze().shape)  # drop every size-1 dimension
print(y.squeeze(0).shape)  # drop only dimension 0

batch = torch.zeros(16, 1, 28, 28)  # 16 one-channel images
print(batch.view(batch.size(0), -1).shape)  # one flat row per image
print(batch.flatten(start_dim=1).shape)  # the same, spelled out
