"""Read `data/contacts.yml` keeping the line of every field, so messages can point at it.

No MkDocs import. `yaml.safe_load` loses line numbers and silently keeps the last of two equal
keys; composing the node tree first keeps both facts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from kyr.errors import KyrError, yaml_error


@dataclass
class Entry:
    """One raw entry with the line of every field, so errors can point at the right line."""

    index: int
    data: dict[str, Any]
    lines: dict[str, int]
    line: int
    errors: list[KyrError] = field(default_factory=list)


def parse_entries(text: str, path: str | Path) -> list[Entry]:
    """The file's entries with their field lines; raises KyrError for YAML that does not parse."""
    fast = getattr(yaml, "CSafeLoader", None)  # libyaml: the same nodes and lines, faster
    if fast is not None:
        try:
            return _entries(text, path, fast)
        except KyrError:
            pass  # read again by the Python parser, whose messages the maintainer sees
    return _entries(text, path, yaml.SafeLoader)


def _entries(text: str, path: str | Path, loader_class: type) -> list[Entry]:
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as error:
        raise yaml_error(path, error, "this") from None
    except (ValueError, TypeError) as error:  # e.g. a date with month 13: PyYAML gives no line
        raise KyrError(
            path,
            f"this value is not a valid date ({error})",
            line=_bad_date_line(node),
            hint="Write dates as YYYY-MM-DD with a real month and day, e.g. 2026-11-27.",
        ) from None
    finally:
        loader.dispose()
    if data is None:
        data = []
    if not isinstance(data, list) or not isinstance(node, yaml.SequenceNode):
        raise KyrError(
            path,
            "the file must be a list of contacts (each one starting with '- id:')",
            line=1,
        )
    entries = []
    for index, (item, item_node) in enumerate(zip(data, node.value, strict=True)):
        line = item_node.start_mark.line + 1
        entry = Entry(index, item if isinstance(item, dict) else {}, {}, line)
        if not isinstance(item, dict):
            entry.errors.append(
                KyrError(
                    path, "each contact must be a mapping of fields", line=line, key=f"#{index + 1}"
                )
            )
        else:
            _collect_lines(item_node, "", entry, path)
        entries.append(entry)
    return entries


def _bad_date_line(node: yaml.Node | None) -> int | None:
    """The line of the first scalar YAML reads as a date but cannot construct."""
    stack = [node] if node is not None else []
    while stack:
        current = stack.pop(0)
        if isinstance(current, yaml.ScalarNode):
            if current.tag == "tag:yaml.org,2002:timestamp":
                try:
                    yaml.SafeLoader("").construct_yaml_timestamp(current)
                except (ValueError, TypeError):
                    return current.start_mark.line + 1
        elif isinstance(current, yaml.MappingNode):
            stack[:0] = [part for pair in current.value for part in pair]
        elif isinstance(current, yaml.SequenceNode):
            stack[:0] = list(current.value)
    return None


def _collect_lines(node: yaml.Node, prefix: str, entry: Entry, path: str | Path) -> None:
    """Record the line of every field (`phones[0].label.es`) and reject repeated keys."""
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            name = str(key_node.value)
            key = f"{prefix}.{name}" if prefix else name
            line = key_node.start_mark.line + 1
            if name in seen:
                entry.errors.append(
                    KyrError(
                        path,
                        f"the field '{name}' appears twice in this entry",
                        line=line,
                        key=key_of(entry, key),
                        hint="YAML keeps only the last one; remove the other.",
                    )
                )
            seen.add(name)
            entry.lines[key] = line
            _collect_lines(value_node, key, entry, path)
    elif isinstance(node, yaml.SequenceNode):
        for i, child in enumerate(node.value):
            key = f"{prefix}[{i}]"
            entry.lines[key] = child.start_mark.line + 1
            _collect_lines(child, key, entry, path)


def line_of(entry: Entry, field_path: str) -> int:
    """The line of a field, or of the nearest field above it (`name.es` missing -> `name`)."""
    while field_path in entry.lines or "." in field_path or field_path.endswith("]"):
        if field_path in entry.lines:
            return entry.lines[field_path]
        field_path = re.sub(r"(\.[^.\[]+|\[\d+\])$", "", field_path)
    return entry.line


def key_of(entry: Entry, field_path: str) -> str:
    ident = entry.data.get("id")
    ident = ident if isinstance(ident, str) and ident else f"#{entry.index + 1}"
    return f"{ident}.{field_path}"
