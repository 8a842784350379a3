"""WCAG 2.1 AA on every page, light and dark: axe-core (pinned in package.json) injected
into the built site in Chromium. Zero violations is the test; a failure names the
rule, the element and the page."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_browser import Tab, base_url, browser, page_urls  # noqa: F401 (fixtures)

AXE = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def violations(tab: Tab, url: str) -> list[str]:
    tab.page.goto(url, wait_until="networkidle")
    tab.page.evaluate("document.fonts.ready")  # contrast is judged on the final text
    tab.page.add_script_tag(path=str(AXE))
    found = tab.page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})"
                              ".then(r => r.violations.map(v => [v.id, v.nodes.map(n => n.target.join(' '))]))", TAGS)
    return [f"{url}: {rule}: {target}" for rule, targets in found for target in targets]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_page_passes_axe_wcag21_aa(site, base_url, browser, scheme):  # noqa: F811
    assert AXE.exists(), f"{AXE} is missing: `make install` runs npm ci"
    tab = Tab(browser, base_url, color_scheme=scheme)
    try:
        problems = [problem for url in page_urls(site, base_url) for problem in violations(tab, url)]
    finally:
        tab.close()
    assert not problems, f"{len(problems)} WCAG 2.1 AA violations ({scheme}):\n" + "\n".join(problems)
