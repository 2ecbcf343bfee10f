"""`kyr status`, `kyr mark-translated`, `kyr parity` and `kyr new-language`: the translation
workflow for volunteer contributors (see CONTRIBUTING.md). Registered on `kyr` in kyr.cli.main.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import click

from kyr.checks.parity import check_parity
from kyr.cli.options import fail, root_option
from kyr.compat import coupling
from kyr.contacts.load import check_contacts_file, published, text_language
from kyr.encounter.phrases import load_phrases
from kyr.errors import KyrError
from kyr.languages import neutral_source, source_language
from kyr.output.search_index import search_language
from kyr.project import Project, load_project
from kyr.translation import git as git_info
from kyr.translation.catalogs import (
    GENERATOR_LOCALE,
    in_tree,
    po_path,
    shown_catalog,
    template_drift,
    template_path,
)
from kyr.translation.marks import git_blob_hash, read_translation_of, set_translation_of
from kyr.translation.new_language import add_language, parse_code
from kyr.translation.report import (
    EnglishChanges,
    english_changes,
    status_json,
    status_markdown,
    status_text,
)
from kyr.translation.status import (
    OUTDATED,
    UNMARKED,
    ProjectStatus,
    collect_status,
    english_pages,
    languages_touched,
    with_contacts,
)


def _project(root: Path) -> Project:
    try:
        return load_project(root)
    except KyrError as error:
        fail(str(error))


def _shown_docs(project: Project) -> str:
    return project.shown(project.docs_dir)


def _changes(project: Project, status: ProjectStatus) -> dict[str, EnglishChanges]:
    """What changed in English for every outdated or unmarked translation (old text from git)."""
    found: dict[str, EnglishChanges] = {}
    for lang in status.languages:
        for page in lang.pages:
            if page.state not in (OUTDATED, UNMARKED):
                continue
            old = None
            if page.translation_of:
                old = git_info.blob_text(project.root, page.translation_of)
            current = (project.docs_dir / page.page).read_text(encoding="utf-8")
            changes = english_changes(page, old, current)
            if changes is not None:
                found[page.file] = changes
    return found


def _page_filter(project: Project, page: str) -> tuple[str, str | None]:
    """`--diff PAGE` -> (English page relative to docs_dir, language or None for all)."""
    given = Path(page)
    candidates = [given, project.root / given, project.docs_dir / given]
    docs = project.docs_dir.resolve()
    for candidate in candidates:
        try:
            relative = candidate.resolve().relative_to(docs).as_posix()
        except ValueError:
            continue
        if (docs / relative).is_file() or (
            docs / neutral_source(relative, project.languages)
        ).is_file():
            language = source_language(relative, project.languages, project.default_language)
            code = None if language == project.default_language else language
            return neutral_source(relative, project.languages), code
    fail(f"{page}: no such page in {_shown_docs(project)}/.")


@click.command("status")
@root_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON for tools.")
@click.option("--markdown", is_flag=True, help="Print Markdown (for a pull-request comment).")
@click.option("--strict", is_flag=True, help="Exit 1 when anything is missing or outdated.")
@click.option(
    "--lang", "langs", multiple=True, metavar="CODE", help="Only this language (repeatable)."
)
@click.option(
    "--changed-since",
    metavar="REF",
    help="Only the languages whose files changed since REF, e.g. origin/main (an English page "
    "counts for every language). Needs git history.",
)
@click.option(
    "--diff",
    "diff_page",
    metavar="PAGE",
    help="Only print what changed in English since PAGE (docs/x.es.md, or docs/x.md for every "
    "language) was translated.",
)
def status(
    root: Path,
    as_json: bool,
    markdown: bool,
    strict: bool,
    langs: tuple[str, ...],
    changed_since: str | None,
    diff_page: str | None,
) -> None:
    """Each language's pages (translated, outdated, missing) and interface strings."""
    project = _project(root)
    unknown = sorted(set(langs) - set(project.languages))
    if unknown:
        fail(
            f"Unknown language(s): {', '.join(unknown)} "
            f"(the site has {', '.join(project.languages)})."
        )
    only: set[str] | None = set(langs) if langs else None
    if changed_since:
        changed = git_info.changed_files(project.root, changed_since)
        if changed is None:
            fail(
                f"Could not list the files changed since {changed_since}: is git installed and "
                "the history fetched (actions/checkout with fetch-depth: 0)?"
            )
        touched = languages_touched(
            changed,
            docs=_shown_docs(project),
            translations=(
                project.shown(project.translations_dir),
                project.shown(GENERATOR_LOCALE),
            ),
            codes=list(project.languages),
            default=project.default_language,
        )
        only = touched if only is None else only & touched
    diff_filter = _page_filter(project, diff_page) if diff_page else None
    if diff_filter and diff_filter[1]:
        only = {diff_filter[1]}
    result = collect_status(
        project.root,
        project.docs_dir,
        project.languages.names,
        project.default_language,
        pending=set(project.pending_translations),
        partial=set(project.partial_languages),
        translations_dir=project.translations_dir,
        only=only,
        changed_on=lambda path: git_info.last_commit_date(project.root, path),
    )
    pot = template_path(project.translations_dir)
    # The template is checked where it is made: in the generator's repository (or a site's own).
    if diff_filter is None and in_tree(pot, project.root):
        try:
            result = replace(result, template_problems=tuple(template_drift(project.root, pot)))
        except (OSError, ValueError) as error:
            result = replace(result, template_problems=(f"could not check the template: {error}",))
    if project.contacts_file.is_file():
        contacts = published(
            check_contacts_file(project.contacts_file, languages=project.languages.codes)[0]
        )
        result = with_contacts(
            result,
            lambda code: [c.id for c in contacts if text_language(c, code) != code],
        )
    changes = _changes(project, result)
    if diff_filter is not None:
        _print_diffs(result, changes, diff_filter[0])
        return
    if as_json:
        click.echo(status_json(result, changes), nl=False)
    elif markdown:
        if not result.languages:  # nothing on stdout: no comment to post
            click.echo("No language to report on.", err=True)
        else:
            click.echo(status_markdown(result, changes), nl=False)
    else:
        if not result.languages:
            click.echo("No language to report on.")
        click.echo(status_text(result, changes), nl=False)
    if strict and not result.complete:
        sys.exit(1)


