"""Split a Markdown page into its YAML front matter and body, with line numbers (no MkDocs)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from kyr.errors import KyrError, yaml_error


@dataclass(frozen=True)
class PageSource:
    meta: dict
    body: str
    body_line: int  # 1-based line number of the body's first line in the file


def split_front_matter(text: str, path: str | Path) -> PageSource:
    """Parse `---` front matter; broken YAML is reported with the file's own line number."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        return PageSource({}, text, 1)
    end = next((i for i, line in enumerate(lines[1:], start=1) if line.strip() == "---"), None)
    if end is None:
        raise KyrError(
            path,
            "the front matter has no closing '---' line",
            line=1,
            hint="Add a line with only '---' after the last front matter field.",
        )
    try:
        meta = _load_yaml("".join(lines[1:end])) or {}
    except yaml.YAMLError as error:
        raise yaml_error(path, error, "the front matter", first_line=2) from None
    except (ValueError, TypeError) as error:  # e.g. a date with month 13: PyYAML gives no line
        raise KyrError(
            path,
            f"the front matter has a date that does not exist ({error})",
            line=_bad_date_line(lines[1:end]),
            hint="Write dates as YYYY-MM-DD with a real month and day, e.g. 2026-11-27.",
        ) from None
    if not isinstance(meta, dict):
        raise KyrError(
            path,
            "the front matter must be 'key: value' lines",
            line=2,
            hint="Write one field per line, e.g. 'title: At the door'.",
        )
    return PageSource(meta, "".join(lines[end + 1 :]), end + 2)


def _load_yaml(text: str) -> object:
    """`yaml.safe_load`, read by libyaml's C parser when PyYAML has it (the same values: the
    constructor is the same; most of a build's front matter time was the pure-Python parser).
    Broken YAML is read again by the Python parser, whose error messages the maintainer sees."""
    loader = getattr(yaml, "CSafeLoader", None)
    if loader is None:
        return yaml.safe_load(text)
    try:
        return yaml.load(text, Loader=loader)  # noqa: S506 - CSafeLoader is the safe loader
    except yaml.YAMLError:
        return yaml.safe_load(text)


def _bad_date_line(lines: list[str]) -> int | None:
    """The file line of the first front matter value that YAML reads as an impossible date."""
    for number, line in enumerate(lines, start=2):
        _, _, value = line.partition(":")
        try:
            yaml.safe_load(value.strip().lstrip("- ").strip() or "~")
        except (ValueError, TypeError, yaml.YAMLError):
            return number
    return None
