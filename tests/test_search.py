"""Search finds what people type: with or without accents, and with everyday words
(data/search-words.yml), on the published site and in the offline download opened from files.
Real headless Chromium, real Material search worker."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kyr.output.search_index import FOLD, WORDS_FIELD
from kyr.output.search_words import load_search_words
from kyr.project import load_project
from tests.helpers import REPO, search, serve

# Every test here searches the printed site or its download (fixtures taken by name inside).
pytestmark = [pytest.mark.browser, pytest.mark.pdf, pytest.mark.slow]

PROJECT = load_project(REPO)
GROUPS = load_search_words(
    PROJECT.search_words_file,
    list(PROJECT.languages),
    PROJECT.docs_dir,
    PROJECT.shown(PROJECT.search_words_file),
)

# (language, query, pages every result list must include). Misspellings are not supported:
# lunr's fuzzy matching would also find unrelated words; people can search again.
QUERIES = [
    ("es", "deportacion", ["rights/signing/"]),
    ("es", "deportación", ["rights/signing/"]),
    ("es", "detencion", ["detained/"]),
    ("es", "ninos", ["detained/"]),
    ("es", "niños", ["detained/"]),
    ("es", "policia", ["rights/if-arrested/"]),
    ("es", "la migra", ["rights/in-public/", "rights/at-home/"]),
    ("es", "redada", ["rights/at-work/"]),
    ("es", "licenciado", ["prepare/lawyer/"]),
    ("es", "papeles", ["prepare/documents/"]),
    ("en", "raid", ["rights/at-work/", "rights/at-home/"]),
    ("en", "immigration police", ["rights/in-public/"]),
    ("en", "silent", ["rights/at-home/"]),
]


def page_of(link: str, base: str) -> str:
    """A result link as a page path without language prefix: 'rights/at-home/'."""
    path = link.removeprefix(base).split("#")[0]
    path = path.removesuffix("index.html").removesuffix(".html")
    if path and not path.endswith("/"):
        path += "/"
    return path


def results(page, base: str, start: str, query: str) -> set[str]:
    prefix = "es/" if start.startswith("es/") else ""
    found = set()
    for link in search(page, query):
        assert link.startswith(base + prefix), (query, link)  # this language's pages only
        found.add(page_of(link, base + prefix))
    return found


@pytest.fixture(scope="module")
def online(browser, printed: Path):
    with serve(printed) as base:
        page = browser.new_page(viewport={"width": 390, "height": 844})
        yield page, base, {"en": base, "es": base + "es/"}
        page.close()


@pytest.fixture(scope="module")
def offline(browser, unzipped: Path):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    base = unzipped.as_uri() + "/"
    yield page, base, {"en": base + "index.html", "es": base + "es/index.html"}
    page.close()


@pytest.mark.parametrize("where", ["online", "offline"])
@pytest.mark.parametrize(("lang", "query", "expected"), QUERIES)
def test_queries_find_their_pages(request, where, lang, query, expected):
    page, base, starts = request.getfixturevalue(where)
    start = starts[lang]
    if page.url != start:
        page.goto(start)
    found = results(page, base, start.removeprefix(base), query)
    assert set(expected) <= found, (query, sorted(found))


@pytest.mark.parametrize("where", ["online", "offline"])
def test_every_everyday_word_finds_every_page_it_names(request, where):
    page, base, starts = request.getfixturevalue(where)
    assert GROUPS
    missing = []
    for group in GROUPS:
        start = starts[group.language]
        if page.url != start:
            page.goto(start)
        expected = {("" if p == "index.md" else p.removesuffix(".md") + "/") for p in group.pages}
        expected = {e.removesuffix("index/") for e in expected}
        for word in group.words:
            found = results(page, base, start.removeprefix(base), word)
            if not expected <= found:
                missing.append(f"{group.language} {word!r}: {sorted(expected - found)}")
    assert missing == []


def test_highlight_shows_the_word_as_the_page_writes_it(online):
    page, base, starts = online
    page.goto(starts["es"])
    search(page, "detencion")
    marks = page.locator(".md-search-result mark").all_text_contents()
    assert "detención" in [m.lower().strip(".,") for m in marks]


def test_each_index_folds_accents_carries_words_and_stays_small(printed: Path):
    for lang, prefix in (("en", ""), ("es", "es/")):
        index = json.loads((printed / prefix / "search" / "search_index.json").read_text("utf-8"))
        assert index["config"]["lang"] == [lang, FOLD]
        assert WORDS_FIELD in index["config"]["fields"]
        carried = [d for d in index["docs"] if WORDS_FIELD in d]
        assert carried and all("#" not in d["location"] for d in carried)
        words = sum(len(d[WORDS_FIELD]) for d in carried)
        size = len(json.dumps(index, ensure_ascii=False, separators=(",", ":")))
        assert words < 0.1 * size  # the everyday words add under 10% to the index
    assert (printed / "assets/javascripts/lunr/min/lunr.fold.min.js").is_file()
