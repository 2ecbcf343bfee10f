"""Structural parity between an English page and its translation (no MkDocs import).

A translation must keep what a reader relies on, whatever the words:

- the same headings (number and levels), so sections line up;
- the same link targets: other pages (`warrants.md`, in either language's name) and anchors,
  compared by the heading they point to, since a translated heading gets a translated id;
- the same contact markers, in the same order (every card and hotline shows in both);
- the same phone numbers typed in the text (there should be none) and the same external URLs.

Each difference names the file and line that has the extra item. Only the page body is compared:
sources in the front matter may differ (a Spanish page may cite a Spanish source).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from markdown.extensions.toc import slugify

from kyr.checks.content import Finding
from kyr.errors import KyrError
from kyr.languages import neutral_source, source_language
from kyr.pages.fenced_code import FENCE, fenced_code_lines
from kyr.pages.front_matter import split_front_matter
from kyr.pages.markers import MarkerError, find_markers
from kyr.pages.phones_in_text import find_phone_numbers
from kyr.pages.text_files import read_page
from kyr.translation.marks import git_blob_hash, read_translation_of

HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
EXPLICIT_ID = re.compile(r"\{[^}]*#([\w-]+)[^}]*\}\s*$")
INLINE_LINK = re.compile(r"!?\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]+)>?(?:\s+[\"'(][^)]*)?\)")
REFERENCE_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)")
HTML_LINK = re.compile(r"\b(?:href|src)\s*=\s*[\"']([^\"']+)[\"']", re.I)
AUTOLINK = re.compile(r"<((?:https?|mailto|tel|sms):[^>\s]+)>", re.I)
BARE_URL = re.compile(r"(?<![(<\"'=\w])(https?://[^\s<>()\"'\]]+)", re.I)
COMMENT = re.compile(r"<!--.*?-->", re.S)
CODE_SPAN = re.compile(r"(`+).+?\1")
SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)


@dataclass(frozen=True)
class Heading:
    level: int
    line: int
    text: str
    anchor: str


@dataclass(frozen=True)
class PageParts:
    """What parity compares in one page; every item carries its line in the file."""

    path: str
    headings: list[Heading]
    links: list[tuple[str, int]]  # (raw target, line)
    markers: list[tuple[str, int]]  # (marker as written, normalized; line)
    phones: list[tuple[str, int]]  # (digits, line)


def _body_lines(text: str, path: str) -> tuple[list[str], int]:
    page = split_front_matter(text, path)
    return page.body.split("\n"), page.body_line


def read_parts(text: str, path: str) -> PageParts:
    """Headings, link targets, contact markers and phone numbers of a page's body."""
    lines, first = _body_lines(text, path)
    headings: list[Heading] = []
    links: list[tuple[str, int]] = []
    phones: list[tuple[str, int]] = []
    body = "\n".join(lines)
    # Code spans first (`<!--` in code starts no comment), then comments, which may span lines;
    # both are blanked out, keeping the line count.
    no_code = "\n".join(line if FENCE.match(line) else CODE_SPAN.sub(" ", line) for line in lines)
    without_comments = COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), no_code).split("\n")
    in_code = fenced_code_lines(without_comments)
    for offset, line in enumerate(without_comments):
        number = first + offset
        if in_code[offset]:
            continue
        visible = line
        heading = HEADING.match(visible)
        if heading:
            title = heading.group(2)
            explicit = EXPLICIT_ID.search(title)
            title = EXPLICIT_ID.sub("", title).strip()
            anchor = explicit.group(1) if explicit else slugify(title, "-")
            headings.append(Heading(len(heading.group(1)), number, title, anchor))
        for pattern in (INLINE_LINK, REFERENCE_DEF, HTML_LINK, AUTOLINK):
            links += [(match.group(1), number) for match in pattern.finditer(visible)]
        stripped = INLINE_LINK.sub(" ", HTML_LINK.sub(" ", AUTOLINK.sub(" ", visible)))
        links += [
            (match.group(1).rstrip(".,;:!?"), number) for match in BARE_URL.finditer(stripped)
        ]
        phones += [(_phone_key(found.text), number) for found in find_phone_numbers(visible)]
    try:
        markers = [(m.text, first + m.line - 1) for m in find_markers(body)]
    except MarkerError as error:
        raise KyrError(path, error.message, line=first + error.line - 1) from None
    markers = [(" ".join(text.split()), line) for text, line in markers]
    return PageParts(path, headings, links, markers, phones)


