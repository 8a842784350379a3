import torch

device = (
    "cuda"  # NVIDIA GPU (or an AMD GPU with a ROCm build of torch)
    if torch.cuda.is_available()
    else "mps"  # Apple silicon GPU through Metal
    if torch.backends.mps.is_available()
    else "cpu"
)
print(device)
