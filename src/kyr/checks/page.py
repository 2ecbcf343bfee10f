"""What every page must meet before it is built (no MkDocs import).

The build refuses, with the file, the line and what to do:

- front matter that is not valid YAML, or not closed (MkDocs would silently show it as text);
- front matter fields the templates use, with the wrong type (a date that is not a date would
  crash the template half-way through the build);
- a `template:` that does not exist;
- unsafe content (see kyr.checks.safe_content) and `tel:`/`sms:` links typed into the page: phone
  numbers come only from the contacts data, where they are checked.

Missing fields and readability are `kyr check`'s business (kyr.checks.content): a page without
sources still builds, but a page with a broken date never does.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Iterator
from pathlib import Path
from typing import Any

from kyr.checks.safe_content import HINT as UNSAFE_HINT
from kyr.checks.safe_content import mask_code, unsafe_markdown
from kyr.errors import KyrError
from kyr.pages.front_matter import PageSource, split_front_matter
from kyr.translation.review import HINT as REVIEW_HINT
from kyr.translation.review import review_problem

TEXT_FIELDS = ("title", "description", "flyer")
DATE_HINT = "Write the date as YYYY-MM-DD, without quotes, e.g. 2026-11-27."
_PHONE_LINK = re.compile(
    r"\]\(\s*<?\s*(tel|sms|callto):|href\s*=\s*[\"']?\s*(tel|sms|callto):|"
    r"^[ \t]{0,3}\[[^\]\n]+\]:\s*<?(tel|sms|callto):",
    re.I | re.M,
)


def _line_of_key(text: str, source: PageSource, key: str) -> int:
    """The line of a top-level front matter key (1 when it cannot be found)."""
    for number, line in enumerate(text.splitlines()[: source.body_line], start=1):
        if line.startswith(f"{key}:"):
            return number
    return 1


def _is_date(value: Any) -> bool:
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)


def _source_problem(number: int, item: object) -> tuple[str, str] | None:
    """(message, hint) when source `number` lacks a usable url, title or seen date."""
    if not isinstance(item, dict):
        return f"source {number} must have url, title and seen", DATE_HINT
    url, title, seen = item.get("url"), item.get("title"), item.get("seen")
    if not isinstance(url, str) or not url.startswith(("https://", "http://")):
        return f"source {number} needs a url starting with https://", (
            "Copy the address of the page you read."
        )
    if not isinstance(title, str) or not title.strip():
        return f"source {number} needs a title", "Name the page read."
    if not _is_date(seen):
        return f"source {number}: 'seen' must be a date, not {seen!r}", DATE_HINT
    return None


def meta_problems(
    text: str, source: PageSource, shown: str | Path, templates: Collection[str] | None = None
) -> Iterator[KyrError]:
    """Each front matter field whose type the templates cannot use (one problem per field)."""
    meta = source.meta

    def error(key: str, message: str, hint: str) -> KyrError:
        return KyrError(shown, message, line=_line_of_key(text, source, key), key=key, hint=hint)

    for key in TEXT_FIELDS:
        if key in meta and (not isinstance(meta[key], str) or not meta[key].strip()):
            yield error(
                key, f"'{key}' must be text, not {meta[key]!r}", "Write it on one line as text."
            )
    if "last_reviewed" in meta and not _is_date(meta["last_reviewed"]):
        yield error(
            "last_reviewed",
            f"'last_reviewed' must be a date, not {meta['last_reviewed']!r}",
            DATE_HINT,
        )
    if "sources" in meta:
        sources = meta["sources"]
        if not isinstance(sources, list):
            sources = []
            yield error(
                "sources",
                "'sources' must be a list of sources",
                "Start each source with '  - url: ...' and give it a title and a seen date.",
            )
        for number, item in enumerate(sources, start=1):
            problem = _source_problem(number, item)
            if problem is not None:
                yield error("sources", *problem)
                break  # one line for the sources key: the first bad source
    if "review" in meta and (problem := review_problem(meta["review"])) is not None:
        yield error("review", problem, REVIEW_HINT)
    if "card_back" in meta:  # before phrases had one file, each card page listed its back
        yield error(
            "card_back",
            "the card's back is no longer set per page",
            "List its phrase ids under 'card:' in data/phrases.yml, and remove 'card_back'.",
        )
    if "template" in meta:
        template = meta["template"]
        if not isinstance(template, str) or (templates is not None and template not in templates):
            known = ", ".join(sorted(t for t in templates or () if "/" not in t)) or "none"
            yield error(
                "template",
                f"the template {template!r} does not exist",
                f"Use one of: {known} (the generator's, or the site's in overrides/), or remove "
                "the 'template' line.",
            )


def page_problems(
    text: str, shown: str | Path, templates: Collection[str] | None = None
) -> Iterator[KyrError]:
    """Every reason this page must not be built, in the order of the file; broken front matter
    stops the rest. The build stops at the first (`page_problem`); `kyr check` lists them all."""
    try:
        source = split_front_matter(text, shown)
    except KyrError as error:
        yield error
        return
    yield from meta_problems(text, source, shown, templates)
    for unsafe in unsafe_markdown(source.body, source.body_line):
        yield KyrError(shown, f"unsafe content: {unsafe.what}", line=unsafe.line, hint=UNSAFE_HINT)
    masked = mask_code(source.body)
    for link in _PHONE_LINK.finditer(masked):
        scheme = next(group for group in link.groups() if group).lower()
        yield KyrError(
            shown,
            f"a {scheme}: link is typed into the page",
            line=source.body_line + masked.count("\n", 0, link.start()),
            hint="Phone links come only from data/contacts.yml, where every number is checked: "
            "use a marker such as <!-- kyr:contacts id=... -->.",
        )


def page_problem(
    text: str, shown: str | Path, templates: Collection[str] | None = None
) -> KyrError | None:
    """The first reason this page must not be built, or None."""
    return next(page_problems(text, shown, templates), None)
