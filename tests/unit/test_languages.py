"""kyr.languages: the language list, page paths per language, URLs and hreflang alternates."""

from __future__ import annotations

import pytest

from kyr.languages import (
    Language,
    Languages,
    absolute_url,
    hreflang_alternates,
    localized_url,
    neutral_source,
    neutral_url,
    source_language,
    translations_by_page,
)

EN = Language("en", "English", default=True)
ES = Language("es", "Español")
LANGS = Languages.of({"es": "Español", "en": "English", "vi": "Tiếng Việt"}, "en")


def test_the_default_comes_first_whatever_the_order_given():
    assert LANGS.codes == ("en", "es", "vi")
    assert LANGS.default == EN
    assert LANGS.names == {"en": "English", "es": "Español", "vi": "Tiếng Việt"}
    assert [lang.code for lang in LANGS.others] == ["es", "vi"]
    assert LANGS["es"] == ES and "vi" in LANGS and len(LANGS) == 3


@pytest.mark.parametrize("defaults", [[], ["en", "es"]])
def test_exactly_one_default(defaults: list[str]):
    with pytest.raises(ValueError, match="exactly one language must be the default"):
        Languages(Language(c, c, c in defaults) for c in ("en", "es"))


def test_prefix():
    assert (EN.prefix, ES.prefix) == ("", "es/")


@pytest.mark.parametrize(
    ("src", "language", "neutral"),
    [
        ("about.md", "en", "about.md"),
        ("about.es.md", "es", "about.md"),
        ("rights/door.es.md", "es", "rights/door.md"),
        ("rights/door.fr.md", "en", "rights/door.fr.md"),  # fr is not a site language
        ("v1.2/notes.md", "en", "v1.2/notes.md"),
        ("es.md", "en", "es.md"),  # a page named es, in English
        ("es/about.md", "en", "es/about.md"),  # a folder's name is no suffix
        (".about.es.md", "es", ".about.md"),  # leading dots are part of the name
        ("a.b.es.md", "es", "a.b.md"),
        ("about.es.", "en", "about.es."),  # a name ending in a dot has no suffixes
    ],
)
def test_source_language_and_neutral_source(src: str, language: str, neutral: str):
    assert source_language(src, ["en", "es"], "en") == language
    assert neutral_source(src, ["en", "es"]) == neutral


def test_translations_by_page():
    found = translations_by_page(
        ["index.md", "index.es.md", "about.md", "css/x.css", "es-only.es.md"], ["en", "es"], "en"
    )
    assert found == {"index.md": {"en", "es"}, "about.md": {"en"}, "es-only.md": {"es"}}


@pytest.mark.parametrize(
    ("url", "language", "neutral"),
    [
        ("es/about/", ES, "about/"),
        ("es", ES, ""),
        ("es/", ES, ""),
        ("about/", EN, "about/"),
        ("estate/", ES, "estate/"),
    ],
)
def test_neutral_url(url: str, language: Language, neutral: str):
    assert neutral_url(url, language) == neutral


def test_localized_and_absolute_urls():
    assert localized_url("about/", ES) == "es/about/"
    assert localized_url("about/", EN) == "about/"
    assert (
        absolute_url("https://example.org/kyr", "es/about/") == "https://example.org/kyr/es/about/"
    )
    assert absolute_url("https://example.org/kyr/", "./") == "https://example.org/kyr/"
    assert absolute_url("https://example.org/", "/about/") == "https://example.org/about/"


def test_hreflang_alternates_list_only_real_translations_then_x_default():
    site = "https://example.org/kyr/"
    assert hreflang_alternates("about/", {"en", "vi"}, LANGS, site) == [
        ("en", "https://example.org/kyr/about/"),
        ("vi", "https://example.org/kyr/vi/about/"),
        ("x-default", "https://example.org/kyr/about/"),
    ]
