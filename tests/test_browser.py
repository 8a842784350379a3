"""The built site in a real browser: Debian's Chromium, driven by Playwright, offline.

Every request to anything but the local server is blocked and recorded, so these
tests also prove the site loads no script, style or font from the internet.
Screenshots land in test-artifacts/screenshots/.
"""

from __future__ import annotations

import functools
import http.server
import os
import threading
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect, sync_playwright

from hooks.code import PLAIN_TOKENS
from tests import verdicts
from tests.test_site import content_pages

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")  # set by the Makefile
ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts" / "screenshots"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run", "--disable-quic"]
TIMEOUT_MS = 120_000
TABS_AT_ONCE = 4
expect.set_options(timeout=TIMEOUT_MS)

class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def base_url(site):
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()


@pytest.fixture(scope="module")
def browser():
    assert Path(CHROMIUM).exists(), f"{CHROMIUM} is missing: `make test` installs Debian's chromium"
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield chromium
        chromium.close()


class Tab:
    """A page with every remote request blocked and every problem recorded."""

    def __init__(self, browser, base_url: str, color_scheme: str = "light"):
        self.context = browser.new_context(color_scheme=color_scheme, viewport={"width": 1280, "height": 900},
                                           permissions=["clipboard-read", "clipboard-write"])
        # A loaded machine is slow, not broken: wait as long as CI would for anything.
        self.context.set_default_timeout(TIMEOUT_MS)
        self.page = self.context.new_page()
        self.found: list[str] = []
        self.navigations = 0  # documents shown in the main frame so far
        self._started: dict[object, int] = {}  # request -> navigations when it started
        self._aborted: list[tuple[int, str]] = []
        host = urlparse(base_url).netloc
        self.page.route("**/*", lambda route: self._route(route, host))
        self.page.on("console", lambda m: m.type == "error" and self.found.append(f"console error: {m.text}"))
        self.page.on("pageerror", lambda e: self.found.append(f"page error: {e}"))
        self.page.on("framenavigated", self._navigated)
        self.page.on("request", lambda r: self._started.setdefault(r, self.navigations))
        self.page.on("requestfailed", self._failed)
        self.page.on("response", lambda r: r.status >= 400 and self.found.append(f"HTTP {r.status}: {r.url}"))

    def _navigated(self, frame):
        if frame == self.page.main_frame:
            self.navigations += 1

    def _failed(self, request):
        message = f"request failed: {request.url} ({request.failure})"
        started = self._started.pop(request, self.navigations)
        if request.failure == "net::ERR_ABORTED":
            self._aborted.append((started, message))
        else:
            self.found.append(message)

    @property
    def problems(self) -> list[str]:
        """What went wrong. The browser cancels what a page still loads when the next
        page replaces it (net::ERR_ABORTED): not a broken link, so such an abort counts
        only if no navigation followed the request's start (the events may arrive in
        either order, so this is decided when asked). A 404 or a blocked remote
        request always counts."""
        return self.found + [message for started, message in self._aborted if started == self.navigations]

    def _route(self, route, host: str):
        url = urlparse(route.request.url)
        if url.scheme in {"http", "https"} and url.netloc != host:
            self.found.append(f"remote request blocked: {route.request.url}")
            return route.abort()
        return route.continue_()

    def close(self):
        self.context.close()


@pytest.fixture
def tab(browser, base_url):
    opened = Tab(browser, base_url)
    yield opened
    opened.close()


def page_urls(site: Path, base_url: str) -> list[str]:
    paths = (p.parent.relative_to(site).as_posix() for p in content_pages(site))
    return [base_url + ("" if path == "." else f"{path}/") for path in paths]


CHECKS_OF_EVERY_PAGE = ("page-loads", "figures-load", "copy-buttons")  # the tests below, for tests/verdicts.py

