"""The content check: the real pages pass, and each kind of bad page is named with its line."""

from __future__ import annotations

import textwrap
from datetime import date
from pathlib import Path

import pytest
import yaml

from kyr.checks.content import Rules, check_docs
from kyr.checks.source_policy import RefusedHost
from kyr.project import load_project
from tests.helpers import REPO, copy_project_parts, project_config, run_kyr

GOOD_EN = """\
---
title: At the door
description: What to do at the door.
last_reviewed: 2026-11-27
sources:
  - url: https://example.org/source
    title: A source
    seen: 2026-11-20
---

# At the door

1. Keep the door closed.
2. Stay silent.

See [the other page](other.md).

## Who to call

<!-- kyr:hotline -->
"""
SOURCES_BLOCK = (
    "sources:\n  - url: https://example.org/source\n    title: A source\n    seen: 2026-11-20\n"
)
HARD_ENGLISH = (
    "Notwithstanding jurisdictional considerations, administrative documentation "
    "necessitates comprehensive organizational verification procedures."
)
GOOD_ES = GOOD_EN.replace("At the door", "En la puerta").replace(
    "1. Keep the door closed.\n2. Stay silent.", "1. No abra la puerta.\n2. Guarde silencio."
)


def make_docs(tmp_path: Path, pages: dict[str, str]) -> Path:
    docs = tmp_path / "docs"
    for name, text in {"other.md": GOOD_EN, "other.es.md": GOOD_ES, **pages}.items():
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text(textwrap.dedent(text), encoding="utf-8")
    return docs


def write_config(root: Path, pending: str | None = None) -> None:
    """A project around the pages for `kyr check`, which builds it too: the project's templates,
    catalogs, data and settings, home pages (optionally with one page pending translation)."""
    home = GOOD_EN.replace("At the door", "Home")
    for name, text in {"index.md": home, "index.es.md": GOOD_ES}.items():
        if not (root / "docs" / name).exists():
            (root / "docs" / name).write_text(text, encoding="utf-8")
    copy_project_parts(root, real_docs=False)
    settings = project_config()
    settings.pop("nav", None)
    for plugin in settings["plugins"]:
        if pending and isinstance(plugin, dict) and "kyr" in plugin:
            plugin["kyr"]["pending_translations"] = [pending]
    (root / "mkdocs.yml").write_text(yaml.safe_dump(settings, allow_unicode=True), "utf-8")


def findings_for(tmp_path: Path, pages: dict[str, str], **rules) -> list[str]:
    docs = make_docs(tmp_path, pages)
    findings, _ = check_docs(docs, Rules(languages=["en", "es"], **rules))
    return [str(f).removeprefix(str(docs) + "/") for f in findings]


def test_the_real_pages_pass_the_check():
    project = load_project(REPO)
    rules = Rules(
        languages=list(project.languages),
        pending=set(project.pending_translations),
        partial=set(project.partial_languages),
    )
    findings, scores = check_docs(project.docs_dir, rules)
    assert [str(f) for f in findings] == []
    assert {s.language for s in scores} == set(project.languages)


def test_a_good_pair_passes(tmp_path: Path):
    assert findings_for(tmp_path, {"door.md": GOOD_EN, "door.es.md": GOOD_ES}) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            GOOD_EN.replace("description: What to do at the door.\n", ""),
            "door.md:1: front matter lacks 'description'",
        ),
        (
            GOOD_EN.replace("last_reviewed: 2026-11-27", "last_reviewed: soon"),
            "door.md:4: [last_reviewed] 'last_reviewed' must be a date",
        ),
        (
            GOOD_EN.replace(
                SOURCES_BLOCK,
                "",
            ),
            "door.md:1: cites no source",
        ),
        (
            GOOD_EN.replace("    seen: 2026-11-20\n", ""),
            "door.md:5: [sources] source 1: 'seen' must be a date",
        ),
        (
            GOOD_EN.replace("2. Stay silent.", "2. Call 213-555-0100 now."),
            "door.md:14: a phone number is typed into the page text: '213-555-0100'",
        ),
        (GOOD_EN.replace("2. Stay silent.", "2. Never call 1-866-DHS-2-ICE."), "door.md:14: "),
        (
            GOOD_EN.replace("2. Stay silent.", "2. ![x](https://cdn.example.com/x.png)"),
            "door.md:14: unsafe content: an image from another host",
        ),
        (
            GOOD_EN.replace("2. Stay silent.", '<script src="x.js"></script>'),
            "door.md:14: unsafe content: a <script> element",
        ),
        (
            GOOD_EN.replace("<!-- kyr:hotline -->", "Call someone."),
            "door.md:18: end with a 'Who to call' section",
        ),
        (
            GOOD_EN.replace("title: At the door", "title: [broken"),
            "door.md:2: the front matter is not valid YAML",
        ),
        (
            GOOD_EN.replace(
                "1. Keep the door closed.",
                HARD_ENGLISH,
            ),
            "door.md:1: Flesch-Kincaid grade",
        ),
    ],
)
def test_bad_english_pages_are_named_with_their_line(tmp_path: Path, text: str, expected: str):
    found = findings_for(tmp_path, {"door.md": text, "door.es.md": GOOD_ES})
    assert any(f.startswith(expected) for f in found), found


