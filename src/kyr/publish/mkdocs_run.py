"""`mkdocs build --strict -f mkdocs.yml -d OUTPUT` in this process, with the log it would print.

Why: a new Python process spends about two seconds importing MkDocs, Material and the plugins
before it builds anything, and `kyr build` (twice: the site and its offline download) and
`kyr check` each used to pay that again after loading the project themselves. This does what
`mkdocs build` does (mkdocs/__main__.py): the `mkdocs` logger at INFO with duplicates filtered,
startup/shutdown events, strict warnings counted by MkDocs itself, an Abort printed before the
log. Everything it or static-i18n changes (logger level, handlers, filters, cwd, environment,
`mkdocs.utils.clean_directory`) is put back, even after a failure, so builds do not leak into
each other (tests/test_in_process_build.py proves it, against a real `mkdocs build` process).
"""

from __future__ import annotations

import logging
import os
import traceback
from collections.abc import Iterator, Mapping
from contextlib import chdir, contextmanager
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


@contextmanager
def _environment(changes: Mapping[str, str | None]) -> Iterator[None]:
    """Set (None: unset) environment variables for the block, then put the old values back."""
    saved = {name: os.environ.get(name) for name in changes}
    try:
        for name, value in changes.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def mkdocs_build(
    config_file: Path,
    *,
    strict: bool = True,
    site_dir: Path | None = None,
    env: Mapping[str, str | None] | None = None,
) -> tuple[int, str]:
    """Build the site of `config_file` (into `site_dir` if given): (exit code, output).

    `env` is set for the build only: mkdocs.yml's `!ENV` tags read it when the config loads.
    """
    from mkdocs import exceptions, utils
    from mkdocs.commands import build
    from mkdocs.config import load_config

    logger = logging.getLogger("mkdocs")
    saved = (logger.level, logger.propagate)
    # static-i18n swaps these for its per-language builds and puts them back only when the
    # build succeeds: after a failed build, the next would neither clean nor log as it should.
    saved_filters, saved_clean = list(build.log.filters), utils.clean_directory
    lines, duplicates = _LogLines(), utils.DuplicateFilter()
    logger.addHandler(lines)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    build.log.addFilter(duplicates)
    overrides = {} if site_dir is None else {"site_dir": str(site_dir)}
    stdout, returncode = "", 0
    try:
        with chdir(config_file.parent), _environment({"NO_MKDOCS_2_WARNING": "1", **(env or {})}):
            config = load_config(str(config_file), strict=strict, **overrides)
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
    stderr = "".join(f"{line}\n" for line in lines.lines)
    return returncode, stdout + stderr
