"""Phone-first and offline, in real headless Chromium on the real site."""

from __future__ import annotations

import functools
import http.server
import json
import re
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.helpers import FIXTURES, Build, make_project, run_kyr


def test_first_view_loads_no_search_code_until_search_opens(phone, real_url):
    page = phone.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(real_url + "rights/at-home/", wait_until="networkidle")
    assert not [url for url in requests if "bundle" in url or "search_index" in url]
    with page.expect_request(lambda request: request.url.endswith("search_index.json")):
        page.locator("label.md-header__button[for=__search]").click()
    assert any("bundle" in url for url in requests)
    index = [url for url in requests if url.endswith("search_index.json")]
    assert index == [real_url + "search/search_index.json"]  # this language's index only


def test_spanish_search_loads_only_the_spanish_index(phone, real_url):
    page = phone.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(real_url + "es/rights/at-home/", wait_until="networkidle")
    with page.expect_request(lambda request: request.url.endswith("search_index.json")):
        page.locator("label.md-header__button[for=__search]").click()
    index = [url for url in requests if url.endswith("search_index.json")]
    assert index == [real_url + "es/search/search_index.json"]


def test_manifest_per_language(real_site: Build):
    for prefix, lang, name in (
        ("", "en", "Know Your Rights L.A."),
        ("es/", "es", "Conozca sus derechos L.A."),
    ):
        soup = real_site.html(prefix + "rights/at-home/")
        href = soup.select_one('link[rel="manifest"]')["href"]
        path = (real_site.site / prefix / "rights/at-home" / href).resolve()
        data = json.loads(path.read_text())
        assert data["name"] == name and data["lang"] == lang and data["theme_color"]
        for icon in data["icons"]:
            assert (path.parent / icon["src"]).resolve().is_file()


def test_pages_keep_working_with_the_network_off(phone, real_url):
    page = phone.new_page()
    page.goto(real_url + "es/", wait_until="networkidle")
    # The notice appears once every Spanish page has been saved on the device.
    toast = page.locator(".kyr-toast")
    toast.wait_for(timeout=30_000)
    assert "sin conexión" in toast.text_content()
    phone.set_offline(True)
    for path in ("es/rights/at-home/", "es/who-to-call/", "es/flyers/door/", "es/detained/"):
        response = page.goto(real_url + path)
        assert response is not None and response.ok, path
        assert page.locator("html").get_attribute("lang") == "es"
        assert page.locator("article h1").count() == 1
    assert page.locator("a.kyr-help-bar__call").get_attribute("href").startswith("tel:+1")


def test_service_worker_version_follows_the_content(real_site: Build, tmp_path):
    from kyr.output.service_worker import site_version

    copy = tmp_path / "site"
    import shutil

    shutil.copytree(real_site.site, copy)
    before = site_version(copy)
    page = copy / "rights/at-home/index.html"
    page.write_text(page.read_text().replace("</article>", "<p>changed</p></article>"))
    assert site_version(copy) != before
    version = re.search(r'const VERSION = "(\w+)"', (real_site.site / "sw.js").read_text())
    assert version and version.group(1) == before


def test_call_for_help_in_one_tap_on_every_page(real_site: Build):
    for page in real_site.pages():
        if page.name == "404.html":
            continue
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        call = soup.select_one(".kyr-help-bar a.kyr-help-bar__call")
        assert call is not None and call["href"] == "tel:+18886244752", page


def test_help_bar_is_visible_and_tappable_on_a_phone(phone, real_url):
    page = phone.new_page()
    page.goto(real_url + "rights/in-public/")
    call = page.locator("a.kyr-help-bar__call")
    box = call.bounding_box()
    assert call.is_visible() and box["height"] >= 44 and box["width"] >= 44
    assert box["y"] + box["height"] <= 844  # on screen without scrolling
    share = page.locator(".kyr-share__button")
    assert share.is_visible()


@pytest.mark.parametrize("path", ["", "es/", "rights/at-home/", "es/who-to-call/", "es/flyers/"])
def test_layout_at_320_px(browser, real_url, path):
    context = browser.new_context(viewport={"width": 320, "height": 640}, is_mobile=True)
    page = context.new_page()
    page.goto(real_url + path)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 320, f"horizontal scroll: {width}px"
    size = page.evaluate(
        "parseFloat(getComputedStyle(document.querySelector('article p, article li')).fontSize)"
    )
    assert size >= 16
    switch = page.locator(".kyr-lang-switch a").first
    assert switch.is_visible()
    small = page.evaluate(
        """() => [...document.querySelectorAll(
              '.kyr-lang-switch a, .kyr-print-button, .kyr-call, .kyr-hotline__call,'
              + ' .kyr-contact__save, .kyr-help-bar a, .kyr-share__button, .kyr-pdfs a')]
            .filter(e => e.offsetParent !== null && !e.closest('details:not([open])'))
            .map(e => [e.className || e.textContent.trim(), e.getBoundingClientRect()])
            .filter(([, r]) => r.width < 44 || r.height < 44)
            .map(([name, r]) => `${name} ${Math.round(r.width)}x${Math.round(r.height)}`)"""
    )
    assert small == []
    context.close()


