"""How complete and how current each language is: pages and interface strings (no MkDocs import).

Each English page is, in every other language:

- translated: the translation exists and records the English version it translates
  (`translation_of`, see kyr.translation.marks), which is the English file as it is now;
- outdated: it records an older English version (the English page changed since);
- unmarked: it exists but does not record which English version it translates;
- missing: there is no translation;
- pending: there is no translation, and the page is listed in the kyr plugin's
  `pending_translations`, or the language in its `partial_languages` (missing, but allowed).

Interface strings are counted per plural form: a message with three plural forms counts three.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from babel.messages.catalog import Catalog

from kyr.errors import KyrError, shown_path
from kyr.languages import source_language
from kyr.pages.front_matter import split_front_matter
from kyr.translation.catalogs import (
    catalog_path,
    catalog_problems,
    in_tree,
    load_catalog,
    shown_catalog,
)
from kyr.translation.marks import git_blob_hash, normalize_hash, read_translation_of
from kyr.translation.review import NOT_RECORDED, Review, review_of, review_problem

TRANSLATED, OUTDATED, UNMARKED, MISSING, PENDING = (
    "translated",
    "outdated",
    "unmarked",
    "missing",
    "pending",
)
STATES = (TRANSLATED, OUTDATED, UNMARKED, MISSING, PENDING)
# States that `kyr status --strict` fails on (pending pages are allowed to be missing).
NOT_DONE = (OUTDATED, UNMARKED, MISSING)


def page_state(recorded: object, english_hash: str) -> str:
    """translated, outdated or unmarked: the state of an existing translation."""
    recorded_hash = normalize_hash(recorded)
    if recorded_hash is None:
        return UNMARKED
    return TRANSLATED if recorded_hash == english_hash else OUTDATED


def translation_name(neutral: str, code: str) -> str:
    """`rights/at-home.md` -> `rights/at-home.es.md`."""
    return f"{neutral.removesuffix('.md')}.{code}.md"


@dataclass(frozen=True)
class PageStatus:
    page: str  # the English page, relative to docs_dir: "rights/at-home.md"
    file: str  # the translation, as a maintainer sees it: "docs/rights/at-home.es.md"
    english_file: str  # "docs/rights/at-home.md"
    state: str
    english_hash: str
    translation_of: str | None = None
    english_changed: dt.date | None = None  # outdated pages only; None without git
    review: Review = Review(NOT_RECORDED)  # whether a fluent reader checked it (`review:`)


@dataclass(frozen=True)
class CatalogStatus:
    file: str
    exists: bool
    in_project: bool = True  # False: the installed generator's, not editable in the site
    translated: int = 0
    fuzzy: int = 0
    untranslated: int = 0
    problems: tuple[str, ...] = ()

    @property
    def total(self) -> int:
        return self.translated + self.fuzzy + self.untranslated

    def counts(self) -> dict:
        """File and string counts, as the JSON report and the status page show them."""
        return {
            "file": self.file,
            "exists": self.exists,
            "translated": self.translated,
            "fuzzy": self.fuzzy,
            "untranslated": self.untranslated,
            "total": self.total,
        }


@dataclass(frozen=True)
class LanguageStatus:
    code: str
    name: str
    pages: tuple[PageStatus, ...]
    catalog: CatalogStatus
    # Published contacts not written in this language: their cards show the default language.
    contacts_untranslated: tuple[str, ...] = ()

    def count(self, state: str) -> int:
        return sum(1 for page in self.pages if page.state == state)

    @property
    def done_percent(self) -> int:
        """The share of pages translated and current, rounded down (100 only when all are)."""
        if not self.pages:
            return 100
        return self.count(TRANSLATED) * 100 // len(self.pages)

    @property
    def complete(self) -> bool:
        """Nothing missing, outdated, unmarked, untranslated or fuzzy (pending is allowed)."""
        catalog = self.catalog
        return (
            not any(page.state in NOT_DONE for page in self.pages)
            and catalog.exists
            and not catalog.fuzzy
            and not catalog.untranslated
            and not catalog.problems
            and not self.contacts_untranslated
        )


@dataclass(frozen=True)
class ProjectStatus:
    default: str
    languages: tuple[LanguageStatus, ...]
    template_problems: tuple[str, ...] = ()

    @property
    def complete(self) -> bool:
        return all(lang.complete for lang in self.languages) and not self.template_problems


def catalog_counts(catalog: Catalog) -> tuple[int, int, int]:
    """(translated, fuzzy, untranslated), counting every plural form the language has."""
    translated = fuzzy = untranslated = 0
    for message in catalog:
        if not message.id:
            continue  # the header entry
        strings = message.string if isinstance(message.string, tuple | list) else (message.string,)
        forms = catalog.num_plurals if message.pluralizable else 1
        padded = list(strings)[:forms] + [""] * (forms - len(strings))
        for string in padded:
            if not string:
                untranslated += 1
            elif message.fuzzy:
                fuzzy += 1
            else:
                translated += 1
    return translated, fuzzy, untranslated


def catalog_status(translations_dir: Path, code: str, root: Path) -> CatalogStatus:
    """Counts and problems (as `kyr i18n-check` reports them) of the catalog a language uses."""
    path = catalog_path(translations_dir, code)
    shown, own = shown_catalog(path, root), in_tree(path, root)
    if not path.is_file():
        return CatalogStatus(
            shown, False, own, problems=(f"{shown}: missing; run `make i18n-update` to create it.",)
        )
    try:
        catalog = load_catalog(path, code)
    except KyrError as error:
        return CatalogStatus(shown, True, own, problems=(str(error),))
    translated, fuzzy, untranslated = catalog_counts(catalog)
    problems = tuple(str(problem) for problem in catalog_problems(catalog, Path(shown)))
    return CatalogStatus(shown, True, own, translated, fuzzy, untranslated, problems)


def english_pages(docs_dir: Path, codes: Iterable[str], default: str) -> list[str]:
    """Every page written in the default language, relative to docs_dir, sorted."""
    codes = list(codes)
    return sorted(
        src
        for path in docs_dir.rglob("*.md")
        if source_language(src := path.relative_to(docs_dir).as_posix(), codes, default) == default
    )


def collect_status(
    root: Path,
    docs_dir: Path,
    languages: Mapping[str, str],
    default: str,
    *,
    pending: Collection[str] = (),
    partial: Collection[str] = (),
    translations_dir: Path | None = None,
    only: Collection[str] | None = None,
    changed_on: Callable[[Path], dt.date | None] | None = None,
) -> ProjectStatus:
    """The status of every language but the default (or of the languages in `only`).

    `languages` maps code -> name; `changed_on(english_path)` gives the date an English page last
    changed (from git), asked only for outdated pages.
    """
    translations_dir = translations_dir or root / "translations"
    shown_docs = shown_path(docs_dir, root)
    pages = english_pages(docs_dir, languages, default)
    hashes = {page: git_blob_hash((docs_dir / page).read_bytes()) for page in pages}
    dates: dict[str, dt.date | None] = {}
    result = []
    for code, name in languages.items():
        if code == default or (only is not None and code not in only):
            continue
        statuses = []
        for page in pages:
            target = translation_name(page, code)
            path = docs_dir / target
            english_hash = hashes[page]
            common = {
                "page": page,
                "file": f"{shown_docs}/{target}",
                "english_file": f"{shown_docs}/{page}",
                "english_hash": english_hash,
            }
            if not path.is_file():
                state = PENDING if page in pending or code in partial else MISSING
                statuses.append(PageStatus(state=state, **common))
                continue
            text = path.read_text(encoding="utf-8")
            recorded = read_translation_of(text)
            state = page_state(recorded, english_hash)
            changed = None
            if state == OUTDATED and changed_on is not None:
                if page not in dates:
                    dates[page] = changed_on(docs_dir / page)
                changed = dates[page]
            statuses.append(
                PageStatus(
                    state=state,
                    translation_of=recorded,
                    english_changed=changed,
                    review=_review(text, path),
                    **common,
                )
            )
        catalog = catalog_status(translations_dir, code, root)
        result.append(LanguageStatus(code, name, tuple(statuses), catalog))
    return ProjectStatus(default, tuple(result))


def _review(text: str, path: Path) -> Review:
    """The page's review state; a page whose front matter or `review` is broken counts as not
    recorded here (the build and `kyr check` name the problem)."""
    if "review:" not in text:
        return Review(NOT_RECORDED)
    try:
        meta = split_front_matter(text, path).meta
    except KyrError:
        return Review(NOT_RECORDED)
    if "review" in meta and review_problem(meta["review"]) is not None:
        return Review(NOT_RECORDED)
    return review_of(meta)


def languages_touched(
    paths: Iterable[str],
    *,
    docs: str,
    translations: Collection[str],
    codes: Collection[str],
    default: str,
) -> set[str]:
    """The languages a change concerns, from the repository paths it changes.

    `translations` are the folders catalogs are in (the site's, the generator's). A translated
    page or catalog concerns its language; an English page or the template
    (messages.pot) concerns every other language, since their translations may now be outdated.
    """
    others = {code for code in codes if code != default}
    touched: set[str] = set()
    for path in paths:
        if path.startswith(docs + "/") and path.endswith(".md"):
            language = source_language(path[len(docs) + 1 :], codes, default)
            touched |= others if language == default else {language}
        elif folder := next((f for f in translations if path.startswith(f + "/")), None):
            part = path[len(folder) + 1 :].split("/")[0]
            touched |= {part} & others if part != "messages.pot" else others
    return touched


def with_contacts(
    status: ProjectStatus, untranslated: Callable[[str], Iterable[str]]
) -> ProjectStatus:
    """`status` with each language's contacts not written in it (`untranslated(code)` gives
    their ids), which `kyr status` lists beside the pages and the catalog."""
    languages = tuple(
        replace(lang, contacts_untranslated=tuple(untranslated(lang.code)))
        for lang in status.languages
    )
    return replace(status, languages=languages)
