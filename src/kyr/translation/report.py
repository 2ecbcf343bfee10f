"""`kyr status` output: a readable table, Markdown for pull-request comments, or JSON for tools;
and the unified diff of what changed in English since a translation was made (no MkDocs import).
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from kyr.translation.review import DRAFT
from kyr.translation.status import (
    MISSING,
    OUTDATED,
    PENDING,
    STATES,
    TRANSLATED,
    UNMARKED,
    LanguageStatus,
    PageStatus,
    ProjectStatus,
)

LABELS = {
    TRANSLATED: "translated",
    OUTDATED: "outdated",
    UNMARKED: "not marked",
    MISSING: "missing",
    PENDING: "pending",
}


@dataclass(frozen=True)
class EnglishChanges:
    """What changed in an English page since its translation was made."""

    file: str  # the translation
    english_file: str
    diff: str | None  # unified diff, old English -> current English
    unavailable: str | None = None  # why there is no diff, in plain words
    unmarked: bool = False  # the translation does not record an English version


def english_changes(
    page: PageStatus, old_text: str | None, current_text: str
) -> EnglishChanges | None:
    """The diff for an outdated or unmarked page (None for other states).

    `old_text` is the English file the translation records (`git cat-file -p <hash>`), or None
    when that version is not in the repository.
    """
    if page.state == UNMARKED:
        return EnglishChanges(
            page.file,
            page.english_file,
            None,
            f"{page.file} does not say which English version it translates, so the changes "
            f"cannot be shown. Compare it with {page.english_file}, then run "
            f"`kyr mark-translated {page.file}`.",
            unmarked=True,
        )
    if page.state != OUTDATED:
        return None
    if old_text is None:
        return EnglishChanges(
            page.file,
            page.english_file,
            None,
            f"The English text this translation was made from (blob {page.translation_of}) "
            "is not in this git repository, so the changes cannot be shown. Compare "
            f"{page.file} with {page.english_file} by hand.",
        )
    diff = difflib.unified_diff(
        old_text.splitlines(keepends=True),
        current_text.splitlines(keepends=True),
        fromfile=f"{page.english_file} (translated, {page.translation_of[:12]})",
        tofile=f"{page.english_file} (now, {page.english_hash[:12]})",
    )
    text = "".join(line if line.endswith("\n") else line + "\n" for line in diff)
    return EnglishChanges(page.file, page.english_file, text)


# --- JSON ---


def status_data(status: ProjectStatus, changes: Mapping[str, EnglishChanges] | None = None) -> dict:
    """Everything `kyr status --json` prints; `changes` is keyed by translation file."""
    changes = changes or {}

    def page(item: PageStatus) -> dict:
        found = changes.get(item.file)
        return {
            "page": item.page,
            "file": item.file,
            "english_file": item.english_file,
            "state": item.state,
            "english_hash": item.english_hash,
            "translation_of": item.translation_of,
            "english_changed": item.english_changed.isoformat() if item.english_changed else None,
            "diff": found.diff if found else None,
            "diff_unavailable": found.unavailable if found else None,
            "review": review_data(item),
        }

    def language(lang: LanguageStatus) -> dict:
        catalog = lang.catalog
        return {
            "code": lang.code,
            "name": lang.name,
            "complete": lang.complete,
            "done_percent": lang.done_percent,
            "counts": {state: lang.count(state) for state in STATES} | {"total": len(lang.pages)},
            "pages": [page(item) for item in lang.pages],
            "catalog": catalog.counts() | {"problems": list(catalog.problems)},
            "contacts_untranslated": list(lang.contacts_untranslated),
        }

    return {
        "default_language": status.default,
        "complete": status.complete,
        "template_problems": list(status.template_problems),
        "languages": [language(lang) for lang in status.languages],
    }


def review_data(item: PageStatus) -> dict | None:
    """The page's review state (None when the translation does not exist)."""
    if item.state in (MISSING, PENDING):
        return None
    review = item.review
    date = review.date.isoformat() if review.date else None
    return {"state": review.state, "by": review.by, "date": date, "pr": review.pr}


def review_label(item: PageStatus) -> str:
    """'draft', 'reviewed by Ana Ruiz on 2026-12-01', 'reviewed in PR URL', 'not recorded', or
    '' when there is no translation."""
    data = review_data(item)
    if data is None:
        return ""
    if data["pr"]:
        return f"reviewed in {data['pr']}"
    if data["by"]:
        return f"reviewed by {data['by']} on {data['date']}"
    return data["state"]


def status_json(status: ProjectStatus, changes: Mapping[str, EnglishChanges] | None = None) -> str:
    return json.dumps(status_data(status, changes), ensure_ascii=False, indent=2) + "\n"


# --- Text and Markdown ---


def summary_line(lang: LanguageStatus) -> str:
    counts = ", ".join(
        f"{lang.count(state)} {LABELS[state]}" for state in (OUTDATED, UNMARKED, MISSING, PENDING)
    )
    drafts = sum(1 for page in lang.pages if review_label(page) == DRAFT)
    return (
        f"{lang.name} ({lang.code}): {lang.count(TRANSLATED)} of {len(lang.pages)} pages "
        f"translated and current ({lang.done_percent}%); {counts}; {drafts} draft(s) not yet "
        "checked by a fluent reader"
    )