# Each code block whose copy button is missing, doubled or copies something else, once
# Material has started (the buttons are in the page: hooks/code.py).
WITHOUT_ONE_COPY_BUTTON = """() => [...document.querySelectorAll('pre > code')].filter(code => {
    const buttons = code.parentElement.querySelectorAll('[data-clipboard-target]');
    return buttons.length !== 1 || document.querySelector(buttons[0].dataset.clipboardTarget) !== code;
}).map(code => code.textContent.split('\\n')[0])"""


@pytest.fixture(scope="module")
def every_page(site, base_url, browser) -> tuple[str, dict[str, tuple[list[str], list[tuple[str, int]], list]]]:
    """Each page loaded once, in a fresh tab (requests the previous page left in flight
    are not this page's): its problems, its figures as (source, natural width), and the
    first lines of its code blocks without exactly one copy button of their own. Also the
    key of the pages' bytes, assets and browser: when the tests below have all passed on
    the same key, the pages are not loaded again (tests/verdicts.py)."""
    urls = page_urls(site, base_url)
    key = verdicts.digest(*content_pages(site), verdicts.site_assets(site), Path(__file__), browser.version)
    found = {}
    if all(verdicts.passed(check, key) for check in CHECKS_OF_EVERY_PAGE):
        return key, found
    for start in range(0, len(urls), TABS_AT_ONCE):
        # A few pages load side by side: most of a page's time is waiting for the
        # network to go idle, and that waiting can overlap.
        batch = {url: Tab(browser, base_url) for url in urls[start:start + TABS_AT_ONCE]}
        try:
            for url, opened in batch.items():
                opened.page.goto(url, wait_until="commit")
            for url, opened in batch.items():
                opened.page.wait_for_load_state("networkidle")
                # Figures load lazily, as a reader scrolls to them: ask for each one now.
                figures = opened.page.eval_on_selector_all("article img", """async imgs => {
                    imgs.forEach(i => { i.loading = 'eager'; });
                    await Promise.all(imgs.map(i => i.decode().catch(() => null)));
                    return imgs.map(i => [i.currentSrc, i.naturalWidth]); }""")
                blocks = opened.page.evaluate(WITHOUT_ONE_COPY_BUTTON)
                found[url] = (opened.problems, [tuple(figure) for figure in figures], blocks)
        finally:
            for opened in batch.values():
                opened.close()
    return key, found


def test_every_page_loads_without_errors_or_remote_requests(every_page):
    key, pages = every_page
    if verdicts.passed("page-loads", key):
        return
    problems = [f"{url}: {problem}" for url, (found, _, _) in pages.items() for problem in found]
    assert not problems, "\n".join(problems)
    verdicts.record("page-loads", key)


def test_every_figure_loads_as_svg(every_page, tab):
    key, pages = every_page
    if verdicts.passed("figures-load", key):
        return
    seen, problems = set(), []
    for url, (_, figures, _) in pages.items():
        for src, width in figures:
            if src in seen:
                continue
            seen.add(src)
            response = tab.page.request.get(src)
            kind = response.headers.get("content-type", "")
            if width == 0 or not src.endswith(".svg") or "svg" not in kind:
                problems.append(f"{url}: figure {src} (width {width}, {kind})")
    assert seen, "no figure found on any page"
    assert not problems, "\n".join(problems)
    verdicts.record("figures-load", key)


def test_every_code_block_has_one_copy_button(every_page):
    key, pages = every_page
    if verdicts.passed("copy-buttons", key):
        return
    problems = [f"{url}: a block starting {first!r}" for url, (_, _, blocks) in pages.items() for first in blocks]
    assert not problems, "these code blocks lack exactly one copy button copying them:\n" + "\n".join(problems)
    verdicts.record("copy-buttons", key)


# From the moment Material's script is in the page: the stylesheets then, and each change
# to the article's own children after it (either restyles the whole page).
WATCH_MATERIAL_START = """window.materialStart = {sheets: null, articleChanges: 0};
new MutationObserver(records => {
    for (const record of records) {
        if (materialStart.sheets === null) {
            if ([...record.addedNodes].some(node => node.tagName === 'SCRIPT' && /bundle/.test(node.src)))
                materialStart.sheets = [...document.styleSheets];
        } else if (record.target.matches && record.target.matches('article.md-content__inner')) {
            materialStart.articleChanges += 1;
        }
    }
}).observe(document, {childList: true, subtree: true});"""


