"""Facts on docs/foundations/probability.md: probability rules and worked examples,
the formulas of the Bernoulli, categorical, normal and Poisson distributions, likelihood
and maximum likelihood, the losses as negative log-likelihoods, entropy, cross-entropy and
KL divergence (with their minus signs), the 1/N of mean reduction in F.cross_entropy, the
argument convention and reductions of F.kl_div, nats versus bits, and the figures' data."""

from __future__ import annotations

import contextlib
import io
import math
import re
import runpy
import warnings
from fractions import Fraction
from itertools import permutations, product
from pathlib import Path

import pytest
import torch
from torch import nn
from torch.distributions import Bernoulli, Beta, Categorical, Exponential, Gamma, Normal, Poisson, StudentT, Uniform, kl_divergence
from torch.nn import functional as F
from torch.testing import assert_close

from plots.families import foundations as fam
from tests.checks import assert_defaults

F64 = torch.float64
PAGE = Path(__file__).resolve().parent.parent / "docs" / "foundations" / "probability.md"
LN2 = math.log(2)


@pytest.fixture
def gen():
    return torch.Generator().manual_seed(0)


def random_distributions(gen, n: int, c: int) -> torch.Tensor:
    return torch.softmax(2 * torch.randn(n, c, generator=gen, dtype=F64), dim=1)


# -- hand formulas of the page ------------------------------------------------------------


def entropy(p):
    return -torch.xlogy(p, p).sum(dim=-1)


def cross_entropy(p, q):
    return -torch.xlogy(p, q).sum(dim=-1)


def kl(p, q):
    return (torch.xlogy(p, p) - torch.xlogy(p, q)).sum(dim=-1)


# -- probability basics -------------------------------------------------------------------


def test_die_and_complement():
    faces = range(1, 7)
    p = Fraction(sum(f % 3 == 0 for f in faces), 6)
    assert p == Fraction(1, 3) and 1 - p == Fraction(2, 3)


def test_marbles_multiplication_rule():
    bag = "GGGRR"
    pairs = list(permutations(range(5), 2))
    assert len(pairs) == 20
    both = Fraction(sum(bag[i] == bag[j] == "G" for i, j in pairs), 20)
    first = Fraction(sum(bag[i] == "G" for i, _ in pairs), 20)
    assert first == Fraction(3, 5)
    assert both / first == Fraction(2, 4)  # P(B | A) = P(A and B) / P(A)
    assert both == Fraction(3, 5) * Fraction(2, 4) == Fraction(3, 10)
    # the simulation of the snippet estimates it
    torch.manual_seed(0)
    order = torch.rand(100_000, 5).argsort(dim=1)
    assert abs((order[:, :2] < 3).all(dim=1).float().mean().item() - 0.3) < 0.01


def test_independent_events_multiply():
    rolls = list(product(range(1, 7), repeat=2))
    a = Fraction(sum(r[0] % 2 == 0 for r in rolls), 36)
    b = Fraction(sum(r[1] == 6 for r in rolls), 36)
    both = Fraction(sum(r[0] % 2 == 0 and r[1] == 6 for r in rolls), 36)
    assert both == a * b


def test_expectation_and_variance_of_the_game():
    values = torch.tensor([3.0, -1.0], dtype=F64)
    probs = torch.tensor([2 / 6, 4 / 6], dtype=F64)
    mean = (probs * values).sum()
    var = (probs * (values - mean) ** 2).sum()
    assert_close(mean, torch.tensor(1 / 3, dtype=F64))
    assert_close(var, torch.tensor(32 / 9, dtype=F64))
    assert round(math.sqrt(32 / 9), 4) == 1.8856
    # Var = E[X^2] - E[X]^2, and a loss average is an expectation under weights 1/N
    assert_close(var, (probs * values**2).sum() - mean**2)
    losses = torch.rand(10, dtype=F64)
    assert_close(losses.mean(), (torch.full((10,), 0.1, dtype=F64) * losses).sum())


# -- distributions ------------------------------------------------------------------------


