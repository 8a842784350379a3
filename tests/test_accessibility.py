"""WCAG 2.1 AA on every page, light and dark: axe-core (pinned in package.json) injected
into the built site in Chromium. Zero violations is the test; a failure names the
rule, the element, the page and the colour scheme.

One test per page, so the pages spread over both xdist workers. axe runs every WCAG
2.1 A/AA rule in the light scheme; then the reader's toggle switches to the dark
scheme, the page is loaded again in it, and axe runs the rules that read colours.
The scheme changes colours only (Material swaps CSS variables on <body>), so the
other rules would judge the same elements again; the home page runs them all in
dark too, which covers the toggle itself.

A page whose bytes, assets, browser and axe are unchanged since it passed is not
checked again (tests/verdicts.py; `FRESH=1` checks every page).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests import codeblocks, verdicts
from tests.test_browser import Tab, base_url, browser, page_urls  # noqa: F401 (fixtures)

ROOT = Path(__file__).resolve().parent.parent
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
COLOUR_RULES = ["color-contrast", "link-in-text-block"]  # the WCAG 2.1 AA rules that read colours


def site_paths() -> list[str]:
    """Every page's path on the site, from docs/ (so tests exist before the build)."""
    paths = []
    for source in codeblocks.pages():
        page = source.relative_to(codeblocks.DOCS).with_suffix("")
        page = page.parent if page.name == "index" else page
        paths.append("" if page == Path(".") else f"{page.as_posix()}/")
    return paths


def violations(tab: Tab, url: str, scheme: str, rules: dict) -> list[str]:
    tab.page.goto(url, wait_until="networkidle")
    tab.page.evaluate("document.fonts.ready")  # contrast is judged on the final text
    tab.page.add_script_tag(path=str(AXE))
    found = tab.page.evaluate("options => axe.run(document, options)"
                              ".then(r => r.violations.map(v => [v.id, v.nodes.map(n => n.target.join(' '))]))", rules)
    return [f"{url} ({scheme}): {rule}: {target}" for rule, targets in found for target in targets]


def test_every_built_page_is_checked(site, base_url):  # noqa: F811
    assert sorted(base_url + path for path in site_paths()) == sorted(page_urls(site, base_url))


@pytest.mark.parametrize("path", site_paths())
def test_page_passes_axe_wcag21_aa_light_and_dark(site, base_url, browser, path):  # noqa: F811
    assert AXE.exists(), f"{AXE} is missing: `make install` runs npm ci"
    page_html = site / path / "index.html"
    key = verdicts.digest(page_html, verdicts.site_assets(site), AXE, Path(__file__), browser.version)
    if verdicts.passed("axe", key):
        return
    tab = Tab(browser, base_url, color_scheme="light")
    try:
        problems = violations(tab, base_url + path, "light", {"runOnly": {"type": "tag", "values": TAGS}})
        # The reader's toggle, then a reload: the choice persists, and the page is drawn
        # dark from its first frame, as a returning reader sees it.
        tab.page.locator("label.md-header__button[for^='__palette']:visible").first.click()
        expect(tab.page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
        dark = {"runOnly": {"type": "tag", "values": TAGS}} if path == "" else {"runOnly": {"type": "rule", "values": COLOUR_RULES}}
        problems += violations(tab, base_url + path, "dark", dark)
        expect(tab.page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    finally:
        tab.close()
    assert not problems, f"{len(problems)} WCAG 2.1 AA violations:\n" + "\n".join(problems)
    verdicts.record("axe", key)
