import torch

# Ask for reproducible kernels (this can slow training down)
torch.backends.cudnn.benchmark = False  # don't auto-pick the fastest conv algorithm
torch.backends.cudnn.deterministic = True  # only use deterministic cuDNN convolutions
torch.use_deterministic_algorithms(True)  # raise on ops without a deterministic version
print(torch.are_deterministic_algorithms_enabled())

# These are global switches; undo them when you no longer need them
torch.use_deterministic_algorithms(False)
torch.backends.cudnn.deterministic = False
print(torch.are_deterministic_algorithms_enabled())
