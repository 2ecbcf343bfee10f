"""Every language, not two: contact texts and vCard notes follow the site's language list and the
gettext catalogs. A language the contacts are not written in shows them, visibly, in the default
language, and `kyr status` says which contacts those are."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kyr.contacts.export import contact_view, vcard
from kyr.contacts.load import check_contacts, text_language
from kyr.translation.catalogs import translations_for
from tests.helpers import FIXTURES, REPO, build_site, run_kyr

ONE = """\
- id: line-a
  name: {en: Help line, es: Línea de ayuda}
  kind: hotline
  region: local
  phones: [{number: 888-624-4752, label: {en: Call, es: Llame}}]
  services: {en: [Legal help], es: [Ayuda legal]}
  languages: [es, en]
  tags: [emergency]
  source_url: https://www.example.org/a
  confidence: seen-in-source
  last_verified: {date: 2026-11-27, method: source}
  published: true
"""
HELP_PAGE = """\
---
title: Help
description: Who to call.
last_reviewed: 2026-11-27
---

# Help

## Who to call

<!-- kyr:hotline -->
"""


def test_a_language_the_contacts_are_not_written_in_falls_back_wholly_to_the_default():
    contacts, errors = check_contacts(ONE, "data/contacts.yml", languages=("en", "es", "fr"))
    assert errors == []
    line = contacts[0]
    assert (text_language(line, "es"), text_language(line, "fr")) == ("es", "en")
    view = contact_view(line, "fr")
    assert (view["name"], view["text_lang"], view["fallback"]) == ("Help line", "en", True)
    assert view["services"] == ["Legal help"]
    spanish = contact_view(line, "es")
    assert (spanish["name"], spanish["fallback"]) == ("Línea de ayuda", False)


def test_texts_need_the_default_language_and_keys_that_are_languages():
    english_only, errors = check_contacts(ONE, "data/contacts.yml", languages=("en",))
    assert errors == [] and english_only[0].name == {"en": "Help line"}  # es: not built here
    typo = ONE.replace("es: Línea de ayuda}", "sp: Línea de ayuda}")
    _, errors = check_contacts(typo, "data/contacts.yml", languages=("en", "es"))
    assert [str(e) for e in errors] == [
        "data/contacts.yml:2: [line-a.name.sp] unknown language 'sp' in name. "
        "Use a language code such as en, es (the site's languages)."
    ]
    no_english = ONE.replace("name: {en: Help line, es: Línea de ayuda}", "name: {es: Línea}")
    _, errors = check_contacts(no_english, "data/contacts.yml", languages=("en", "es"))
    assert "name must have one text per language, at least 'en'" in str(errors[0])


def test_vcard_notes_come_from_the_catalogs():
    contacts, _ = check_contacts(ONE, "data/contacts.yml", languages=("en", "es"))
    spanish = translations_for(REPO / "translations", "es", "en").gettext
    card = vcard(contacts[0], "es", spanish).replace("\r\n ", "")
    assert "Número como aparece en https://www.example.org/a (la página no tiene fecha)" in card
    english = vcard(contacts[0], "en", str).replace("\r\n ", "")
    assert "Number as shown on https://www.example.org/a (no date on the page)" in english


@pytest.fixture(scope="module")
def french(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture site with a contacts page, after `kyr new-language fr`, built strictly."""
    root = tmp_path_factory.mktemp("french")
    docs = {
        path.relative_to(FIXTURES / "mini" / "docs").as_posix(): path.read_text(encoding="utf-8")
        for path in (FIXTURES / "mini" / "docs").rglob("*.md")
    }
    build = build_site(root, {**docs, "help.md": HELP_PAGE, "help.es.md": HELP_PAGE})
    assert build.returncode == 0, build.output
    result = run_kyr(root, "new-language", "fr")
    assert result.returncode == 0, result.stdout + result.stderr
    result = run_kyr(root, "build", "--no-pdf")  # strict, as always
    assert result.returncode == 0, result.stdout + result.stderr
    return root


def test_a_new_language_shows_contacts_in_english_and_says_so(french: Path):
    from bs4 import BeautifulSoup

    page = BeautifulSoup((french / "site/fr/help/index.html").read_text(), "html.parser")
    hotline = page.select_one(".kyr-hotline")
    assert hotline.select_one(".kyr-hotline__name")["lang"] == "en"
    assert hotline.select_one(".kyr-contact__untranslated") is not None
    spanish = BeautifulSoup((french / "site/es/help/index.html").read_text(), "html.parser")
    assert spanish.select_one(".kyr-contact__untranslated") is None
    assert not spanish.select_one(".kyr-hotline__name").has_attr("lang")


def test_a_new_language_gets_vcards_with_notes(french: Path):
    cards = sorted((french / "site/fr/contacts").glob("*.vcf"))
    assert cards and (french / "site/fr/contacts/emergency.vcf") in cards
    text = cards[0].read_text(encoding="utf-8").replace("\r\n ", "")
    assert "NOTE:" in text and "Number as shown on" in text  # French catalog empty: English


def test_kyr_status_lists_the_contacts_a_language_lacks(french: Path):
    result = run_kyr(french, "status", "--json")
    data = json.loads(result.stdout)
    by_code = {lang["code"]: lang for lang in data["languages"]}
    assert by_code["es"]["contacts_untranslated"] == []
    assert len(by_code["fr"]["contacts_untranslated"]) >= 1
    text = run_kyr(french, "status").stdout
    assert "Contacts: " in text and "not written in this language" in text
