"""How hard a page is to read: its words, without markup, scored per language (no MkDocs import).

English is scored with the Flesch-Kincaid grade, Spanish with Fernández Huerta's reading ease
(textstat). `kyr check` compares the scores with the budgets in kyr.checks.content.Rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import textstat

from kyr.pages.front_matter import split_front_matter
from kyr.pages.text_files import read_page

MARKDOWN_LINK = re.compile(r"(?<!!)\[[^\]]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")


@dataclass(frozen=True)
class Readability:
    path: str
    language: str
    words: int
    measure: str
    score: float


def readable_text(body: str) -> str:
    """The words a reader reads: no markers, markup, link targets, tables rules or code."""
    text = re.sub(r"<!--.*?-->", " ", body, flags=re.S)
    text = re.sub(r"```.*?```", " ", text, flags=re.S)
    text = re.sub(r"`[^`]*`", " ", text)
    text = re.sub(r"!!!\s*\w+(\s+\"[^\"]*\")?", " ", text)
    text = re.sub(r"^\s*\{:?[^}\n]*\}\s*$", " ", text, flags=re.M)  # attribute lists { lang="en" }
    text = MARKDOWN_LINK.sub(lambda m: m.group(0)[1 : m.group(0).index("](")], text)
    text = re.sub(r"^\s*(#+|[-*+]|\d+\.|\|?[-:| ]+\|?$)\s*", "", text, flags=re.M)
    text = re.sub(r"[*_|>]", " ", text)
    return text


def measure(text: str, language: str) -> tuple[str, float]:
    """(measure name, score). English: Flesch-Kincaid grade; Spanish: Fernández Huerta."""
    textstat.set_lang(language)
    if language == "es":
        return "Fernández Huerta", round(textstat.fernandez_huerta(text), 1)
    return "Flesch-Kincaid grade", round(textstat.flesch_kincaid_grade(text), 1)


def readability_of(path: Path, language: str) -> Readability:
    """A page's word count and readability score in its language's measure."""
    page = split_front_matter(read_page(path, str(path)), path)
    text = readable_text(page.body)
    name, score = measure(text, language)
    return Readability(str(path), language, len(text.split()), name, score)


def summarize(scores: Iterable[Readability]) -> list[str]:
    return [f"{s.path}: {s.words} words, {s.measure} {s.score}" for s in scores]