def _print_diffs(result: ProjectStatus, changes: dict[str, EnglishChanges], page: str) -> None:
    for lang in result.languages:
        for item in lang.pages:
            if item.page != page:
                continue
            found = changes.get(item.file)
            if found is None:
                click.echo(f"{item.file}: {item.state}; nothing to compare.")
            elif found.diff is not None:
                click.echo(found.diff, nl=False)
            else:
                click.echo(found.unavailable)


@click.command("mark-translated")
@root_option
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
def mark_translated(root: Path, files: tuple[Path, ...]) -> None:
    """Record that each translation FILE matches its English page as it is now.

    Sets `translation_of:` in the front matter to the English file's git blob hash; nothing
    else in the file changes. Run it after bringing a translation up to date.
    """
    project = _project(root)
    docs = project.docs_dir.resolve()
    shown_docs = _shown_docs(project)
    marked: list[str] = []
    for file in files:
        path = file if file.is_file() or file.is_absolute() else project.root / file
        try:
            relative = path.resolve().relative_to(docs).as_posix()
        except ValueError:
            fail(f"{file}: not a page in {shown_docs}/.")
        if not path.is_file():
            fail(f"{file}: no such file.")
        language = source_language(relative, project.languages, project.default_language)
        if language == project.default_language:
            fail(
                f"{file}: this is the English page. Mark its translations instead, e.g. "
                f"{shown_docs}/{relative.removesuffix('.md')}.{_first_other(project)}.md."
            )
        english = docs / neutral_source(relative, project.languages)
        if not english.is_file():
            fail(f"{file}: its English page {shown_docs}/{english.relative_to(docs)} is missing.")
        blob = git_blob_hash(english.read_bytes())
        text = path.read_bytes().decode("utf-8")
        before = read_translation_of(text)
        new_text = set_translation_of(text, blob)
        shown = f"{shown_docs}/{relative}"
        if new_text != text:
            path.write_bytes(new_text.encode("utf-8"))
        state = "already current" if before == blob else "marked"
        click.echo(f"{shown}: {state} (translation_of: {blob})")
        marked.append(shown)
    report = check_parity(
        project.docs_dir, list(project.languages), project.default_language, shown_docs=shown_docs
    )
    mine = [f for f in report.findings if any(_concerns(f.path, m, project) for m in marked)]
    if mine:
        click.secho(
            "Check these differences from the English page (kyr parity):", fg="yellow", err=True
        )
        for finding in mine:
            click.echo(f"  {finding}", err=True)


def _concerns(path: str, marked: str, project: Project) -> bool:
    return path == marked or path == neutral_source(marked, project.languages)


def _first_other(project: Project) -> str:
    return next((code for code in project.languages if code != project.default_language), "es")