def test_bernoulli_formulas():
    for p in (0.1, 0.7, 0.95):
        coin = Bernoulli(probs=torch.tensor(p, dtype=F64))
        x = torch.tensor([0.0, 1.0], dtype=F64)
        assert_close(coin.log_prob(x).exp(), p**x * (1 - p) ** (1 - x))
        assert_close(coin.log_prob(x), x * math.log(p) + (1 - x) * math.log(1 - p))
        assert_close(coin.mean, torch.tensor(p, dtype=F64))
        assert_close(coin.variance, torch.tensor(p * (1 - p), dtype=F64))
        z = torch.logit(torch.tensor(p, dtype=F64))
        assert_close(Bernoulli(logits=z).probs, torch.sigmoid(z))
        assert_close(-coin.log_prob(x), F.binary_cross_entropy(torch.full((2,), p, dtype=F64), x, reduction="none"))


def test_categorical_formulas(gen):
    z = torch.randn(6, generator=gen, dtype=F64)
    dist = Categorical(logits=z)
    assert_close(dist.probs, torch.softmax(z, dim=0))
    for c in range(6):
        y = torch.tensor(c)
        assert_close(dist.log_prob(y), torch.log(dist.probs[c]))
        assert_close(-dist.log_prob(y), F.cross_entropy(z, y))


def test_normal_density_formulas():
    x = torch.linspace(-4, 6, 101, dtype=F64)
    for mu, sigma in [(0.0, 1.0), (1.5, 0.3), (-2.0, 2.5)]:
        dist = Normal(mu, sigma)
        density = 1 / (sigma * math.sqrt(2 * math.pi)) * torch.exp(-((x - mu) ** 2) / (2 * sigma**2))
        assert_close(dist.log_prob(x).exp(), density)
        assert_close(dist.log_prob(x), -((x - mu) ** 2) / (2 * sigma**2) - math.log(sigma) - 0.5 * math.log(2 * math.pi))
    zero = torch.tensor(0.0, dtype=F64)
    assert Normal(0.0, 0.1).log_prob(zero).exp() > 1
    assert round(Normal(0.0, 0.1).log_prob(zero).exp().item(), 4) == 3.9894
    std = Normal(torch.tensor(0.0, dtype=F64), 1.0)
    within = [(std.cdf(torch.tensor(k, dtype=F64)) - std.cdf(torch.tensor(-k, dtype=F64))).item() for k in (1.0, 2.0, 3.0)]
    assert [round(w, 3) for w in within] == [0.683, 0.954, 0.997]


def test_sample_mean_and_variance_estimators(gen):
    x = torch.randn(50, generator=gen, dtype=F64)
    n = len(x)
    assert_close(x.mean(), x.sum() / n)
    assert_close(torch.var(x), ((x - x.mean()) ** 2).sum() / (n - 1))  # torch.var is unbiased by default
    assert_close(torch.var(x, correction=0), ((x - x.mean()) ** 2).sum() / n)


def test_poisson_formula():
    for rate in (0.5, 3.0, 7.0):
        dist = Poisson(torch.tensor(rate, dtype=F64))
        k = torch.arange(15, dtype=F64)
        by_hand = torch.tensor([rate**i * math.exp(-rate) / math.factorial(i) for i in range(15)], dtype=F64)
        assert_close(dist.log_prob(k).exp(), by_hand)
        assert dist.mean == rate and dist.variance == rate


# -- likelihood ---------------------------------------------------------------------------

TOSSES = torch.tensor([1.0, 1.0, 0.0, 1.0, 1.0, 1.0, 0.0, 1.0, 0.0, 1.0], dtype=F64)


def test_coin_likelihood_numbers_and_mle():
    assert TOSSES.sum() == 7
    for p, lik in [(0.5, 0.000977), (0.7, 0.002224), (0.9, 0.000478)]:
        L = p**7 * (1 - p) ** 3
        assert round(L, 6) == lik
        assert_close(Bernoulli(probs=torch.tensor(p, dtype=F64)).log_prob(TOSSES).sum(), torch.tensor(math.log(L), dtype=F64))
    grid = torch.linspace(0.01, 0.99, 99, dtype=F64)
    L = grid**7 * (1 - grid) ** 3
    log_lik = Bernoulli(probs=grid[:, None]).log_prob(TOSSES).sum(dim=1)
    mean_nll = -log_lik / len(TOSSES)
    # arg max L = arg max log L = arg min of the mean NLL = 7/10
    assert L.argmax() == log_lik.argmax() == mean_nll.argmin()
    assert_close(grid[L.argmax()], torch.tensor(0.7, dtype=F64))
    # the derivative 7/p - 3/(1-p) vanishes at 0.7
    assert abs(7 / 0.7 - 3 / 0.3) < 1e-12
    # BCE with logits of a constant logit is the mean Bernoulli NLL
    z = torch.tensor(0.4, dtype=F64)
    assert_close(F.binary_cross_entropy_with_logits(z.expand(10), TOSSES), -Bernoulli(logits=z).log_prob(TOSSES).mean())


