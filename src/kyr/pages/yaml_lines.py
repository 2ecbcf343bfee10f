"""Find the line of a setting in a YAML file such as mkdocs.yml (no MkDocs import).

Used to point messages about configuration at the line to edit. Tags such as `!ENV` are fine:
the file is only composed into nodes, never constructed.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import yaml


def compose(path: Path) -> yaml.Node | None:
    try:
        return yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None


def _child(node: yaml.Node, name: str) -> tuple[yaml.Node, int] | None:
    """The node under `name`: a mapping key, or in a list, the item that is (or maps) `name`."""
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if str(key.value) == name:
                return value, key.start_mark.line + 1
    if isinstance(node, yaml.SequenceNode):
        for item in node.value:
            if isinstance(item, yaml.ScalarNode) and str(item.value) == name:
                return item, item.start_mark.line + 1
            found = _child(item, name) if isinstance(item, yaml.MappingNode) else None
            if found:
                return found
    return None


def line_of(path: Path, keys: Sequence[str], value: str | None = None) -> int | None:
    """The line of `keys` (e.g. ['plugins', 'kyr', 'translations_dir']), as deep as they go;
    with `value`, the line of that scalar inside the last node found, when it is there."""
    node = compose(path)
    if node is None:
        return None
    line = None
    visited = [node]
    for name in keys:
        found = _child(node, name)
        if found is None:
            break
        node, line = found
        visited.append(node)
    if value is not None:
        for container in reversed(visited):  # the deepest setting that holds the value
            scalar = _find_scalar(container, value)
            if scalar is not None:
                return scalar
    return line


def _find_scalar(node: yaml.Node, value: str) -> int | None:
    if isinstance(node, yaml.ScalarNode):
        return node.start_mark.line + 1 if str(node.value) == value else None
    children: list[yaml.Node] = []
    if isinstance(node, yaml.MappingNode):
        children = [part for pair in node.value for part in pair]
    elif isinstance(node, yaml.SequenceNode):
        children = list(node.value)
    for child in children:
        found = _find_scalar(child, value)
        if found is not None:
            return found
    return None
