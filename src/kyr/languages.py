"""The site's languages, page paths per language, URLs and hreflang alternates (no MkDocs import).

The site uses the suffix layout: `about.md` is English (the default language) and `about.es.md`
its Spanish translation. English pages live at `/`, every other language under `/<code>/`.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass

from babel import Locale
from babel.lists import format_list


@dataclass(frozen=True)
class Language:
    code: str
    name: str
    default: bool = False

    @property
    def prefix(self) -> str:
        """URL prefix of this language's pages: '' for the default language, 'es/' for Spanish."""
        return "" if self.default else f"{self.code}/"


class Languages(Mapping[str, Language]):
    """Every language the site builds, the default first: the one shape of the language list.

    A mapping of code to Language (so `languages["es"]`, `"es" in languages` and `for code in
    languages` work), plus the default, the codes and the names.
    """

    def __init__(self, languages: Iterable[Language]) -> None:
        ordered = sorted(languages, key=lambda lang: not lang.default)
        if sum(lang.default for lang in ordered) != 1:
            raise ValueError("exactly one language must be the default")
        self._by_code = {lang.code: lang for lang in ordered}

    @classmethod
    def of(cls, names: Mapping[str, str], default: str) -> Languages:
        """From {code: name} and the default's code (tests and tools)."""
        return cls(Language(code, name, code == default) for code, name in names.items())

    def __getitem__(self, code: str) -> Language:
        return self._by_code[code]

    def __iter__(self) -> Iterator[str]:
        return iter(self._by_code)

    def __len__(self) -> int:
        return len(self._by_code)

    def __repr__(self) -> str:
        return f"Languages({list(self._by_code.values())!r})"

    @property
    def default(self) -> Language:
        return next(iter(self._by_code.values()))

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(self._by_code)

    @property
    def names(self) -> dict[str, str]:
        """{code: name}, default first."""
        return {code: lang.name for code, lang in self._by_code.items()}

    @property
    def others(self) -> tuple[Language, ...]:
        """Every language but the default."""
        return tuple(lang for lang in self._by_code.values() if not lang.default)


def _language_suffix(src_uri: str, codes: Iterable[str]) -> str | None:
    """The language code in a file name's next-to-last suffix (`door.es.md` -> `es`), or None.

    Plain string work with PurePosixPath.suffixes' rules: the build asks this several times
    for every page."""
    name = src_uri.rpartition("/")[2]
    if name.endswith("."):
        return None
    suffixes = name.lstrip(".").split(".")[1:]
    if len(suffixes) < 2:
        return None
    known = codes if isinstance(codes, Collection) else set(codes)
    return suffixes[-2] if suffixes[-2] in known else None


def source_language(src_uri: str, codes: Iterable[str], default: str) -> str:
    """The language a Markdown file is written in, from its suffix (`x.es.md` is Spanish)."""
    return _language_suffix(src_uri, codes) or default


def neutral_source(src_uri: str, codes: Iterable[str]) -> str:
    """`rights/door.es.md` -> `rights/door.md`: the name shared by a page and its translations."""
    code = _language_suffix(src_uri, codes)
    if code is None:
        return src_uri
    extension = src_uri.rpartition(".")[2]
    return src_uri.removesuffix(f".{code}.{extension}") + ".md"


def translations_by_page(
    src_uris: Iterable[str], codes: Iterable[str], default: str
) -> dict[str, set[str]]:
    """Map each page's neutral source path to the set of languages it is written in."""
    codes = list(codes)
    found: dict[str, set[str]] = {}
    for src in src_uris:
        if not src.endswith(".md"):
            continue
        found.setdefault(neutral_source(src, codes), set()).add(
            source_language(src, codes, default)
        )
    return found


def neutral_url(url: str, language: Language) -> str:
    """`es/about/` -> `about/`; the site-relative URL of a page with its language prefix removed."""
    if language.prefix and url.startswith(language.prefix):
        return url[len(language.prefix) :]
    if language.prefix and url == language.prefix.rstrip("/"):
        return ""
    return url


def localized_url(neutral: str, language: Language) -> str:
    """`about/` -> `es/about/` for Spanish; unchanged for the default language."""
    return language.prefix + neutral


def absolute_url(site_url: str, url: str) -> str:
    """`url` is a site-relative page URL such as 'es/about/' (MkDocs never gives '../')."""
    base = site_url if site_url.endswith("/") else site_url + "/"
    return base + url.removeprefix("./").lstrip("/")


def hreflang_alternates(
    neutral: str,
    available: Iterable[str],
    languages: Mapping[str, Language],
    site_url: str,
) -> list[tuple[str, str]]:
    """(hreflang, absolute URL) for each language the page is really written in, then x-default.

    A fallback page (English text shown under /es/) is never listed as Spanish.
    """
    available = set(available)
    pairs = [
        (code, absolute_url(site_url, localized_url(neutral, lang)))
        for code, lang in languages.items()
        if code in available
    ]
    default = next(lang for lang in languages.values() if lang.default)
    pairs.append(("x-default", absolute_url(site_url, localized_url(neutral, default))))
    return pairs


def babel_locale(code: str) -> str:
    """'zh-Hant' -> 'zh_Hant': Babel's spelling of a site language code (static-i18n and URLs
    use '-', Babel's parser '_')."""
    return code.replace("-", "_")


# Names Babel lacks (contacts may list Mandarin as a spoken language).
EXTRA_LANGUAGE_NAMES = {"cmn": {"en": "Mandarin", "es": "mandarín"}}


def language_name(code: str, lang: str) -> str:
    """The name of a language in the page language: ('es', 'es') -> 'español'."""
    if code in EXTRA_LANGUAGE_NAMES:
        return EXTRA_LANGUAGE_NAMES[code].get(lang, EXTRA_LANGUAGE_NAMES[code]["en"])
    return Locale.parse(babel_locale(lang)).languages.get(code, code)


def language_list(codes: Iterable[str], lang: str) -> str:
    """Language names as the page language lists them: ('es', 'en') in 'fa' ->
    'اسپانیایی و انگلیسی', not a comma list in every language."""
    names = [language_name(code, lang) for code in codes]
    text = format_list(names, locale=babel_locale(lang)) if names else ""
    # Babel, unlike ICU, keeps Spanish "y" before an "i" sound: "español e inglés", not "y".
    return _SPANISH_Y.sub(" e ", text) if lang == "es" else text


_SPANISH_Y = re.compile(r" y (?=h?i(?![aeiouáéó]))", re.I)