def test_coin_gradient_descent_reaches_mle():
    z = torch.tensor(0.0, dtype=F64, requires_grad=True)
    for _ in range(200):
        loss = F.binary_cross_entropy_with_logits(z.expand(10), TOSSES)
        (grad,) = torch.autograd.grad(loss, z)
        with torch.no_grad():
            z -= grad
    assert abs(torch.sigmoid(z).item() - 0.7) < 5e-5


def test_mean_reduction_is_sum_over_n(gen):
    z = torch.randn(8, 3, generator=gen, dtype=F64)
    y = torch.randint(0, 3, (8,), generator=gen)
    for fn in (F.cross_entropy, lambda a, b: F.nll_loss(F.log_softmax(a, dim=1), b)):
        assert_close(fn(z, y), F.cross_entropy(z, y, reduction="sum") / 8)


def test_losses_are_negative_log_likelihoods(gen):
    assert_defaults(nn.GaussianNLLLoss, full=False, eps=1e-6, reduction="mean")
    assert_defaults(nn.PoissonNLLLoss, log_input=True, full=False, reduction="mean")
    mu = torch.randn(6, generator=gen, dtype=F64)
    y = torch.randn(6, generator=gen, dtype=F64) + 2
    # Gaussian with sigma = 1: NLL = MSE / 2 + ln(2 pi) / 2
    nll = -Normal(mu, 1.0).log_prob(y).mean()
    mse = F.mse_loss(mu, y)
    assert_close(nll, mse / 2 + 0.5 * math.log(2 * math.pi))
    assert_close(F.gaussian_nll_loss(mu, y, torch.ones(6, dtype=F64)), mse / 2)
    # predicted variance: 1/2 (log var + (y - mu)^2 / var), + 1/2 log 2 pi with full=True
    var = torch.rand(6, generator=gen, dtype=F64) + 0.2
    half = 0.5 * (torch.log(var) + (y - mu) ** 2 / var)
    assert_close(F.gaussian_nll_loss(mu, y, var), half.mean())
    assert_close(F.gaussian_nll_loss(mu, y, var, full=True), (half + 0.5 * math.log(2 * math.pi)).mean())
    assert_close(F.gaussian_nll_loss(mu, y, var, full=True), -Normal(mu, var.sqrt()).log_prob(y).mean())
    # Poisson: NLL = rate - y log rate + log y!
    rate = torch.rand(6, generator=gen, dtype=F64) * 4 + 0.1
    counts = torch.tensor([0.0, 1, 2, 5, 3, 7], dtype=F64)
    poisson_nll = rate - counts * torch.log(rate) + torch.lgamma(counts + 1)
    assert_close(-Poisson(rate).log_prob(counts), poisson_nll)
    assert_close(F.poisson_nll_loss(rate, counts, log_input=False), (rate - counts * torch.log(rate + 1e-8)).mean())
    # best constant under the Gaussian NLL is the sample mean
    torch.manual_seed(0)
    y6 = torch.randn(6) + 2.0
    grid = torch.linspace(0.0, 4.0, 401)
    best = grid[(-Normal(grid[:, None], 1.0).log_prob(y6).sum(dim=1)).argmin()]
    assert abs(best - y6.mean()) <= 0.005 + 1e-6


# -- information and entropy -----------------------------------------------------------


def test_information_content(gen):
    p = torch.rand(20, generator=gen, dtype=F64) * 0.99 + 0.005
    q = torch.rand(20, generator=gen, dtype=F64) * 0.99 + 0.005
    info = lambda prob: -torch.log(prob)
    assert_close(info(p * q), info(p) + info(q))  # independent events: informations add
    assert info(torch.tensor(1.0)) == 0
    assert (torch.diff(info(torch.linspace(0.01, 1, 100))) < 0).all()  # rarer = more information


