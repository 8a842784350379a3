import torch

# Pick the best accelerator that is present, falling back to the CPU
if torch.cuda.is_available():
    device = torch.device("cuda")  # NVIDIA GPUs (and AMD GPUs with ROCm builds)
elif torch.backends.mps.is_available():
    device = torch.device("mps")  # Apple silicon
else:
    device = torch.device("cpu")
print(f"Using {device} device")

tensor = torch.ones(2, 3)  # created on the CPU by default
tensor = tensor.to(device)  # .to returns a tensor on the target device
print(tensor.device)

X = torch.zeros(1, 28, 28, device=device)  # or create it there directly
print(X.device)
