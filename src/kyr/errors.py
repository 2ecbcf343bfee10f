"""One error type for bad project input, so every message names the file, and the line or key."""

from __future__ import annotations

from pathlib import Path


class KyrError(Exception):
    """A problem in the project's files that a maintainer or translator must fix."""

    def __init__(
        self,
        path: str | Path,
        message: str,
        *,
        line: int | None = None,
        key: str | None = None,
        hint: str | None = None,
    ) -> None:
        self.path = str(path)
        self.message = message
        self.line = line
        self.key = key
        self.hint = hint
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        key = f" [{self.key}]" if self.key else ""
        message = self.message if self.message.endswith((".", "?", "!")) else self.message + "."
        hint = f" {self.hint}" if self.hint else ""
        return f"{where}:{key} {message}{hint}"
