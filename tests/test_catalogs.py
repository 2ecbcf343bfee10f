"""Interface catalogs: the committed Spanish catalog is complete, and bad catalogs are caught."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kyr.errors import KyrError
from kyr.translation.catalogs import (
    GENERATOR_LOCALE,
    catalog_problems,
    load_catalog,
    po_path,
    template_drift,
)
from tests.helpers import FIXTURES, REPO, build_site, run_kyr

HEADER = """msgid ""
msgstr ""
"Language: es\\n"
"Plural-Forms: nplurals=3; plural=(n == 1 ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2);\\n"
"Content-Type: text/plain; charset=utf-8\\n"

"""


def write_po(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "messages.po"
    path.write_text(HEADER + body, encoding="utf-8")
    return path


def problems_in(tmp_path: Path, body: str) -> list[str]:
    path = write_po(tmp_path, body)
    return [str(p) for p in catalog_problems(load_catalog(path, "es"), path)]


def test_committed_catalogs_are_complete_and_current():
    assert template_drift(REPO, GENERATOR_LOCALE / "messages.pot") == []
    for path in sorted(GENERATOR_LOCALE.glob("*/LC_MESSAGES/messages.po")):
        locale = path.parent.parent.name
        assert catalog_problems(load_catalog(path, locale), path) == []


def test_complete_entries_pass(tmp_path: Path):
    body = 'msgid "Hello %(name)s"\nmsgstr "Hola %(name)s"\n'
    assert problems_in(tmp_path, body) == []


def test_missing_third_plural_form_is_reported_with_its_line(tmp_path: Path):
    body = (
        'msgid "x"\nmsgstr "x"\n\n'
        'msgid "%(num)d source"\nmsgid_plural "%(num)d sources"\n'
        'msgstr[0] "%(num)d fuente"\nmsgstr[1] "%(num)d fuentes"\n'
    )
    [problem] = problems_in(tmp_path, body)
    assert problem.startswith(f"{tmp_path / 'messages.po'}:10:")
    assert "3 plural forms" in problem or "msgstr[2]" in problem


def test_empty_plural_form_is_reported(tmp_path: Path):
    body = (
        'msgid "%(num)d source"\nmsgid_plural "%(num)d sources"\n'
        'msgstr[0] "%(num)d fuente"\nmsgstr[1] "%(num)d de fuentes"\nmsgstr[2] ""\n'
    )
    [problem] = problems_in(tmp_path, body)
    assert "msgstr[2] is empty" in problem


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ('#, fuzzy\nmsgid "Home"\nmsgstr "Inicio"\n', "fuzzy"),
        ('msgid "Home"\nmsgstr ""\n', "not translated"),
        ('msgid "Seen %(date)s"\nmsgstr "Vista %(fecha)s"\n', "placeholders differ"),
        ('msgid "Seen %(date)s"\nmsgstr "Vista"\n', "placeholders differ"),
    ],
)
def test_bad_entries_are_named(tmp_path: Path, body: str, expected: str):
    [problem] = problems_in(tmp_path, body)
    assert expected in problem
    assert ":7:" in problem or ":8:" in problem


def test_broken_po_syntax_names_the_line(tmp_path: Path):
    path = write_po(tmp_path, 'msgid "Home"\nmsgstr "Inicio\n')
    with pytest.raises(KyrError) as caught:
        load_catalog(path, "es")
    assert caught.value.line == 8
    assert str(caught.value).startswith(f"{path}:8:")


def test_missing_catalog_says_what_to_do(tmp_path: Path):
    with pytest.raises(KyrError, match="kyr new-language"):
        load_catalog(po_path(tmp_path, "es"), "es")


def test_build_with_broken_catalog_fails_naming_file_and_line(tmp_path: Path):
    shutil.copytree(GENERATOR_LOCALE, tmp_path / "translations")
    po = po_path(tmp_path / "translations", "es")
    lines = po.read_text(encoding="utf-8").splitlines()
    target = next(i for i, line in enumerate(lines) if line.startswith('msgstr "Idioma"'))
    lines[target] = 'msgstr "Idioma'
    po.write_text("\n".join(lines) + "\n", encoding="utf-8")
    build = build_site(tmp_path, FIXTURES / "mini" / "docs")
    assert build.returncode != 0
    assert f"messages.po:{target + 1}:" in build.output
    assert "Traceback" not in build.output


def test_build_with_incomplete_catalog_fails_in_strict_mode(tmp_path: Path):
    shutil.copytree(GENERATOR_LOCALE, tmp_path / "translations")
    po = po_path(tmp_path / "translations", "es")
    text = po.read_text(encoding="utf-8").replace('msgstr "Idioma"', 'msgstr ""')
    po.write_text(text, encoding="utf-8")
    build = build_site(tmp_path, FIXTURES / "mini" / "docs")
    assert build.returncode != 0
    assert "not translated yet: 'Language'" in build.output


def test_kyr_i18n_check_reports_a_stale_template(tmp_path: Path):
    for part in ("overrides", "src"):
        shutil.copytree(REPO / part, tmp_path / part)
    shutil.copy(REPO / "babel.cfg", tmp_path / "babel.cfg")
    # The template is checked where it is made: a copy of it in the project's own tree.
    (tmp_path / "translations").mkdir()
    shutil.copy(GENERATOR_LOCALE / "messages.pot", tmp_path / "translations")
    main = tmp_path / "src" / "kyr" / "theme" / "main.html"
    main.write_text(main.read_text() + '\n{{ _("A brand new string") }}\n', encoding="utf-8")
    result = run_kyr(tmp_path, "i18n-check", "--root", str(tmp_path))
    assert result.returncode == 1
    assert "missing 'A brand new string'" in result.stderr
    assert "make i18n-update" in result.stderr


def test_a_site_without_its_own_template_uses_the_generators(tmp_path: Path):
    """A new site has no babel.cfg nor messages.pot: the generator's catalogs and template are
    used, and there is nothing of the template for the site to check."""
    result = run_kyr(tmp_path, "i18n-check")
    assert result.returncode == 0, result.stderr
    shipped = len(list(GENERATOR_LOCALE.glob("*/LC_MESSAGES/messages.po")))
    assert f"{shipped} catalog(s) OK." in result.stdout


@pytest.mark.parametrize("missing", ["babel.cfg"])
def test_i18n_check_names_a_missing_extraction_file(tmp_path: Path, missing: str):
    root = tmp_path / "site"
    (root / "translations" / "es" / "LC_MESSAGES").mkdir(parents=True)
    shutil.copy(REPO / "babel.cfg", root / "babel.cfg")
    shutil.copy(GENERATOR_LOCALE / "messages.pot", root / "translations")
    po = GENERATOR_LOCALE / "es" / "LC_MESSAGES" / "messages.po"
    shutil.copy(po, root / "translations" / "es" / "LC_MESSAGES")
    (root / missing).unlink()
    result = run_kyr(root, "i18n-check")
    assert result.returncode != 0
    assert f"{missing}: missing" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr
