from fractions import Fraction

import torch

die = range(1, 7)
even = {face for face in die if face % 2 == 0}           # A = {2, 4, 6}
multiple_of_3 = {face for face in die if face % 3 == 0}  # B = {3, 6}


def p(event):
    return Fraction(len(event), len(die))  # six equally likely faces


print(f"P(A) = {p(even)},  P(B) = {p(multiple_of_3)},  P(A and B) = {p(even & multiple_of_3)}")
print(f"P(A or B) by counting:    {p(even | multiple_of_3)}")
print(f"P(A) + P(B) - P(A and B): {p(even) + p(multiple_of_3) - p(even & multiple_of_3)}")
print(f"P(A) + P(B) alone:        {p(even) + p(multiple_of_3)}  (the 6 counted twice)")

torch.manual_seed(0)
rolls = torch.randint(1, 7, (100_000,))
either = (rolls % 2 == 0) | (rolls % 3 == 0)
print(f"simulated: {either.float().mean():.4f}")
