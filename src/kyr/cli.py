"""`kyr`: the project's command-line tool for maintainers and translators."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import click

from kyr import cli_translation
from kyr.catalogs import catalog_problems, load_catalog, template_drift
from kyr.cli_options import fail, root_option
from kyr.contacts import (
    STALE_AFTER_DAYS,
    check_contacts_file,
    load_contacts,
    pending_markdown,
    published,
    stale,
    unpublished,
)
from kyr.content_check import Rules, check_docs, summarize
from kyr.errors import KyrError
from kyr.parity import check_parity
from kyr.project import load_project
from kyr.site_build import build_site

DEFAULT_CONTACTS_FILE = "data/contacts.yml"


@click.group()
def main() -> None:
    """Know Your Rights L.A. site tools."""


@main.command("build")
@root_option
@click.option("--no-pdf", is_flag=True, help="Skip the PDFs and the offline download (faster).")
def build(root: Path, no_pdf: bool) -> None:
    """Build the site strictly, every PDF and the offline ZIP; the old site stays on failure."""
    try:
        result = build_site(load_project(root), pdfs=not no_pdf, offline=not no_pdf)
    except KyrError as error:
        fail(str(error))
    click.echo(f"Site built in {result.site_dir}.")
    if result.pdfs.files:
        click.echo(f"{len(result.pdfs.files)} PDF(s) made in {result.pdfs.seconds:.1f} s.")


@main.command("check")
@root_option
@click.option("--scores", is_flag=True, help="Also print each page's word count and readability.")
def check(root: Path, scores: bool) -> None:
    """Check every page: front matter, sources, translations, phone numbers, links, readability."""
    try:
        project = load_project(root)
    except KyrError as error:
        fail(str(error))
    rules = Rules(
        languages=list(project.languages),
        default=project.default_language,
        pending=set(project.pending_translations),
    )
    findings, readability = check_docs(project.docs_dir, rules)
    # Current translations keep their English page's headings, links and contacts (kyr parity).
    parity = check_parity(
        project.docs_dir, rules.languages, rules.default, shown_docs=str(project.docs_dir)
    )
    findings += [finding for finding in parity.findings if finding not in findings]
    if scores:
        click.echo("\n".join(summarize(readability)))
    for finding in findings:
        click.echo(str(finding), err=True)
    if findings:
        fail(f"{len(findings)} problem(s) in {project.docs_dir}.")
    click.echo(f"{len(readability)} page(s) OK.")


@main.command("i18n-check")
@root_option
def i18n_check(root: Path) -> None:
    """Check the interface catalogs: template current, all translated, no fuzzy, plural forms."""
    problems: list[str] = template_drift(root)
    catalogs = sorted((root / "translations").glob("*/LC_MESSAGES/messages.po"))
    if not catalogs:
        fail(f"{root / 'translations'}: no catalogs (expected <lang>/LC_MESSAGES/messages.po).")
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


# --- Advocacy contacts (data/contacts.yml) ---


@main.group()
def contacts() -> None:
    """Advocacy contacts: validate the data, list stale and unpublished entries."""


def _contacts_path(root: Path, file: Path | None) -> tuple[Path, str]:
    """The contacts file (from mkdocs.yml's kyr plugin settings unless --file is given), and how
    to name it in messages."""
    if file is not None:
        return file, str(file)
    try:
        project = load_project(root)
    except KyrError as error:
        fail(str(error))
    name = str(project.plugin_config.get("contacts_file", DEFAULT_CONTACTS_FILE))
    return root / name, name


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
@click.option("--strict", is_flag=True, help="Also fail when a published contact is stale.")
def contacts_check(
    root: Path, file: Path | None, today: datetime | None, days: int, strict: bool
) -> None:
    """Validate the contacts file; list stale contacts and unpublished ones with reasons.

    Exits 1 when the data is invalid, and with --strict also when any contact is stale.
    """
    path, shown = _contacts_path(root, file)
    day = today.date() if today else date.today()
    found, problems = check_contacts_file(path, today=day, shown_as=shown)
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
        if strict:
            fail(f"{len(old)} stale contact(s): match them against their source_url again.")
    else:
        click.echo(f"\nNo published contact is older than {days} days.")


@contacts.command("pending")
@root_option
@file_option
def contacts_pending(root: Path, file: Path | None) -> None:
    """Print the unpublished contacts as Markdown (the content of data/CONTACTS-PENDING.md)."""
    path, shown = _contacts_path(root, file)
    try:
        found = load_contacts(path, shown_as=shown)
    except KyrError as error:
        fail(str(error))
    click.echo(pending_markdown(found, shown), nl=False)


@main.command("links")
@root_option
def links(root: Path) -> None:
    """List every external web address (pages, their sources, contacts) and where it is used.

    Nothing is fetched. Internal links and anchors are checked by the strict build.
    """
    from kyr.links import external_links, report

    try:
        project = load_project(root)
        contacts = str(project.plugin_config.get("contacts_file", DEFAULT_CONTACTS_FILE))
        found = external_links(root, project.docs_dir, root / contacts)
    except KyrError as error:
        fail(str(error))
    click.echo("\n".join(report(found)))


# The translation workflow: kyr status, mark-translated, parity, new-language.
for _command in cli_translation.COMMANDS:
    main.add_command(_command)


if __name__ == "__main__":
    main()