def material_started(tab, url: str) -> dict:
    tab.page.add_init_script(WATCH_MATERIAL_START)
    tab.page.goto(url, wait_until="load")
    assert not tab.problems, tab.problems
    return tab.page.evaluate("""() => ({
        replaced: [...document.styleSheets].filter(sheet => !materialStart.sheets.includes(sheet)).map(sheet => sheet.href),
        articleChanges: materialStart.articleChanges})""")


def test_material_start_keeps_the_stylesheets(base_url, tab):
    """Material, as it starts, makes each relative URL absolute; a stylesheet whose URL
    changes is a new sheet. overrides/main.html makes the head's URLs absolute first."""
    replaced = material_started(tab, base_url + "nn/containers/")["replaced"]
    assert replaced == [], f"Material's start-up replaced these stylesheets: {replaced}"


def test_material_start_moves_nothing_in_the_article(base_url, tab):
    """Material moves each table into a scrolling wrapper; hooks/tables.py gives each
    table a box of its own first (nn/containers has two tables)."""
    changes = material_started(tab, base_url + "nn/containers/")["articleChanges"]
    assert changes == 0, f"Material's start-up changed the article's children {changes} times"


# Each table's scrolling wrapper, the table and what follows it, once every table is drawn.
TABLE_PLACES = """async () => {
    for (let y = 0; y < document.body.scrollHeight; y += innerHeight / 2) {
        scrollTo(0, y);
        await new Promise(drawn => requestAnimationFrame(() => requestAnimationFrame(drawn)));
    }
    const place = element => {
        if (!element) return null;
        const r = element.getBoundingClientRect();
        return [r.left, r.top + scrollY, r.width, r.height];
    };
    return [...document.querySelectorAll("article .md-typeset__scrollwrap")].map(wrap =>
        [wrap, wrap.querySelector("table"), wrap.parentElement.nextElementSibling].map(place));
}"""


@pytest.mark.parametrize("width", [412, 1280])
def test_a_table_drawn_late_takes_the_place_material_gives_it(base_url, tab, width):
    """site.css draws each table's box (hooks/tables.py) only as it nears the screen. Such a
    box keeps its children's margins from collapsing and clips them, so site.css gives it
    the wrapper's margins: drawn, every table must sit where it would without the box."""
    tab.page.set_viewport_size({"width": width, "height": 900})
    tab.page.goto(base_url + "nn/", wait_until="load")
    boxed = tab.page.evaluate(TABLE_PLACES)
    tab.page.evaluate("document.querySelectorAll('.table-box').forEach(box => box.classList.remove('table-box'))")
    plain = tab.page.evaluate(TABLE_PLACES)
    assert len(boxed) > 10, f"nn has {len(boxed)} tables"
    moved = [f"table {i + 1}: {b} boxed, {p} plain" for i, (b, p) in enumerate(zip(boxed, plain)) if b != p]
    assert not moved, "tables (wrapper, table, next element) out of place:\n" + "\n".join(moved)


def test_a_page_keeps_its_width_as_it_grows_past_the_window(browser, base_url):
    """The scrollbar's room is kept from the first paint (site.css), so when the rest of a
    page arrives and it outgrows the window, nothing moves sideways. Measured with real
    scrollbars (Playwright hides them) in a window taller than a short page."""
    chromium = browser.browser_type.launch(executable_path=CHROMIUM, args=FLAGS, ignore_default_args=["--hide-scrollbars"])
    try:
        page = chromium.new_page(viewport={"width": 1280, "height": 2400})
        widths = {}
        for path in ("contributing/", "optimizers/"):  # shorter than the window, and far longer
            page.goto(base_url + path, wait_until="load")
            widths[path] = page.evaluate("[document.body.getBoundingClientRect().width, document.documentElement.scrollHeight]")
    finally:
        chromium.close()
    (short, short_height), (long, long_height) = widths.values()
    assert short_height <= 2400 < long_height, f"pick pages either side of the window's height: {widths}"
    assert short == long, f"the page is {short}px wide when it fits the window and {long}px when it does not"


