"""Search as a reader uses it: a code name typed into the site's search box in Chromium
must offer, as its first section, the section about that name. This protects the
search separator in mkdocs.yml (class names, dotted names, snake_case and trailing
underscores kept whole), hooks/search.py (a section headed by a code name wins a tie)
and an index free of rendered-math glyphs."""

from __future__ import annotations

import json
import re

import pytest

from tests.test_browser import Tab, base_url, browser  # noqa: F401 (fixtures)

QUERIES = {  # what a reader types: the section it must land on first
    "CrossEntropyLoss": "losses/classification/#crossentropyloss",
    "nn.CrossEntropyLoss": "losses/classification/#crossentropyloss",
    "BCEWithLogitsLoss": "losses/classification/#bcewithlogitsloss",
    "clip_grad_norm_": "training/practice/#clipping-by-norm",
    "inference_mode": "autograd/#torchinference_mode",
    "zero_grad": "autograd/#zero_grad-sets-gradients-to-none",
    "ReduceLROnPlateau": "optimizers/lr-schedulers/#reducelronplateau",
    "OneCycleLR": "optimizers/lr-schedulers/#onecyclelr",
    "AdamW": "optimizers/#adamw",
    "LeakyReLU": "activations/piecewise-linear/#leakyrelu",
    "LayerNorm": "nn/normalization/#layernorm",
    "nn.MultiheadAttention": "nn/attention/#nnmultiheadattention",
    "einsum": "tensors/#matrix-products",
    "DataLoader": "datasets/#preparing-data-for-training-with-dataloader",
    "no_grad": "autograd/#torchno_grad",
    "requires_grad": "autograd/#requires_grad",
    "state_dict": "training/practice/#the-state_dict",
    "GELU": "activations/smooth/#gelu",
}


@pytest.fixture
def tab(browser, base_url):  # noqa: F811
    opened = Tab(browser, base_url)  # a fresh tab per query: no earlier query's results
    yield opened
    opened.close()


def first_section(tab: Tab, root: str, query: str) -> str:
    """The first result that is a section (a link with a fragment), as site-relative URL."""
    tab.page.goto(root, wait_until="networkidle")
    box = tab.page.locator(".md-search__input")
    box.click()
    # Material says "Initializing search" until its worker has built the index.
    tab.page.wait_for_function("!document.querySelector('.md-search-result__meta').innerText.includes('Initializing')",
                               timeout=60000)
    box.fill(query)
    box.press("End")  # Material searches on keyup: one key that leaves the text as is, so one query
    # Sections below a page's best ones sit folded under "more on this page": still offered.
    section = tab.page.locator(".md-search-result__item a[href*='#']").first
    section.wait_for(state="attached", timeout=60000)
    return re.sub(r"\?h=[^#]*", "", section.get_attribute("href")).removeprefix(root).removeprefix("./")


@pytest.mark.parametrize("query, expected", QUERIES.items())
def test_search_offers_the_section_first(tab, base_url, query, expected):  # noqa: F811
    assert first_section(tab, base_url, query) == expected
    assert not tab.problems, tab.problems


def test_search_index_holds_no_rendered_math(site):
    docs = json.loads((site / "search" / "search_index.json").read_text())["docs"]
    section = next(d for d in docs if d["location"] == "losses/classification/#crossentropyloss")
    # KaTeX's HTML would put glyph runs such as "CCC" (a formula's C three times) in the text.
    assert "exactly one of \\(C\\) classes" in section["text"], section["text"][:300]
    assert not [d["location"] for d in docs if "katex" in d["text"]]
