"""A phone number typed into a page's text: numbers come only from the contacts file, where they
are checked and dated (no MkDocs import)."""

from __future__ import annotations

from kyr.errors import KyrError
from kyr.pages.phones_in_text import find_phone_numbers


def typed_phone_problem(source: str, shown: str, contacts_file: str) -> KyrError | None:
    """The first number typed into `source` (the page file's text), naming the others' lines."""
    typed = find_phone_numbers(source)
    if not typed:
        return None
    others = [str(found.line) for found in typed[1:]]
    also = f" (also on line {', '.join(others)})" if others else ""
    return KyrError(
        shown,
        f"a phone number is typed into the page text: '{typed[0].text}'{also}",
        line=typed[0].line,
        hint=f"Numbers come only from {contacts_file}, where they are checked and dated: add the "
        "contact there and use a marker such as <!-- kyr:contacts id=... -->.",
    )
