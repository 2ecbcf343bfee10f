"""The glossary's one Spanish term per legal term, used the same way on every page (no MkDocs).

The glossary page's table (`| English | Español | meaning |`) is the source. For each term of
two or more words (single words are too ambiguous to check by machine), a page whose English
version uses the term must use the glossary's term in its translation. And a word the translated
glossary keeps for one concept (`one_meaning`) may not stand for another (see below).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from kyr.errors import KyrError
from kyr.pages.front_matter import PageSource, split_front_matter
from kyr.pages.text_files import read_page

GLOSSARY = "glossary.md"
ROW = re.compile(r"^\|\s*([^|]+?)\s*\|\s*([^|]+?)\s*\|[^|]*\|\s*$", re.M)


@dataclass(frozen=True)
class Term:
    english: str
    translation: str
    line: int


def _plain(term: str) -> str:
    """'deportation (removal)' -> 'deportation': the words a page would use."""
    return re.sub(r"\s*\(.*?\)", "", term).strip()


def glossary_terms(path: Path) -> list[Term]:
    text = path.read_text(encoding="utf-8")
    terms = []
    for match in ROW.finditer(text):
        english, translation = _plain(match.group(1)), _plain(match.group(2))
        if english.lower() == "english" or set(english) <= set("-: "):
            continue  # the header and its rule
        if len(re.split(r"[\s-]+", english)) >= 2:
            terms.append(Term(english, translation, text.count("\n", 0, match.start()) + 1))
    return terms


def _uses(text: str, term: str) -> bool:
    return re.search(r"(?<!\w)" + re.escape(term.lower()) + r"(?!\w)", text.lower()) is not None


def _translated_glossary(docs_dir: Path, language: str) -> Path:
    """docs/glossary.es.md for language 'es'."""
    return docs_dir / GLOSSARY.replace(".md", f".{language}.md")


def _pages_and_twins(
    docs_dir: Path, language: str
) -> Iterator[tuple[Path, PageSource, PageSource]]:
    """(translated file, its page, its English page) for every translation but the glossary's."""
    for translated in sorted(docs_dir.rglob(f"*.{language}.md")):
        english = translated.with_name(translated.name.removesuffix(f".{language}.md") + ".md")
        if not english.is_file() or english.name == GLOSSARY:
            continue
        try:
            page = split_front_matter(read_page(translated, str(translated)), translated)
            english_page = split_front_matter(read_page(english, str(english)), english)
        except KyrError:  # unreadable or broken: the page checks report it
            continue
        yield translated, page, english_page


def inconsistent_terms(
    docs_dir: Path, language: str, default: str = "en"
) -> list[tuple[Path, Term]]:
    """(translated page, term) for each glossary term its English page uses and it does not."""
    glossary = docs_dir / GLOSSARY
    if not glossary.is_file():
        return []
    terms = glossary_terms(glossary)
    found = []
    for translated, page, english_page in _pages_and_twins(docs_dir, language):
        for term in terms:
            if _uses(english_page.body, term.english) and not _uses(page.body, term.translation):
                found.append((translated, term))
    return found


# --- One meaning per word ---
#
# A translated glossary may keep a word for one concept only, in its front matter:
#
#     one_meaning:
#       - word: registr          # the start of the words: registro, registrarse, ...
#         english: regist        # the start of the English words for that concept
#         means: registration (Form G-325R)
#         instead: "a search: revisar, revisión; car papers: los papeles del carro"
#
# Then a section of a translated page that uses such a word must be a section whose English
# twin speaks of that concept; anywhere else the word means something else, and a reader can
# confuse the two (a search is not a registration).


@dataclass(frozen=True)
class OneMeaning:
    word: str
    english: str
    means: str
    instead: str
    line: int  # of the glossary's front matter


@dataclass(frozen=True)
class Collision:
    path: Path
    line: int  # in the translated page
    found: str  # the word as written
    rule: OneMeaning
    glossary: Path


def one_meaning_rules(glossary: Path) -> list[OneMeaning]:
    """The `one_meaning` rules of a translated glossary (none if it has no such key)."""
    text = glossary.read_text(encoding="utf-8")
    meta = split_front_matter(text, glossary).meta
    rules = []
    for entry in meta.get("one_meaning") or []:
        if not isinstance(entry, dict) or not all(
            isinstance(entry.get(key), str) and entry[key].strip()
            for key in ("word", "english", "means", "instead")
        ):
            raise KyrError(
                glossary,
                "each one_meaning entry needs word, english, means and instead (text)",
                line=_key_line(text, "one_meaning"),
            )
        rules.append(
            OneMeaning(
                entry["word"].lower(),
                entry["english"].lower(),
                entry["means"],
                entry["instead"],
                _key_line(text, f"word: {entry['word']}"),
            )
        )
    return rules


def _key_line(text: str, needle: str) -> int:
    for number, line in enumerate(text.splitlines(), start=1):
        if needle in line:
            return number
    return 1


def _sections(body: str, body_line: int) -> list[list[tuple[int, str]]]:
    """The body cut at each `## ` heading: lists of (file line, text)."""
    sections: list[list[tuple[int, str]]] = [[]]
    for offset, line in enumerate(body.splitlines()):
        if line.startswith("## "):
            sections.append([])
        sections[-1].append((body_line + offset, line))
    return sections


def _starts_word(stem: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)" + re.escape(stem) + r"\w*", re.I)


def colliding_words(docs_dir: Path, language: str, default: str = "en") -> list[Collision]:
    """Each line of a `language` page that uses a one-meaning word where its English section
    does not speak of that concept. Sections are matched by position (parity keeps the
    headings in step); if the counts differ, the whole English page is used."""
    glossary = _translated_glossary(docs_dir, language)
    if not glossary.is_file():
        return []
    rules = one_meaning_rules(glossary)
    found = []
    for translated, page, english_page in _pages_and_twins(docs_dir, language):
        ours = _sections(page.body, page.body_line)
        theirs = [" ".join(t for _, t in s) for s in _sections(english_page.body, 1)]
        for index, section in enumerate(ours):
            twin = theirs[index] if len(theirs) == len(ours) else " ".join(theirs)
            for rule in rules:
                if _starts_word(rule.english).search(twin):
                    continue
                for line, text in section:
                    match = _starts_word(rule.word).search(text)
                    if match:
                        found.append(Collision(translated, line, match.group(0), rule, glossary))
    return found


def kept_in_english(docs_dir: Path, language: str) -> tuple[str, ...]:
    """The words a translation keeps in English (its glossary's `kept_in_english` list)."""
    glossary = _translated_glossary(docs_dir, language)
    if not glossary.is_file():
        return ()
    text = glossary.read_text(encoding="utf-8")
    terms = split_front_matter(text, glossary).meta.get("kept_in_english") or []
    if not isinstance(terms, list) or not all(isinstance(t, str) and t.strip() for t in terms):
        raise KyrError(
            glossary,
            "kept_in_english must be a list of words or phrases",
            line=_key_line(text, "kept_in_english"),
        )
    return tuple(terms)
