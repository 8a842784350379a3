import torch
from torch.optim.lr_scheduler import ReduceLROnPlateau

param = torch.nn.Parameter(torch.zeros(1))
optimizer = torch.optim.SGD([param], lr=0.1)
scheduler = ReduceLROnPlateau(optimizer, factor=0.5, patience=2, cooldown=1)

val_losses = [1.0, 0.9, 0.9, 0.95, 0.9, 0.9, 0.9, 0.9, 0.9, 0.85]
for epoch, val_loss in enumerate(val_losses):
    optimizer.step()  # a real loop trains one epoch and validates here
    scheduler.step(val_loss)
    print(f"epoch {epoch}: val_loss={val_loss}  bad epochs={scheduler.num_bad_epochs}  next lr={scheduler.get_last_lr()[0]}")