def test_hard_spanish_fails_its_own_budget(tmp_path: Path):
    hard = GOOD_ES.replace(
        "1. No abra la puerta.",
        "Independientemente de consideraciones jurisdiccionales, la documentación administrativa "
        "requiere procedimientos organizacionales de verificación extraordinariamente exhaustivos.",
    )
    found = findings_for(tmp_path, {"door.md": GOOD_EN, "door.es.md": hard})
    assert any(f.startswith("door.es.md:1: Fernández Huerta") for f in found), found


def test_long_pages_are_reported(tmp_path: Path):
    long = GOOD_EN.replace("2. Stay silent.", "2. Stay silent. " + "Keep calm. " * 400)
    found = findings_for(tmp_path, {"door.md": long, "door.es.md": GOOD_ES})
    assert any("words; keep pages under 650" in f for f in found), found


def test_missing_translation_unless_pending(tmp_path: Path):
    found = findings_for(tmp_path, {"door.md": GOOD_EN})
    assert "door.md:1: has no es version: add door.es.md or list it as pending" in found
    assert findings_for(tmp_path, {"door.md": GOOD_EN}, pending={"door.md"}) == []


def test_kyr_check_exits_non_zero_and_names_the_file(tmp_path: Path):
    make_docs(tmp_path, {"door.md": GOOD_EN.replace("2. Stay silent.", "2. Call (213) 555-0100.")})
    write_config(tmp_path, pending="door.md")
    result = run_kyr(tmp_path, "check", "--root", str(tmp_path))
    assert result.returncode == 1
    assert "door.md:14: a phone number is typed into the page text: '(213) 555-0100'" in (
        result.stderr
    )
    assert "Traceback" not in result.stderr


GLOSSARY_EN = """\
# Glossary

| English | Español | Plain meaning |
|---|---|---|
| judicial warrant | orden judicial | Signed by a judge. |
| bond | fianza | Money. |
"""


def test_glossary_terms_are_used_in_translations(tmp_path: Path):
    english = GOOD_EN.replace("2. Stay silent.", "2. Ask for a judicial warrant.")
    spanish_good = GOOD_ES.replace("2. Guarde silencio.", "2. Pida una orden judicial.")
    spanish_bad = GOOD_ES.replace("2. Guarde silencio.", "2. Pida una orden de un juez.")
    pages = {"glossary.md": GLOSSARY_EN, "glossary.es.md": GLOSSARY_EN, "door.md": english}
    good = findings_for(tmp_path / "a", {**pages, "door.es.md": spanish_good})
    assert [f for f in good if f.startswith("door")] == []
    found = findings_for(tmp_path / "b", {**pages, "door.es.md": spanish_bad})
    assert [f for f in found if f.startswith("door")] == [
        "door.es.md:1: the English page says 'judicial warrant'; use the glossary's term "
        "'orden judicial' (docs/glossary.md, line 5)"
    ]


# --- Sources and review dates that tell the truth ---

REFUSED = (RefusedHost("factually.co", "An AI-written fact-check site."),)


def with_source(page: str, source: str) -> str:
    return page.replace(SOURCES_BLOCK, "sources:\n" + source)


@pytest.mark.parametrize(
    "source, expected",
    [
        (
            "  - url: https://www.factually.co/fact-checks/x\n    title: X\n    seen: 2026-11-20\n",
            "door.md:6: source 1 is on factually.co, not an acceptable source: An AI-written "
            "fact-check site. Cite the original or a primary source (data/source-policy.yml).",
        ),
        (
            "  - url: https://example.org/s\n    title: S\n    published: 2026-12-01\n"
            "    seen: 2026-11-20\n",
            "door.md:6: source 1 'published' (2026-12-01) is after 'seen' (2026-11-20); "
            "check both dates",
        ),
        (
            "  - url: https://example.org/s\n    title: S\n    published: Jan 2026\n"
            "    seen: 2026-11-20\n",
            "door.md:6: source 1 'published' must be the full date the source shows "
            "(like 2026-01-16); leave it out if it shows none",
        ),
        (
            "  - url: https://example.org/s\n    title: S\n    lang: Spanish\n"
            "    seen: 2026-11-20\n",
            "door.md:6: source 1 'lang' must be the language code of its title (like es or en)",
        ),
        (
            "  - url: https://example.org/s\n    title: S\n    seen: 2026-12-24\n",
            "door.md:6: source 1 'seen' is in the future; write the day you read it",
        ),
    ],
)
def test_source_hosts_and_dates(tmp_path: Path, source: str, expected: str):
    page = with_source(GOOD_EN, source)
    found = findings_for(
        tmp_path,
        {"door.md": page, "door.es.md": GOOD_ES},
        refused_hosts=REFUSED,
        today=date(2026, 12, 3),
    )
    assert [f for f in found if f.startswith("door.md")] == [expected]


