"""The glossary's one Spanish term per legal term, used the same way on every page (no MkDocs).

The glossary page's table (`| English | Español | meaning |`) is the source. For each term of
two or more words (single words are too ambiguous to check by machine), a page whose English
version uses the term must use the glossary's term in its translation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from kyr.front_matter import split_front_matter

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


def inconsistent_terms(
    docs_dir: Path, language: str, default: str = "en"
) -> list[tuple[Path, Term]]:
    """(translated page, term) for each glossary term its English page uses and it does not."""
    glossary = docs_dir / GLOSSARY
    if not glossary.is_file():
        return []
    terms = glossary_terms(glossary)
    found = []
    for translated in sorted(docs_dir.rglob(f"*.{language}.md")):
        english = translated.with_name(translated.name.removesuffix(f".{language}.md") + ".md")
        if not english.is_file() or english.name == GLOSSARY:
            continue
        english_body = split_front_matter(english.read_text("utf-8"), english).body
        translated_body = split_front_matter(translated.read_text("utf-8"), translated).body
        for term in terms:
            if _uses(english_body, term.english) and not _uses(translated_body, term.translation):
                found.append((translated, term))
    return found
