"""Everyday words readers type, per language, and the pages each must find (no MkDocs import).

`data/search-words.yml` maps a language to groups of words people use for the site's topics
("la migra", "redada", "licenciado"), each with the pages it should find:

    es:
      - words: [migra, la migra]
        pages: [rights/in-public.md, rights/at-home.md]

The build adds each group's words to those pages' entry in the language's search index (a
field readers never see), so a search for "la migra" finds the right pages, and only those
pages: a word never points to a topic nobody chose for it. Translators extend the file by pull
request; the tests search every word in a real browser.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from kyr.errors import KyrError, yaml_error
from kyr.pages.text_files import decode_text


@dataclass(frozen=True)
class WordGroup:
    language: str
    words: tuple[str, ...]
    pages: tuple[str, ...]  # neutral source paths, e.g. rights/in-public.md
    line: int


def load_search_words(
    path: Path, languages: list[str], docs_dir: Path, shown: str
) -> list[WordGroup]:
    """The word groups; a missing file means none. A bad entry is an error with its line."""
    if not path.is_file():
        return []
    text = decode_text(path.read_bytes(), shown)
    try:
        data = yaml.safe_load(text) or {}
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        raise yaml_error(shown, error, "this file") from None
    if not isinstance(data, dict) or not isinstance(root, yaml.MappingNode):
        raise KyrError(shown, "must map each language code to a list of word groups", line=1)
    groups = []
    for key, value in root.value:
        language = data_key = key.value
        if language not in languages:
            raise KyrError(
                shown,
                f"'{language}' is not a language of this site ({', '.join(languages)})",
                line=key.start_mark.line + 1,
            )
        entries = data.get(data_key) or []
        if not isinstance(entries, list):
            raise KyrError(
                shown, f"'{language}' must be a list of groups", line=key.start_mark.line + 1
            )
        lines = [item.start_mark.line + 1 for item in getattr(value, "value", [])]
        for entry, line in zip(entries, lines, strict=True):
            groups.append(_group(entry, language, docs_dir, shown, line))
    return groups


def _group(entry: object, language: str, docs_dir: Path, shown: str, line: int) -> WordGroup:
    if not isinstance(entry, dict) or set(entry) != {"words", "pages"}:
        raise KyrError(shown, "each group needs exactly 'words:' and 'pages:' (lists)", line=line)
    words, pages = entry["words"], entry["pages"]
    if (
        not isinstance(words, list)
        or not words
        or not all(isinstance(w, str) and w.strip() for w in words)
    ):
        raise KyrError(shown, "'words' must be a list of words or phrases", line=line)
    if not isinstance(pages, list) or not pages:
        raise KyrError(shown, "'pages' must list the pages these words should find", line=line)
    for page in pages:
        if not isinstance(page, str) or not (docs_dir / page).is_file():
            raise KyrError(
                shown,
                f"'{page}' is not a page in {docs_dir.name}/ (write paths like rights/at-work.md)",
                line=line,
            )
    return WordGroup(language, tuple(w.strip() for w in words), tuple(pages), line)


def words_by_page(groups: list[WordGroup], language: str) -> dict[str, list[str]]:
    """{neutral page path: [words]} for one language, in file order, without repeats."""
    found: dict[str, list[str]] = {}
    for group in groups:
        if group.language != language:
            continue
        for page in group.pages:
            words = found.setdefault(page, [])
            words += [w for w in group.words if w not in words]
    return found
