"""The start tags of an HTML fragment, read once (no MkDocs import).

Two build rules read each page's rendered content: unsafe elements and attributes
(kyr.checks.safe_content) and the links a translation may not add (kyr.checks.link_parity).
Both take the tags this parser found, so a page is parsed once, not once per rule.
"""

from __future__ import annotations

from html.parser import HTMLParser

Attributes = list[tuple[str, str | None]]
StartTag = tuple[str, Attributes]  # (lower-case tag name, attributes with entities decoded)


class _TagReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[StartTag] = []

    def handle_starttag(self, tag: str, attrs: Attributes) -> None:
        self.tags.append((tag, attrs))

    handle_startendtag = handle_starttag


def start_tags(markup: str) -> list[StartTag]:
    """Every start (and self-closing) tag in `markup`, in order."""
    reader = _TagReader()
    reader.feed(markup)
    reader.close()
    return reader.tags
