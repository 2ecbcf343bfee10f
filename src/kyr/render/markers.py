"""Page markers (`<!-- kyr:contacts ... -->`, `<!-- kyr:hotline -->`, `<!-- kyr:printables -->`)
rendered into HTML with the macros of the theme's partials (no MkDocs import).

The data comes from Python (contacts and printables views); the markup from Jinja macros in
`kyr/theme/partials/contacts.html` and `printables.html`, so pages hold no logic.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from kyr.contacts.export import contact_view
from kyr.contacts.load import Contact, emergency_set
from kyr.contacts.select import select_for_marker
from kyr.encounter.phrases import Phrases
from kyr.errors import KyrError
from kyr.pages.markers import Marker, MarkerError, find_markers, replace_markers
from kyr.printing.printables import is_local_address
from kyr.publish.offline_download import download_path
from kyr.render.page_context import printable_views
from kyr.render.state import SiteState

# partial name ('contacts', 'printables') -> the template module whose macros render a marker
Macros = Callable[[str], Any]


def render_page_markers(
    markdown: str,
    source: str,
    *,
    state: SiteState,
    code: str,
    shown: str,
    href: Callable[[str], str],
    macros: Macros,
) -> str:
    """`markdown` with each marker replaced by its HTML. `source` is the page file's text, whose
    line numbers errors name (`markdown` may have been changed by other plugins)."""
    try:
        in_source = find_markers(source)
    except MarkerError as error:
        raise KyrError(shown, error.message, line=error.line) from None
    if not in_source:
        return markdown
    source_lines = iter(in_source)

    def render(marker: Marker) -> str:
        line = next(source_lines, marker).line
        try:
            return marker_html(marker, state=state, code=code, href=href, macros=macros)
        except KyrError as error:
            raise KyrError(shown, error.message, line=line) from None

    return replace_markers(markdown, render)


def say_views(
    marker: Marker, phrases: Phrases | None, state: SiteState, code: str
) -> list[dict[str, str]]:
    """The phrases a `<!-- kyr:say ... -->` marker names, each as English and its meaning."""
    shown = state.project.shown(state.project.phrases_file)
    if phrases is None:
        raise KyrError(shown, f"{marker.text} needs the phrases file {shown}, which does not exist")
    unknown = [i for i in (marker.value or "").split() if i not in phrases.texts]
    if unknown:
        raise KyrError(
            shown,
            f"{marker.text} names phrases that {shown} does not have: {', '.join(unknown)}. "
            f"Use an id listed under 'phrases:' there",
        )
    return [phrases.say(i, code) for i in (marker.value or "").split()]


def marker_html(
    marker: Marker, *, state: SiteState, code: str, href: Callable[[str], str], macros: Macros
) -> str:
    language = state.languages[code]
    if marker.kind == "printables":
        views = printable_views(state, language, href)
        testing = is_local_address(state.project.site_url)
        download = href(download_path(state.project.download_name))
        return str(macros("printables").printables(views, download, testing))
    if marker.kind == "say":
        return str(macros("say").say(say_views(marker, state.phrases, state, code)))
    if state.contacts is None:
        shown = state.project.shown(state.project.contacts_file)
        raise KyrError(
            shown, f"{marker.text} needs the contacts file {shown}, which does not exist"
        )

    def view(contact: Contact) -> dict[str, Any]:
        vcard = href(f"{language.prefix}contacts/{contact.id}.vcf")
        return {**contact_view(contact, code), "vcard_href": vcard}

    contacts = macros("contacts")
    kind, selected = select_for_marker(marker, state.contacts)
    if kind == "hotline":
        hotline = {
            **view(selected),
            "set_href": href(f"{language.prefix}contacts/emergency.vcf"),
            "set_size": len(emergency_set(state.contacts)),
        }
        return str(contacts.hotline(hotline))
    if kind == "directory":
        return str(contacts.directory([(key, [view(c) for c in group]) for key, group in selected]))
    return str(contacts.cards([view(contact) for contact in selected]))
