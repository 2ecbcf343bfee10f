"""The translation workflow's logic: blob hashes, marks, page states, catalog counts, diffs from
git, parity, `kyr status` output and exit codes, and adding a language to mkdocs.yml."""

from __future__ import annotations

import difflib
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from babel.messages.plurals import get_plural
from babel.messages.pofile import read_po
from click.testing import CliRunner

from kyr.checks.parity import check_parity
from kyr.cli.main import main
from kyr.errors import KyrError
from kyr.translation.catalogs import GENERATOR_LOCALE
from kyr.translation.marks import (
    git_blob_hash,
    normalize_hash,
    read_translation_of,
    set_translation_of,
)
from kyr.translation.new_language import init_catalog, insert_language, language_entry, parse_code
from kyr.translation.report import english_changes
from kyr.translation.status import (
    MISSING,
    OUTDATED,
    PENDING,
    TRANSLATED,
    UNMARKED,
    catalog_status,
    collect_status,
    languages_touched,
    page_state,
)
from tests.helpers import REPO, git_identity

GIT = shutil.which("git")
needs_git = pytest.mark.skipif(GIT is None, reason="git is not installed")

EN = """\
---
title: At the door
description: What to do.
---

# At the door

1. Keep the door closed.
2. Read the [warrants](warrants.md) page.

## Who to call

<!-- kyr:hotline -->
"""
ES = """\
---
title: En la puerta
description: Qué hacer.
---

# En la puerta

1. No abra la puerta.
2. Lea la página de [órdenes](warrants.md).

## A quién llamar

<!-- kyr:hotline -->
"""
PO_HEADER = """msgid ""
msgstr ""
"Language: es\\n"
"Plural-Forms: nplurals=3; plural=(n == 1 ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2);\\n"
"Content-Type: text/plain; charset=utf-8\\n"

"""
MKDOCS_YML = """\
site_name: Test
plugins:
  - i18n:
      docs_structure: suffix
      languages:
        - locale: en
          default: true
          name: English
        - locale: es
          name: Español
          nav_translations:
            Your rights: Sus derechos
  - kyr:
      pending_translations: [planned.md]
"""


def git(root: Path, *args: str, date: str = "2026-11-20T12:00:00+00:00") -> str:
    env = {**os.environ, **git_identity(date)}
    result = subprocess.run(
        ["git", "-C", str(root), *args], capture_output=True, text=True, env=env, check=True
    )
    return result.stdout