def test_a_dated_source_passes_and_is_not_refused_for_a_similar_host(tmp_path: Path):
    source = (
        "  - url: https://notfactually.co/x\n    title: S\n    published: 2026-01-16\n"
        "    seen: 2026-11-20\n"
    )
    found = findings_for(
        tmp_path,
        {"door.md": with_source(GOOD_EN, source), "door.es.md": GOOD_ES},
        refused_hosts=REFUSED,
        today=date(2026, 12, 3),
    )
    assert found == []


@pytest.mark.parametrize(
    "today, strict, expected",
    [
        (date(2027, 2, 25), False, []),  # 90 days after 2026-11-27: not yet
        (
            date(2027, 2, 26),
            False,
            ["door.md:4: warning: last reviewed 91 days ago (over 90); review it soon"],
        ),
        (
            date(2027, 6, 1),
            False,
            ["door.md:4: warning: last reviewed 186 days ago (over 90); review it soon"],
        ),
        (
            date(2027, 6, 1),
            True,
            [
                "door.md:4: last reviewed 186 days ago (over 180); check the page against its "
                "sources and current law, then update 'last_reviewed'"
            ],
        ),
    ],
)
def test_review_age_warns_then_fails_when_strict(tmp_path, today, strict, expected):
    found = findings_for(
        tmp_path,
        {"door.md": GOOD_EN, "door.es.md": GOOD_ES},
        pending={"other.md"},
        today=today,
        strict=strict,
    )
    assert [f for f in found if f.startswith("door.md")] == expected


def test_kyr_check_passes_with_warnings_and_strict_fails(tmp_path: Path):
    make_docs(tmp_path, {"door.md": GOOD_EN, "door.es.md": GOOD_ES})
    write_config(tmp_path)
    late = run_kyr(tmp_path, "check", "--root", str(tmp_path), "--today", "2027-06-01")
    assert late.returncode == 0, late.stderr
    assert "warning: last reviewed 186 days ago" in late.stderr
    assert "6 page(s) OK, 6 warning(s)." in late.stdout
    strict = run_kyr(
        tmp_path, "check", "--root", str(tmp_path), "--today", "2027-06-01", "--strict"
    )
    assert strict.returncode == 1
    assert "door.md:4: last reviewed 186 days ago (over 180)" in strict.stderr
    assert "Traceback" not in strict.stderr


