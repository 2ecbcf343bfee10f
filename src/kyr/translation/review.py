"""Whether a fluent reader has checked a translation: the page's `review` front matter
(no MkDocs import).

    review: draft                 # not yet checked by a fluent reader: readers see a notice
    review: {by: Ana Ruiz, date: 2026-12-01}
    review: {pr: https://github.com/OWNER/REPO/pull/12}

A page without `review` says nothing either way ("not recorded"). Contributors change it by
pull request (CONTRIBUTING.md).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

DRAFT = "draft"
REVIEWED = "reviewed"
NOT_RECORDED = "not recorded"
HINT = (
    "Write 'review: draft', or who checked it and when: 'review: {by: NAME, date: YYYY-MM-DD}', "
    "or the pull request: 'review: {pr: URL}'."
)


@dataclass(frozen=True)
class Review:
    state: str  # DRAFT, REVIEWED or NOT_RECORDED
    by: str | None = None
    date: dt.date | None = None
    pr: str | None = None


def review_problem(value: object) -> str | None:
    """What is wrong with a `review` value, or None when it is one of the three forms."""
    if value == DRAFT:
        return None
    if not isinstance(value, Mapping) or not value or set(value) - {"by", "date", "pr"}:
        return f"'review' must be 'draft', {{by, date}} or {{pr}}, not {value!r}"
    if "pr" in value:
        pr = value["pr"]
        if not isinstance(pr, str) or not pr.startswith("https://"):
            return f"'review.pr' must be the pull request's https:// address, not {pr!r}"
        return None
    if not isinstance(value.get("by"), str) or not value["by"].strip():
        return "'review.by' must name who checked the translation"
    # 'date', not 'on': YAML reads a bare `on` key as true.
    date = value.get("date")
    if not isinstance(date, dt.date) or isinstance(date, dt.datetime):
        return f"'review.date' must be the day it was checked (YYYY-MM-DD), not {date!r}"
    return None


def review_of(meta: Mapping[str, Any]) -> Review:
    """The review state of a page whose `review` passed `review_problem`."""
    value = meta.get("review")
    if value is None:
        return Review(NOT_RECORDED)
    if value == DRAFT:
        return Review(DRAFT)
    return Review(REVIEWED, by=value.get("by"), date=value.get("date"), pr=value.get("pr"))