def make_project(tmp_path: Path, pages: dict[str, str], po_body: str = "") -> Path:
    tmp_path.mkdir(parents=True, exist_ok=True)
    (tmp_path / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    for name, text in pages.items():
        path = tmp_path / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    po = tmp_path / "translations" / "es" / "LC_MESSAGES" / "messages.po"
    po.parent.mkdir(parents=True)
    po.write_text(PO_HEADER + (po_body or 'msgid "Print"\nmsgstr "Imprimir"\n'), "utf-8")
    return tmp_path


def marked(spanish: str, english: str) -> str:
    return set_translation_of(spanish, git_blob_hash(english.encode("utf-8")))


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


# --- Blob hashes and marks ---


@pytest.mark.parametrize(
    "data", [b"", b"hello\n", "Línea en español\r\nsegunda línea".encode(), EN.encode()]
)
@needs_git
def test_blob_hash_is_what_git_computes(tmp_path: Path, data: bytes):
    path = tmp_path / "file"
    path.write_bytes(data)
    expected = subprocess.run(
        ["git", "hash-object", "--no-filters", str(path)], capture_output=True, text=True
    ).stdout.strip()
    assert git_blob_hash(data) == expected


def test_blob_hash_of_the_empty_file_is_git_s_well_known_one():
    assert git_blob_hash(b"") == "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391"


def test_marking_adds_one_line_before_the_closing_fence_and_changes_nothing_else():
    blob = git_blob_hash(EN.encode())
    result = set_translation_of(ES, blob)
    assert result == ES.replace(
        "description: Qué hacer.\n", f"description: Qué hacer.\ntranslation_of: {blob}\n"
    )
    assert read_translation_of(result) == blob
    assert yaml.safe_load(result.split("---")[1])["translation_of"] == blob


def test_marking_again_replaces_the_line_in_place_and_keeps_crlf():
    old, new = "a" * 40, "b" * 40
    text = f"---\r\ntitle: X  # a comment\r\ntranslation_of: {old}\r\nz: 1\r\n---\r\nBody\r\n"
    result = set_translation_of(text, new)
    assert result == text.replace(old, new)
    assert read_translation_of(result) == new


def test_marking_a_page_without_front_matter_gives_it_one():
    result = set_translation_of("# Title\n", "c" * 40)
    assert result == f"---\ntranslation_of: {'c' * 40}\n---\n# Title\n"


def test_a_hash_of_digits_is_quoted_so_yaml_keeps_it_a_string():
    digits = "0" + "1" * 39
    result = set_translation_of(ES, digits)
    assert f'translation_of: "{digits}"' in result
    assert read_translation_of(result) == digits
    assert normalize_hash(int(digits)) == digits  # what an unquoted value would parse to


def test_only_a_top_level_front_matter_line_counts():
    body_only = f"---\ntitle: x\n---\ntranslation_of: {'d' * 40}\n"
    nested = f"---\nsources:\n  translation_of: {'d' * 40}\n---\n"
    assert read_translation_of(body_only) is None
    assert read_translation_of(nested) is None
    assert read_translation_of("---\ntranslation_of: not-a-hash\n---\n") is None


def test_page_states():
    blob = "e" * 40
    assert page_state(blob, blob) == TRANSLATED
    assert page_state("f" * 40, blob) == OUTDATED
    assert page_state(None, blob) == UNMARKED
    assert page_state("short", blob) == UNMARKED


# --- Status: pages and catalogs ---


def test_status_of_every_page_state(tmp_path: Path):
    english_b = EN.replace("Keep the door closed.", "Keep the door shut.")
    root = make_project(
        tmp_path,
        {
            "current.md": EN,
            "current.es.md": marked(ES, EN),
            "changed.md": english_b,
            "changed.es.md": marked(ES, EN),
            "unmarked.md": EN,
            "unmarked.es.md": ES,
            "missing.md": EN,
            "planned.md": EN,
            "solo.es.md": ES,  # a Spanish page without English is not listed
        },
    )
    status = collect_status(root, root / "docs", {"en": "English", "es": "Español"}, "en",
                            pending={"planned.md"})  # fmt: skip
    [spanish] = status.languages
    states = {page.page: page.state for page in spanish.pages}
    assert states == {
        "changed.md": OUTDATED,
        "current.md": TRANSLATED,
        "missing.md": MISSING,
        "planned.md": PENDING,
        "unmarked.md": UNMARKED,
    }
    assert spanish.done_percent == 20
    assert not spanish.complete and not status.complete
    changed = next(page for page in spanish.pages if page.page == "changed.md")
    assert changed.file == "docs/changed.es.md" and changed.english_file == "docs/changed.md"
    assert changed.translation_of == git_blob_hash(EN.encode())
    assert changed.english_hash == git_blob_hash(english_b.encode())
    assert changed.english_changed is None  # no git: no date, never today's date


def test_pending_pages_do_not_make_a_language_incomplete(tmp_path: Path):
    root = make_project(tmp_path, {"a.md": EN, "a.es.md": marked(ES, EN), "planned.md": EN})
    status = collect_status(
        root, root / "docs", {"en": "English", "es": "Español"}, "en", pending={"planned.md"}
    )
    assert status.complete


def test_a_partial_language_may_lack_pages_another_may_not(tmp_path: Path):
    root = make_project(tmp_path, {"a.md": EN, "a.es.md": marked(ES, EN), "b.md": EN})
    names = {"en": "English", "es": "Español", "ko": "한국어"}
    status = collect_status(root, root / "docs", names, "en", partial={"ko"})
    states = {lang.code: {p.page: p.state for p in lang.pages} for lang in status.languages}
    assert states["ko"] == {"a.md": "pending", "b.md": "pending"}
    assert states["es"]["b.md"] == "missing"


def test_catalog_counts_every_plural_form(tmp_path: Path):
    body = (
        'msgid "Print"\nmsgstr "Imprimir"\n\n'
        '#, fuzzy\nmsgid "Help"\nmsgstr "Ayuda"\n\n'
        'msgid "Hours"\nmsgstr ""\n\n'
        'msgid "%(num)d source"\nmsgid_plural "%(num)d sources"\n'
        'msgstr[0] "%(num)d fuente"\nmsgstr[1] ""\nmsgstr[2] "%(num)d fuentes"\n'
    )
    root = make_project(tmp_path, {}, body)
    catalog = catalog_status(root / "translations", "es", root)
    assert (catalog.translated, catalog.fuzzy, catalog.untranslated) == (3, 1, 2)
    assert catalog.total == 6
    assert catalog.file == "translations/es/LC_MESSAGES/messages.po"
    # The same problems `kyr i18n-check` reports, with the file and line.
    assert any("messages.po:11: marked fuzzy" in p for p in catalog.problems), catalog.problems
    assert any("msgstr[1] is empty" in p for p in catalog.problems)


def test_a_site_without_its_own_catalog_uses_the_generators_and_cannot_edit_it(tmp_path: Path):
    catalog = catalog_status(tmp_path / "translations", "es", tmp_path)
    assert catalog.file == "kyr/locale/es/LC_MESSAGES/messages.po"
    assert catalog.exists and not catalog.in_project and catalog.problems == ()
    # In the generator's own repository (this checkout) the same catalog is the project's.
    own = catalog_status(REPO / "translations", "es", REPO)
    assert own.in_project and own.file == "src/kyr/locale/es/LC_MESSAGES/messages.po"


def test_a_missing_catalog_is_reported(tmp_path: Path):
    catalog = catalog_status(tmp_path / "translations", "fr", tmp_path)
    assert not catalog.exists and "run `make i18n-update`" in catalog.problems[0]


def test_languages_a_change_touches():
    codes = ["en", "es", "fr"]

    def touched(*paths: str) -> set[str]:
        return languages_touched(
            paths,
            docs="docs",
            translations=("translations", "src/kyr/locale"),
            codes=codes,
            default="en",
        )

    assert touched("docs/rights/at-home.es.md") == {"es"}
    assert touched("translations/fr/LC_MESSAGES/messages.po") == {"fr"}
    assert touched("docs/rights/at-home.md") == {"es", "fr"}  # English makes both outdated
    assert touched("translations/messages.pot") == {"es", "fr"}
    # The generator's own catalogs, in its repository, count the same.
    assert touched("src/kyr/locale/es/LC_MESSAGES/messages.po") == {"es"}
    assert touched("src/kyr/locale/messages.pot") == {"es", "fr"}
    assert touched("src/kyr/cli/main.py", "README.md") == set()


# --- What changed in English (git) ---


def test_diff_shows_the_english_change_and_says_so_when_the_blob_is_gone():
    from kyr.translation.status import PageStatus

    page = PageStatus(
        "a.md", "docs/a.es.md", "docs/a.md", OUTDATED, "1" * 40, translation_of="2" * 40
    )
    found = english_changes(page, "one\ntwo\n", "one\n2\n")
    assert "-two\n+2\n" in found.diff
    assert found.diff.startswith("--- docs/a.md (translated, 222222222222)")
    gone = english_changes(page, None, "one\n")
    assert gone.diff is None
    assert "is not in this git repository" in gone.unavailable
    assert "2" * 40 in gone.unavailable


@needs_git
def test_status_diff_and_date_come_from_git(tmp_path: Path, monkeypatch):
    root = make_project(tmp_path, {"door.md": EN, "door.es.md": marked(ES, EN)})
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "first")
    (root / "docs" / "door.md").write_text(EN.replace("closed", "shut"), encoding="utf-8")
    git(root, "commit", "-qam", "English changed", date="2026-11-28T09:00:00+00:00")
    monkeypatch.chdir(root)

    code, out, _ = run("status")
    assert code == 0
    assert "docs/door.es.md" in out and "outdated" in out and "2026-11-28" in out
    assert "-1. Keep the door closed.\n+1. Keep the door shut.\n" in out
    assert "kyr mark-translated docs/door.es.md" in out

    code, out, _ = run("status", "--diff", "docs/door.es.md")
    assert out.startswith("--- docs/door.md (translated,")
    assert "+1. Keep the door shut." in out

    code, out, _ = run("status", "--json")
    data = json.loads(out)
    [page] = data["languages"][0]["pages"]
    assert page["state"] == "outdated" and page["english_changed"] == "2026-11-28"
    assert "+1. Keep the door shut." in page["diff"]

    assert run("status", "--strict")[0] == 1
    code, out, _ = run("mark-translated", "docs/door.es.md")
    assert code == 0 and "marked" in out
    assert run("status", "--strict")[0] == 0
    # The line is all that changed in the Spanish page.
    assert git(root, "diff", "--numstat", "docs/door.es.md").split()[:2] == ["1", "1"]


