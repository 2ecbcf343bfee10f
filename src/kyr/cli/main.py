"""`kyr`: the project's command-line tool for maintainers and translators."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import click

from kyr import __version__
from kyr.checks.content import Finding, Rules, check_docs
from kyr.checks.guard import theme_templates
from kyr.checks.parity import check_parity
from kyr.checks.readability import summarize
from kyr.checks.source_policy import load_source_policy, refused_host
from kyr.cli import translation as cli_translation
from kyr.cli.contacts import contacts, contacts_file_of
from kyr.cli.options import fail, root_option
from kyr.contacts.load import (
    check_contacts_file,
)
from kyr.contacts.select import select_for_marker
from kyr.errors import KyrError
from kyr.output.search_words import load_search_words
from kyr.pages.markers import MarkerError, find_markers
from kyr.project import load_project
from kyr.publish.build import build_problems, build_site
from kyr.translation.catalogs import (
    catalog_problems,
    catalogs_in_use,
    in_tree,
    load_catalog,
    template_drift,
    template_path,
)


@click.group()
@click.version_option(__version__, prog_name="kyr")
def main() -> None:
    """Build and check a know-your-rights site (pages, contacts, translations, PDFs)."""


@main.command("build")
@root_option
@click.option("--no-pdf", is_flag=True, help="Skip the PDFs and the offline download (faster).")
def build(root: Path, no_pdf: bool) -> None:
    """Build the site strictly, every PDF and the offline ZIP; the old site stays on failure."""
    try:
        project = load_project(root)
        result = build_site(project, pdfs=not no_pdf, offline=not no_pdf)
    except KyrError as error:
        fail(str(error))
    click.echo(f"Site built in {project.shown(result.site_dir)}.")
    if result.pdfs.files:
        click.echo(f"{len(result.pdfs.files)} PDF(s) made in {result.pdfs.seconds:.1f} s.")
    for warning in result.warnings:
        click.secho(f"\nWARNING: {warning}\n", err=True, fg="red", bold=True)


@main.command("check")
@root_option
@click.option("--scores", is_flag=True, help="Also print each page's word count and readability.")
@click.option(
    "--strict",
    is_flag=True,
    help=f"Also fail on a page last reviewed over {Rules.review_fail_days} days ago.",
)
@click.option(
    "--today",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="The date to measure review age from (YYYY-MM-DD; default: today).",
)
def check(root: Path, scores: bool, strict: bool, today: datetime | None) -> None:
    """Check every page: front matter, sources, translations, phone numbers, links, readability.

    Warns when a page was last reviewed over 90 days ago; with --strict, fails over 180 days.
    """
    try:
        project = load_project(root)
        policy = load_source_policy(
            project.source_policy_file, project.shown(project.source_policy_file)
        )
        load_search_words(
            project.search_words_file,
            list(project.languages),
            project.docs_dir,
            project.shown(project.search_words_file),
        )
    except KyrError as error:
        fail(str(error))
    rules = Rules(
        languages=list(project.languages),
        default=project.default_language,
        pending=set(project.pending_translations),
        partial=set(project.partial_languages),
        refused_hosts=policy,
        today=today.date() if today else date.today(),
        strict=strict,
        contacts_file=project.shown(project.contacts_file),
        templates=frozenset(theme_templates(project.theme_dirs)),
    )
    # First what only MkDocs can judge (nav, links, anchors, templates), as `kyr build` says it.
    built = build_problems(project)
    for line in built:
        click.echo(line, err=True)
    docs_dir = Path(project.shown(project.docs_dir))  # messages name docs/x.md, not /abs/…
    findings, readability = check_docs(root / docs_dir, rules)
    contacts = _contacts_for_check(root)
    findings += _refused_contact_sources(contacts, policy)
    findings += _marker_problems(contacts, root / docs_dir)
    # Current translations keep their English page's headings, links and contacts (kyr parity).
    parity = check_parity(
        project.docs_dir, rules.languages, rules.default, shown_docs=str(root / docs_dir)
    )
    findings += [finding for finding in parity.findings if finding not in findings]
    if scores:
        click.echo("\n".join(summarize(readability)))
    findings = [finding for finding in findings if str(finding) not in built]  # said once
    for finding in findings:
        click.echo(str(finding), err=True)
    problems = [finding for finding in findings if not finding.warning]
    if problems or built:
        fail(f"{len(problems) + len(built)} problem(s) in {docs_dir}.")
    warned = len(findings) - len(problems)
    click.echo(f"{len(readability)} page(s) OK" + (f", {warned} warning(s)." if warned else "."))


def _contacts_for_check(root: Path) -> tuple[str, list]:
    """(the file as shown, its valid entries). Entries with other problems are `kyr contacts
    check`'s (and the build's) report; no file, no entries."""
    path, shown, languages = contacts_file_of(root, None)
    if not path.is_file():
        return shown, []
    return shown, check_contacts_file(path, languages=languages, shown_as=shown)[0]


def _marker_problems(contacts: tuple[str, list], docs_dir: Path) -> list[Finding]:
    """A contact marker must name a published contact, as the build requires."""
    _, found = contacts
    if not found:
        return []
    problems = []
    for page in sorted(docs_dir.rglob("*.md")):
        try:
            text = page.read_text(encoding="utf-8")
            markers = find_markers(text)
        except (UnicodeDecodeError, MarkerError):
            continue  # reported by the page checks
        for marker in markers:
            if marker.kind not in ("id", "tag"):
                continue
            try:
                select_for_marker(marker, found)
            except KyrError as error:
                problems.append(Finding(str(page), marker.line, error.message))
    return problems


def _refused_contact_sources(contacts: tuple[str, list], policy) -> list[Finding]:
    """A contact's source_url meets the same source policy as a page's sources."""
    shown, found = contacts
    return [
        Finding(
            shown,
            contact.line,
            f"{contact.id}: source_url is on {refused.host}, not an acceptable source: "
            f"{refused.why} Match the number against the organization's own page.",
        )
        for contact in found
        if (refused := refused_host(contact.source_url, policy)) is not None
    ]


@main.command("i18n-check")
@root_option
def i18n_check(root: Path) -> None:
    """Check the interface catalogs: template current, all translated, no fuzzy, plural forms.

    The catalogs are the site's own (translations/) and the generator's for the languages the
    site does not translate itself; the template is checked against the code where it is made
    (the generator's repository, or a site with its own messages.pot).
    """
    translations = root / "translations"
    pot = template_path(translations)
    problems: list[str] = template_drift(root, pot) if in_tree(pot, root) else []
    catalogs = catalogs_in_use(translations)
    for locale, path in catalogs:
        try:
            problems += [str(p) for p in catalog_problems(load_catalog(path, locale), path)]
        except KyrError as error:
            problems.append(str(error))
    for problem in problems:
        click.echo(problem, err=True)
    if problems:
        fail(f"{len(problems)} problem(s) in the interface catalogs.")
    click.echo(f"{len(catalogs)} catalog(s) OK.")


@main.command("links")
@root_option
def links(root: Path) -> None:
    """List every external web address (pages, their sources, contacts) and where it is used.

    Nothing is fetched. Internal links and anchors are checked by the strict build.
    """
    from kyr.checks.external_links import external_links, report

    try:
        project = load_project(root)
        found = external_links(project.root, project.docs_dir, project.contacts_file)
    except KyrError as error:
        fail(str(error))
    click.echo("\n".join(report(found)))


main.add_command(contacts)
# The translation workflow: kyr status, mark-translated, parity, new-language.
for _command in cli_translation.COMMANDS:
    main.add_command(_command)


if __name__ == "__main__":
    main()