def test_entropy_formula_and_bounds(gen):
    P = random_distributions(gen, 50, 5)
    assert_close(entropy(P), Categorical(probs=P).entropy())
    assert_close(entropy(P), torch.special.entr(P).sum(dim=1))
    assert (entropy(P) >= 0).all()
    assert (entropy(P) <= math.log(5) + 1e-12).all()
    assert_close(Categorical(probs=torch.full((5,), 0.2, dtype=F64)).entropy(), torch.tensor(math.log(5), dtype=F64))
    # 0 log 0 = 0
    assert torch.special.entr(torch.tensor(0.0)) == 0 and torch.xlogy(torch.tensor(0.0), torch.tensor(0.0)) == 0
    assert entropy(torch.tensor([1.0, 0.0], dtype=F64)) == 0


def test_entropy_worked_numbers():
    cases = {
        (0.5, 0.5): (0.6931, 1.0),
        (0.9, 0.1): (0.3251, 0.4690),
        (0.25, 0.25, 0.25, 0.25): (1.3863, 2.0),
        (0.5, 0.25, 0.25): (1.0397, 1.5),
    }
    for p, (nats, bits) in cases.items():
        h = entropy(torch.tensor(p, dtype=F64)).item()
        assert round(h, 4) == nats and round(h / LN2, 4) == bits


def test_binary_entropy_and_units():
    p = torch.linspace(0.001, 0.999, 999, dtype=F64)
    H = -p * torch.log(p) - (1 - p) * torch.log(1 - p)
    assert_close(Bernoulli(probs=p).entropy(), H)
    assert_close(H.max(), torch.tensor(LN2, dtype=F64))
    assert abs(p[H.argmax()] - 0.5) < 1e-12
    assert round(1 / LN2, 4) == 1.4427
    assert_close(torch.tensor(0.6931471805599453) / LN2, torch.tensor(1.0))
    # bits are log base 2
    q = torch.tensor([0.5, 0.25, 0.25], dtype=F64)
    assert_close(-(q * torch.log2(q)).sum(), entropy(q) / LN2)


# -- cross-entropy and KL divergence -----------------------------------------------------


def test_cross_entropy_at_least_entropy(gen):
    P, Q = random_distributions(gen, 200, 4), random_distributions(gen, 200, 4)
    assert (cross_entropy(P, Q) >= entropy(P)).all()
    assert_close(cross_entropy(P, P), entropy(P))


def test_one_hot_cross_entropy_numbers():
    truth = torch.tensor([0.0, 1.0, 0.0], dtype=F64)
    for q, value in [((0.228, 0.619, 0.153), 0.4797), ((0.2, 0.7, 0.1), 0.3567)]:
        q = torch.tensor(q, dtype=F64)
        assert_close(cross_entropy(truth, q), -torch.log(q[1]))
        assert round(cross_entropy(truth, q).item(), 4) == value
        assert_close(kl(truth, q), cross_entropy(truth, q))  # H(one-hot) = 0
    assert cross_entropy(truth, truth) == 0


def test_kl_formula_properties_and_worked_numbers(gen):
    P, Q = random_distributions(gen, 100, 4), random_distributions(gen, 100, 4)
    assert_close(kl(P, Q), (P * torch.log(P / Q)).sum(dim=1))
    assert_close(kl(P, Q), cross_entropy(P, Q) - entropy(P))
    assert_close(kl(P, Q), kl_divergence(Categorical(probs=P), Categorical(probs=Q)))
    assert (kl(P, Q) >= 0).all()
    assert_close(kl(P, P), torch.zeros(100, dtype=F64))
    p = torch.tensor([0.5, 0.25, 0.25], dtype=F64)
    q = torch.tensor([0.25, 0.5, 0.25], dtype=F64)
    r = torch.tensor([0.8, 0.1, 0.1], dtype=F64)
    assert_close(entropy(p) / LN2, torch.tensor(1.5, dtype=F64))
    assert_close(cross_entropy(p, q) / LN2, torch.tensor(1.75, dtype=F64))
    assert_close(kl(p, q) / LN2, torch.tensor(0.25, dtype=F64))
    assert [round(v, 4) for v in (entropy(p).item(), cross_entropy(p, q).item(), kl(p, q).item())] == [1.0397, 1.2130, 0.1733]
    assert round(kl(p, r).item(), 4) == 0.2231 and round(kl(r, p).item(), 4) == 0.1927  # not symmetric
    # infinite when q is 0 where p is not
    half = torch.tensor([0.5, 0.5])
    assert kl_divergence(Categorical(probs=half), Categorical(probs=torch.tensor([1.0, 0.0]))) == math.inf