@needs_git
def test_a_translation_of_an_english_text_git_never_stored_says_so(tmp_path: Path, monkeypatch):
    never = EN.replace("door", "gate")
    root = make_project(tmp_path, {"door.md": EN, "door.es.md": marked(ES, never)})
    git(root, "init", "-q")
    monkeypatch.chdir(root)
    code, out, _ = run("status", "--diff", "door.md")
    assert code == 0
    assert "is not in this git repository, so the changes cannot be shown" in out


def test_status_json_and_strict_exit_code(tmp_path: Path, monkeypatch):
    root = make_project(tmp_path, {"door.md": EN, "door.es.md": marked(ES, EN), "new.md": EN})
    monkeypatch.chdir(root)
    code, out, _ = run("status", "--json")
    assert code == 0  # without --strict, missing pages only inform
    data = json.loads(out)
    [spanish] = data["languages"]
    assert spanish["counts"] == {
        "translated": 1, "outdated": 0, "unmarked": 0, "missing": 1, "pending": 0, "total": 2,
    }  # fmt: skip
    assert spanish["catalog"]["translated"] == 1 and spanish["catalog"]["problems"] == []
    assert [p["state"] for p in spanish["pages"]] == ["translated", "missing"]
    assert data["complete"] is False
    assert run("status", "--strict")[0] == 1
    (root / "docs" / "new.md").unlink()
    assert run("status", "--strict")[0] == 0


