"""Which version of the English page a translation translates (no MkDocs import, no git needed).

A translated page records, in its front matter, the git blob hash of the English file it was
made from:

    translation_of: 3b18e512dba79e4c8300dd08aeb37f8e728b8dad

The hash is computed here exactly as `git hash-object` does, so comparing needs no git and
survives squash merges and rebases (it names content, not a commit). When the English file's
hash differs from the recorded one, the translation is outdated.
"""

from __future__ import annotations

import hashlib
import re

KEY = "translation_of"
HASH = re.compile(r"^[0-9a-f]{40}$")
_KEY_LINE = re.compile(rf"^{KEY}\s*:(?P<value>.*?)(?P<newline>\r?\n)?$")
_FENCE = re.compile(r"^---\s*$")


def git_blob_hash(data: bytes) -> str:
    """The SHA-1 that `git hash-object` gives a file with these exact bytes."""
    header = b"blob " + str(len(data)).encode("ascii") + b"\0"
    return hashlib.sha1(header + data, usedforsecurity=False).hexdigest()


def normalize_hash(value: object) -> str | None:
    """The recorded hash from parsed front matter, or None when it is absent or not a hash.

    YAML reads a hash made only of digits as an integer; it is padded back to 40 digits.
    """
    if value is None or isinstance(value, bool):
        return None
    text = f"{value:040d}" if isinstance(value, int) else str(value).strip().lower()
    return text if HASH.match(text) else None


def _front_matter_span(lines: list[str]) -> tuple[int, int] | None:
    """(index of the opening '---', index of the closing '---'), or None without front matter."""
    if not lines or not _FENCE.match(lines[0]):
        return None
    for index in range(1, len(lines)):
        if _FENCE.match(lines[index]):
            return 0, index
    return None


def read_translation_of(text: str) -> str | None:
    """The recorded hash, read from the front matter's top-level `translation_of:` line.

    Reading the one line (rather than parsing all the YAML) keeps `kyr status` fast on large
    sites; a value that is not a 40-character hash counts as not recorded.
    """
    lines = text.splitlines(keepends=True)
    span = _front_matter_span(lines)
    if span is None:
        return None
    for line in lines[span[0] + 1 : span[1]]:
        match = _KEY_LINE.match(line)
        if match:
            return normalize_hash(match.group("value").strip().strip("'\""))
    return None


def set_translation_of(text: str, blob_hash: str) -> str:
    """`text` with `translation_of: <hash>` set in its front matter; nothing else changes.

    An existing top-level line is replaced in place; otherwise the line is added just before
    the closing `---`. A page without front matter gets one. Line endings are kept.
    """
    if not HASH.match(blob_hash):
        raise ValueError(f"not a 40-character git blob hash: {blob_hash!r}")
    # A hash of digits only would be read back by YAML as a number: quote it.
    value = f'"{blob_hash}"' if blob_hash.isdigit() else blob_hash
    lines = text.splitlines(keepends=True)
    newline = "\r\n" if lines and lines[0].endswith("\r\n") else "\n"
    entry = f"{KEY}: {value}{newline}"
    span = _front_matter_span(lines)
    if span is None:
        return f"---{newline}{entry}---{newline}" + text
    start, end = span
    for index in range(start + 1, end):
        match = _KEY_LINE.match(lines[index])
        if match:
            lines[index] = f"{KEY}: {value}{match.group('newline') or ''}"
            return "".join(lines)
    lines.insert(end, entry)
    return "".join(lines)
