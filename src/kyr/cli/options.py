"""Options and helpers shared by every `kyr` command."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import NoReturn

import click

root_option = click.option(
    "--root",
    type=click.Path(file_okay=False, path_type=Path),
    default=".",
    help="Folder that holds mkdocs.yml (default: the current folder).",
)


def fail(message: str) -> NoReturn:
    """Print the problem in red on standard error and exit with status 1."""
    click.secho(message, fg="red", err=True)
    sys.exit(1)
