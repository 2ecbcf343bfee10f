"""English words kept inside a translation, marked so screen readers say them in English
(WCAG 3.1.2, "language of parts"). No MkDocs import.

A translated glossary lists them in its front matter (`kept_in_english:`), the words its pages
keep in English in parentheses so a reader can say or show them: "tarjeta de residencia (green
card)". In that language's pages, each "(term)" becomes `(<span lang="en">term</span>)`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_TAG = re.compile(r"(<[^>]+>)")


def mark_kept_terms(html: str, terms: Iterable[str], lang: str = "en") -> str:
    """Wrap each "(term)" found in text (never inside a tag) in a span with `lang`."""
    words = sorted({t.strip() for t in terms if t.strip()}, key=len, reverse=True)
    if not words:
        return html
    pattern = re.compile(r"\((" + "|".join(re.escape(w) for w in words) + r")\)")
    parts = _TAG.split(html)
    for index in range(0, len(parts), 2):  # even parts are text between tags
        opened_by = parts[index - 1].lower() if index else ""
        if opened_by.startswith(("<script", "<style", "<title", "<textarea")):
            continue  # not text a reader sees as such
        parts[index] = pattern.sub(rf'(<span lang="{lang}">\1</span>)', parts[index])
    return "".join(parts)
