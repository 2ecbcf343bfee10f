"""Which Markdown lines are fenced code (no MkDocs import): one rule for every scanner."""

from __future__ import annotations

import re

FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")


def fenced_code_lines(lines: list[str]) -> list[bool]:
    """For each line: True if it opens, closes or lies inside a fenced code block.

    As in CommonMark, a fence closes only with the same character, at least as long.
    """
    flags = []
    fence: str | None = None
    for line in lines:
        opening = FENCE.match(line)
        if fence is not None:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                fence = None
            flags.append(True)
        elif opening:
            fence = opening.group(1)
            flags.append(True)
        else:
            flags.append(False)
    return flags
