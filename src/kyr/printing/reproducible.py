"""Builds of the same content are identical, byte for byte (no MkDocs import).

Nothing in the output may come from the clock. The one date a build needs (the creation date
Chromium stamps into every PDF) is the content's own date: `SOURCE_DATE_EPOCH` when it is set
(the reproducible-builds.org convention), otherwise the newest `last_reviewed` of any page.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Mapping
from datetime import UTC, date, datetime
from pathlib import Path

from kyr.errors import KyrError
from kyr.pages.front_matter import split_front_matter

FALLBACK = datetime(2000, 1, 1, tzinfo=UTC)  # content with no date at all
_PDF_DATE = re.compile(rb"/(CreationDate|ModDate)\s*\((D:[^)]*)\)")
_PDF_ID = re.compile(rb"/ID\s*\[\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*\]")


def newest_review(docs_dir: Path) -> date | None:
    """The newest `last_reviewed` date of any page (pages that do not parse are skipped)."""
    newest = None
    for path in sorted(docs_dir.rglob("*.md")):
        try:
            meta = split_front_matter(path.read_text(encoding="utf-8"), path).meta
        except (KyrError, OSError, UnicodeDecodeError):
            continue
        reviewed = meta.get("last_reviewed")
        if isinstance(reviewed, date) and (newest is None or reviewed > newest):
            newest = reviewed
    return newest


def content_date(docs_dir: Path, environ: Mapping[str, str] | None = None) -> datetime:
    """SOURCE_DATE_EPOCH, else the newest last_reviewed (midnight UTC), else 2000-01-01."""
    environ = os.environ if environ is None else environ
    epoch = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        if not epoch.isdigit():
            raise KyrError(
                "SOURCE_DATE_EPOCH",
                f"the environment variable must be a number of seconds, not {epoch!r}",
                hint="Unset it, or set it from the last commit: "
                "export SOURCE_DATE_EPOCH=$(git log -1 --format=%ct)",
            )
        return datetime.fromtimestamp(int(epoch), UTC)
    reviewed = newest_review(docs_dir)
    if reviewed is None:
        return FALLBACK
    return datetime(reviewed.year, reviewed.month, reviewed.day, tzinfo=UTC)


def pdf_date(when: datetime) -> bytes:
    """A PDF date string in the form Chromium writes: D:20261127000000+00'00'."""
    return when.astimezone(UTC).strftime("D:%Y%m%d%H%M%S+00'00'").encode("ascii")


def normalize_pdf(data: bytes, when: datetime, shown: str | Path = "PDF") -> bytes:
    """Set a PDF's CreationDate and ModDate to `when` and derive its /ID from its content.

    Values are replaced with values of the same length, so the cross-reference offsets stay
    right and nothing else in the file changes (the structure tree, /Lang and /Title stay).
    """
    stamp = pdf_date(when)
    found = []

    def set_date(match: re.Match) -> bytes:
        old = match.group(2)
        if len(old) != len(stamp):
            raise KyrError(
                shown,
                f"Chromium wrote the PDF date {old.decode('latin-1')!r} in an unexpected form",
                hint="Update kyr.printing.reproducible.pdf_date to the new form, so builds stay "
                "identical.",
            )
        found.append(match.group(1))
        return b"/" + match.group(1) + b" (" + stamp + b")"

    data = _PDF_DATE.sub(set_date, data)
    if b"CreationDate" not in found:
        raise KyrError(
            shown,
            "the PDF has no CreationDate where Chromium writes one",
            hint="Check kyr.printing.reproducible against the Chromium version in use.",
        )
    match = _PDF_ID.search(data)
    if match:
        digest = hashlib.sha256(_PDF_ID.sub(b"", data)).hexdigest().upper().encode("ascii")
        first = digest[: len(match.group(1))].ljust(len(match.group(1)), b"0")
        second = digest[: len(match.group(2))].ljust(len(match.group(2)), b"0")
        data = (
            data[: match.start(1)]
            + first
            + data[match.end(1) : match.start(2)]
            + second
            + (data[match.end(2) :])
        )
    return data


def normalize_pdf_file(path: Path, when: datetime) -> None:
    path.write_bytes(normalize_pdf(path.read_bytes(), when, path))
