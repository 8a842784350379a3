import torch
import torch.nn.functional as F
from sklearn.datasets import load_digits

torch.manual_seed(0)

# One digit as an 8-bit image file would store it: an H x W array of uint8 values 0..255.
digits = load_digits()
raw = (digits.images[3] * 255 / 16).round().astype("uint8")
label = int(digits.target[3])


class ToTensor:
    """Like torchvision's ToTensor: uint8 H x W (x C) array -> float C x H x W tensor in [0, 1]."""

    def __call__(self, array):
        tensor = torch.from_numpy(array)
        if tensor.ndim == 2:
            tensor = tensor.unsqueeze(-1)  # grey image: one channel
        return tensor.permute(2, 0, 1).float() / 255


class OneHot:
    """A target transform: class id -> one-hot float vector."""

    def __init__(self, num_classes):
        self.num_classes = num_classes

    def __call__(self, y):
        return torch.zeros(self.num_classes).scatter_(0, torch.tensor(y), value=1)


class Compose:
    """Apply transforms one after the other, like torchvision's Compose."""

    def __init__(self, transforms):
        self.transforms = list(transforms)

    def __call__(self, x):
        for transform in self.transforms:
            x = transform(x)
        return x


image = ToTensor()(raw)
print(raw.dtype, raw.shape, raw.max(), "->", image.dtype, tuple(image.shape), round(image.max().item(), 4))

target = OneHot(10)(label)
print(label, "->", target)
print(torch.equal(target, F.one_hot(torch.tensor(label), 10).float()))

flip = Compose([ToTensor(), lambda x: x.flip(-1)])  # any callable can be a step
print(torch.equal(flip(raw), image.flip(-1)))
