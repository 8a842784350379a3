import csv
import tempfile
from pathlib import Path

import torch
import torch.nn.functional as F
from sklearn.datasets import load_digits
from torch.utils.data import Dataset

torch.manual_seed(0)


def write_pgm(path, pixels):
    """Save a uint8 H x W array as a binary PGM, the simplest greyscale image format."""
    height, width = pixels.shape
    path.write_bytes(f"P5\n{width} {height}\n255\n".encode() + pixels.tobytes())


def read_pgm(path):
    """Decode a binary PGM into a uint8 tensor of shape (1, H, W), like torchvision.io.read_image."""
    magic, size, maxval, pixels = path.read_bytes().split(b"\n", 3)
    width, height = map(int, size.split())
    return torch.frombuffer(bytearray(pixels), dtype=torch.uint8).reshape(1, height, width)


class CustomImageDataset(Dataset):
    def __init__(self, annotations_file, img_dir, transform=None, target_transform=None):
        with open(annotations_file, newline="") as f:
            self.img_labels = [(row["file"], int(row["label"])) for row in csv.DictReader(f)]
        self.img_dir = Path(img_dir)
        self.transform = transform
        self.target_transform = target_transform

    def __len__(self):
        return len(self.img_labels)

    def __getitem__(self, idx):
        file, label = self.img_labels[idx]
        image = read_pgm(self.img_dir / file)  # read from disk only when the sample is asked for
        if self.transform:
            image = self.transform(image)
        if self.target_transform:
            label = self.target_transform(label)
        return image, label


digits = load_digits()
with tempfile.TemporaryDirectory() as tmp:
    img_dir = Path(tmp, "images")
    img_dir.mkdir()
    with open(Path(tmp, "annotations.csv"), "w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["file", "label"])
        for i in range(6):  # six real digits as image files plus one CSV of labels
            write_pgm(img_dir / f"digit{i}.pgm", (digits.images[i] * 255 / 16).round().astype("uint8"))
            writer.writerow([f"digit{i}.pgm", digits.target[i]])
    print(Path(tmp, "annotations.csv").read_text().splitlines()[:3])

    raw = CustomImageDataset(Path(tmp, "annotations.csv"), img_dir)
    image, label = raw[4]
    print(len(raw), image.dtype, tuple(image.shape), label)

    ready = CustomImageDataset(
        Path(tmp, "annotations.csv"),
        img_dir,
        transform=lambda img: img.float() / 255,  # uint8 0..255 -> float 0..1
        target_transform=lambda y: F.one_hot(torch.tensor(y), num_classes=10).float(),
    )
    image, label = ready[4]
    print(image.dtype, image.min().item(), image.max().item(), label)
