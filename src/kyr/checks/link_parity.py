"""A translation may only call and link where its original does (no MkDocs import).

A hostile or careless translation could point Spanish readers at a different phone number or
web address than the English page: a wrong hotline is worse than no page. After every language
is built, each translated page's `tel:` links and web addresses (in the rendered content, contact
cards included) must all appear on its original too. The build enforces this for every
translation, outdated or not, because a translation could claim to be outdated to dodge
`kyr check`.

Only extras fail the build: a translation that lacks a link its original gained since is merely
outdated (`kyr status` lists it, and `kyr check` compares current translations in full, see
kyr.checks.parity). Front matter sources are not compared: a translation may cite a source in its
own language.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from kyr.errors import KyrError
from kyr.pages.html_tags import StartTag


@dataclass(frozen=True)
class PageLinks:
    source: str  # the page's file as shown in messages, e.g. docs/index.es.md
    text: str  # the page's Markdown, to find the line of a link
    tel: frozenset[str]
    web: frozenset[str]


def links_in(tags: Iterable[StartTag]) -> tuple[set[str], set[str]]:
    """(tel: links, http(s) links) among rendered tags (kyr.pages.html_tags)."""
    hrefs = [
        value.strip()
        for tag, attrs in tags
        if tag in ("a", "area")
        for name, value in attrs
        if name == "href" and value
    ]
    tel = {href for href in hrefs if href.lower().startswith("tel:")}
    web = {href for href in hrefs if href.lower().startswith(("http://", "https://"))}
    return tel, web


def page_links(source: str, text: str, tags: Iterable[StartTag]) -> PageLinks:
    """The links of a page's rendered content, given its tags."""
    tel, web = links_in(tags)
    return PageLinks(source, text, frozenset(tel), frozenset(web))


def _line_of(text: str, needle: str) -> int | None:
    for number, line in enumerate(text.splitlines(), start=1):
        if needle in line:
            return number
    return None


def parity_problems(pages: Mapping[tuple[str, str], PageLinks], default: str) -> list[KyrError]:
    """`pages` maps (language, neutral URL) to the links of each page written in that language.
    One problem per translated page with a link its original does not have."""
    problems = []
    for (code, neutral), translated in sorted(pages.items()):
        original = pages.get((default, neutral))
        if code == default or original is None:
            continue
        lines = []
        line = None
        for kind, mine, theirs in (
            ("phone link", translated.tel, original.tel),
            ("web address", translated.web, original.web),
        ):
            for extra in sorted(mine - theirs):
                lines.append(f"has the {kind} {extra} that {original.source} does not have")
                line = line or _line_of(translated.text, extra.removeprefix("tel:"))
        if lines:
            problems.append(
                KyrError(
                    translated.source,
                    f"this translation ({code}) " + "; ".join(lines),
                    line=line,
                    hint="A translation may only call and link where its original does: use the "
                    f"links and contact markers of {original.source}, or change both pages.",
                )
            )
    return problems
