"""Review status that readers see: a translation marked `review: draft` says so on the page, in
its language and in English, with the hotline's languages; `kyr status` and the status page show
each page's review; a bad `review` value fails the build with its line."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from kyr.translation.review import DRAFT, NOT_RECORDED, REVIEWED, Review, review_of, review_problem
from tests.helpers import FIXTURES, build_site, run_kyr

MINI = FIXTURES / "mini" / "docs"


def mini_docs(review: str | None) -> dict[str, str]:
    docs = {p.relative_to(MINI).as_posix(): p.read_text("utf-8") for p in MINI.rglob("*.md")}
    if review is not None:
        docs["about.es.md"] = docs["about.es.md"].replace("---\n", f"---\nreview: {review}\n", 1)
    return docs


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("draft", Review(DRAFT)),
        (
            {"by": "Ana Ruiz", "date": dt.date(2026, 12, 1)},
            Review(REVIEWED, "Ana Ruiz", dt.date(2026, 12, 1)),
        ),
        (
            {"pr": "https://github.com/o/r/pull/12"},
            Review(REVIEWED, pr="https://github.com/o/r/pull/12"),
        ),
    ],
)
def test_the_three_forms(value, expected):
    assert review_problem(value) is None
    assert review_of({"review": value}) == expected
    assert review_of({}) == Review(NOT_RECORDED)


@pytest.mark.parametrize(
    "value",
    [
        "reviewed",
        {"by": "Ana"},
        {"by": "", "date": dt.date(2026, 1, 1)},
        {"pr": "github.com/x"},
        {"who": "x"},
    ],
)
def test_other_values_are_refused(value):
    assert review_problem(value) is not None


def test_a_draft_says_so_in_its_language_and_in_english(tmp_path: Path):
    build = build_site(tmp_path / "draft", mini_docs(DRAFT))
    assert build.returncode == 0, build.output
    notice = build.html("es/about/").select_one(".kyr-draft")
    assert notice is not None
    text = notice.get_text(" ", strip=True)
    assert "todavía no ha revisado esta traducción" in text
    english = notice.select_one('p[lang="en"]')
    assert english and "has not been checked by a fluent reader" in english.get_text()
    # Its own direction: English stays in order inside a right-to-left page.
    assert english["dir"] == "auto"
    # The hotline's languages, from the contacts file, named in Spanish.
    assert "La línea de ayuda atiende en: español e inglés" in text
    assert notice.select_one('a[hreflang="en"]')["href"].endswith("about/")
    # Not on the English page, nor on a Spanish page without the mark.
    assert build.html("about/").select_one(".kyr-draft") is None
    assert build.html("es/").select_one(".kyr-draft") is None


def test_a_checked_translation_shows_no_notice(tmp_path: Path):
    build = build_site(tmp_path / "checked", mini_docs("{by: Ana Ruiz, date: 2026-12-01}"))
    assert build.returncode == 0, build.output
    assert build.html("es/about/").select_one(".kyr-draft") is None


def test_a_bad_review_fails_the_build_with_its_line(tmp_path: Path):
    build = build_site(tmp_path / "bad", mini_docs("reviewed"))
    assert build.returncode != 0
    assert "docs/about.es.md:2: [review] 'review' must be 'draft'" in build.output, build.output


def test_kyr_status_shows_each_pages_review(tmp_path: Path):
    root = tmp_path / "status"
    build = build_site(root, mini_docs(DRAFT))
    assert build.returncode == 0
    shutil.rmtree(build.site)
    result = run_kyr(root, "status")
    assert "1 draft(s) not yet checked by a fluent reader" in result.stdout
    row = next(line for line in result.stdout.splitlines() if "about.es.md" in line)
    assert " draft " in row
    row = next(line for line in result.stdout.splitlines() if "index.es.md" in line)
    assert "not recorded" in row