# -- F.cross_entropy -----------------------------------------------------------------------


def test_cross_entropy_defaults():
    assert_defaults(F.cross_entropy, reduction="mean", ignore_index=-100, label_smoothing=0.0)
    assert_defaults(nn.CrossEntropyLoss, reduction="mean")


def test_f_cross_entropy_equals_the_hand_formula(gen):
    N, C = 7, 5
    z = 3 * torch.randn(N, C, generator=gen, dtype=F64)
    y = torch.randint(0, C, (N,), generator=gen)
    p = F.one_hot(y, C).to(F64)
    q = torch.exp(z) / torch.exp(z).sum(dim=1, keepdim=True)
    hand = -(1 / N) * (p * torch.log(q)).sum()
    assert_close(F.cross_entropy(z, y), hand)
    assert_close(F.cross_entropy(z, y), -(1 / N) * torch.log(q[torch.arange(N), y]).sum())
    assert_close(F.cross_entropy(z, y), (torch.logsumexp(z, dim=1) - z[torch.arange(N), y]).mean())
    assert_close(F.cross_entropy(z, y, reduction="sum"), -(p * torch.log(q)).sum())
    assert_close(F.cross_entropy(z, y, reduction="none"), -(p * torch.log(q)).sum(dim=1))
    assert_close(F.cross_entropy(z, y), F.nll_loss(F.log_softmax(z, dim=1), y))
    # probabilities passed as if they were logits give a different loss
    assert not torch.isclose(F.cross_entropy(q, y), F.cross_entropy(z, y))


def test_f_cross_entropy_worked_numbers():
    z = torch.tensor([[0.0, 0.0, 0.0, 1.0]], dtype=F64)
    assert_close(torch.softmax(z, dim=1), torch.tensor([[1, 1, 1, math.e]], dtype=F64) / (3 + math.e))
    assert_close(F.cross_entropy(z, torch.tensor([3])), torch.tensor(math.log(3 + math.e) - 1, dtype=F64))
    assert round(math.log(3 + math.e) - 1, 4) == 0.7437
    logits = torch.tensor(
        [[0.8982, 0.8050, 0.6393, 0.9983, 0.5731, 0.0469, 0.5560, 0.1476, 0.8404, 0.5544],
         [0.9457, 0.0195, 0.9846, 0.3231, 0.1605, 0.3143, 0.9508, 0.2762, 0.7276, 0.4332]],
        dtype=F64,
    )
    target = torch.tensor([1, 5])
    lse = torch.logsumexp(logits, dim=1)
    assert [round(v, 4) for v in lse.tolist()] == [2.9488, 2.8744]
    per = F.cross_entropy(logits, target, reduction="none")
    assert [round(v, 4) for v in per.tolist()] == [2.1438, 2.5601]
    assert round(F.cross_entropy(logits, target).item(), 4) == 2.3519
    assert round(F.cross_entropy(logits, target, reduction="sum").item(), 4) == 4.7039


def test_probability_targets(gen):
    z = torch.randn(4, 3, generator=gen, dtype=F64)
    P = random_distributions(gen, 4, 3)
    assert_close(F.cross_entropy(z, P), -(1 / 4) * (P * F.log_softmax(z, dim=1)).sum())
    # with one-hot probabilities it is the index form
    y = torch.tensor([2, 0, 1, 1])
    assert_close(F.cross_entropy(z, F.one_hot(y, 3).to(F64)), F.cross_entropy(z, y))


def test_binary_cross_entropy_is_two_class_cross_entropy(gen):
    z = torch.randn(6, generator=gen, dtype=F64)
    y = torch.tensor([1.0, 0.0, 1.0, 1.0, 0.0, 0.0], dtype=F64)
    s = torch.sigmoid(z)
    P = torch.stack([y, 1 - y], dim=1)
    Q = torch.stack([s, 1 - s], dim=1)
    two_class = cross_entropy(P, Q).mean()
    assert_close(F.binary_cross_entropy_with_logits(z, y), two_class)
    assert_close(two_class, -(1 / 6) * (y * torch.log(s) + (1 - y) * torch.log(1 - s)).sum())


# -- F.kl_div ----------------------------------------------------------------------------


def test_kl_div_defaults():
    assert_defaults(F.kl_div, reduction="mean", log_target=False)
    assert_defaults(nn.KLDivLoss, reduction="mean", log_target=False)


