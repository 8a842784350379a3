"""The built site: strict build, every shown Python block is one the tests ran."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from hooks.images import size_of
from hooks.katex import IMPLIED
from tests.conftest import ON_SITE, RAN
from tests.test_codeblocks import BLOCKS

PYTHON_DIV = re.compile(r'<div class="language-(?:python|py|python3) highlight"[^>]*>')
TEXT_DIV = re.compile(r'<div class="language-text highlight"[^>]*>')
ANY_DIV = re.compile(r'<div class="language-([\w+-]+) highlight"[^>]*>')
NOTEBOOK_CELL = re.compile(r'class="jp-InputPrompt jp-InputArea-prompt">In\s*\[')  # markdown cells have an empty prompt


def content_pages(site: Path) -> list[Path]:
    """Built pages that come from docs/ (not the 404 page or search assets)."""
    return sorted(p for p in site.rglob("index.html"))


def count(pattern: re.Pattern, pages: list[Path]) -> int:
    return sum(len(pattern.findall(p.read_text(encoding="utf-8"))) for p in pages)


@pytest.mark.after_examples
def test_python_blocks_on_site_equal_code_blocks_run(site, request):
    pages = content_pages(site)
    on_site = count(PYTHON_DIV, pages) + count(NOTEBOOK_CELL, pages)
    request.config.stash[ON_SITE] = on_site
    ran = request.config.stash[RAN]
    if ran:
        assert len(ran) == on_site, f"{on_site} Python blocks on the built site, but {len(ran)} code-block tests ran"
    assert len(BLOCKS) == on_site, f"{on_site} Python blocks on the built site, but the tests find {len(BLOCKS)} in docs/"


def test_every_output_block_on_site_is_checked(site):
    shown = count(TEXT_DIV, content_pages(site))
    checked = sum(b.expected is not None for b in BLOCKS)
    assert shown == checked, f"{shown} output blocks on the built site, {checked} compared by the tests"


def test_no_untested_code_on_site(site):
    """Only Python and its output appear as code: no indented blocks, no other languages."""
    problems = []
    for page in content_pages(site):
        html = page.read_text(encoding="utf-8")
        if "jp-Notebook" in html:
            continue
        others = [lang for lang in ANY_DIV.findall(html) if lang not in {"python", "py", "python3", "text"}]
        blocks = len(ANY_DIV.findall(html))
        pres = html.count("<pre")
        if others or pres != blocks:
            problems.append(f"{page.relative_to(site)}: {pres} <pre> blocks, {blocks} highlighted, other languages {others}")
    assert not problems, "\n".join(problems)


REMOTE = r"(?:https?:)?//(?!127\.0\.0\.1|localhost)[^\s\"')]+"
LOADS = [
    re.compile(rf'<script[^>]*\ssrc="({REMOTE})"'),
    re.compile(rf'<link[^>]*\shref="({REMOTE})"[^>]*>'),
    re.compile(rf'<(?:img|iframe|source|video|audio)[^>]*\ssrc="({REMOTE})"'),
    re.compile(rf'url\(\s*["\']?({REMOTE})'),
    re.compile(rf'@import\s+["\']({REMOTE})'),
    re.compile(rf'import\(\s*["\']({REMOTE})'),
]


def test_site_loads_nothing_from_the_internet(site):
    """No script, style, font or image comes from another host (links to read are fine)."""
    found = []
    for path in sorted(site.rglob("*")):
        if path.suffix not in {".html", ".css", ".js"}:
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        for pattern in LOADS:
            for match in pattern.finditer(text):
                if pattern is LOADS[1] and not re.search(r'rel="(?:stylesheet|preload|modulepreload|icon|manifest)"', match.group(0)):
                    continue
                found.append(f"{path.relative_to(site)}: {match.group(1)}")
    assert not found, "the built site loads remote resources:\n" + "\n".join(sorted(set(found)))


def test_every_figure_keeps_its_place_and_loads_lazily(site):
    """Each figure's <img> says its size (that of the SVG, in CSS pixels) and loads as the
    reader nears it (hooks/images.py): figures neither delay the first screen nor, when
    they arrive, push the text below them."""
    wrong, seen = [], 0
    for page in content_pages(site):
        for tag in re.findall(r"<img\b[^>]*>", page.read_text(encoding="utf-8")):
            src = re.search(r'\ssrc="([^"]+)"', tag).group(1)
            if not src.endswith(".svg"):
                continue
            seen += 1
            width, height = size_of(page.parent / src)
            expected = (f'width="{width}"', f'height="{height}"', 'loading="lazy"', 'decoding="async"')
            if not all(f" {attribute}" in tag for attribute in expected):
                wrong.append(f"{page.relative_to(site)}: {src} should have {' '.join(expected)}")
    assert seen > 100, f"only {seen} figures found on the site"
    assert not wrong, "\n".join(wrong)


def test_no_page_holds_its_first_paint_for_a_font(site):
    """A preloaded font can hold Chromium's first paint until the page has parsed and
    Material has started. Lighthouse then counts the search index Material requests in
    the page's LCP. Measured on five math pages, mobile, 20 loads each way: with the math
    font preloaded, 8 loads first painted after 1.2 s (LCP 3.6-4.1 s); without, none did
    (first paint by 0.22 s, LCP at most 1.9 s).
    The stylesheet's @font-face fetches the math font at the first layout instead."""
    held = [str(p.relative_to(site)) for p in content_pages(site) if re.search(r'<link\b[^>]*\bas="font"', p.read_text())]
    assert not held, "these pages preload a font, which can hold their first paint: " + ", ".join(held)


def test_math_font_draws_every_character_of_every_formula(site):
    """hooks/katex.py cuts the math font down to the characters the formulas use: a
    character it left out would be drawn in another font, or as a box."""
    font = TTFont(site / "assets" / "fonts" / "stix-two-math.woff")
    assert "MATH" in font, "the shipped math font lost its MATH table (it sizes fractions, roots, brackets)"
    drawn, missing = font.getBestCmap(), {}
    for page in sorted(site.rglob("*.html")):
        for formula in re.findall(r"<math[^>]*>(.*?)</math>", page.read_text(), re.S):
            implied = "".join(sign for element, sign in IMPLIED.items() if f"<{element}>" in formula)  # a root's √
            for char in html.unescape(re.sub(r"<[^>]*>", "", formula)) + implied:
                if ord(char) not in drawn and not char.isspace():
                    missing.setdefault(char, str(page.relative_to(site)))
    assert not missing, "characters without a glyph in the math font: " + ", ".join(f"{c!r} ({p})" for c, p in missing.items())


def test_browser_chrome_takes_the_header_colour(site):
    """main.html gives `theme-color` as a literal; it must stay the header's colour in site.css."""
    css = (Path(__file__).resolve().parent.parent / "docs" / "assets" / "site.css").read_text()
    header = re.search(r"--md-primary-fg-color: (#[0-9a-f]{6});", css).group(1)
    for page in content_pages(site):
        found = re.findall(r'<meta name="theme-color" content="([^"]+)">', page.read_text())
        assert found == [header], f"{page.relative_to(site)}: theme-color {found}, the header is {header}"