def test_math_is_typeset_offline(base_url, tab):
    tab.page.goto(base_url + "activations/smooth/", wait_until="networkidle")
    assert tab.page.locator("article math").count() > 5, "no MathML on the page"
    assert tab.page.locator(".arithmatex").count() == 0, "raw TeX left on the page"
    loaded = tab.page.evaluate("document.fonts.ready.then(fonts => [...fonts].filter(f => f.status === 'loaded')"
                               ".map(f => f.family.replaceAll('\"', '')))")
    assert "STIX Two Math" in loaded, f"the math font did not load (loaded: {loaded})"
    # Drawn as math: a displayed fraction stacks its parts, so it is two lines tall.
    assert tab.page.locator("article math[display=block] mfrac").first.evaluate(
        "e => e.getBoundingClientRect().height / parseFloat(getComputedStyle(e).fontSize)") > 1.6
    assert not tab.problems, tab.problems


def test_search_finds_cross_entropy_loss_and_lands_on_its_section(base_url, tab):
    tab.page.goto(base_url, wait_until="networkidle")
    tab.page.keyboard.press("/")  # Material's search shortcut
    # Type only once the box has focus: on a busy machine the first keys could go elsewhere.
    expect(tab.page.locator(".md-search__input")).to_be_focused()
    tab.page.keyboard.type("CrossEntropyLoss")
    # Results change while the query is typed and the index loads: wait for the one a
    # reader picks, the first result that is a section titled with the name, among the
    # results for the whole name (their links highlight it: ?h=...), not for its first keys.
    try:
        href = tab.page.wait_for_function("""name => {
            const links = [...document.querySelectorAll('.md-search-result__item a')];
            const hit = links.find(a => a.hash && (new URL(a.href).searchParams.get('h') || '').toLowerCase() === name.toLowerCase()
                                        && (a.querySelector('h1, h2') || a).innerText.includes(name));
            return hit && hit.getAttribute('href');
        }""", arg="CrossEntropyLoss").json_value()
    except PlaywrightTimeout:
        pytest.fail("no search result is a section about CrossEntropyLoss", pytrace=False)
    tab.page.locator(f".md-search-result__item a[href='{href}']").first.click()
    tab.page.wait_for_url(lambda url: urlparse(url).fragment != "")
    fragment = urlparse(tab.page.url).fragment
    assert "CrossEntropyLoss" in tab.page.locator(f"[id='{fragment}']").inner_text()  # waits for the element
    assert not tab.problems, tab.problems


def test_light_dark_toggle(base_url, tab):
    tab.page.goto(base_url, wait_until="networkidle")
    body = tab.page.locator("body")  # waits for the element, however slow the machine
    expect(body).to_have_attribute("data-md-color-scheme", "default")
    tab.page.locator("label.md-header__button[for^='__palette']:visible").first.click()
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    tab.page.reload(wait_until="networkidle")
    expect(body, "the choice does not persist").to_have_attribute("data-md-color-scheme", "slate")
    # Material's instant navigation keeps the header: the toggle still works on the next page.
    tab.page.locator(".md-tabs__link").last.click()
    tab.page.wait_for_function("() => location.pathname !== '/'")
    tab.page.locator("label.md-header__button[for^='__palette']:visible").first.click()
    expect(body).to_have_attribute("data-md-color-scheme", "default")


