"""The `kyr` template context of one page: its real language, links to it in every language,
its PDFs, the hotline and the translation notices (no MkDocs import).

Links are made by `href(site_relative_url)`, which the plugin supplies from MkDocs' relative
URLs, so this module stays pure and testable.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from kyr.contacts.load import emergency_contact
from kyr.encounter.views import card_view, family_view
from kyr.languages import (
    Language,
    absolute_url,
    hreflang_alternates,
    language_list,
    localized_url,
    neutral_source,
    neutral_url,
    source_language,
)
from kyr.output.service_worker import MANIFEST
from kyr.printing.printables import printable_view
from kyr.render.state import SiteState
from kyr.translation.review import DRAFT
from kyr.translation.views import outdated_view, status_view

STATUS_TEMPLATE = "translation-status.html"  # the page that lists every language's status
ENCOUNTER_TEMPLATE = "encounter.html"  # show the card, play it, tell family
PHRASE_TEMPLATES = ("redcard.html", ENCOUNTER_TEMPLATE)  # pages that show the card


@dataclass(frozen=True)
class PageRef:
    """What the view needs of a page: its file, URL, front matter and the language built."""

    src_uri: str  # docs-relative source, e.g. rights/at-home.es.md
    url: str  # site-relative URL, e.g. es/rights/at-home/
    meta: Mapping[str, Any]
    lang: str  # the language being built (a fallback page is English text in Spanish chrome)


def page_context(state: SiteState, page: PageRef, href: Callable[[str], str]) -> dict[str, Any]:
    """The `kyr` dict templates read (kyr/theme/main.html and partials)."""
    languages = state.languages
    language = languages[page.lang]
    neutral_src = neutral_source(page.src_uri, languages)
    written_in = state.written_in.get(neutral_src, {languages.default.code})
    file_language = languages[source_language(page.src_uri, languages, languages.default.code)]
    neutral = neutral_url(page.url, language)
    state.page_languages[neutral] = written_in
    site_url = state.project.site_url
    alternates = [
        {"lang": other.code, "name": other.name, "href": href(localized_url(neutral, other))}
        for other in languages.values()
    ]
    return {
        "lang": language.code,
        "file_lang": file_language.code,
        "default_lang": languages.default.code,
        "fallback": file_language != language,
        "canonical": absolute_url(site_url, localized_url(neutral, file_language)),
        "hreflang": hreflang_alternates(neutral, written_in, languages, site_url),
        "original_href": href(localized_url(neutral, file_language)),
        # This page in every language: Material's selector lists all, our switch the others.
        "alternates": alternates,
        "switch": [alt for alt in alternates if alt["lang"] != language.code],
        "pdfs": _pdfs_of_page(state, language, neutral, href),
        "manifest": href(language.prefix + MANIFEST),
        "hotline": state.hotline(),
        "outdated": _outdated(state, page, file_language, neutral_src, neutral, href),
        "translation_status": _translation_status(state, page, href),
        "encounter_href": href(localized_url(state.encounter_url, language))
        if state.encounter_url is not None
        else None,
        "draft": _draft(state, page, file_language, language),
        **_phrase_views(state, page, language.code, href),
    }


def _draft(
    state: SiteState, page: PageRef, file_language: Language, language: Language
) -> dict | None:
    """The notice's data on a translation marked `review: draft` (not on the English page a
    language falls back to, nor on a page whose `review` is broken: the build reports that)."""
    if file_language.default or file_language != language or page.meta.get("review") != DRAFT:
        return None
    contact = emergency_contact(state.contacts) if state.contacts else None
    return {"hotline_languages": language_list(contact.languages if contact else (), language.code)}


def _phrase_views(
    state: SiteState, page: PageRef, code: str, href: Callable[[str], str]
) -> dict[str, Any]:
    """The card (red card and encounter pages) and the message to family (encounter page)."""
    template = page.meta.get("template")
    if state.phrases is None or template not in PHRASE_TEMPLATES:
        return {}
    views: dict[str, Any] = {"card": card_view(state.phrases, code, state.clips, href)}
    hotline = state.hotline()
    if template == ENCOUNTER_TEMPLATE and hotline is not None:
        views["family"] = family_view(state.phrases, code, hotline["display"])
    return views


def printable_views(
    state: SiteState, language: Language, href: Callable[[str], str], only: str | None = None
) -> list[dict]:
    """Views of every printable (or of the one whose page is `only`), linked by `href`."""
    return [
        printable_view(printable, language, state.languages, href)
        for printable in state.printables
        if only is None or printable.neutral_url == only
    ]


def _pdfs_of_page(
    state: SiteState, language: Language, neutral: str, href: Callable[[str], str]
) -> list[dict]:
    """The PDF links a printable page shows (none for other pages)."""
    views = printable_views(state, language, href, only=neutral)
    return views[0]["pdfs"] if views else []


def _outdated(
    state: SiteState,
    page: PageRef,
    file_language: Language,
    neutral_src: str,
    neutral: str,
    href: Callable[[str], str],
) -> dict | None:
    """The notice's data when this translated page's English page changed since."""
    if file_language.default:
        return None
    outdated, changed = state.translations.outdated_since(
        neutral_src, page.meta.get("translation_of")
    )
    if not outdated:
        return None
    default = state.languages.default
    return outdated_view(changed, href(localized_url(neutral, default)), default.code)


def _translation_status(
    state: SiteState, page: PageRef, href: Callable[[str], str]
) -> list[dict] | None:
    """Every language's status, for the page with `template: translation-status.html`."""
    if page.meta.get("template") != STATUS_TEMPLATE:
        return None
    return status_view(
        state.translations.status(),
        root=state.project.root,
        edit_url=state.project.edit_url,
        href=lambda url, code: href(localized_url(url, state.languages[code])),
    )
