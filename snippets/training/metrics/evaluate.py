import torch


def evaluate(model, loader, loss_fn, num_classes):
    """Average loss, accuracy and averaged per-class metrics of `model` on `loader`."""
    model.eval()  # dropout off, batch norm uses running statistics
    total_loss, n = 0.0, 0
    cm = torch.zeros(num_classes, num_classes, dtype=torch.long)
    with torch.no_grad():  # no graph needed: saves memory and time
        for inputs, labels in loader:
            logits = model(inputs)
            # loss_fn averages over the batch: weight it by the batch size, since
            # the last batch may be smaller than the others.
            total_loss += loss_fn(logits, labels).item() * len(labels)
            n += len(labels)
            cm += torch.bincount(num_classes * labels + logits.argmax(dim=1),
                                 minlength=num_classes**2).reshape(num_classes, num_classes)

    tp = cm.diag()
    fp = cm.sum(dim=0) - tp
    fn = cm.sum(dim=1) - tp
    tn = n - tp - fp - fn
    support = cm.sum(dim=1)
    per_class = {
        "precision": tp / (tp + fp).clamp(min=1),
        "recall": tp / (tp + fn).clamp(min=1),
        "specificity": tn / (tn + fp).clamp(min=1),
        "f1": 2 * tp / (2 * tp + fp + fn).clamp(min=1),
    }
    results = {"loss": total_loss / n, "accuracy": tp.sum().item() / n}
    for name, values in per_class.items():
        results[f"macro {name}"] = values.mean().item()
        results[f"weighted {name}"] = (values * support).sum().item() / n
    return results, cm
