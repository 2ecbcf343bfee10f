"""`kyr contacts`: validate the contacts file, list stale and unpublished entries."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import click

from kyr.cli.options import fail, root_option
from kyr.contacts.load import (
    STALE_AFTER_DAYS,
    check_contacts_file,
    load_contacts,
    pending_markdown,
    published,
    stale,
    unpublished,
)
from kyr.errors import KyrError
from kyr.project import load_project


@click.group()
def contacts() -> None:
    """Advocacy contacts: validate the data, list stale and unpublished entries."""


def contacts_file_of(root: Path, file: Path | None) -> tuple[Path, str, tuple[str, ...]]:
    """The contacts file (from mkdocs.yml's kyr plugin settings unless --file is given), how to
    name it in messages, and the site's languages its texts are written in."""
    try:
        project = load_project(root)
    except KyrError as error:
        fail(str(error))
    if file is not None:
        return file, str(file), project.languages.codes
    return project.contacts_file, project.shown(project.contacts_file), project.languages.codes


file_option = click.option(
    "--file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="The contacts file (default: the kyr plugin's contacts_file, data/contacts.yml).",
)


@contacts.command("check")
@root_option
@file_option
@click.option(
    "--today",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="The date to measure staleness from (YYYY-MM-DD; default: today).",
)
@click.option(
    "--days",
    type=click.IntRange(min=1),
    default=STALE_AFTER_DAYS,
    show_default=True,
    help="A published contact is stale when last verified more than this many days ago.",
)
@click.option(
    "--strict",
    is_flag=True,
    help="Also fail when a published contact is stale or its only source is old.",
)
def contacts_check(
    root: Path, file: Path | None, today: datetime | None, days: int, strict: bool
) -> None:
    """Validate the contacts file; list stale contacts and unpublished ones with reasons.

    Exits 1 when the data is invalid, and with --strict also when any contact is stale or was
    compared with a source more than two years old.
    """
    path, shown, languages = contacts_file_of(root, file)
    day = today.date() if today else date.today()
    found, problems = check_contacts_file(path, languages=languages, today=day, shown_as=shown)
    for problem in problems:
        click.echo(str(problem), err=True)
    if problems:
        fail(f"{len(problems)} problem(s) in {shown}; nothing was published from it.")
    shown_contacts = published(found)
    click.echo(
        f"{shown}: {len(found)} contact(s) valid, {len(shown_contacts)} published, "
        f"{len(found) - len(shown_contacts)} not published."
    )
    held_back = unpublished(found)
    if held_back:
        click.echo("\nNot published (fix the reason, then set published: true):")
        for contact in held_back:
            click.echo(f"  - {contact.id}: {' '.join(contact.unpublished_reason.split())}")
    old = stale(found, day, days)
    if old:
        click.echo(f"\nStale: last verified more than {days} days before {day.isoformat()}:")
        for contact, age in old:
            click.echo(f"  - {contact.id}: {contact.last_verified.isoformat()} ({age} days)")
    else:
        click.echo(f"\nNo published contact is older than {days} days.")
    dated_long_ago = [c for c in shown_contacts if c.old_source]
    if dated_long_ago:
        click.echo("\nOld source: the page was over two years old when the number was compared:")
        for contact in dated_long_ago:
            click.echo(f"  - {contact.id}: source dated {contact.source_date.isoformat()}")
    if strict and (old or dated_long_ago):
        fail(
            f"{len(old)} stale contact(s), {len(dated_long_ago)} with an old source: "
            "match them against a current page, or hold them back."
        )


@contacts.command("pending")
@root_option
@file_option
def contacts_pending(root: Path, file: Path | None) -> None:
    """Print the unpublished contacts as Markdown (the content of data/CONTACTS-PENDING.md)."""
    path, shown, languages = contacts_file_of(root, file)
    try:
        found = load_contacts(path, languages=languages, shown_as=shown)
    except KyrError as error:
        fail(str(error))
    click.echo(pending_markdown(found, shown), nl=False)