def test_status_text_and_markdown_name_every_page(tmp_path: Path, monkeypatch):
    root = make_project(tmp_path, {"door.md": EN, "door.es.md": marked(ES, EN), "new.md": EN})
    monkeypatch.chdir(root)
    _, out, _ = run("status")
    assert "Español (es): 1 of 2 pages translated and current (50%)" in out
    assert "1 of 1 translated, 0 fuzzy, 0 untranslated" in out
    assert "new.md" in out and "missing" in out and "docs/new.es.md" in out
    _, out, _ = run("status", "--markdown")
    assert "| `new.md` | missing |" in out
    assert f"translation_of: {git_blob_hash(EN.encode())}" in out


def test_mark_translated_refuses_english_pages_and_unknown_files(tmp_path: Path, monkeypatch):
    root = make_project(tmp_path, {"door.md": EN, "door.es.md": ES})
    monkeypatch.chdir(root)
    code, _, err = run("mark-translated", "docs/door.md")
    assert code == 1 and "this is the English page" in err and "docs/door.es.md" in err
    code, _, err = run("mark-translated", "docs/nothing.es.md")
    assert code == 1 and "no such file" in err


# --- Parity ---


def parity_findings(tmp_path: Path, pages: dict[str, str]) -> list[str]:
    root = make_project(tmp_path, {"warrants.md": EN, "warrants.es.md": ES, **pages})
    report = check_parity(root / "docs", ["en", "es"], "en", shown_docs="docs")
    return [str(finding) for finding in report.findings]


def test_parity_passes_when_only_the_words_differ(tmp_path: Path):
    assert parity_findings(tmp_path, {"door.md": EN, "door.es.md": ES}) == []


def test_parity_reports_each_difference_with_file_and_line(tmp_path: Path):
    es = (
        ES.replace("## A quién llamar", "### A quién llamar")
        .replace("[órdenes](warrants.md)", "[órdenes](detained.md)")
        .replace("<!-- kyr:hotline -->", "<!-- kyr:contacts tag=legal -->")
        .replace("No abra la puerta.", "No abra la puerta. Vea https://example.org/es.")
    )
    found = parity_findings(tmp_path, {"door.md": EN, "door.es.md": es, "detained.md": EN})
    assert (
        "docs/door.es.md:11: headings differ from the English page (2 here, 2 there): at "
        "heading 2, docs/door.es.md:11 has ### A quién llamar but docs/door.md:11 has "
        "## Who to call"
    ) in found
    assert "docs/door.md:9: links to 'warrants.md', but the translation" in "\n".join(found)
    assert any(f.startswith("docs/door.es.md:9: links to 'detained.md'") for f in found)
    assert any(f.startswith("docs/door.es.md:8: links to 'https://example.org/es'") for f in found)
    assert any(
        f.startswith("docs/door.md:13: has the contact marker <!-- kyr:hotline -->") for f in found
    )
    assert any(
        f.startswith("docs/door.es.md:13: has the contact marker <!-- kyr:contacts") for f in found
    )


def test_parity_compares_anchors_by_the_heading_they_point_to(tmp_path: Path):
    en = EN.replace("[warrants](warrants.md)", "[warrants](warrants.md#who-to-call)")
    es_ok = ES.replace("[órdenes](warrants.md)", "[órdenes](warrants.md#a-quien-llamar)")
    es_bad = ES.replace("[órdenes](warrants.md)", "[órdenes](warrants.md#en-la-puerta)")
    assert parity_findings(tmp_path / "ok", {"door.md": en, "door.es.md": es_ok}) == []
    found = parity_findings(tmp_path / "bad", {"door.md": en, "door.es.md": es_bad})
    assert any("links to 'warrants.md#heading 1'" in f for f in found), found