@pytest.mark.parametrize(
    ("path", "rules"),
    [
        ("", ["Do not open the door", "Stay silent", "Sign nothing", "Ask for a lawyer"]),
        ("es/", ["No abra la puerta", "Guarde silencio", "No firme nada", "Pida un abogado"]),
    ],
)
def test_home_shows_four_rules_and_hotline_without_scrolling(phone, real_url, path, rules):
    page = phone.new_page()
    page.goto(real_url + path, wait_until="networkidle")
    first_list = page.locator("article ol").first
    assert [
        item.strip().rstrip(".") for item in first_list.locator("li").all_text_contents()
    ] == rules
    visible_bottom = page.locator(".kyr-help-bar").bounding_box()["y"]
    assert first_list.bounding_box()["y"] + first_list.bounding_box()["height"] <= visible_bottom
    call = page.locator("article a.kyr-hotline__call")
    box = call.bounding_box()
    assert call.get_attribute("href") == "tel:+18886244752"
    assert box["y"] + box["height"] <= visible_bottom


# --- Fresh after an update (network first for pages, saved copy when slow or offline) ---

CALL_PAGES = {
    "call.md": "---\ntitle: Call\n---\n\n# Call\n\n<!-- kyr:hotline -->\n",
    "call.es.md": "---\ntitle: Llame\n---\n\n# Llame\n\n<!-- kyr:hotline -->\n",
}
OLD_NUMBER, NEW_NUMBER = "888-624-4752", "888-624-4753"


@contextmanager
def slow_server(folder: Path, slow: threading.Event, path: str = "/es/call/"):
    """Serve `folder`; once `slow` is set, the next request for the page at `path` takes 8 s,
    like one bar of signal (once: a second request for the same page would wait for it in the
    browser's cache, which is not what this test is about)."""

    class Handler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

        def do_GET(self) -> None:
            if self.path == path and slow.is_set():
                slow.clear()
                time.sleep(8)
            super().do_GET()

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Handler, directory=str(folder))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def test_an_update_shows_on_the_first_view_and_the_saved_page_still_opens_offline(
    browser, tmp_path: Path
):
    root = make_project(tmp_path, FIXTURES / "mini" / "docs", {"site_url": "https://example.org/"})
    for name, text in CALL_PAGES.items():
        (root / "docs" / name).write_text(text, encoding="utf-8")
    contacts = root / "data" / "contacts.yml"
    assert contacts.read_text(encoding="utf-8").count(f'"{OLD_NUMBER}"') == 1
    built = run_kyr(root, "build", "--no-pdf")
    assert built.returncode == 0, built.stderr

    slow = threading.Event()
    context = browser.new_context(viewport={"width": 390, "height": 844})
    with slow_server(root / "site", slow) as base:
        page = context.new_page()
        page.goto(base + "call/", wait_until="networkidle")
        page.locator(".kyr-toast").wait_for(timeout=30_000)  # every page saved on the device
        assert "(888) 624-4752" in page.locator(".kyr-hotline").text_content()

        # The hotline's number changes and the site is rebuilt (a deploy).
        contacts.write_text(
            contacts.read_text(encoding="utf-8").replace(OLD_NUMBER, NEW_NUMBER), encoding="utf-8"
        )
        rebuilt = run_kyr(root, "build", "--no-pdf")
        assert rebuilt.returncode == 0, rebuilt.stderr

        # Online: the first view after the deploy already shows the new number.
        page.goto(base + "call/", wait_until="load")
        assert "(888) 624-4753" in page.locator(".kyr-hotline").text_content()

        # Offline: the saved page still opens.
        context.set_offline(True)
        page.goto(base + "about/", wait_until="load")
        assert page.locator("article h1").count() == 1
        context.set_offline(False)

        # One bar of signal: the saved copy comes first; a newer answer that arrives later is
        # announced in the page's language, and offered.
        page.goto(base + "es/call/", wait_until="networkidle")
        page.locator(".kyr-toast", has_text="sin conexión").wait_for(timeout=30_000)
        contacts.write_text(
            contacts.read_text(encoding="utf-8").replace(NEW_NUMBER, OLD_NUMBER), encoding="utf-8"
        )
        assert run_kyr(root, "build", "--no-pdf").returncode == 0
        slow.set()
        started = time.monotonic()
        page.goto(base + "es/call/", wait_until="load", timeout=20_000)
        assert time.monotonic() - started < 7  # did not wait for the slow network
        assert "(888) 624-4753" in page.locator(".kyr-hotline").text_content()  # saved copy
        notice = page.locator(".kyr-newer")
        notice.wait_for(timeout=15_000)
        assert "ha cambiado" in notice.text_content()
        with page.expect_navigation(wait_until="load"):
            notice.locator("button").click()
        assert "(888) 624-4752" in page.locator(".kyr-hotline").text_content()
    context.close()
