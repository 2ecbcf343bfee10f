"""The content check for guidance pages (no MkDocs import): run by `kyr check` and the tests.

Each finding names the file and line, and says what to do.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from kyr.checks.glossary import GLOSSARY, colliding_words, inconsistent_terms
from kyr.checks.page import page_problems
from kyr.checks.readability import (
    CHARACTERS_PER_SENTENCE,
    WORDS_PER_SENTENCE,
    Readability,
    readability_of,
)
from kyr.checks.source_policy import RefusedHost, refused_host
from kyr.checks.typed_phones import typed_phone_problem
from kyr.errors import KyrError
from kyr.languages import neutral_source, source_language
from kyr.pages.front_matter import split_front_matter
from kyr.pages.markers import MarkerError, find_markers
from kyr.pages.text_files import read_page

REQUIRED_FIELDS = ("title", "description", "last_reviewed")
SOURCE_FIELDS = ("url", "title", "seen")
LANGUAGE_TAG = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")


@dataclass(frozen=True)
class Finding:
    path: str
    line: int | None
    message: str
    warning: bool = False  # shown, but `kyr check` still passes

    @classmethod
    def from_error(cls, error: KyrError) -> Finding:
        """A rule the build shares: the finding reads exactly as the build's message."""
        where = f"{error.path}:" if error.line is None else f"{error.path}:{error.line}:"
        return cls(error.path, error.line, str(error).removeprefix(where).lstrip())

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {'warning: ' if self.warning else ''}{self.message}"


@dataclass
class Rules:
    """What every page must meet. Budgets are per language (see docs/contributing notes)."""

    languages: list[str]
    default: str = "en"
    pending: set[str] = field(default_factory=set)  # neutral paths allowed without translation
    partial: set[str] = field(default_factory=set)  # languages allowed to lack any page
    max_words: int = 650
    max_grade_en: float = 8.0  # Flesch-Kincaid grade level
    min_huerta_es: float = 65.0  # Fernández Huerta reading ease
    # Languages without a formula: average sentence length, and page length in characters
    # where words are not spaced (about two characters a word in Chinese).
    max_sentence_words: float = 20.0
    max_sentence_characters: float = 40.0
    max_characters: int = 1300
    refused_hosts: tuple[RefusedHost, ...] = ()  # data/source-policy.yml
    today: dt.date | None = None  # for the age of a review; None: not checked
    review_warn_days: int = 90  # a review older than this is a warning
    review_fail_days: int = 180  # ... and older than this fails with `kyr check --strict`
    strict: bool = False
    contacts_file: str = "data/contacts.yml"  # named by the typed-phone rule
    templates: frozenset[str] | None = None  # the theme's templates; None: not checked


def within_budget(result: Readability, rules: Rules) -> bool:
    if result.measure == WORDS_PER_SENTENCE:
        return result.score <= rules.max_sentence_words
    if result.measure == CHARACTERS_PER_SENTENCE:
        return result.score <= rules.max_sentence_characters
    if result.language == "es":
        return result.score >= rules.min_huerta_es
    return result.score <= rules.max_grade_en


def length_budget(result: Readability, rules: Rules) -> int:
    return rules.max_characters if result.unit == "characters" else rules.max_words


def _is_date(value: object) -> bool:
    return isinstance(value, dt.date)


def _review_age(shown: str, line: int, reviewed: dt.date, rules: Rules) -> list[Finding]:
    """A page not reviewed for a season warns; after half a year `--strict` fails."""
    assert rules.today is not None
    age = (rules.today - reviewed).days
    if age > rules.review_fail_days and rules.strict:
        return [
            Finding(
                shown,
                line,
                f"last reviewed {age} days ago (over {rules.review_fail_days}); check the page "
                "against its sources and current law, then update 'last_reviewed'",
            )
        ]
    if age > rules.review_warn_days:
        return [
            Finding(
                shown,
                line,
                f"last reviewed {age} days ago (over {rules.review_warn_days}); review it soon",
                warning=True,
            )
        ]
    return []


def _source_problems(
    shown: str, line: int, number: int, source: dict, rules: Rules
) -> list[Finding]:
    """One source's dates and host: `seen` is the day someone read it, `published` the source's
    own date (optional), and the host is not on the refused list."""
    problems = []
    if rules.today is not None and source["seen"] > rules.today:
        problems.append(
            Finding(
                shown, line, f"source {number} 'seen' is in the future; write the day you read it"
            )
        )
    published = source.get("published")
    if published is not None and not _is_date(published):
        problems.append(
            Finding(
                shown,
                line,
                f"source {number} 'published' must be the full date the source shows "
                "(like 2026-01-16); leave it out if it shows none",
            )
        )
    elif published is not None and published > source["seen"]:
        problems.append(
            Finding(
                shown,
                line,
                f"source {number} 'published' ({published}) is after 'seen' ({source['seen']}); "
                "check both dates",
            )
        )
    if "lang" in source and not LANGUAGE_TAG.match(str(source["lang"])):
        problems.append(
            Finding(
                shown,
                line,
                f"source {number} 'lang' must be the language code of its title (like es or en)",
            )
        )
    refused = refused_host(str(source["url"]), rules.refused_hosts)
    if refused is not None:
        problems.append(
            Finding(
                shown,
                line,
                f"source {number} is on {refused.host}, not an acceptable source: {refused.why} "
                "Cite the original or a primary source (data/source-policy.yml).",
            )
        )
    return problems


