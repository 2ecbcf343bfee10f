"""Split the merged search index into one index per language (no MkDocs import).

mkdocs-static-i18n merges every language into `/search/search_index.json`, so a Spanish reader
gets English results. Each language gets its own index under its own root, with its own stemmer,
the accent-folding step (`FOLD`: kyr/theme/assets/javascripts/lunr/min/lunr.fold.min.js), and
the everyday words of data/search-words.yml in a field readers never see (`WORDS_FIELD`).
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Mapping
from pathlib import Path

from kyr.languages import Language

FOLD = "fold"  # a pseudo-language for Material's worker: loads lunr.fold.min.js
WORDS_FIELD = "words"
WORDS_BOOST = 100.0  # between the text (1) and the title (1000)


def search_language(code: str, available: Collection[str]) -> str:
    """The lunr language a site language is indexed in: its own module where Material has one
    (zh-Hant uses zh's), otherwise English's pipeline, which with the fold step's word
    characters indexes whole words of any script (Persian, Tagalog)."""
    for candidate in (code, code.split("-")[0]):
        if candidate in available:
            return candidate
    return "en"


def split_by_language(
    index: dict,
    languages: Iterable[Language],
    written_in: Mapping[str, set[str]],
    search_languages: Mapping[str, str] | None = None,
) -> dict[str, dict]:
    """Return {code: index} where each index holds that language's documents only, with
    locations relative to the language root (where that language's pages point their search).

    `written_in` maps a page's neutral URL to the languages it is written in: untranslated
    copies shown under another language are left out of that language's index.
    """
    languages = list(languages)
    prefixed = [lang for lang in languages if lang.prefix]
    default = next(lang for lang in languages if lang.default)
    docs: dict[str, list[dict]] = {lang.code: [] for lang in languages}
    for doc in index.get("docs", []):
        location = doc.get("location", "")
        owner = next((lang for lang in prefixed if location.startswith(lang.prefix)), default)
        relative = location[len(owner.prefix) :]
        if owner.code in written_in.get(relative.split("#")[0], {owner.code}):
            docs[owner.code].append({**doc, "location": relative})
    config = index.get("config", {})
    fields = {**config.get("fields", {}), WORDS_FIELD: {"boost": WORDS_BOOST}}
    lunr = search_languages or {}
    return {
        code: {
            **index,
            "config": {**config, "lang": [lunr.get(code, code), FOLD], "fields": fields},
            "docs": items,
        }
        for code, items in docs.items()
    }


def add_words(index: dict, words: Mapping[str, list[str]]) -> dict:
    """Each page's everyday words (by page URL, e.g. 'rights/at-work/') on its main entry."""
    docs = []
    for doc in index["docs"]:
        found = words.get(doc.get("location", ""))
        docs.append({**doc, WORDS_FIELD: " ".join(found)} if found else doc)
    return {**index, "docs": docs}


def write_split_index(
    site_dir: Path,
    languages: Iterable[Language],
    written_in: Mapping[str, set[str]],
    *,
    words: Mapping[str, Mapping[str, list[str]]] | None = None,
    search_languages: Mapping[str, str] | None = None,
    as_script: bool = False,
) -> list[Path]:
    """Rewrite the merged index in `site_dir` as one index per language; returns files written.

    With `as_script`, each index is also written as `search_index.js`, which Material loads
    instead of the JSON when the site is opened from files (the offline download).
    """
    merged_path = site_dir / "search" / "search_index.json"
    if not merged_path.is_file():
        return []
    merged = json.loads(merged_path.read_text(encoding="utf-8"))
    written = []
    by_code = {lang.code: lang for lang in languages}
    split = split_by_language(merged, by_code.values(), written_in, search_languages)
    for code, index in split.items():
        index = add_words(index, (words or {}).get(code, {}))
        target = site_dir / by_code[code].prefix / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
        target.write_text(text, "utf-8")
        written.append(target)
        if as_script:
            script = target.with_suffix(".js")
            script.write_text(f"var __index = {text};\n", "utf-8")
            written.append(script)
    return written