def test_dark_system_scheme_is_followed_until_the_reader_chooses(browser, base_url):
    opened = Tab(browser, base_url, color_scheme="dark")
    try:
        opened.page.goto(base_url, wait_until="networkidle")
        body = opened.page.locator("body")
        expect(body).to_have_attribute("data-md-color-scheme", "slate")
        scheme = opened.page.locator("meta[name='color-scheme']")
        expect(scheme, "scrollbars and browser chrome stay light").to_have_attribute("content", "dark")
        # The keyboard route to the toggle: focus the option, Enter picks the other one.
        opened.page.locator("input[name='__palette']:checked").focus()
        opened.page.keyboard.press("Enter")
        expect(body).to_have_attribute("data-md-color-scheme", "default")
        expect(scheme).to_have_attribute("content", "light")
        opened.page.reload(wait_until="networkidle")
        expect(body, "the choice does not persist").to_have_attribute("data-md-color-scheme", "default")
        assert not opened.problems, opened.problems
    finally:
        opened.close()


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_unwrapped_code_tokens_draw_like_the_code_around_them(base_url, tab, scheme):
    """hooks/code.py drops the spans of names, whitespace and punctuation: only right if a
    span of each class would be drawn in its block's own colour, in both schemes."""
    tab.page.goto(base_url + "tensors/", wait_until="networkidle")
    colours = tab.page.evaluate("""([scheme, classes]) => {
        document.body.setAttribute("data-md-color-switching", "");  // as Material's toggle: no transitions
        document.body.setAttribute("data-md-color-scheme", scheme);
        const code = document.querySelector(".highlight code");
        const left = code.querySelectorAll(classes.map(name => `span.${name}`).join(", ")).length;
        return {left, code: getComputedStyle(code).color, ...Object.fromEntries(classes.map(name => {
            const span = code.appendChild(document.createElement("span"));
            span.className = name;
            return [name, getComputedStyle(span).color];
        }))};
    }""", [scheme, list(PLAIN_TOKENS)])
    assert colours.pop("left") == 0, f"spans of {PLAIN_TOKENS} are still in the code"
    code = colours.pop("code")
    assert colours == dict.fromkeys(PLAIN_TOKENS, code), f"code is {code}, these tokens would not be: {colours}"


def test_copy_button_copies_the_code(base_url, tab):
    tab.page.goto(base_url + "tensors/", wait_until="networkidle")
    block = tab.page.locator("div.language-python").first
    block.hover()
    block.locator("button[data-md-type='copy']").click()
    snippet = ROOT / "snippets" / block.locator(".filename").inner_text()
    # The copy is asynchronous: wait for the clipboard to change before comparing.
    copied = tab.page.wait_for_function("async () => (await navigator.clipboard.readText()) || null").json_value()
    assert copied.strip() == snippet.read_text().strip(), f"the copy button does not copy {snippet}"


def test_navigation_tabs_resolve(base_url, tab):
    tab.page.goto(base_url, wait_until="networkidle")
    links = tab.page.eval_on_selector_all(".md-tabs__link", "links => links.map(a => a.href)")
    assert len(links) >= 4
    for href in links:
        response = tab.page.goto(href, wait_until="networkidle")
        assert response.ok, href
    assert not tab.problems, tab.problems


@pytest.mark.parametrize("path, anchor", [("datasets/", "datasets--dataloaders"), ("activations/piecewise-linear/", "leakyrelu")])
def test_notes_anchors_resolve(base_url, tab, path, anchor):
    tab.page.goto(f"{base_url}{path}#{anchor}", wait_until="networkidle")
    assert tab.page.locator(f"[id='{anchor}']").count() == 1


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_screenshots(browser, base_url, scheme):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    opened = Tab(browser, base_url, color_scheme=scheme)
    try:
        for name, path in [("home", ""), ("tensors", "tensors/"), ("relu", "activations/piecewise-linear/#relu")]:
            opened.page.goto(base_url + path, wait_until="networkidle")
            opened.page.screenshot(path=str(ARTIFACTS / f"{name}-{scheme}.png"))
        assert not opened.problems, opened.problems
    finally:
        opened.close()


def test_notebook_page_offers_its_notebook(base_url, tab):
    tab.page.goto(base_url + "notebooks/first-model/", wait_until="networkidle")
    link = tab.page.get_by_role("link", name="Download the notebook")
    response = tab.page.request.get(urljoin(tab.page.url, link.get_attribute("href")))
    assert response.ok and '"cells"' in response.text()
