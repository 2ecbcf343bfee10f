"""The bilingual foundation, checked on the built HTML of a fixture site and the real site."""

from __future__ import annotations

import gzip
import re
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from mkdocs.utils.yaml import yaml_load

from kyr.project import load_project
from kyr.translation.catalogs import GENERATOR_LOCALE
from tests.helpers import FIXTURE_SITE_URL, REPO, Build, build_site, resolve_href, text_of

SITE = FIXTURE_SITE_URL


def lang_of(soup: BeautifulSoup) -> str:
    return soup.html.get("lang")


def hreflangs(soup: BeautifulSoup) -> dict[str, str]:
    return {
        link["hreflang"]: link["href"]
        for link in soup.select('head link[rel="alternate"][hreflang]')
    }


# --- Languages, names and navigation ---


@pytest.mark.parametrize(
    ("path", "lang", "title"),
    [
        ("", "en", "Fixture home - Know Your Rights L.A."),
        ("about/", "en", "About the fixture - Know Your Rights L.A."),
        ("es/", "es", "Inicio de prueba - Conozca sus derechos L.A."),
        ("es/about/", "es", "Acerca del sitio de prueba - Conozca sus derechos L.A."),
        ("es/only-en/", "es", "Only in English - Conozca sus derechos L.A."),
    ],
)
def test_lang_and_site_name_per_language(mini_site: Build, path: str, lang: str, title: str):
    soup = mini_site.html(path)
    assert lang_of(soup) == lang
    assert soup.title.get_text() == title


def test_every_page_has_the_lang_of_its_folder(real_site: Build):
    codes = set(load_project(REPO).languages)
    for page in real_site.pages():
        relative = page.relative_to(real_site.site).as_posix()
        first = relative.split("/")[0]
        expected = first if first in codes else "en"
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        assert lang_of(soup) == expected, relative


def test_site_description_per_language(real_site: Build):
    en = real_site.html("404.html").select_one('meta[name="description"]')["content"]
    es = real_site.html("es/404.html").select_one('meta[name="description"]')["content"]
    assert "Los Angeles" in en
    assert "Los Ángeles" in es and "derechos" in es


def test_navigation_labels_per_language(mini_site: Build):
    en_nav = text_of(mini_site.html("about/"), "nav.md-nav--primary")
    es_nav = text_of(mini_site.html("es/about/"), "nav.md-nav--primary")
    assert "About the fixture" in en_nav and "Acerca del sitio de prueba" not in en_nav
    assert "Acerca del sitio de prueba" in es_nav and "About the fixture" not in es_nav


def test_real_site_section_labels_are_translated(real_site: Build):
    en_nav = text_of(real_site.html(""), "nav.md-nav--primary")
    config = yaml_load((REPO / "mkdocs.yml").open("rb"))
    i18n = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    checked = 0
    for language in i18n["languages"]:
        if language.get("default"):
            continue
        nav = text_of(real_site.html(f"{language['locale']}/"), "nav.md-nav--primary")
        for english, label in (language.get("nav_translations") or {}).items():
            if english in en_nav:
                assert label in nav, (language["locale"], english)
                checked += 1
    assert checked >= 4


# --- The visible language switch ---


@pytest.mark.parametrize(
    ("path", "other_lang", "name", "target"),
    [
        ("", "es", "Español", "es/"),
        ("about/", "es", "Español", "es/about/"),
        ("es/about/", "en", "English", "about/"),
        ("es/", "en", "English", ""),
        ("es/only-en/", "en", "English", "only-en/"),
    ],
)
def test_switch_link_leads_to_same_page(
    mini_site: Build, path: str, other_lang: str, name: str, target: str
):
    soup = mini_site.html(path)
    link = soup.select_one(f".kyr-lang-switch a[hreflang={other_lang}]")
    assert link is not None and link.get_text(strip=True) == name
    assert link["lang"] == other_lang
    resolved = resolve_href(mini_site, path, link["href"])
    assert resolved == (mini_site.site / target).resolve()
    # Material's own selector goes to the same page too.
    selector = soup.select_one(f"a.md-select__link[hreflang={other_lang}]")
    assert resolve_href(mini_site, path, selector["href"]) == resolved


