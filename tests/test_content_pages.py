"""What the real guidance pages promise a reader, checked in the built site (`real_site`):
a short "Who to call" with the directory one tap away, Spanish "Say" boxes that put the English
words first, and sources that show their own date beside the day we read them."""

from __future__ import annotations

from datetime import date

import pytest
from babel.dates import format_date

from kyr.languages import neutral_source, source_language
from kyr.pages.front_matter import split_front_matter
from kyr.project import load_project
from tests.helpers import REPO, Build

DOCS = REPO / "docs"
DIRECTORY_PAGES = {"who-to-call/", "flyers/who-to-call/"}  # every contact, by design
MAX_CARDS = 3


def url_of(neutral: str) -> str:
    stem = neutral.removesuffix(".md")
    if stem == "index":
        return ""
    return (stem.removesuffix("/index") if stem.endswith("/index") else stem) + "/"


def guidance_pages() -> list[str]:
    """English pages that end with a 'Who to call' section, as neutral paths."""
    pages = []
    for path in sorted(DOCS.rglob("*.md")):
        if path.name.count(".") > 1:
            continue
        body = split_front_matter(path.read_text(encoding="utf-8"), path).body
        if "\n## Who to call" in body:
            pages.append(path.relative_to(DOCS).as_posix())
    return pages


@pytest.mark.parametrize("lang", ["", "es/"])
def test_guidance_pages_show_a_few_contacts_and_link_the_directory(real_site: Build, lang):
    checked = 0
    for neutral in guidance_pages():
        url = url_of(neutral)
        if url in DIRECTORY_PAGES:
            continue
        soup = real_site.html(lang + url)
        cards = soup.select("article.kyr-contact")
        assert len(cards) <= MAX_CARDS, (lang + url, [c["data-contact"] for c in cards])
        if not url.startswith("flyers/"):  # a flyer has no room; its QR code opens the site
            links = [a["href"] for a in soup.select(".md-content a[href]")]
            assert any(h.rstrip("/").endswith("who-to-call") for h in links), lang + url
        checked += 1
    assert checked > 20


def test_spanish_say_boxes_put_the_english_words_first(real_site: Build):
    boxes = 0
    for path in sorted(real_site.site.joinpath("es").rglob("index.html")):
        soup = real_site.html(path.relative_to(real_site.site).parent.as_posix() + "/")
        for box in soup.select(".md-content .admonition.say"):
            paragraphs = box.select(":scope > p:not(.admonition-title)")
            kinds = ["en" if p.get("lang") == "en" else "es" for p in paragraphs]
            assert kinds and kinds[0] == "en", (path, box.get_text(" ", strip=True))
            # Each English statement is followed by its meaning, smaller.
            assert kinds == ["en", "es"] * (len(kinds) // 2), (path, kinds)
            assert all("kyr-meaning" in p.get("class", []) for p in paragraphs[1::2]), path
            boxes += 1
    assert boxes >= 10


def pages_with_sources(real_site: Build, only_translations: bool = False):
    """(front matter, locale, built page) of every page that lists sources."""
    codes = list(load_project(REPO).languages)
    for path in sorted(DOCS.rglob("*.es.md" if only_translations else "*.md")):
        meta = split_front_matter(path.read_text(encoding="utf-8"), path).meta
        if not meta.get("sources"):
            continue
        relative = path.relative_to(DOCS).as_posix()
        locale = source_language(relative, codes, "en")
        lang = "" if locale == "en" else f"{locale}/"
        soup = real_site.html(lang + url_of(neutral_source(relative, codes)))
        yield path, meta, locale, soup


def test_sources_show_their_own_date_beside_the_day_we_read_them(real_site: Build):
    shown = 0
    for _, meta, locale, soup in pages_with_sources(real_site):
        dated = [s for s in meta["sources"] if isinstance(s.get("published"), date)]
        if not dated or meta.get("template"):
            continue
        items = soup.select(".kyr-sources li")
        for source in dated:
            item = next(li for li in items if li.a["href"] == source["url"])
            words = " ".join(item.get_text(" ").split())
            assert format_date(source["published"], format="long", locale=locale) in words
            assert format_date(source["seen"], format="long", locale=locale) in words
            shown += 1
    assert shown >= 10


def test_source_titles_carry_their_language_when_it_differs_from_the_page(real_site: Build):
    """WCAG 3.1.2: an English title on a Spanish page is read with English pronunciation."""
    marked = 0
    for path, meta, _, soup in pages_with_sources(real_site, only_translations=True):
        links = {a["href"]: a for a in soup.select(".kyr-sources a")}
        for source in meta["sources"]:
            link = links[source["url"]]
            expected = source.get("lang", "en")
            assert link.get("lang") == (None if expected == "es" else expected), (path, source)
            marked += expected != "es"
    assert marked > 50


def test_english_words_kept_in_spanish_pages_are_marked_english(real_site: Build):
    """WCAG 3.1.2: "tarjeta de residencia (green card)" reads "green card" in English."""
    from kyr.checks.glossary import kept_in_english

    terms = kept_in_english(DOCS, "es")
    assert "green card" in terms
    marked = 0
    for path in sorted(real_site.site.joinpath("es").rglob("index.html")):
        soup = real_site.html(path.relative_to(real_site.site).parent.as_posix() + "/")
        content = soup.body
        for span in content.select("span[lang='en']"):
            marked += span.get_text() in terms
        text = content.get_text()
        for node in content.find_all(string=True):
            if node.parent.get("lang") == "en" or node.find_parent(attrs={"lang": "en"}):
                continue
            for term in terms:
                assert f"({term})" not in node, (path, term)
        assert text
    assert marked >= 10


def test_mark_kept_terms_wraps_text_never_tags():
    from kyr.pages.language_parts import mark_kept_terms

    html = (
        '<p title="(parole)">Permiso (parole) y (green card).</p>'
        '<script>var t = "(parole)";</script>'
    )
    assert mark_kept_terms(html, ["parole", "green card"]) == (
        '<p title="(parole)">Permiso (<span lang="en">parole</span>) y '
        '(<span lang="en">green card</span>).</p>'
        '<script>var t = "(parole)";</script>'
    )
