"""Run `mkdocs build` and the `kyr` command in the test's own process (tests/helpers.py uses
these): a fixture build then costs the build, not Python's start-up and MkDocs' imports."""

from __future__ import annotations

import logging
import os
import traceback
from collections.abc import Mapping, Sequence
from contextlib import chdir
from pathlib import Path

import click


class _LogLines(logging.Handler):
    """MkDocs' log as `mkdocs build` prints it: "LEVEL   -  message" (its ColorFormatter)."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.setFormatter(logging.Formatter())  # "%(message)s" and any traceback, as MkDocs'
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(f"{record.levelname:<8}-  {self.format(record)}")


def mkdocs_build_here(config_file: Path, *, strict: bool) -> tuple[int, str]:
    """`mkdocs build [--strict] -f config_file` in this process: (exit code, output).

    Why: a new Python process spends most of a fixture build importing MkDocs and Material.
    This does what `mkdocs build` does (mkdocs/__main__.py): the `mkdocs` logger at INFO with
    duplicates filtered, startup/shutdown events, strict warnings counted by MkDocs itself, and
    an Abort printed before the log (stdout, then stderr). Everything it or static-i18n changes
    (logger level, handlers, filters, cwd, NO_MKDOCS_2_WARNING, `mkdocs.utils.clean_directory`)
    is put back, even after a failure, so builds do not leak into each other
    (tests/test_in_process_build.py proves it).
    """
    from mkdocs import exceptions, utils
    from mkdocs.commands import build
    from mkdocs.config import load_config

    logger = logging.getLogger("mkdocs")
    saved = (logger.level, logger.propagate, os.environ.get("NO_MKDOCS_2_WARNING"))
    # static-i18n swaps these for its per-language builds and puts them back only when the
    # build succeeds: after a failed build, the next would neither clean nor log as it should.
    saved_filters, saved_clean = list(build.log.filters), utils.clean_directory
    lines, duplicates = _LogLines(), utils.DuplicateFilter()
    logger.addHandler(lines)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    build.log.addFilter(duplicates)
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    stdout, returncode = "", 0
    try:
        with chdir(config_file.parent):
            config = load_config(str(config_file), strict=strict)
            config.plugins.on_startup(command="build", dirty=False)
            try:
                build.build(config, dirty=False)
            finally:
                config.plugins.on_shutdown()
    except exceptions.Abort as error:  # a SystemExit: MkDocs' own "Aborted with ..."
        stdout, returncode = f"\n{error.format_message()}\n", 1
    except click.ClickException as error:  # e.g. ConfigurationError: click prints "Error: ..."
        lines.lines.append(f"Error: {error.format_message()}")
        returncode = 1
    except Exception:  # an uncaught error: the traceback a maintainer would see
        lines.lines.append(traceback.format_exc().rstrip())
        returncode = 1
    finally:
        logger.removeHandler(lines)
        build.log.filters[:] = saved_filters
        utils.clean_directory = saved_clean
        logger.setLevel(saved[0])
        logger.propagate = saved[1]
        if saved[2] is None:
            os.environ.pop("NO_MKDOCS_2_WARNING", None)
        else:
            os.environ["NO_MKDOCS_2_WARNING"] = saved[2]
    stderr = "".join(f"{line}\n" for line in lines.lines)
    return returncode, stdout + stderr


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