def _resolve(
    target: str,
    page: str,
    codes: Collection[str],
    anchors_of: dict[str, list[str]],
) -> str:
    """A comparable form of a link target: external URLs as they are; other pages by their
    neutral name; anchors by the number of the heading they point to when it can be found."""
    if SCHEME.match(target):
        return target
    path_part, _, fragment = target.partition("#")
    if path_part:
        linked = PurePosixPath(page).parent / path_part
        parts: list[str] = []
        for part in linked.parts:
            if part == "..":
                if parts:
                    parts.pop()
            elif part != ".":
                parts.append(part)
        neutral = neutral_source("/".join(parts), codes)
    else:
        neutral = neutral_source(page, codes)
    if not fragment:
        return neutral if path_part else "#"
    anchors = anchors_of.get(neutral)
    if anchors and fragment in anchors:
        fragment = f"heading {anchors.index(fragment) + 1}"
    return f"{neutral}#{fragment}" if path_part else f"#{fragment}"


def compare_pages(
    english: PageParts,
    translation: PageParts,
    *,
    page: str,
    codes: Collection[str],
    english_anchors: dict[str, list[str]],
    translated_anchors: dict[str, list[str]],
) -> list[Finding]:
    """Every difference between an English page and its translation.

    `page` is the English page's path relative to docs_dir; `*_anchors` map a neutral page
    path to its heading ids in that language (for anchors in links).
    """
    findings: list[Finding] = []
    en_levels = [h.level for h in english.headings]
    tr_levels = [h.level for h in translation.headings]
    if en_levels != tr_levels:
        index = next(
            (i for i, (a, b) in enumerate(zip(en_levels, tr_levels, strict=False)) if a != b),
            min(len(en_levels), len(tr_levels)),
        )
        findings.append(_heading_difference(english, translation, index))

    def targets(parts: PageParts, anchors: dict[str, list[str]]) -> dict[str, int]:
        found: dict[str, int] = {}
        for target, line in parts.links:
            found.setdefault(_resolve(target, page, codes, anchors), line)
        return found

    en_links = targets(english, english_anchors)
    tr_links = targets(translation, translated_anchors)
    for target in en_links.keys() - tr_links.keys():
        findings.append(
            Finding(
                english.path,
                en_links[target],
                f"links to '{target}', but the translation {translation.path} does not",
            )
        )
    for target in tr_links.keys() - en_links.keys():
        findings.append(
            Finding(
                translation.path,
                tr_links[target],
                f"links to '{target}', but the English page {english.path} does not",
            )
        )
    marker_findings = _compare_counted(english, translation, "markers", "contact marker")
    findings += marker_findings
    if not marker_findings:
        en_order = [text for text, _ in english.markers]
        tr_order = [text for text, _ in translation.markers]
        if en_order != tr_order:
            index = next(
                i for i, (a, b) in enumerate(zip(en_order, tr_order, strict=True)) if a != b
            )
            findings.append(
                Finding(
                    translation.path,
                    translation.markers[index][1],
                    f"contact markers are in another order than in {english.path} "
                    f"(line {english.markers[index][1]} there has {en_order[index]})",
                )
            )
    findings += _compare_counted(english, translation, "phones", "phone number")
    return sorted(findings, key=lambda f: (f.path, f.line, f.message))