def check_page(path: Path, rules: Rules) -> list[Finding]:
    """Every problem in one page: the build's rules (kyr.checks.page, typed phones, markers),
    each listed, then what only `kyr check` asks (fields, sources, review age, Who to call).
    Broken front matter stops the rest of the page's checks."""
    shown = str(path)
    try:
        text = read_page(path, shown)
        page = split_front_matter(text, path)
    except KyrError as error:
        return [Finding.from_error(error)]
    findings = [Finding.from_error(error) for error in page_problems(text, shown, rules.templates)]
    typed = typed_phone_problem(text, shown, rules.contacts_file)
    if typed is not None:
        findings.append(Finding.from_error(typed))
    try:
        markers = find_markers(text)
    except MarkerError as error:
        findings.append(Finding.from_error(KyrError(shown, error.message, line=error.line)))
        markers = []
    meta = page.meta

    def at_text(needle: str, *, key: bool = False) -> int | None:
        """The front matter line holding `needle` (a source's url), or starting with it (a key)."""
        for number, line in enumerate(text.splitlines()[: page.body_line], start=1):
            if line.startswith(needle) if key else needle in line:
                return number
        return None

    def at(key: str) -> int:
        """The line of a front matter key, so the finding points where to edit."""
        return at_text(f"{key}:", key=True) or 1

    for key in REQUIRED_FIELDS:
        if not meta.get(key):
            findings.append(Finding(shown, 1, f"front matter lacks '{key}'; add it"))
    if _is_date(meta.get("last_reviewed")) and rules.today is not None:
        findings += _review_age(shown, at("last_reviewed"), meta["last_reviewed"], rules)
    body_lines = page.body.splitlines()
    sources = meta.get("sources")
    # The contacts directory cites each contact's own source on its card instead.
    if not any(marker.kind == "directory" for marker in markers):
        if not sources:
            findings.append(
                Finding(shown, at("sources") if sources else 1, "cites no source; add 'sources:'")
            )
        for number, source in enumerate(sources if isinstance(sources, list) else [], start=1):
            if (
                isinstance(source, dict)
                and str(source.get("url", "")).startswith("http")
                and _is_date(source.get("seen"))
            ):
                line = at_text(f"url: {source['url']}") or at("sources")
                findings += _source_problems(shown, line, number, source, rules)

    last_heading = max(
        (i for i, line in enumerate(body_lines) if line.startswith("## ")), default=None
    )
    heading_line = page.body_line + (last_heading or 0)
    if last_heading is None or not any(marker.line > heading_line for marker in markers):
        findings.append(
            Finding(
                shown, heading_line, "end with a 'Who to call' section holding a contacts marker"
            )
        )
    return findings


def pages_in(docs_dir: Path) -> list[str]:
    return sorted(p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*.md"))


def check_docs(docs_dir: Path, rules: Rules) -> tuple[list[Finding], list[Readability]]:
    """Check every page in `docs_dir`; returns the findings and each page's readability."""
    findings: list[Finding] = []
    scores: list[Readability] = []
    pages = pages_in(docs_dir)
    by_neutral: dict[str, set[str]] = {}
    for relative in pages:
        by_neutral.setdefault(neutral_source(relative, rules.languages), set()).add(
            source_language(relative, rules.languages, rules.default)
        )
    for relative in pages:
        path = docs_dir / relative
        try:
            split_front_matter(read_page(path, str(path)), path)
        except KyrError as error:  # not text, too large, or no front matter: nothing else
            findings.append(Finding.from_error(error))
            continue
        findings += check_page(path, rules)
        try:
            language = source_language(relative, rules.languages, rules.default)
            result = readability_of(path, language)
        except KyrError:  # front matter that is not a mapping: already reported above
            continue
        scores.append(result)
        limit = length_budget(result, rules)
        if result.words > limit:
            findings.append(
                Finding(str(path), 1, f"{result.words} {result.unit}; keep pages under {limit}")
            )
        if not within_budget(result, rules):
            findings.append(
                Finding(
                    str(path),
                    1,
                    f"{result.measure} {result.score} is over the readability budget; "
                    "use shorter sentences and words",
                )
            )
    for language in rules.languages:
        if language == rules.default:
            continue
        for page, term in inconsistent_terms(docs_dir, language, rules.default):
            findings.append(
                Finding(
                    str(page),
                    1,
                    f"the English page says '{term.english}'; use the glossary's term "
                    f"'{term.translation}' (docs/{GLOSSARY}, line {term.line})",
                )
            )
        try:
            collisions = colliding_words(docs_dir, language, rules.default)
        except KyrError as error:
            findings.append(Finding(str(error.path), error.line or 1, error.message))
            collisions = []
        for collision in collisions:
            rule = collision.rule
            findings.append(
                Finding(
                    str(collision.path),
                    collision.line,
                    f"'{collision.found}' is kept for {rule.means} ({collision.glossary.name}, "
                    f"line {rule.line}), but the English section here does not speak of it; "
                    f"use another word ({rule.instead})",
                )
            )
    for neutral, written in sorted(by_neutral.items()):
        for language in rules.languages:
            if language in written or neutral in rules.pending or language in rules.partial:
                continue
            stem = neutral[: -len(".md")]
            missing = neutral if language == rules.default else f"{stem}.{language}.md"
            have = sorted(written)[0]
            source = neutral if have == rules.default else f"{stem}.{have}.md"
            findings.append(
                Finding(
                    str(docs_dir / source),
                    1,
                    f"has no {language} version: add {missing} or list it as pending",
                )
            )
    return findings, scores