# --- hreflang, canonical and sitemap ---


def test_hreflang_is_absolute_with_x_default(mini_site: Build):
    assert hreflangs(mini_site.html("es/about/")) == {
        "en": SITE + "about/",
        "es": SITE + "es/about/",
        "x-default": SITE + "about/",
    }
    assert hreflangs(mini_site.html("")) == {
        "en": SITE,
        "es": SITE + "es/",
        "x-default": SITE,
    }
    canonical = mini_site.html("es/about/").select_one('link[rel="canonical"]')["href"]
    assert canonical == SITE + "es/about/"


def test_every_real_page_has_absolute_hreflang(real_site: Build):
    site_url = "http://127.0.0.1:8000/"
    for page in real_site.pages():
        if page.name == "404.html":
            continue
        links = hreflangs(BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser"))
        assert {"en", "x-default"} <= set(links), page
        assert all(href.startswith(site_url) for href in links.values()), page


def test_sitemap_lists_alternates_but_not_fallback_copies(mini_site: Build):
    xml = (mini_site.site / "sitemap.xml").read_text(encoding="utf-8")
    assert gzip.decompress((mini_site.site / "sitemap.xml.gz").read_bytes()).decode() == xml
    locs = re.findall(r"<loc>(.*?)</loc>", xml)
    assert SITE + "es/about/" in locs and SITE + "only-en/" in locs
    assert SITE + "es/only-en/" not in locs
    about = xml[xml.index(f"<loc>{SITE}about/</loc>") :].split("</url>")[0]
    assert f'hreflang="es" href="{SITE}es/about/"' in about
    assert f'hreflang="x-default" href="{SITE}about/"' in about


# --- Fallback pages ---


def test_fallback_page_is_english_inside_spanish_chrome(mini_site: Build):
    soup = mini_site.html("es/only-en/")
    notice = soup.select_one(".kyr-untranslated")
    assert "todavía no está traducida" in notice.get_text()
    link = notice.select_one("a")
    assert resolve_href(mini_site, "es/only-en/", link["href"]) == mini_site.site / "only-en"
    body = soup.select_one('div[lang="en"]')
    assert body is not None and "Walruses" in body.get_text()
    assert soup.select_one('link[rel="canonical"]')["href"] == SITE + "only-en/"
    assert "es" not in hreflangs(soup)
    assert "es" not in hreflangs(mini_site.html("only-en/"))


def test_translated_pages_have_no_fallback_notice(mini_site: Build):
    assert mini_site.html("es/about/").select_one(".kyr-untranslated") is None
    assert mini_site.html("es/about/").select_one('article div[lang="en"]') is None


# --- 404 pages ---


def test_404_per_language(mini_site: Build):
    en, es = mini_site.html("404.html"), mini_site.html("es/404.html")
    assert lang_of(en) == "en" and "Page not found" in en.get_text()
    assert lang_of(es) == "es" and "No encontramos esta página" in es.get_text()
    assert es.select_one("article a")["href"] == "/kyr/es/"
    assert en.select_one("article a")["href"] == "/kyr/"
    # Material's language selector has no page to translate here: it offers each home page.
    homes = {lang.code: "/kyr/" + lang.prefix for lang in load_project(REPO).languages.values()}
    for soup in (en, es):
        links = {a["hreflang"]: a["href"] for a in soup.select("a.md-select__link")}
        assert links == homes


# --- Interface strings and dates ---


def test_interface_strings_and_babel_dates(mini_site: Build):
    en, es = mini_site.html(""), mini_site.html("es/")
    assert "Last reviewed: November 27, 2026" in text_of(en, ".kyr-reviewed")
    assert "Última revisión: 27 de noviembre de 2026" in text_of(es, ".kyr-reviewed")
    assert "no es asesoría legal" in text_of(es, ".kyr-disclaimer")
    assert "la leímos el 1 de noviembre de 2026" in text_of(es, ".kyr-sources")
    assert "we read it on November 1, 2026" in text_of(en, ".kyr-sources")


def test_spanish_plural_uses_the_ordinary_plural_form(mini_site: Build):
    # Babel gives Spanish three plural forms; 3 must use msgstr[2], not fall back to English.
    assert text_of(mini_site.html("es/"), ".kyr-sources summary") == "3 fuentes"
    assert text_of(mini_site.html(""), ".kyr-sources summary") == "3 sources"


def test_mo_files_are_compiled_not_committed():
    tracked = subprocess.run(
        ["git", "ls-files", "*.mo"], cwd=REPO, capture_output=True, text=True, check=True
    ).stdout
    assert tracked == ""
    assert list(GENERATOR_LOCALE.rglob("*.mo")) == []


# --- Search per language ---


def test_each_language_has_its_own_search_index(mini_site: Build):
    import json

    en = json.loads((mini_site.site / "search/search_index.json").read_text())
    es = json.loads((mini_site.site / "es/search/search_index.json").read_text())
    # Each language's own stemmer list, plus the accent folding (kyr.output.search_index.FOLD).
    assert en["config"]["lang"] == ["en", "fold"] and es["config"]["lang"] == ["es", "fold"]
    en_text = " ".join(doc["text"] + doc["title"] for doc in en["docs"])
    es_text = " ".join(doc["text"] + doc["title"] for doc in es["docs"])
    assert "Zebras" in en_text and "cebras" not in en_text
    assert "cebras" in es_text and "Zebras" not in es_text
    # The English-only page is searchable once, in English.
    assert "Walruses" in en_text and "Walruses" not in es_text
    assert all(not doc["location"].startswith("es/") for doc in es["docs"])


# --- Privacy: nothing loaded from another host ---

RESOURCE_ATTRIBUTES = [
    ("script", "src"),
    ("img", "src"),
    ("iframe", "src"),
    ("source", "src"),
    ("audio", "src"),
    ("video", "src"),
    ("object", "data"),
]


def external_resources(soup: BeautifulSoup) -> list[str]:
    found = [
        node[attr]
        for tag, attr in RESOURCE_ATTRIBUTES
        for node in soup.find_all(tag)
        if node.get(attr)
    ]
    found += [
        link["href"]
        for link in soup.find_all("link", href=True)
        if not {"alternate", "canonical"} & set(link.get("rel", []))
    ]
    found += re.findall(r"url\((?:'|\")?(https?:[^)'\"]+)", str(soup))
    return [
        url for url in found if urlsplit(url).scheme in ("http", "https") or url.startswith("//")
    ]


def test_no_page_loads_anything_from_another_host(real_site: Build):
    for page in real_site.pages():
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        assert external_resources(soup) == [], page
    for css in real_site.site.rglob("*.css"):
        assert not re.search(r"@import|url\((?:'|\")?(https?:)?//", css.read_text()), css


# --- Strict builds ---


def test_broken_link_fails_the_build_naming_the_file(tmp_path: Path):
    docs = {
        "index.md": "# Home\n\nSee [missing](nowhere.md).\n",
        "index.es.md": "# Inicio\n\nVea [otra](index.md).\n",
    }
    build = build_site(tmp_path, docs)
    assert build.returncode != 0
    assert "index.md" in build.output and "nowhere.md" in build.output
    assert "Traceback" not in build.output


@pytest.mark.parametrize(
    ("docs", "page"),
    [
        (
            {
                "index.md": "# Home\n\n## Real\n\nSee [gone](#not-here).\n",
                "index.es.md": "# Inicio\n\n## Real\n\nVea [real](#real).\n",
            },
            "index.md",
        ),
        (
            {
                "index.md": "# Home\n\n## Details\n\nSee [details](#details).\n",
                "index.es.md": "# Inicio\n\n## Detalles\n\nVea [detalles](#not-here).\n",
            },
            "index.es.md",
        ),
    ],
    ids=["english", "spanish"],
)
def test_broken_anchor_fails_the_build_in_either_language(tmp_path: Path, docs, page):
    build = build_site(tmp_path, docs)
    assert build.returncode != 0
    assert page in build.output and "not-here" in build.output
    assert "Traceback" not in build.output
