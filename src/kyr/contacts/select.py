"""Which contacts a page marker shows (no MkDocs import); the plugin renders them."""

from __future__ import annotations

import difflib
from typing import Any

from kyr.contacts.load import TAGS, Contact, by_id, directory_groups, emergency_contact, with_tag
from kyr.errors import KyrError
from kyr.pages.markers import Marker


def select_for_marker(marker: Marker, contacts: list[Contact]) -> tuple[str, Any]:
    """("cards", [contacts]), ("hotline", contact) or ("directory", [(group, [contacts])]).

    An unknown or unpublished id, or an unknown or empty tag, is an error naming the marker.
    """
    if marker.kind == "id":
        contact = by_id(contacts, marker.value)
        if contact is None:
            close = difflib.get_close_matches(marker.value, [c.id for c in contacts], n=1)
            hint = f" Did you mean '{close[0]}'?" if close else ""
            raise KyrError("", f"{marker.text}: no contact has the id '{marker.value}'.{hint}")
        if not contact.published:
            raise KyrError(
                "",
                f"{marker.text}: the contact '{contact.id}' is not published "
                f"({contact.unpublished_reason})",
            )
        return "cards", [contact]
    if marker.kind == "tag":
        if marker.value not in TAGS:
            raise KyrError(
                "", f"{marker.text}: unknown tag '{marker.value}' (tags: {', '.join(TAGS)})"
            )
        found = with_tag(contacts, marker.value)
        if not found:
            raise KyrError("", f"{marker.text}: no published contact has the tag '{marker.value}'")
        return "cards", found
    if marker.kind == "hotline":
        return "hotline", emergency_contact(contacts)
    return "directory", directory_groups(contacts)
