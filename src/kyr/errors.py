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


YAML_HINT = "Check the indentation and the quotes on that line and the one before it."


def yaml_error(path: str | Path, error: Exception, what: str, *, first_line: int = 1) -> KyrError:
    """A YAML syntax error as one message naming the file and line.

    `first_line` is the file line of the YAML text's first line (front matter starts on line 2).
    The context mark is where the broken construct starts (e.g. an unclosed '['), so it is
    preferred to the place where the parser gave up.
    """
    mark = getattr(error, "context_mark", None) or getattr(error, "problem_mark", None)
    problem = getattr(error, "problem", None) or getattr(error, "context", None) or error
    return KyrError(
        path,
        f"{what} is not valid YAML ({problem})",
        line=mark.line + first_line if mark else None,
        hint=YAML_HINT,
    )


def shown_path(path: str | Path, root: Path) -> str:
    """`path` relative to `root` in forward slashes, or as given when it lies outside `root`."""
    path = Path(path)
    if not path.is_absolute():
        return path.as_posix()
    if path.is_relative_to(root):  # the usual case, without touching the disk
        return path.relative_to(root).as_posix()
    for base in (root, root.resolve()):  # a symlinked folder on either side
        for candidate in (path, path.resolve()):
            try:
                return candidate.relative_to(base).as_posix()
            except ValueError:
                continue
    return str(path)
