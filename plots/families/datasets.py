"""Figures for the Datasets & DataLoaders page: one real batch of digits."""

from __future__ import annotations

from plots import style
from plots.figure import Figure


def batch_data(batch_size: int = 16, seed: int = 0):
    """Return `(images, labels)` of the first training batch, as the page builds it.

    Same steps as `snippets/datasets/iterate_batches.py`: scikit-learn's digits
    scaled to [0, 1], an 80/20 `random_split` with a generator seeded `seed`, and
    a shuffling `DataLoader` with its own generator seeded `seed`. `images` is a
    list of 8x8 nested lists, `labels` a list of ints.
    """
    import torch
    from sklearn.datasets import load_digits
    from torch.utils.data import DataLoader, TensorDataset, random_split

    torch.manual_seed(seed)
    digits = load_digits()
    images = torch.tensor(digits.images, dtype=torch.float32).unsqueeze(1) / 16
    labels = torch.tensor(digits.target)
    train_set, _ = random_split(
        TensorDataset(images, labels), [0.8, 0.2], generator=torch.Generator().manual_seed(seed)
    )
    loader = DataLoader(train_set, batch_size=batch_size, shuffle=True, generator=torch.Generator().manual_seed(seed))
    batch_images, batch_labels = next(iter(loader))
    return batch_images.squeeze(1).tolist(), batch_labels.tolist()


def draw_batch(batch_size: int = 16, columns: int = 8):
    """A grid of the batch's digits, each titled with its label."""
    images, labels = batch_data(batch_size)
    rows = -(-len(images) // columns)
    fig, axes = style.new_figure(ncols=columns, nrows=rows, width=0.75 * columns, height=0.9 * rows)
    for ax, image, label in zip(axes.flat, images, labels):
        ax.imshow(image, cmap="gray_r", vmin=0.0, vmax=1.0, interpolation="nearest")
        ax.set_title(str(label), fontsize=9, pad=2)
    for ax in axes.flat:
        ax.axis("off")
    return fig


FIGURES = [Figure("datasets/digits-batch", draw_batch, {"batch_size": 16, "columns": 8})]
