"""Contacts in real builds: `mkdocs build --strict` of a small site using the project's templates,
catalogs and data/contacts.yml, read back with BeautifulSoup.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from babel.dates import format_date

from kyr.contacts.load import emergency_contact, emergency_set, load_contacts, published, with_tag
from tests.helpers import REPO, Build, build_site, resolve_href

CONTACTS = load_contacts(REPO / "data" / "contacts.yml", languages=("en", "es"))
SHOWN = published(CONTACTS)
TEL = re.compile(r"^tel:\+[1-9]\d{7,14}$")
NATIONAL = re.compile(r"^\(\d{3}\) \d{3}-\d{4}$")
SPANISH_DATE = re.compile(r"\b\d{1,2} de [a-záéíóú]+ de \d{4}\b")
ENGLISH_DATE = re.compile(r"\b[A-Z][a-z]+ \d{1,2}, \d{4}\b")

PAGES = {
    "index.md": "---\ntitle: Home\n---\n\n# Home\n\n<!-- kyr:hotline -->\n",
    "index.es.md": "---\ntitle: Inicio\n---\n\n# Inicio\n\n<!-- kyr:hotline -->\n",
    "who-to-call.md": (REPO / "docs" / "who-to-call.md").read_text(encoding="utf-8"),
    "who-to-call.es.md": (REPO / "docs" / "who-to-call.es.md").read_text(encoding="utf-8"),
    "court.md": (
        "---\ntitle: Court\n---\n\n# Court\n\n<!-- kyr:contacts tag=court -->\n\n"
        "Write a marker like this:\n\n```markdown\n<!-- kyr:contacts id=not-a-real-id -->\n```\n"
    ),
    "court.es.md": "---\ntitle: Corte\n---\n\n# Corte\n\n<!-- kyr:contacts tag=court -->\n",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    build = build_site(tmp_path_factory.mktemp("contacts"), PAGES)
    assert build.returncode == 0, build.output
    return build


def cards(soup) -> list:
    return soup.select(".kyr-contact, .kyr-hotline")


def links_of(card) -> tuple[str, list[str], list[str]]:
    """(contact id, tel: links, web links) of one card, in document order."""
    hrefs = [a["href"] for a in card.select("a[href]")]
    return (
        card["data-contact"],
        [h for h in hrefs if h.startswith("tel:")],
        [h for h in hrefs if h.startswith(("http://", "https://"))],
    )


# --- Directory pages ---


def test_directory_pages_exist_in_both_languages(site):
    english, spanish = site.html("who-to-call/"), site.html("es/who-to-call/")
    assert english.html["lang"] == "en" and spanish.html["lang"] == "es"
    assert english.h1.get_text(strip=True) == "Who to call"
    assert spanish.h1.get_text(strip=True) == "A quién llamar"
    assert "not the same as having a lawyer" in english.get_text(" ")
    assert "no es lo mismo que tener un abogado" in spanish.get_text(" ")
    assert [h.name for h in spanish.select(".kyr-directory__title")][:1] == ["h3"]
    assert [h.get_text() for h in spanish.select(".kyr-directory__title")][:2] == [
        "Reportar actividad de inmigración",
        "Ayuda legal",
    ]
    assert "Llame al" in spanish.select_one(".kyr-hotline__call").get_text()


def test_directory_lists_every_published_contact_once_and_nothing_else(site):
    soup = site.html("who-to-call/")
    listed = [card["data-contact"] for card in soup.select(".kyr-directory .kyr-contact")]
    assert sorted(listed) == sorted(c.id for c in SHOWN)
    unpublished = {c.id for c in CONTACTS if not c.published}
    assert unpublished and not unpublished & set(listed)
    text = soup.get_text(" ")
    for contact in CONTACTS:
        if not contact.published:
            for phone in contact.phones:
                assert phone.display not in text, (contact.id, phone.display)


def test_tel_links_are_e164_and_show_the_national_format(site):
    soup = site.html("who-to-call/")
    links = soup.select(".kyr-directory a[href^='tel:']")
    expected = {phone.href: phone.display for c in SHOWN for phone in c.phones}
    assert {a["href"] for a in links} == set(expected)
    for link in links:
        assert TEL.match(link["href"])
        number = link.select_one(".kyr-call__number").get_text(strip=True)
        assert number == expected[link["href"]]
        assert NATIONAL.match(number)
    hotline = emergency_contact(CONTACTS)
    button = soup.select_one(".kyr-hotline a.kyr-hotline__call")
    assert button["href"] == hotline.phones[0].href
    assert hotline.phones[0].display in button.get_text()


def test_dial_codes_are_text_never_tel_links(tmp_path: Path):
    """A short code dialled from inside detention (699#) is text, never a tel: link. The real
    data holds none today (its source could not be confirmed), so the test data of
    test_contacts.py, which models one, is built into a directory page."""
    from tests.test_contacts import VALID

    root = tmp_path / "codes"
    root.mkdir()
    (root / "data").mkdir()
    (root / "data" / "contacts.yml").write_text(VALID, encoding="utf-8")
    pages = {name: PAGES[name] for name in ("index.md", "index.es.md")}
    pages["who-to-call.md"] = (
        "---\ntitle: Directory\n---\n\n# Directory\n\n<!-- kyr:directory -->\n"
    )
    build = build_site(root, pages)
    assert build.returncode == 0, build.output
    soup = build.html("who-to-call/")
    card = soup.select_one("#contact-legal-b")
    assert "699#" in card.select_one(".kyr-contact__codes").get_text()
    assert not soup.select("a[href*='#'][href^='tel:']")
    assert not [a for a in soup.select("a[href^='tel:']") if "699" in a["href"]]


def test_each_card_says_the_source_date_and_when_it_was_compared_in_the_page_language(site):
    """The line says what is true: the number as shown on its source, the source's own date (or
    that it has none), and the day it was compared; never a call that did not happen."""
    for url, locale, pattern, compared, dated, undated in (
        ("who-to-call/", "en", ENGLISH_DATE, "Compared on", "dated", "the page shows no date"),
        ("es/who-to-call/", "es", SPANISH_DATE, "Comparado el", "con fecha del", "no tiene fecha"),
    ):
        soup = site.html(url)
        for card in soup.select(".kyr-directory .kyr-contact"):
            contact = next(c for c in SHOWN if c.id == card["data-contact"])
            verified = " ".join(card.select_one(".kyr-contact__verified").get_text(" ").split())
            expected = format_date(contact.last_verified, format="long", locale=locale)
            assert f"{compared} {expected}" in verified, (contact.id, verified)
            assert pattern.search(verified)
            if contact.source_date:
                own = format_date(contact.source_date, format="long", locale=locale)
                assert f"{dated} {own}" in verified, (contact.id, verified)
            else:
                assert undated in verified, (contact.id, verified)
            assert bool(card.select(".kyr-contact__old")) == contact.old_source
            source = card.select_one(".kyr-contact__verified a")
            assert source["href"] == contact.source_url
    spanish = site.html("es/who-to-call/").get_text(" ")
    assert re.search(r"\d{1,2} de (noviembre|junio|diciembre|enero|febrero) de \d{4}", spanish)


def test_spanish_pages_link_to_exactly_the_same_numbers_and_sites(site):
    for page in ("who-to-call/", "", "court/"):
        english = [links_of(card) for card in cards(site.html(page))]
        spanish = [links_of(card) for card in cards(site.html(f"es/{page}"))]
        assert english, page
        assert spanish == english, page


def test_tag_and_id_markers_on_other_pages(site):
    soup = site.html("court/")
    shown = [card["data-contact"] for card in soup.select(".kyr-contact")]
    assert shown == [c.id for c in with_tag(CONTACTS, "court")]
    # A marker inside a code block is documentation, not a request for contacts.
    assert "<!-- kyr:contacts id=not-a-real-id -->" in soup.select_one("pre code").get_text()
    hotline = site.html("")
    assert hotline.select_one(".kyr-hotline")["data-contact"] == emergency_contact(CONTACTS).id


def test_touch_targets_are_at_least_44_css_pixels(site):
    css = (site.site / "assets" / "kyr.css").read_text(encoding="utf-8")
    for selector in ("a.kyr-call", "a.kyr-hotline__call", "a.kyr-contact__save"):
        rule = re.search(re.escape(selector) + r"[^{]*\{([^}]*)\}", css)
        assert rule, selector
        height = re.search(r"min-height:\s*(\d+)px", rule.group(1))
        assert height and int(height.group(1)) >= 44, selector


# --- Files written next to the pages ---


def test_contacts_json_holds_the_published_data(site):
    data = json.loads((site.site / "contacts.json").read_text(encoding="utf-8"))
    assert [c["id"] for c in data["contacts"]] == [c.id for c in SHOWN]
    for record, contact in zip(data["contacts"], SHOWN, strict=True):
        assert set(record["name"]) == {"en", "es"}
        assert [p["tel"] for p in record["phones"]] == [p.href for p in contact.phones]
        assert record["last_verified"]["method"] == "source"
        assert "notes" not in record


def test_vcards_exist_for_every_published_contact_in_each_language(site):
    for prefix, lang in (("", "en"), ("es/", "es")):
        folder = site.site / prefix / "contacts"
        assert {p.name for p in folder.glob("*.vcf")} == {f"{c.id}.vcf" for c in SHOWN} | {
            "emergency.vcf"
        }
        hotline = emergency_contact(CONTACTS)
        emergency = (folder / "emergency.vcf").read_bytes().decode("utf-8").replace("\r\n ", "")
        saved = emergency_set(CONTACTS)
        # The handful a family needs: hotline, legal help, a detained person, consulates.
        assert len(saved) >= 5 and saved[0] == hotline
        assert {"legal", "detained", "consulate"} <= {t for c in saved for t in c.tags}
        assert emergency.count("BEGIN:VCARD") == len(saved)
        assert emergency.index(f"TEL;TYPE=VOICE:{hotline.phones[0].e164}\r\n") < emergency.index(
            f"UID:urn:kyr:contact:{saved[1].id}"
        )
        unescaped = emergency.replace("\\,", ",").replace("\\;", ";")
        for contact in saved:
            assert f"FN:{contact.name[lang]}" in unescaped
            for phone in contact.phones:
                assert f"X-ABLabel:{phone.label[lang]}" in unescaped


def test_save_to_phone_links_point_at_existing_vcards(site):
    for page in ("who-to-call/", "es/who-to-call/"):
        links = site.html(page).select("a.kyr-contact__save")
        assert links
        for link in links:
            target = resolve_href(site, page, link["href"])
            assert target.is_file() and target.suffix == ".vcf", link["href"]
            assert (target.parent.parent.name == "es") == page.startswith("es/")


# --- Builds that must fail, with one clear message ---


def failing_build(root: Path, pages: dict[str, str]) -> Build:
    build = build_site(root, {"index.md": "# Home\n", "index.es.md": "# Inicio\n", **pages})
    assert build.returncode != 0, build.output
    assert "Traceback" not in build.output
    return build


@pytest.mark.parametrize("name", ["notes.md", "notes.es.md"])
def test_a_phone_number_typed_into_a_page_fails_the_build(tmp_path, name):
    page = "---\ntitle: Notes\n---\n\n# Notes\n\nCall the office at 213-555-0100 today.\n"
    # A translation needs its original (kyr.checks.guard); the English page has no number.
    build = failing_build(tmp_path, {"notes.md": "# Notes\n", name: page})
    assert f"docs/{name}:7:" in build.output
    assert "213-555-0100" in build.output


def test_an_unknown_contact_id_fails_the_build_naming_the_page(tmp_path):
    page = "---\ntitle: Help\n---\n\n# Help\n\n<!-- kyr:contacts id=la-rapid-response-netwrk -->\n"
    build = failing_build(tmp_path, {"help.md": page})
    assert "docs/help.md:7:" in build.output
    assert "la-rapid-response-netwrk" in build.output
    assert "Did you mean 'la-rapid-response-network'" in build.output


def test_an_unknown_tag_or_unpublished_contact_fails_the_build(tmp_path):
    held_back = next(c for c in CONTACTS if not c.published)
    build = failing_build(
        tmp_path / "a", {"a.md": f"# A\n\n<!-- kyr:contacts id={held_back.id} -->\n"}
    )
    assert "docs/a.md:3:" in build.output and "is not published" in build.output
    build = failing_build(tmp_path / "b", {"b.md": "# B\n\n<!-- kyr:contacts tag=lawyers -->\n"})
    assert "docs/b.md:3:" in build.output and "unknown tag 'lawyers'" in build.output


def test_a_malformed_marker_fails_the_build(tmp_path):
    build = failing_build(tmp_path, {"c.md": "# C\n\n<!-- kyr:contact id=aclu-socal -->\n"})
    assert "docs/c.md:3:" in build.output and "not understood" in build.output


def test_bad_yaml_in_the_contacts_file_fails_with_file_and_line(tmp_path):
    text = (REPO / "data" / "contacts.yml").read_text(encoding="utf-8").splitlines()
    index = next(i for i, line in enumerate(text) if line.startswith("  kind: "))
    text[index] = "  kind: [hotline"  # an unclosed bracket
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "contacts.yml").write_text("\n".join(text) + "\n", encoding="utf-8")
    build = failing_build(tmp_path, {})
    match = re.search(r"data/contacts\.yml:(\d+): this is not valid YAML", build.output)
    assert match, build.output
    assert abs(int(match.group(1)) - (index + 1)) <= 2


def test_invalid_contact_data_fails_naming_file_id_and_field(tmp_path):
    text = (REPO / "data" / "contacts.yml").read_text(encoding="utf-8")
    hotline = emergency_contact(CONTACTS)
    original = f'"{hotline.phones[0].number}"'
    assert text.count(original) == 1
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "contacts.yml").write_text(
        text.replace(original, '"888-624-475"'), encoding="utf-8"
    )
    build = failing_build(tmp_path, {})
    line = 1 + text[: text.index(original)].count("\n")
    assert f"data/contacts.yml:{line}: [{hotline.id}.phones[0].number]" in build.output


def test_the_hotline_saves_the_whole_emergency_set(site):
    for page, words in (
        ("", "emergency contacts to your phone"),
        ("es/", "contactos de emergencia"),
    ):
        link = site.html(page).select_one(".kyr-hotline a.kyr-contact__save-set")
        assert words in link.get_text()
        assert str(len(emergency_set(CONTACTS))) in link.get_text()
        assert resolve_href(site, page, link["href"]).name == "emergency.vcf"
