import tempfile
from pathlib import Path

import torch
from torch import nn

folder = Path(tempfile.mkdtemp())
model = nn.Linear(2, 1)
torch.save(model, folder / "whole_model.pt")  # pickles the module object itself

try:
    torch.load(folder / "whole_model.pt")  # weights_only=True by default
except Exception as error:
    print(type(error).__name__)

with torch.serialization.safe_globals([nn.Linear]):  # allow this one class for this call
    print(type(torch.load(folder / "whole_model.pt")).__name__)

loaded = torch.load(folder / "whole_model.pt", weights_only=False)  # only for files you trust
print(type(loaded).__name__)
