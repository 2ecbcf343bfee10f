"""Read project text files strictly: UTF-8 only, no binary junk, bounded size (no MkDocs import).

A page saved in the wrong encoding, a binary file renamed to `.md` or a pasted multi-megabyte
dump must stop the build with the file, the line and what to do, never with a
`UnicodeDecodeError` traceback or a page of mojibake.
"""

from __future__ import annotations

from pathlib import Path

from kyr.errors import KyrError

# The longest guidance page is about 8 kB and the word budget keeps pages near 650 words; a
# Markdown page over 1 MB is pasted junk or generated output, and would be slow on a phone.
MAX_PAGE_BYTES = 1_000_000

_BOMS = (
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
)
_SAVE_AS_UTF8 = "Save the file as UTF-8 (in most editors: 'Save with encoding' > 'UTF-8')."


def _size(count: int) -> str:
    return f"{count / 1_000_000:.1f} MB" if count >= 100_000 else f"{count:,} bytes"


def decode_text(data: bytes, shown: str | Path, *, limit: int | None = None) -> str:
    """The text of a file's bytes, or a KyrError naming the file (and the line) and the fix.

    A UTF-8 byte order mark is accepted and dropped, as MkDocs does.
    """
    if limit is not None and len(data) > limit:
        raise KyrError(
            shown,
            f"the file is {_size(len(data))}; a page may be at most {_size(limit)}",
            hint="Split it into shorter pages, or remove what was pasted in by mistake.",
        )
    for bom, name in _BOMS:
        if data.startswith(bom):
            raise KyrError(shown, f"the file is {name} text, not UTF-8", line=1, hint=_SAVE_AS_UTF8)
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise KyrError(
            shown,
            "the file holds binary data (a NUL byte), not text",
            line=line,
            hint="Replace it with the Markdown text it should hold; images go beside the pages.",
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        byte = data[error.start : error.start + 1].hex()
        raise KyrError(
            shown,
            f"the file is not UTF-8 text (byte 0x{byte} at column {column}; "
            "it looks like Latin-1 or Windows-1252)",
            line=line,
            hint=_SAVE_AS_UTF8,
        ) from None
    return text.removeprefix("\ufeff")


def read_text(path: Path, shown: str | Path | None = None, *, limit: int | None = None) -> str:
    """Read a text file strictly (see `decode_text`); the size is checked before reading."""
    shown = path if shown is None else shown
    if limit is not None:
        size = path.stat().st_size
        if size > limit:
            raise KyrError(
                shown,
                f"the file is {_size(size)}; a page may be at most {_size(limit)}",
                hint="Split it into shorter pages, or remove what was pasted in by mistake.",
            )
    return decode_text(path.read_bytes(), shown, limit=limit)


def read_page(path: Path, shown: str | Path | None = None) -> str:
    """A Markdown page, with the page size limit."""
    return read_text(path, shown, limit=MAX_PAGE_BYTES)