@click.command("parity")
@root_option
@click.option(
    "--all",
    "include_outdated",
    is_flag=True,
    help="Also compare outdated translations (they are expected to differ).",
)
def parity(root: Path, include_outdated: bool) -> None:
    """Compare each page with its translations: headings, links, anchors, contact markers,
    phone numbers and web addresses must match; and no meaning in data/phrases.yml may add a
    number its English words do not have."""
    project = _project(root)
    try:  # the words to say are translated in one file, not in pages: its own rule
        load_phrases(
            project.phrases_file, list(project.languages), project.shown(project.phrases_file)
        )
    except KyrError as error:
        fail(str(error))
    report = check_parity(
        project.docs_dir,
        list(project.languages),
        project.default_language,
        shown_docs=_shown_docs(project),
        include_outdated=include_outdated,
    )
    for finding in report.findings:
        click.echo(str(finding), err=True)
    if report.skipped_outdated:
        click.echo(
            f"Not compared: {len(report.skipped_outdated)} outdated translation(s) (their "
            "English page changed since; see `kyr status`, or use --all)."
        )
    if report.findings:
        fail(f"{len(report.findings)} difference(s) between pages and their translations.")
    click.echo(f"{report.compared} translation(s) match their English page.")


@click.command("new-language")
@root_option
@click.argument("code")
@click.option("--name", help="The language's name in itself (default: from Babel, e.g. Français).")
def new_language(root: Path, code: str, name: str | None) -> None:
    """Add the language CODE (e.g. fr) to mkdocs.yml and create its interface catalog.

    Every page then builds under /CODE/ as the English page with the "not translated yet"
    notice, until its translation is added.
    """
    project = _project(root)
    try:
        parse_code(code)
    except KyrError as error:
        fail(str(error))
    theme_language = coupling.material_language(code)
    if theme_language is None:
        click.secho(
            f"Material for MkDocs has no interface strings for '{code}'; its menus stay in "
            "English (theme.language: en).",
            fg="yellow",
            err=True,
        )
        theme_language = "en"
    try:
        added = add_language(
            project.root,
            code,
            name=name,
            site_name=project.site_name,
            nav_labels=list(project.nav_labels),
            translations_dir=project.translations_dir,
            theme_language=theme_language,
        )
    except KyrError as error:
        fail(str(error))
    catalog = shown_catalog(added.catalog, project.root)
    # An example page the site has: its home page, as a newcomer's site may have no other.
    languages = list(project.languages)
    pages = english_pages(project.docs_dir, languages, project.default_language)
    page = "index" if "index.md" in pages or not pages else pages[0].removesuffix(".md")
    own = po_path(project.translations_dir, code)
    docs = _shown_docs(project)
    phrases = project.shown(project.phrases_file)
    lunr = search_language(code, coupling.search_languages([str(coupling.material_templates())]))
    search = f"lunr's {lunr} module" if lunr != "en" else "whole words (lunr has no module for it)"
    rtl = parse_code(code).character_order == "right-to-left"
    direction = "right to left" if rtl else "left to right"
    click.echo(
        (
            f"Added {added.name} ({code}) to mkdocs.yml and created {catalog}.\n"
            if added.created
            else f"Added {added.name} ({code}) to mkdocs.yml; its interface strings come "
            f"translated with the generator ({catalog}).\n"
        )
        + "\nNext steps:\n"
        f"  1. In mkdocs.yml, translate the {code} entry's site_name and nav_translations "
        "(they start in English).\n"
        + (
            f"  2. Translate the interface strings in {catalog} (msgstr lines).\n"
            if added.created
            else f"  2. To change an interface string, copy {catalog} to "
            f"{project.shown(own)} and edit it there.\n"
        )
        + f"  3. Translate pages: {docs}/{page}.md -> {docs}/{page}.{code}.md, add\n"
        "     `review: draft` to its front matter until a fluent reader has checked it, then run\n"
        f"     kyr mark-translated {docs}/{page}.{code}.md\n"
        f"  4. In {phrases}, add a `{code}:` meaning under each phrase (what the English words\n"
        "     to say mean), the card's one-line meaning and the message to family.\n"
        "  5. Follow progress with `kyr status`; the site's translation status page shows it too.\n"
        f"Set up for you: pages {direction}, search in {search},\n"
        "and the language's name in its own script in the language menu.\n"
        "\nUntil a first page is translated, the build does not fail on the untranslated "
        f"catalog, and every page shows in English under /{code}/ with a notice. `kyr check` "
        f"lists each page without a {code} version: translate it or add it to the kyr "
        "plugin's pending_translations."
    )


COMMANDS = (status, mark_translated, parity, new_language)