def catalog_line(lang: LanguageStatus) -> str:
    catalog = lang.catalog
    if not catalog.exists:
        return f"Interface strings ({catalog.file}): the catalog does not exist yet"
    return (
        f"Interface strings ({catalog.file}): {catalog.translated} of {catalog.total} "
        f"translated, {catalog.fuzzy} fuzzy, {catalog.untranslated} untranslated"
    )


def contacts_line(lang: LanguageStatus) -> str:
    untranslated = lang.contacts_untranslated
    if not untranslated:
        return "Contacts: every published contact is written in this language"
    return (
        f"Contacts: {len(untranslated)} published contact(s) not written in this language "
        f"(their cards show the default language): {', '.join(untranslated)}"
    )


def _changed(page: PageStatus) -> str:
    return page.english_changed.isoformat() if page.english_changed else ""


def _fix_hint(status: ProjectStatus) -> list[str]:
    pages = [p for lang in status.languages for p in lang.pages if p.state in (OUTDATED, UNMARKED)]
    if not pages:
        return []
    return [
        "When a translation matches its English page again, record that with:",
        f"  kyr mark-translated {pages[0].file}",
    ]


def status_text(
    status: ProjectStatus,
    changes: Mapping[str, EnglishChanges] | None = None,
) -> str:
    """The readable report: per language a summary, the page table and the catalog counts,
    then what changed in English for each outdated page."""
    out: list[str] = []
    for lang in status.languages:
        out += [summary_line(lang), catalog_line(lang), contacts_line(lang)]
        out += [f"  {problem}" for problem in lang.catalog.problems]
        rows = [("Page", "State", "Review", "English changed", "Translation file")]
        rows += [
            (p.page, LABELS[p.state], review_label(p), _changed(p), p.file) for p in lang.pages
        ]
        out += _table(rows)
        out.append("")
    if status.template_problems:
        out.append("Interface string template (translations/messages.pot):")
        out += [f"  {problem}" for problem in status.template_problems]
        out.append("")
    out += _changes_text(changes or {}, markdown=False)
    out += _fix_hint(status)
    return "\n".join(out).rstrip("\n") + "\n"


def status_markdown(
    status: ProjectStatus,
    changes: Mapping[str, EnglishChanges] | None = None,
    *,
    heading: str = "Translation status",
) -> str:
    """The report as Markdown (for a pull-request comment); translated pages are summarized."""
    out: list[str] = [f"### {heading}", ""]
    for lang in status.languages:
        out += [f"**{summary_line(lang)}**", "", catalog_line(lang), "", contacts_line(lang), ""]
        out += [f"- `{problem}`" for problem in lang.catalog.problems]
        todo = [p for p in lang.pages if p.state != TRANSLATED]
        if todo:
            out += ["| Page | State | English changed | Translation file |", "|---|---|---|---|"]
            out += [
                f"| `{p.page}` | {LABELS[p.state]} | {_changed(p)} | `{p.file}` |" for p in todo
            ]
            out.append("")
        hashes = [p for p in todo if p.state != PENDING]
        if hashes:
            out += [
                "<details><summary>The <code>translation_of</code> line for each page "
                "(paste it into the front matter once the translation matches)</summary>",
                "",
            ]
            out += [f"- `{p.file}`: `translation_of: {p.english_hash}`" for p in hashes]
            out += ["", "</details>", ""]
    if status.template_problems:
        out += ["Interface string template:", ""]
        out += [f"- `{problem}`" for problem in status.template_problems]
        out.append("")
    out += _changes_text(changes or {}, markdown=True)
    return "\n".join(out).rstrip("\n") + "\n"


def _changes_text(changes: Mapping[str, EnglishChanges], *, markdown: bool) -> list[str]:
    out: list[str] = []
    unmarked = sorted(file for file, found in changes.items() if found.unmarked)
    if unmarked:
        out += [
            f"{len(unmarked)} translation(s) do not say which English version they translate "
            "(no translation_of), so what changed cannot be shown. Compare each with its "
            "English page, then mark it.",
            "",
        ]
    for file, found in sorted(changes.items()):
        if found.unmarked:
            continue
        title = f"What changed in {found.english_file} since {file} was translated"
        if markdown:
            out += [f"<details><summary>{title}</summary>", ""]
            if found.diff is not None:
                fence = "`" * max(3, _longest_backtick_run(found.diff) + 1)
                out += [f"{fence}diff", found.diff.rstrip("\n"), fence]
            else:
                out.append(found.unavailable or "")
            out += ["", "</details>", ""]
        else:
            out += [title + ":", found.diff.rstrip("\n") if found.diff else found.unavailable or ""]
            out.append("")
    return out


def _longest_backtick_run(text: str) -> int:
    longest = run = 0
    for char in text:
        run = run + 1 if char == "`" else 0
        longest = max(longest, run)
    return longest


def _table(rows: Iterable[tuple[str, ...]]) -> list[str]:
    rows = list(rows)
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return [
        "  "
        + "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in rows
    ]