def test_kl_div_convention_and_reductions(gen):
    N, C = 3, 4
    P, Q = random_distributions(gen, N, C), random_distributions(gen, N, C)
    log_q = Q.log()
    pointwise = P * (P.log() - log_q)
    assert_close(F.kl_div(log_q, P, reduction="none"), pointwise)
    assert_close(F.kl_div(log_q, P, reduction="sum"), kl(P, Q).sum())  # KL(p || q): arguments reversed
    assert_close(F.kl_div(log_q, P, reduction="batchmean"), kl(P, Q).mean())
    assert_close(F.kl_div(log_q, P.log(), reduction="batchmean", log_target=True), kl(P, Q).mean())
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        mean = F.kl_div(log_q, P)
    assert_close(mean, kl(P, Q).sum() / (N * C))
    assert len(caught) == 1 and "batchmean" in str(caught[0].message)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        F.kl_div(log_q, P, reduction="batchmean")
    assert not caught


def test_kl_div_snippet_numbers():
    p = torch.tensor([[0.5, 0.25, 0.25], [0.1, 0.6, 0.3]])
    log_q = F.log_softmax(torch.tensor([[0.0, 0.7, 0.0], [1.0, 1.0, -1.0]]), dim=1)
    per_row = kl(p.double(), log_q.double().exp())
    assert [round(v, 4) for v in per_row.tolist()] == [0.1750, 0.4607]
    assert round(per_row.mean().item(), 4) == 0.3178 and round(per_row.sum().item() / 6, 4) == 0.1059
    wrong = F.kl_div(log_q.exp(), p, reduction="batchmean")
    assert wrong < 0


# -- figures ------------------------------------------------------------------------------


def test_binary_entropy_data_is_torch():
    p, nats, bits = (torch.tensor(v, dtype=F64) for v in fam.binary_entropy_data())
    assert_close(nats, Bernoulli(probs=p).entropy())
    hand = -torch.xlogy(p, p) - torch.xlogy(1 - p, 1 - p)
    assert_close(nats, hand, atol=1e-12, rtol=0)
    assert_close(bits, nats / LN2)
    assert_close(bits.max(), torch.tensor(1.0, dtype=F64))
    assert abs(p[bits.argmax()] - 0.5) < 1e-12
    assert abs(bits[0]) < 1e-12 and abs(bits[-1]) < 1e-12


def test_coin_likelihood_data_is_torch():
    p, likelihood, nll = (torch.tensor(v, dtype=F64) for v in fam.coin_likelihood_data())
    assert_close(likelihood, p**7 * (1 - p) ** 3)
    assert_close(nll, -(7 * torch.log(p) + 3 * torch.log(1 - p)))
    assert_close(nll, -Bernoulli(probs=p[:, None]).log_prob(TOSSES).sum(dim=1))
    assert abs(p[likelihood.argmax()] - 0.7) < 0.003 and likelihood.argmax() == nll.argmin()


def test_figures_are_declared_and_used():
    names = {fig.name for fig in fam.FIGURES}
    used = set(re.findall(r"figures/(foundations/[\w-]+)\.svg", PAGE.read_text()))
    assert used == {"foundations/binary-entropy", "foundations/coin-likelihood", "foundations/normal-density", "foundations/poisson-pmf"}
    assert used <= names


# -- review fixes: addition rule, xlogy's sign, which distributions have cdf/entropy, the KLDiv warning


def test_addition_rule():
    for a, b in product([{2, 4, 6}, {3, 6}, {1}, {1, 2, 3}, set()], repeat=2):
        p = lambda event: Fraction(len(event), 6)  # noqa: E731
        assert p(a | b) == p(a) + p(b) - p(a & b)
        assert (p(a | b) == p(a) + p(b)) == (not a & b)  # plain sum only for mutually exclusive events
    rolls = torch.randint(1, 7, (100_000,), generator=torch.Generator().manual_seed(0))
    either = ((rolls % 2 == 0) | (rolls % 3 == 0)).double().mean().item()
    assert abs(either - 2 / 3) < 0.005


def test_addition_rule_snippet_prints_its_example():
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        runpy.run_path(str(PAGE.parents[2] / "snippets" / "foundations" / "probability" / "addition_rule.py"))
    lines = out.getvalue().splitlines()
    assert lines[1].endswith("2/3") and lines[2].endswith("2/3") and "5/6" in lines[3]


