"""Contact markers in page Markdown (no MkDocs import).

A marker is an HTML comment on a line of its own, outside code:

    <!-- kyr:contacts id=county-office -->   one published contact
    <!-- kyr:contacts tag=fraud -->          every published contact with that tag
    <!-- kyr:hotline -->                     the big call button for the one 'emergency' contact
    <!-- kyr:directory -->                   every published contact, grouped by need
    <!-- kyr:printables -->                  every flyer and card, with previews and PDFs
    <!-- kyr:say free-to-go no-search -->    a "Say" box with those phrases (data/phrases.yml)

Anything else that starts with `<!-- kyr:` is a mistake and is reported, so a typo never
silently drops a phone number from a page.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from kyr.pages.fenced_code import fenced_code_lines

MARKER_START = re.compile(r"<!--\s*kyr:")
MARKER_LINE = re.compile(
    r"^\s{0,3}<!--\s*kyr:(?:"
    r"(?P<contacts>contacts)\s+(?P<attr>id|tag)=(?P<value>[a-z0-9]+(?:-[a-z0-9]+)*)"
    r"|(?P<hotline>hotline)"
    r"|(?P<directory>directory)"
    r"|(?P<printables>printables)"
    r"|(?P<say>say)(?P<ids>(?:\s+[a-z0-9]+(?:-[a-z0-9]+)*)+)"
    r")\s*-->\s*$"
)
INLINE_CODE = re.compile(r"(`+).+?\1")


@dataclass(frozen=True)
class Marker:
    kind: str  # "id", "tag", "hotline", "directory", "printables" or "say"
    value: str | None  # the id or tag; for "say", the phrase ids separated by spaces
    line: int  # 1-based line in the text that was scanned
    text: str


class MarkerError(ValueError):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def _scan(text: str) -> list[tuple[int, Marker | None, str]]:
    """(index, marker or None, line) for each line outside fenced code; raises MarkerError."""
    result = []
    lines = text.split("\n")
    for index, (line, in_code) in enumerate(zip(lines, fenced_code_lines(lines), strict=True)):
        if in_code:
            result.append((index, None, line))
            continue
        marker = None
        if MARKER_START.search(INLINE_CODE.sub("", line)):
            match = MARKER_LINE.match(line)
            if match is None:
                raise MarkerError(
                    index + 1,
                    f"this contact marker is not understood: {line.strip()!r}. Use "
                    "<!-- kyr:contacts id=ID -->, <!-- kyr:contacts tag=TAG -->, "
                    "<!-- kyr:hotline -->, <!-- kyr:directory -->, <!-- kyr:printables --> or "
                    "<!-- kyr:say PHRASE-ID ... -->, on a line of its own",
                )
            if match.group("contacts"):
                marker = Marker(match.group("attr"), match.group("value"), index + 1, line.strip())
            elif match.group("say"):
                ids = " ".join(match.group("ids").split())
                marker = Marker("say", ids, index + 1, line.strip())
            else:
                kind = next(k for k in ("hotline", "directory", "printables") if match.group(k))
                marker = Marker(kind, None, index + 1, line.strip())
        result.append((index, marker, line))
    return result


def find_markers(text: str) -> list[Marker]:
    """Every marker in the text, in order; raises MarkerError for a malformed one."""
    return [marker for _, marker, _ in _scan(text) if marker is not None]


def replace_markers(text: str, render: Callable[[Marker], str]) -> str:
    """Replace each marker line with `render(marker)`, as a raw HTML block between blank lines."""
    lines = []
    for _, marker, line in _scan(text):
        if marker is None:
            lines.append(line)
        else:
            lines.extend(["", html_block(render(marker)), ""])
    return "\n".join(lines)


def html_block(html: str) -> str:
    """HTML that Markdown keeps as one raw block: no blank lines and no leading indentation
    (indented lines could otherwise become code blocks)."""
    return "\n".join(stripped for line in html.splitlines() if (stripped := line.strip()))
