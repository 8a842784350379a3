import torch
from torch import nn
from torch.profiler import ProfilerActivity, profile, record_function

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(64, 32), nn.ReLU(), nn.Linear(32, 10))
x = torch.randn(16, 64)

with profile(activities=[ProfilerActivity.CPU]) as prof:
    with record_function("forward"):
        out = model(x)
    with record_function("backward"):
        out.sum().backward()

calls = {event.key: event.count for event in prof.key_averages()}
for name in ["forward", "backward", "aten::linear", "aten::addmm", "aten::relu",
             "aten::mm", "aten::threshold_backward"]:
    print(f"{name:26} {calls[name]}")
