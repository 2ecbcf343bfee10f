"""How hard a page is to read: its words, without markup, scored per language (no MkDocs import).

English is scored with the Flesch-Kincaid grade, Spanish with Fernández Huerta's reading ease
(textstat). Other languages have no formula here: their measure is the average sentence length,
in words, or in characters for Chinese and Japanese, which are written without spaces (their
page length is counted in characters too). `kyr check` compares the scores with the budgets in
kyr.checks.content.Rules.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

with warnings.catch_warnings():
    # textstat 0.7.4 imports setuptools' deprecated pkg_resources (pinned below 81 for it); its
    # warning would open every `kyr` command's output.
    warnings.filterwarnings("ignore", message="pkg_resources is deprecated", category=UserWarning)
    import textstat

from kyr.pages.front_matter import split_front_matter
from kyr.pages.text_files import read_page

# Sentence ends: Latin, CJK, Armenian (։) and Arabic-script (؟) punctuation, and blank lines
# (headings and list items end without a full stop).
SENTENCE_END = re.compile(r"[.!?\u3002\uff01\uff1f\u0589\u061f\u2026]+|\n")
CHARACTER_LANGUAGES = ("zh", "ja")
WORDS_PER_SENTENCE = "words per sentence"
CHARACTERS_PER_SENTENCE = "characters per sentence"
MARKDOWN_LINK = re.compile(r"(?<!!)\[[^\]]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")


@dataclass(frozen=True)
class Readability:
    path: str
    language: str
    words: int  # the page's length: words, or characters for CHARACTER_LANGUAGES
    measure: str
    score: float

    @property
    def unit(self) -> str:
        return "characters" if self.measure == CHARACTERS_PER_SENTENCE else "words"


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


def by_characters(language: str) -> bool:
    return language.split("-")[0] in CHARACTER_LANGUAGES


def length(text: str, language: str) -> int:
    """Words, or characters (not spaces) in a language written without spaces."""
    return len(re.sub(r"\s", "", text)) if by_characters(language) else len(text.split())


def measure(text: str, language: str) -> tuple[str, float]:
    """(measure name, score). English: Flesch-Kincaid grade; Spanish: Fernández Huerta; any
    other language: average sentence length."""
    if language in ("en", "es"):
        textstat.set_lang(language)
        if language == "es":
            return "Fernández Huerta", round(textstat.fernandez_huerta(text), 1)
        return "Flesch-Kincaid grade", round(textstat.flesch_kincaid_grade(text), 1)
    sentences = [s for s in SENTENCE_END.split(text) if s.strip()]
    average = sum(length(s, language) for s in sentences) / max(len(sentences), 1)
    name = CHARACTERS_PER_SENTENCE if by_characters(language) else WORDS_PER_SENTENCE
    return name, round(average, 1)


def readability_of(path: Path, language: str) -> Readability:
    """A page's word count and readability score in its language's measure."""
    page = split_front_matter(read_page(path, str(path)), path)
    text = readable_text(page.body)
    name, score = measure(text, language)
    return Readability(str(path), language, length(text, language), name, score)


def summarize(scores: Iterable[Readability]) -> list[str]:
    return [f"{s.path}: {s.words} {s.unit}, {s.measure} {s.score}" for s in scores]
