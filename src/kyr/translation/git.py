"""The few facts we read from git (no MkDocs import). Every function answers None or an empty
result when git is missing or the folder is not a repository, so nothing ever needs git.

Dates come from commits, never from the clock, so two builds of the same commit are identical.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

from kyr.translation.marks import HASH

_ENV = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C"}


def _git(root: Path, *args: str) -> str | None:
    """stdout of `git -C root args...`, or None when git is missing or the command fails."""
    try:
        result = subprocess.run(
            ["git", "-C", str(root), *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            env=_ENV,
            timeout=60,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout if result.returncode == 0 else None


def last_commit_date(root: Path, path: Path) -> dt.date | None:
    """The committer date of the last commit that touched `path` (`git log -1 --format=%cs`)."""
    out = _git(root, "log", "-1", "--format=%cs", "--", str(path))
    if not out or not out.strip():
        return None
    try:
        return dt.date.fromisoformat(out.strip())
    except ValueError:
        return None


def blob_text(root: Path, blob_hash: str) -> str | None:
    """The text of a stored blob (`git cat-file -p <hash>`), or None when it is not available."""
    if not HASH.match(blob_hash):
        return None
    if _git(root, "cat-file", "-e", f"{blob_hash}^{{blob}}") is None:
        return None
    return _git(root, "cat-file", "-p", blob_hash)


def changed_files(root: Path, base: str) -> list[str] | None:
    """Paths changed between the merge base of `base` and HEAD (what a pull request changes)."""
    out = _git(root, "diff", "--name-only", "--no-renames", f"{base}...HEAD")
    if out is None:
        return None
    return [line for line in out.splitlines() if line.strip()]
