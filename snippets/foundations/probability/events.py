from fractions import Fraction
from itertools import permutations

import torch

die = range(1, 7)
multiple_of_3 = [face for face in die if face % 3 == 0]
p = Fraction(len(multiple_of_3), len(die))
print(f"P(multiple of 3) = {p},  P(not) = {1 - p}")

# a bag with 3 green and 2 red marbles; draw two without putting the first back
bag = "GGGRR"
draws = list(permutations(range(5), 2))          # all 20 ordered pairs of marbles
both_green = [d for d in draws if bag[d[0]] == bag[d[1]] == "G"]
print(f"P(green, green) by counting: {len(both_green)}/{len(draws)} = {Fraction(len(both_green), len(draws))}")
print(f"P(G1) * P(G2 | G1) = 3/5 * 2/4 = {Fraction(3, 5) * Fraction(2, 4)}")

torch.manual_seed(0)
order = torch.rand(100_000, 5).argsort(dim=1)    # 100,000 random shuffles of the bag
first_two_green = (order[:, :2] < 3).all(dim=1)   # marbles 0, 1, 2 are the green ones
print(f"simulated: {first_two_green.float().mean():.4f}")
