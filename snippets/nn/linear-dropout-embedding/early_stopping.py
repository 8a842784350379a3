# Validation loss after each epoch (made-up numbers: it improves, then the model starts to overfit).
val_losses = [0.90, 0.71, 0.60, 0.55, 0.56, 0.54, 0.57, 0.58, 0.60, 0.63]

patience = 3  # how many epochs without improvement we tolerate
best, best_epoch, waited = float("inf"), None, 0
for epoch, loss in enumerate(val_losses, start=1):
    if loss < best:
        best, best_epoch, waited = loss, epoch, 0  # in real code: save the model here
    else:
        waited += 1
        if waited == patience:
            print(f"stop after epoch {epoch}; best was epoch {best_epoch} with {best}")
            break