def test_xlogy_is_plus_p_log_p_and_entr_is_minus():
    p = torch.tensor([0.0, 0.1, 0.5, 1.0], dtype=F64)
    plogp = torch.tensor([0.0, 0.1 * math.log(0.1), 0.5 * math.log(0.5), 0.0], dtype=F64)
    assert_close(torch.xlogy(p, p), plogp)
    assert_close(torch.special.entr(p), -plogp)
    assert (torch.xlogy(p, p) <= 0).all()


def test_cdf_and_entropy_are_not_implemented_everywhere():
    x = torch.tensor(0.5)
    for dist in (Normal(0.0, 1.0), Uniform(0.0, 1.0), Exponential(1.0), Gamma(2.0, 3.0)):
        assert 0 < dist.cdf(x) < 1
    for dist in (Beta(2.0, 3.0), StudentT(3.0)):
        with pytest.raises(NotImplementedError):
            dist.cdf(x)
    with pytest.raises(NotImplementedError):
        Poisson(torch.tensor(3.0)).entropy()
    for dist in (Bernoulli(torch.tensor(0.3)), Categorical(torch.tensor([0.2, 0.8])), Normal(0.0, 1.0)):
        assert dist.entropy() > 0


def test_kl_div_mean_warning_shows_once_per_calling_line():
    log_q = F.log_softmax(torch.tensor([[0.0, 0.7, 0.0]]), dim=1)
    p = torch.tensor([[0.5, 0.25, 0.25]])
    with warnings.catch_warnings(record=True) as caught:
        warnings.resetwarnings()
        warnings.simplefilter("default")  # Python's default action: once per location
        for _ in range(3):
            F.kl_div(log_q, p)  # one line, three calls
        F.kl_div(log_q, p)  # a second line
    assert len(caught) == 2 and all("batchmean" in str(w.message) for w in caught)


def test_normal_density_data_is_torch():
    x, densities = fam.normal_density_data()
    x = torch.tensor(x, dtype=F64)
    for (mean, std), density in zip(fam.NORMALS, densities):
        density = torch.tensor(density, dtype=F64)
        assert_close(density, Normal(mean, std).log_prob(x).exp())
        assert_close(density, torch.exp(-((x - mean) ** 2) / (2 * std**2)) / (std * math.sqrt(2 * math.pi)))


def test_poisson_pmf_data_is_torch():
    k, pmfs = fam.poisson_pmf_data()
    k = torch.tensor(k, dtype=F64)
    for rate, pmf in zip(fam.POISSON_RATES, pmfs):
        hand = torch.tensor([rate**i * math.exp(-rate) / math.factorial(i) for i in range(len(k))], dtype=F64)
        assert_close(torch.tensor(pmf, dtype=F64), Poisson(torch.tensor(rate, dtype=F64)).log_prob(k).exp())
        assert_close(torch.tensor(pmf, dtype=F64), hand)


def _alt_text(figure: str) -> str:
    (alt,) = re.findall(r"!\[([^\]]+)\]\(\.\./figures/" + re.escape(figure) + r"\.svg\)", PAGE.read_text())
    return alt


def test_normal_and_poisson_alt_texts_state_the_data():
    x, densities = fam.normal_density_data()
    alt = _alt_text("foundations/normal-density")
    for (mean, std), density in zip(fam.NORMALS, densities):
        assert f"peak {max(density):.3f}" in alt
        assert x[density.index(max(density))] == pytest.approx(mean, abs=1e-12)
    std_normal = Normal(0.0, 1.0)
    assert f"({(std_normal.cdf(torch.tensor(1.0)) - std_normal.cdf(torch.tensor(-1.0))).item() * 100:.1f} %)" in alt
    k, pmfs = fam.poisson_pmf_data()
    alt = _alt_text("foundations/poisson-pmf")
    assert f"k = 0 to {int(k[-1])}" in alt
    for rate, pmf in zip(fam.POISSON_RATES, pmfs):
        top = max(pmf)
        modes = [int(i) for i, v in zip(k, pmf) if abs(v - top) < 1e-12]
        assert modes == [int(rate) - 1, int(rate)]  # a whole-number rate: two tied modes
        assert f"rate {rate:g} is largest at k = {modes[0]} and {modes[1]} ({top:.3f} each)" in alt