def _heading_difference(english: PageParts, translation: PageParts, index: int) -> Finding:
    """The first heading that differs, named in both files."""

    def describe(parts: PageParts) -> str:
        if index >= len(parts.headings):
            return f"{parts.path} has no heading {index + 1}"
        heading = parts.headings[index]
        return f"{parts.path}:{heading.line} has {'#' * heading.level} {heading.text}"

    if translation.headings:
        line = translation.headings[min(index, len(translation.headings) - 1)].line
    else:
        line = 1
    return Finding(
        translation.path,
        line,
        f"headings differ from the English page ({len(translation.headings)} here, "
        f"{len(english.headings)} there): at heading {index + 1}, {describe(translation)} but "
        f"{describe(english)}",
    )


def _phone_key(text: str) -> str:
    """A typed number in a comparable form: digits and letters, without the country code."""
    key = re.sub(r"[^0-9A-Z]", "", text.upper())
    return key[1:] if len(key) == 11 and key.startswith("1") else key


def _compare_counted(
    english: PageParts, translation: PageParts, field: str, kind: str
) -> list[Finding]:
    """Items that must appear as many times in both pages (markers, phone numbers)."""
    en_items: list[tuple[str, int]] = getattr(english, field)
    tr_items: list[tuple[str, int]] = getattr(translation, field)
    en_count = Counter(item for item, _ in en_items)
    tr_count = Counter(item for item, _ in tr_items)
    findings = []
    for mine, theirs, parts, other in (
        (en_count, tr_count, english, translation),
        (tr_count, en_count, translation, english),
    ):
        for item, extra in (mine - theirs).items():
            lines = [line for value, line in getattr(parts, field) if value == item]
            findings.append(
                Finding(
                    parts.path,
                    lines[-extra] if extra <= len(lines) else lines[0],
                    f"has the {kind} {item} {mine[item]} time(s), {other.path} "
                    f"{theirs[item]} time(s)",
                )
            )
    return findings


@dataclass(frozen=True)
class ParityReport:
    findings: list[Finding]
    compared: int
    skipped_outdated: list[str]  # translations not compared: English changed since


def check_parity(
    docs_dir: Path,
    codes: Collection[str],
    default: str,
    *,
    shown_docs: str | None = None,
    include_outdated: bool = False,
) -> ParityReport:
    """Compare every English page with each of its translations.

    A translation that records an older English version (`translation_of`) is expected to
    differ, so it is skipped unless `include_outdated`; `kyr status` lists it instead.
    """
    shown_docs = shown_docs or docs_dir.as_posix()
    files = sorted(p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*.md"))
    parts: dict[str, PageParts] = {}
    problems: list[Finding] = []
    for src in files:
        try:
            shown = f"{shown_docs}/{src}"
            parts[src] = read_parts(read_page(docs_dir / src, shown), shown)
        except KyrError as error:  # the page's own problem, in the words the build uses
            problems.append(Finding.from_error(error))
    anchors: dict[str, dict[str, list[str]]] = {}
    for src, found in parts.items():
        language = source_language(src, codes, default)
        anchors.setdefault(language, {})[neutral_source(src, codes)] = [
            h.anchor for h in found.headings
        ]
    compared = 0
    skipped: list[str] = []
    for src in files:
        language = source_language(src, codes, default)
        if language == default:
            continue
        neutral = neutral_source(src, codes)
        if src not in parts or neutral not in parts:
            continue
        if not include_outdated:
            recorded = read_translation_of((docs_dir / src).read_text(encoding="utf-8"))
            english_hash = git_blob_hash((docs_dir / neutral).read_bytes())
            if recorded is not None and recorded != english_hash:
                skipped.append(f"{shown_docs}/{src}")
                continue
        compared += 1
        # Links to untranslated pages resolve to the English headings in the translation too.
        translated_anchors = {**anchors.get(default, {}), **anchors.get(language, {})}
        problems += compare_pages(
            parts[neutral],
            parts[src],
            page=neutral,
            codes=codes,
            english_anchors=anchors.get(default, {}),
            translated_anchors=translated_anchors,
        )
    return ParityReport(problems, compared, skipped)
