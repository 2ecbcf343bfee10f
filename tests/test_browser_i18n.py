"""The bilingual site in real headless Chromium: switching language, search, network privacy."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests.helpers import FIXTURE_SITE_URL, Build, search, site_context


@pytest.fixture(scope="module")
def mini_url() -> str:
    return FIXTURE_SITE_URL


@pytest.fixture
def page(browser, mini_site: Build):
    """A phone-sized tab where the fixture site answers at its own address (site_url)."""
    with site_context(browser, mini_site) as (context, requests):
        tab = context.new_page()
        tab.requests = requests
        yield tab


@pytest.mark.parametrize(
    ("start", "link_name", "landing", "lang", "title"),
    [
        (
            "about/",
            "Español",
            "es/about/",
            "es",
            "Acerca del sitio de prueba - Conozca sus derechos L.A.",
        ),
        ("es/about/", "English", "about/", "en", "About the fixture - Know Your Rights L.A."),
        ("", "Español", "es/", "es", "Inicio de prueba - Conozca sus derechos L.A."),
        ("es/only-en/", "English", "only-en/", "en", "Only in English - Know Your Rights L.A."),
    ],
)
def test_clicking_the_visible_switch(page, mini_url, start, link_name, landing, lang, title):
    page.goto(mini_url + start)
    page.locator(".kyr-lang-switch").get_by_role("link", name=link_name).click()
    page.wait_for_load_state()
    assert page.url == mini_url + landing
    assert page.locator("html").get_attribute("lang") == lang
    assert page.title() == title


def test_material_language_selector_goes_to_the_same_page(page, mini_url):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(mini_url + "about/")
    page.locator(".md-header .md-select").hover()
    page.locator("a.md-select__link[hreflang=es]").click()
    page.wait_for_url(mini_url + "es/about/")
    assert page.locator("html").get_attribute("lang") == "es"


def test_search_on_a_spanish_page_finds_spanish_pages_only(page, mini_url):
    page.goto(mini_url + "es/about/")
    results = search(page, "cebras")
    assert results and all(urlsplit(href).path.startswith("/kyr/es/") for href in results)
    assert search(page, "zebras") == []


def test_search_on_an_english_page_finds_english_pages_only(page, mini_url):
    page.goto(mini_url + "about/")
    results = search(page, "zebras")
    assert results and all(not urlsplit(href).path.startswith("/kyr/es/") for href in results)
    assert search(page, "cebras") == []


@pytest.mark.parametrize(
    "path", ["", "about/", "es/", "es/about/", "es/only-en/", "404.html", "es/404.html"]
)
def test_pages_request_nothing_from_other_hosts(page, mini_url, path):
    page.goto(mini_url + path, wait_until="networkidle")
    search(page, "silent")  # search loads its worker, index and stemmers
    page.wait_for_load_state("networkidle")
    origin = urlsplit(mini_url).netloc
    assert any(url.endswith("search_index.json") for url in page.requests)
    assert [url for url in page.requests if urlsplit(url).netloc != origin] == []
