import torch
from sklearn.datasets import load_diabetes
from torch import nn

torch.manual_seed(0)
data = load_diabetes()  # 442 patients, 10 features, target: disease progression after a year
X = torch.tensor(data.data, dtype=torch.float32)
y = torch.tensor(data.target, dtype=torch.float32)
perm = torch.randperm(len(y), generator=torch.Generator().manual_seed(0))
train_idx, test_idx = perm[:342], perm[342:]

# Linear regression by least squares: a column of ones gives the bias.
A = torch.cat([X, torch.ones(len(X), 1)], dim=1)
w = torch.linalg.lstsq(A[train_idx], y[train_idx].unsqueeze(1)).solution
pred, target = (A[test_idx] @ w).squeeze(1), y[test_idx]

error = pred - target
mae = error.abs().mean()
mse = error.pow(2).mean()
rmse = mse.sqrt()
r2 = 1 - error.pow(2).sum() / (target - target.mean()).pow(2).sum()
print(f"MAE  {mae:.2f}\nMSE  {mse:.2f}\nRMSE {rmse:.2f}\nR2   {r2:.4f}")

print("same as nn.L1Loss and nn.MSELoss:",
      torch.allclose(mae, nn.L1Loss()(pred, target)), torch.allclose(mse, nn.MSELoss()(pred, target)))

# A baseline that ignores the features: always predict the training mean.
baseline = torch.full_like(target, y[train_idx].mean().item())
r2_baseline = 1 - (baseline - target).pow(2).sum() / (target - target.mean()).pow(2).sum()
print(f"baseline: MAE {(baseline - target).abs().mean():.2f}, R2 {r2_baseline:.4f}")
