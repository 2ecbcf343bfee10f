"""`kyr`: the project's command-line tool for maintainers and translators."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from kyr.catalogs import catalog_problems, load_catalog, template_drift
from kyr.errors import KyrError

ROOT_HELP = "Folder that holds mkdocs.yml (default: the current folder)."


def fail(message: str) -> None:
    click.secho(message, fg="red", err=True)
    sys.exit(1)


@click.group()
def main() -> None:
    """Know Your Rights L.A. site tools."""


@main.command("i18n-check")
@click.option("--root", type=click.Path(file_okay=False, path_type=Path), default=".", help=ROOT_HELP)
def i18n_check(root: Path) -> None:
    """Check the interface catalogs: template current, all translated, no fuzzy, all plural forms."""
    problems: list[str] = template_drift(root)
    catalogs = sorted((root / "translations").glob("*/LC_MESSAGES/messages.po"))
    if not catalogs:
        fail(f"{root / 'translations'}: no catalogs found (expected <lang>/LC_MESSAGES/messages.po).")
    for path in catalogs:
        locale = path.parent.parent.name
        try:
            problems += [str(p) for p in catalog_problems(load_catalog(path, locale), path)]
        except KyrError as error:
            problems.append(str(error))
    for problem in problems:
        click.echo(problem, err=True)
    if problems:
        fail(f"{len(problems)} problem(s) in the interface catalogs.")
    click.echo(f"{len(catalogs)} catalog(s) OK.")


if __name__ == "__main__":
    main()