def test_parity_reports_typed_phone_numbers_that_differ(tmp_path: Path):
    en = EN.replace("Keep the door closed.", "Call 213-555-0100.")
    es = ES.replace("No abra la puerta.", "Llame al 213-555-0199.")
    found = parity_findings(tmp_path, {"door.md": en, "door.es.md": es})
    assert any(f.startswith("docs/door.md:8: has the phone number 2135550100") for f in found)


def test_parity_skips_translations_of_an_older_english_page(tmp_path: Path):
    en_now = EN.replace("## Who to call", "## More\n\nText.\n\n## Who to call")
    root = make_project(
        tmp_path, {"warrants.md": EN, "warrants.es.md": ES, "door.md": en_now,
                   "door.es.md": marked(ES, EN)},
    )  # fmt: skip
    report = check_parity(root / "docs", ["en", "es"], "en", shown_docs="docs")
    assert report.findings == [] and report.skipped_outdated == ["docs/door.es.md"]
    everything = check_parity(
        root / "docs", ["en", "es"], "en", shown_docs="docs", include_outdated=True
    )
    assert any("headings differ" in str(f) for f in everything.findings)


def test_kyr_parity_and_kyr_check_fail_on_a_difference(tmp_path: Path, monkeypatch):
    es = ES.replace("<!-- kyr:hotline -->", "")
    root = make_project(tmp_path, {"warrants.md": EN, "warrants.es.md": ES,
                                   "door.md": EN, "door.es.md": es})  # fmt: skip
    monkeypatch.chdir(root)
    code, _, err = run("parity")
    assert code == 1
    assert "docs/door.md:13: has the contact marker <!-- kyr:hotline -->" in err
    code, _, err = run("check")
    assert code == 1 and "has the contact marker <!-- kyr:hotline -->" in err


def test_the_real_translations_are_marked_and_match_their_english_pages():
    report = check_parity(REPO / "docs", ["en", "es"], "en", shown_docs="docs")
    assert [str(f) for f in report.findings] == []
    assert report.compared + len(report.skipped_outdated) >= 31
    status = collect_status(REPO, REPO / "docs", {"en": "English", "es": "Español"}, "en")
    assert [p.file for p in status.languages[0].pages if p.state == UNMARKED] == []


# --- Adding a language ---


def test_new_language_entry_keeps_mkdocs_yml_as_it_was():
    text = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    entry = language_entry("fr", "Français", "Know Your Rights L.A.", ["Your rights", "Print"])
    result = insert_language(text, entry, Path("mkdocs.yml"))
    matcher = difflib.SequenceMatcher(None, text.splitlines(), result.splitlines())
    changes = [op for op in matcher.get_opcodes() if op[0] != "equal"]
    [(kind, _, _, start, end)] = changes  # one block of lines added, nothing else touched
    assert kind == "insert"
    added = result.splitlines()[start:end]
    assert added[0] == "        - locale: fr" and added[1] == "          name: Français"
    assert result.splitlines()[end].startswith("  - kyr:")
    from mkdocs.utils.yaml import yaml_load

    config = yaml_load(result)
    [i18n] = [p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p]
    fr = i18n["languages"][-1]
    assert fr == {
        "locale": "fr",
        "name": "Français",
        "build": True,
        "site_name": "Know Your Rights L.A.",
        "theme": {"language": "fr"},
        "nav_translations": {"Your rights": "Your rights", "Print": "Print"},
    }
    with pytest.raises(KyrError, match="already in the site"):
        insert_language(result, entry, Path("mkdocs.yml"))


@pytest.mark.parametrize("code", ["xx", "french", "FR", "fr_fr"])
def test_new_language_refuses_codes_babel_or_static_i18n_do_not_know(code: str):
    with pytest.raises(KyrError):
        parse_code(code)


def test_new_catalog_has_the_language_s_plural_forms(tmp_path: Path):
    target = tmp_path / "fr" / "LC_MESSAGES" / "messages.po"
    init_catalog(GENERATOR_LOCALE / "messages.pot", target, parse_code("fr"), "KYR")
    with target.open("rb") as handle:
        catalog = read_po(handle, locale="fr")
    assert catalog.num_plurals == get_plural("fr").num_plurals
    assert "Plural-Forms: nplurals=" in target.read_text(encoding="utf-8")
    assert len(catalog) > 10 and all(not m.string for m in catalog if m.id and not m.pluralizable)
    with pytest.raises(KyrError, match="already exists"):
        init_catalog(GENERATOR_LOCALE / "messages.pot", target, parse_code("fr"), "KYR")
