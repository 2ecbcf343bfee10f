"""The in-process build and `kyr` helpers (tests/helpers.py) give what a new process gives, and
one build leaves nothing behind that changes the next."""

from __future__ import annotations

import filecmp
import logging
import os
from pathlib import Path

import mkdocs.utils
import pytest

from tests.helpers import FIXTURES, build_site, make_project, run_kyr

MINI = FIXTURES / "mini" / "docs"
OTHER = {
    "index.md": "---\ntitle: Other home\n---\n\n# Other home\n\nA second fixture.\n",
    "index.es.md": "---\ntitle: Otra portada\n---\n\n# Otra portada\n\nUn segundo sitio.\n",
}

BROKEN = {"index.md": "---\ntitle: Home\n---\n\n# Home\n\n[gone](missing.md)\n"}


def same_tree(left: Path, right: Path) -> list[str]:
    """Files that differ, or exist on one side only (empty: the same files, byte for byte)."""
    compared = filecmp.dircmp(left, right)
    found = [*compared.left_only, *compared.right_only, *compared.funny_files]
    _, mismatch, errors = filecmp.cmpfiles(left, right, compared.common_files, shallow=False)
    found += mismatch + errors
    for name in compared.common_dirs:
        found += [f"{name}/{path}" for path in same_tree(left / name, right / name)]
    return found


def state() -> tuple:
    logger = logging.getLogger("mkdocs")
    return (
        mkdocs.utils.clean_directory,
        logger.level,
        logger.propagate,
        list(logger.handlers),
        list(logging.getLogger("mkdocs.commands.build").filters),
        dict(os.environ),
        Path.cwd(),
    )


def test_two_fixtures_in_a_row_build_as_each_alone(tmp_path: Path):
    before = state()
    first = build_site(tmp_path / "a1", MINI, site_subdir="www/kyr")
    failed = build_site(tmp_path / "bad", BROKEN)  # static-i18n leaves patches behind on failure
    other = build_site(
        tmp_path / "b", OTHER, config={"site_url": "https://example.net/", "site_name": "Other"}
    )
    again = build_site(tmp_path / "a2", MINI, site_subdir="www/kyr")
    alone = build_site(tmp_path / "a3", MINI, site_subdir="www/kyr", in_process=False)
    assert state() == before  # logger, filters, environment and folder put back
    assert failed.returncode == 1, failed.output
    for build in (first, other, again, alone):
        assert build.returncode == 0, build.output
    assert same_tree(first.site, again.site) == []
    assert same_tree(first.site, alone.site) == []  # as `mkdocs build` in its own process
    # Nothing of the other site (its address, name, pages) reached the next build.
    assert "example.net" not in (again.site / "index.html").read_text(encoding="utf-8")
    assert "Other home" in other.html("").title.get_text()
    assert "Other home" not in again.html("").title.get_text()
    log = [line for line in first.output.splitlines() if "built in" not in line]
    assert log == [
        line.replace("/a2/", "/a1/") for line in again.output.splitlines() if "built in" not in line
    ]


def test_a_failing_build_reports_as_mkdocs_does(tmp_path: Path):
    here = build_site(tmp_path / "here", BROKEN)
    there = build_site(tmp_path / "there", BROKEN, in_process=False)
    assert here.returncode == there.returncode == 1
    assert "Aborted with 1 warnings in strict mode!" in here.output
    assert "missing.md" in here.output

    def lines(output: str) -> set[str]:
        return {line for line in output.splitlines() if line and "built in" not in line}

    assert lines(here.output) == lines(there.output.replace("/there/", "/here/"))


@pytest.mark.parametrize(
    "args",
    [("check",), ("contacts", "check"), ("links",), ("parity",), ("status",)],
    ids=" ".join,
)
def test_kyr_in_process_says_what_the_command_says(tmp_path: Path, args: tuple[str, ...]):
    """A real `python -m kyr.cli` for each command the tests run in-process, compared."""
    root = make_project(tmp_path / "project", MINI)
    here = run_kyr(root, *args)
    there = run_kyr(root, *args, in_process=False)
    assert (here.returncode, here.stdout, here.stderr) == (
        there.returncode,
        there.stdout,
        there.stderr,
    )
