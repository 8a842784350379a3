import torch
from torch.utils.data import DataLoader, Dataset, get_worker_info

torch.manual_seed(0)


class WhoLoadedMe(Dataset):
    """Each sample reports which worker process produced it (-1: the main process)."""

    def __len__(self):
        return 12

    def __getitem__(self, idx):
        info = get_worker_info()  # None in the main process
        return idx, -1 if info is None else info.id


def main():
    for workers in (0, 2):
        loader = DataLoader(WhoLoadedMe(), batch_size=3, num_workers=workers)
        print(f"num_workers={workers}, prefetch_factor={loader.prefetch_factor}")
        for indices, worker_ids in loader:
            print(" ", indices.tolist(), "from worker", worker_ids.unique().item())

    try:
        DataLoader(WhoLoadedMe(), prefetch_factor=4)  # needs num_workers > 0
    except ValueError:
        print("prefetch_factor with num_workers=0: ValueError")

    loader = DataLoader(WhoLoadedMe(), batch_size=3, pin_memory=torch.accelerator.is_available())
    print("pin_memory:", loader.pin_memory)


if __name__ == "__main__":  # needed wherever workers do not fork: macOS, Windows, Linux from Python 3.14
    main()
