import torch
from sklearn.datasets import load_iris
from torch import nn

torch.manual_seed(0)
features, labels = load_iris(return_X_y=True)  # 150 flowers, 4 measurements, 3 species
x = torch.tensor(features, dtype=torch.float32)
x = (x - x.mean(dim=0)) / x.std(dim=0)
labels = torch.tensor(labels)
same = labels[:, None] == labels[None, :]
same.fill_diagonal_(False)  # a positive is another flower of the same species


def random_triplets(k):
    anchor = torch.randint(0, len(x), (k,))
    positive = torch.multinomial(same[anchor].float(), 1).squeeze(1)
    negative = torch.multinomial((labels[anchor, None] != labels).float(), 1).squeeze(1)
    return anchor, positive, negative


embed = nn.Linear(4, 2)  # the "network": 4 measurements -> a point in 2-D
loss_fn = nn.TripletMarginLoss(margin=1.0)
per_triplet = nn.TripletMarginLoss(margin=1.0, reduction="none")
test_a, test_p, test_n = random_triplets(500)


def report(when):
    with torch.no_grad():
        e = embed(x)
        losses = per_triplet(e[test_a], e[test_p], e[test_n])
    print(f"{when}: mean loss {losses.mean():.3f}, triplets already satisfied {(losses == 0).float().mean():.0%}")


report("before")
for step in range(100):
    anchor, positive, negative = random_triplets(64)
    e = embed(x)
    loss = loss_fn(e[anchor], e[positive], e[negative])
    embed.zero_grad()
    loss.backward()
    with torch.no_grad():
        for param in embed.parameters():
            param -= 0.1 * param.grad  # plain gradient descent
report("after ")
