"""Phone-first and offline, in real headless Chromium on the real site."""

from __future__ import annotations

import json
import re

import pytest
from bs4 import BeautifulSoup

from tests.helpers import Build, serve


@pytest.fixture(scope="module")
def real_url(real_site: Build):
    with serve(real_site.site) as base:
        yield base


@pytest.fixture
def phone(browser):
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    )
    yield context
    context.close()


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
    from kyr.offline import site_version

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
            .filter(e => e.offsetParent !== null)
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
