"""The offline download: a ZIP of the whole site that works when opened from files."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup


def test_download_holds_both_languages_and_the_pdfs(unzipped: Path):
    for path in ("index.html", "es/index.html", "rights/at-home.html", "es/rights/at-home.html",
                 "search/search_index.js", "es/search/search_index.js",
                 "pdf/door-es-letter.pdf", "assets/vendor/iframe-worker-shim.js"):  # fmt: skip
        assert (unzipped / path).is_file(), path


def test_download_makes_no_request_to_the_internet(unzipped: Path):
    for page in unzipped.rglob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for node in soup.find_all(["script", "link", "img"]):
            url = node.get("src") or node.get("href") or ""
            if node.name == "link" and {"canonical", "alternate"} & set(node.get("rel", [])):
                continue
            assert not url.startswith(("http:", "https:", "//")), (page, url)


@pytest.mark.parametrize(
    ("start", "query", "expected_folder"),
    [("rights/at-home.html", "silent", ""), ("es/rights/at-home.html", "silencio", "es/")],
)
def test_search_works_from_files_in_each_language(browser, unzipped, start, query, expected_folder):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto((unzipped / start).as_uri())
    page.locator("label.md-header__button[for=__search]").click()
    meta = page.locator(".md-search-result__meta")
    before = meta.text_content()
    page.locator("input.md-search__input").press_sequentially(query)
    page.wait_for_function(
        "b => document.querySelector('.md-search-result__meta').textContent !== b", arg=before
    )
    links = [a.get_attribute("href") for a in page.locator("a.md-search-result__link").all()]
    root = unzipped.as_uri() + "/"
    assert links, "no search results"
    for link in links:
        relative = link.removeprefix(root)
        assert relative.startswith(expected_folder) and (
            expected_folder or not relative.startswith("es/")
        ), link
    page.goto((unzipped / start).as_uri())
    page.locator(".kyr-lang-switch a").first.click()
    other = "es/rights/at-home.html" if not expected_folder else "/rights/at-home.html"
    assert page.url.endswith(other) and page.locator("html").get_attribute("lang") != (
        expected_folder.strip("/") or "en"
    )
    page.close()
