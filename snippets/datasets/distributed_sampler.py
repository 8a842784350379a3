import torch
from torch.utils.data import DataLoader
from torch.utils.data.distributed import DistributedSampler

torch.manual_seed(0)

data = torch.arange(11)  # 11 samples shared by 2 processes ("replicas")

for rank in (0, 1):  # normally each process passes its own rank; here we play both
    sampler = DistributedSampler(data, num_replicas=2, rank=rank, shuffle=False)
    print(f"rank {rank}:", list(sampler))

for epoch in (0, 1):
    shards = []
    for rank in (0, 1):
        sampler = DistributedSampler(data, num_replicas=2, rank=rank, seed=0)  # shuffle=True by default
        sampler.set_epoch(epoch)  # call every epoch, or every epoch gets the same order
        shards.append(list(sampler))
    print(f"epoch {epoch}:", shards)

loader = DataLoader(data, batch_size=3, sampler=DistributedSampler(data, num_replicas=2, rank=1, shuffle=False))
print([batch.tolist() for batch in loader])
