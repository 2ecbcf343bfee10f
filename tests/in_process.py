"""Run `mkdocs build` and the `kyr` command in the test's own process (tests/helpers.py uses
these): a fixture build then costs the build, not Python's start-up and MkDocs' imports."""

from __future__ import annotations

import traceback
from collections.abc import Mapping, Sequence
from contextlib import chdir
from pathlib import Path

from kyr.publish.mkdocs_run import mkdocs_build


def mkdocs_build_here(config_file: Path, *, strict: bool) -> tuple[int, str]:
    """`mkdocs build [--strict] -f config_file` in this process: (exit code, output).

    The generator's own in-process build (kyr.publish.mkdocs_run), which `kyr build` and
    `kyr check` use too; tests/test_in_process_build.py holds it against a new process.
    """
    return mkdocs_build(config_file, strict=strict)


def kyr_here(
    root: Path, args: Sequence[str], env: Mapping[str, str | None]
) -> tuple[int, str, str]:
    """`kyr *args` from `root` with `env` set (None: unset) for the call: (exit, stdout, stderr).

    click's CliRunner on `kyr.cli.main.main`; an uncaught error adds the traceback to stderr, as
    Python prints it, so a test sees what a maintainer would.
    """
    from click.testing import CliRunner

    from kyr.cli.main import main

    with chdir(root):
        result = CliRunner(env=dict(env)).invoke(main, list(args), prog_name="kyr")
    stderr = result.stderr
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        stderr += "".join(traceback.format_exception(*result.exc_info))
    return result.exit_code, result.stdout, stderr
