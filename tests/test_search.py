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


@pytest.fixture(scope="module")
def search_box(browser, base_url):  # noqa: F811
    """The home page with its search index built, shared by the queries: Material's
    worker builds the index once per page load, and each query here starts from an
    empty box, as a reader's next search does."""
    opened = Tab(browser, base_url)
    opened.page.goto(base_url, wait_until="networkidle")
    opened.page.locator(".md-search__input").click()
    # Material says "Initializing search" until its worker has built the index.
    opened.page.wait_for_function("!document.querySelector('.md-search-result__meta').innerText.includes('Initializing')",
                                  timeout=60000)
    yield opened
    opened.close()


def first_section(tab: Tab, root: str, query: str) -> str:
    """The first result that is a section (a link with a fragment), as site-relative URL."""
    box = tab.page.locator(".md-search__input")
    box.fill("")
    box.press("End")  # Material searches on keyup: an empty query clears the results
    tab.page.locator(".md-search-result__item").first.wait_for(state="detached", timeout=60000)
    box.fill(query)
    box.press("End")  # one key that leaves the text as is, so one query
    # Sections below a page's best ones sit folded under "more on this page": still offered.
    section = tab.page.locator(".md-search-result__item a[href*='#']").first
    section.wait_for(state="attached", timeout=60000)
    return re.sub(r"\?h=[^#]*", "", section.get_attribute("href")).removeprefix(root).removeprefix("./")


@pytest.mark.parametrize("query, expected", QUERIES.items())
def test_search_offers_the_section_first(search_box, base_url, query, expected):  # noqa: F811
    assert first_section(search_box, base_url, query) == expected
    assert not search_box.problems, search_box.problems


def test_search_index_holds_no_rendered_math(site):
    docs = json.loads((site / "search" / "search_index.json").read_text())["docs"]
    section = next(d for d in docs if d["location"] == "losses/classification/#crossentropyloss")
    # KaTeX's HTML would put glyph runs such as "CCC" (a formula's C three times) in the text.
    assert "exactly one of \\(C\\) classes" in section["text"], section["text"][:300]
    assert not [d["location"] for d in docs if "katex" in d["text"]]