def test_refused_hosts_come_from_the_policy_file_for_pages_and_contacts(tmp_path: Path):
    source = "  - url: https://dnyuz.com/2025/x\n    title: X\n    seen: 2026-11-20\n"
    make_docs(tmp_path, {"door.md": with_source(GOOD_EN, source), "door.es.md": GOOD_ES})
    write_config(tmp_path)
    (tmp_path / "data").mkdir(exist_ok=True)
    (tmp_path / "data" / "source-policy.yml").write_text(
        (REPO / "data" / "source-policy.yml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (tmp_path / "data" / "contacts.yml").write_text(
        "- id: line-a\n  name: {en: A, es: A}\n  kind: hotline\n  region: local\n"
        "  phones: [{number: 888-624-4752, label: {en: Call, es: Llame}}]\n"
        "  services: {en: [x], es: [x]}\n"
        "  languages: [es]\n  tags: [emergency]\n  source_url: https://www.factually.co/a\n"
        "  confidence: seen-in-source\n  last_verified: {date: 2026-11-27, method: source}\n"
        "  published: true\n",
        encoding="utf-8",
    )
    result = run_kyr(tmp_path, "check", "--root", str(tmp_path), "--today", "2026-12-03")
    assert result.returncode == 1
    assert "door.md:6: source 1 is on dnyuz.com, not an acceptable source" in result.stderr
    assert "data/contacts.yml:1: line-a: source_url is on factually.co" in result.stderr


def test_broken_source_policy_is_one_clear_error(tmp_path: Path):
    make_docs(tmp_path, {"door.md": GOOD_EN, "door.es.md": GOOD_ES})
    (tmp_path / "mkdocs.yml").write_text("site_name: t\n", encoding="utf-8")
    (tmp_path / "data").mkdir(exist_ok=True)
    (tmp_path / "data" / "source-policy.yml").write_text(
        "not_acceptable:\n  - host: https://factually.co/\n    why: x\n", encoding="utf-8"
    )
    result = run_kyr(tmp_path, "check", "--root", str(tmp_path))
    assert result.returncode == 1
    assert "data/source-policy.yml: entry 1 of not_acceptable needs 'host'" in result.stderr
    assert "Traceback" not in result.stderr


# --- One meaning per word (the glossary's `one_meaning`) ---

GLOSSARY_ES_ONE_MEANING = (
    "---\none_meaning:\n  - word: registr\n    english: regist\n"
    '    means: registration\n    instead: "a search: revisar"\n---\n\n' + GLOSSARY_EN
)
# GOOD_EN's front matter, with sections about two different things.
REGISTRATION_EN = (
    GOOD_EN[: GOOD_EN.index("# At the door")]
    + """\
# Papers

## Searches

Say no to a search.

## Registration

Talk to a lawyer about registration.

## Who to call

<!-- kyr:hotline -->
"""
)


def test_a_word_kept_for_one_meaning_may_not_mean_another(tmp_path: Path):
    spanish = (
        REGISTRATION_EN.replace("Say no to a search.", "No acepte un registro.")
        .replace("Talk to a lawyer about registration.", "Hable con un abogado sobre el registro.")
        .replace("## Who to call", "## A quién llamar")
    )
    pages = {"glossary.md": GLOSSARY_EN, "glossary.es.md": GLOSSARY_ES_ONE_MEANING}
    found = findings_for(
        tmp_path / "a", {**pages, "papers.md": REGISTRATION_EN, "papers.es.md": spanish}
    )
    assert [f for f in found if f.startswith("papers")] == [
        "papers.es.md:15: 'registro' is kept for registration (glossary.es.md, line 3), but the "
        "English section here does not speak of it; use another word (a search: revisar)"
    ]
    fixed = spanish.replace("No acepte un registro.", "No deje que lo revisen.")
    found = findings_for(
        tmp_path / "b", {**pages, "papers.md": REGISTRATION_EN, "papers.es.md": fixed}
    )
    assert [f for f in found if f.startswith("papers")] == []


def test_attribute_lists_are_not_words_a_reader_reads():
    from kyr.checks.readability import readable_text

    box = (
        '!!! say "Diga en inglés"\n    "I am silent."\n    { lang="en" }\n\n'
        "    Callo.\n    { .kyr-meaning }\n"
    )
    text = readable_text(box)
    assert "lang" not in text and "kyr-meaning" not in text
    assert "I am silent." in text and "Callo." in text


@pytest.mark.parametrize(
    "text, expected",
    [
        ("fr:\n  - words: [x]\n    pages: [door.md]\n", "data/search-words.yml:1: 'fr' is not"),
        (
            "es:\n  - words: [migra]\n    pages: [nowhere.md]\n",
            "data/search-words.yml:2: 'nowhere.md'",
        ),
        ("es:\n  - words: []\n    pages: [door.md]\n", "data/search-words.yml:2: 'words' must"),
        ("es:\n  - words: [a\n", "data/search-words.yml:2:"),
    ],
)
def test_bad_search_words_are_one_clear_error(tmp_path: Path, text: str, expected: str):
    make_docs(tmp_path, {"door.md": GOOD_EN, "door.es.md": GOOD_ES})
    write_config(tmp_path)
    (tmp_path / "data").mkdir(exist_ok=True)
    (tmp_path / "data" / "search-words.yml").write_text(text, encoding="utf-8")
    result = run_kyr(tmp_path, "check", "--root", str(tmp_path))
    assert result.returncode == 1
    assert expected in result.stderr, result.stderr
    assert "Traceback" not in result.stderr


def test_kyr_check_names_a_marker_for_an_unpublished_contact_as_the_build_would(tmp_path: Path):
    held = GOOD_EN.replace("<!-- kyr:hotline -->", "<!-- kyr:contacts id=aclu-socal -->")
    make_docs(tmp_path, {"door.md": held, "door.es.md": GOOD_ES})
    write_config(tmp_path, pending="door.md")
    (tmp_path / "data").mkdir(exist_ok=True)
    (tmp_path / "data" / "contacts.yml").write_text(
        (REPO / "data" / "contacts.yml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    result = run_kyr(tmp_path, "check", "--root", str(tmp_path))
    assert result.returncode == 1
    assert "door.md:20: <!-- kyr:contacts id=aclu-socal -->: the contact 'aclu-socal' is not " in (
        result.stderr
    )
