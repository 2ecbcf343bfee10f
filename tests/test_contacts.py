"""Advocacy contacts: validation, phone formatting, exports, staleness, markers, typed numbers.

Every bad input must give exactly one message that names the file, the line, and the entry id
and field, so a maintainer knows where to look without reading a traceback.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from textwrap import dedent

import pytest
from click.testing import CliRunner

from kyr.cli.main import main
from kyr.contacts.export import contact_view, contacts_json, vcard, vcards, website_label
from kyr.contacts.load import (
    TAGS,
    by_id,
    check_contacts,
    directory_groups,
    emergency_contact,
    emergency_set,
    language_list,
    language_name,
    load_contacts,
    pending_markdown,
    published,
    stale,
    with_tag,
)
from kyr.errors import KyrError
from kyr.pages.markers import MarkerError, find_markers, html_block, replace_markers
from kyr.pages.phones_in_text import find_phone_numbers
from kyr.translation.catalogs import translations_for

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "data" / "contacts.yml"
PATH = "data/contacts.yml"
TODAY = date(2026, 11, 27)
LANGS = ("en", "es")  # the site's languages, the default first
# Each language's interface strings, as the build installs them (the vCard notes use them).
GETTEXT = {code: translations_for(REPO / "translations", code, "en").gettext for code in LANGS}

VALID = dedent(
    """\
    - id: hotline-a
      name: {en: "Hotline A", es: "Línea A"}
      kind: hotline
      region: local
      phones:
        - number: "888-624-4752"
          label: {en: "Report enforcement", es: "Reporte operativos"}
      website: "https://example.org/a"
      hours: {en: "Every day", es: "Todos los días"}
      services: {en: ["Reports"], es: ["Reportes"]}
      languages: [Spanish, English]
      tags: [emergency, report]
      source_url: "https://example.org/source-a"
      confidence: seen-in-source
      last_verified: {date: 2026-11-27, method: source}
      published: true
    - id: legal-b
      name: {en: "Legal B, Inc.; office", es: "Legal B"}
      kind: legal-aid
      region: national
      phones:
        - number: "1 (800) 898-7180"
          label: {en: "Court line", es: "Línea de la corte"}
      dial_codes:
        - code: "699#"
          label: {en: "from inside detention", es: "desde la detención"}
      services: {en: ["Help"], es: ["Ayuda"]}
      languages: [es]
      tags: [legal, detained, court]
      source_url: "https://example.org/source-b"
      confidence: seen-in-source
      last_verified: {date: 2025-01-24, method: source}
      published: true
    - id: pending-c
      name: {en: "Pending C", es: "Pendiente C"}
      kind: consulate
      region: local
      phones:
        - number: "(213) 219-0775"
          label: {en: "Emergency", es: "Emergencia"}
      services: {en: [], es: []}
      languages: []
      tags: [consulate]
      source_url: "https://example.org/source-c"
      confidence: conflicting-sources
      published: false
      unpublished_reason: "Sources disagree by one digit."
    """
)


def problems(text: str, today: date | None = TODAY) -> list[KyrError]:
    return check_contacts(text, PATH, languages=LANGS, today=today)[1]


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    """1-based line of the n-th line containing `needle`."""
    hits = [n for n, line in enumerate(text.splitlines(), start=1) if needle in line]
    return hits[occurrence - 1]


def replace_once(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


# --- Valid data ---


def test_valid_data_has_no_problems():
    contacts, errors = check_contacts(VALID, PATH, languages=LANGS, today=TODAY)
    assert errors == []
    assert [c.id for c in contacts] == ["hotline-a", "legal-b", "pending-c"]
    assert [c.id for c in published(contacts)] == ["hotline-a", "legal-b"]
    assert by_id(contacts, "legal-b").languages == ("es",)


def test_phone_numbers_get_e164_for_links_and_national_format_for_display():
    contacts, _ = check_contacts(VALID, PATH, languages=LANGS)
    hotline, legal, pending = contacts
    assert hotline.phones[0].e164 == "+18886244752"
    assert hotline.phones[0].href == "tel:+18886244752"
    assert hotline.phones[0].display == "(888) 624-4752"
    assert legal.phones[0].e164 == "+18008987180"
    assert legal.phones[0].display == "(800) 898-7180"
    assert pending.phones[0].display == "(213) 219-0775"


def test_a_number_with_a_foreign_country_code_is_shown_internationally():
    text = replace_once(VALID, '"888-624-4752"', '"+503 7070-1071"')
    contacts, errors = check_contacts(text, PATH, languages=LANGS)
    assert errors == []
    assert contacts[0].phones[0].e164 == "+50370701071"
    assert contacts[0].phones[0].display == "+503 7070 1071"


def test_dial_codes_are_kept_apart_from_phone_numbers():
    contacts, _ = check_contacts(VALID, PATH, languages=LANGS)
    legal = by_id(contacts, "legal-b")
    assert [d.code for d in legal.dial_codes] == ["699#"]
    assert all(p.href.startswith("tel:+1") for p in legal.phones)


# --- One clear message per mistake ---


BAD_CASES = {
    # name: (old, new, expected key, text on the expected line [, occurrence], words in message)
    "unknown field": (
        "  hours: {en:",
        "  phone: '1'\n  hours: {en:",
        "hotline-a.phone",
        "phone: '1'",
        "unknown field 'phone'",
    ),
    "missing field": ("  kind: legal-aid\n", "", "legal-b.kind", "- id: legal-b", "missing"),
    "missing source_url": (
        '  source_url: "https://example.org/source-b"\n',
        "",
        "legal-b.source_url",
        "- id: legal-b",
        "source_url",
    ),
    "source_url not a web address": (
        '"https://example.org/source-b"',
        '"example.org/source-b"',
        "legal-b.source_url",
        "example.org/source-b",
        "web address",
    ),
    "bad kind": ("kind: legal-aid", "kind: lawyer", "legal-b.kind", "kind: lawyer", "lawyer"),
    "bad region": (
        "region: national",
        "region: texas",
        "legal-b.region",
        "region: texas",
        "texas",
    ),
    "bad tag": (
        "tags: [legal, detained, court]",
        "tags: [legal, detaned, court]",
        "legal-b.tags[1]",
        "tags: [legal, detaned",
        "Did you mean 'detained'",
    ),
    "month-only date": (
        "date: 2025-01-24",
        "date: 2025-01",
        "legal-b.last_verified.date",
        "date: 2025-01",
        "YYYY-MM-DD",
    ),
    "impossible date": (
        "date: 2025-01-24",
        'date: "2025-02-30"',
        "legal-b.last_verified.date",
        "2025-02-30",
        "YYYY-MM-DD",
    ),
    "unknown date": (
        "date: 2025-01-24",
        "date: unknown",
        "legal-b.last_verified.date",
        "date: unknown",
        "not a date",
    ),
    "future date": (
        "date: 2025-01-24",
        "date: 2027-01-01",
        "legal-b.last_verified.date",
        "date: 2027-01-01",
        "future",
    ),
    "source dated after it was compared": (
        "date: 2025-01-24, method: source}",
        "date: 2025-01-24, method: source}\n  source_date: 2025-03-01",
        "legal-b.source_date",
        "source_date: 2025-03-01",
        "after last_verified.date",
    ),
    "source date that is not a date": (
        "date: 2025-01-24, method: source}",
        "date: 2025-01-24, method: source}\n  source_date: spring 2024",
        "legal-b.source_date",
        "source_date: spring 2024",
        "YYYY-MM-DD",
    ),
    "phone number typed into a caution": (
        "  languages: [es]\n",
        '  languages: [es]\n  caution: {en: "Or call 213-555-0100", es: "Aviso"}\n',
        "legal-b.caution.en",
        "213-555-0100",
        "contains a phone number",
    ),
    "claimed a call": (
        "date: 2025-01-24, method: source",
        "date: 2025-01-24, method: call",
        "legal-b.last_verified.method",
        "method: call",
        "'source'",
    ),
    "number that does not parse": (
        '"1 (800) 898-7180"',
        '"call the office"',
        "legal-b.phones[0].number",
        "call the office",
        "not a phone number",
    ),
    "number that is not valid": (
        '"1 (800) 898-7180"',
        '"123-456-7890"',
        "legal-b.phones[0].number",
        "123-456-7890",
        "not a valid phone number",
    ),
    "dial code among the phones": (
        '"1 (800) 898-7180"',
        '"699#"',
        "legal-b.phones[0].number",
        'number: "699#"',
        "dial code",
    ),
    "dhs tip line": (
        '"1 (800) 898-7180"',
        '"1-866-347-2423"',
        "legal-b.phones[0].number",
        "1-866-347-2423",
        "DHS/ICE tip line",
    ),
    "label keyed by no language": (
        'label: {en: "Court line", es: "Línea de la corte"}',
        'label: {en: "Court line", sp: "Línea de la corte"}',
        "legal-b.phones[0].label.sp",
        'label: {en: "Court line", sp: "Línea de la corte"}',
        "unknown language 'sp' in phones[0].label",
    ),
    "phone number typed into a label": (
        '{en: "Court line", es',
        '{en: "Court line, or 213-555-0100", es',
        "legal-b.phones[0].label.en",
        "213-555-0100",
        "contains a phone number",
    ),
    "conflicting numbers published": (
        '  published: false\n  unpublished_reason: "Sources disagree by one digit."\n',
        "  last_verified: {date: 2025-06-16, method: source}\n  published: true\n",
        "pending-c.published",
        ("published: true", 3),
        "conflicting-sources",
    ),
    "unpublished without a reason": (
        '  unpublished_reason: "Sources disagree by one digit."\n',
        "",
        "pending-c.unpublished_reason",
        "- id: pending-c",
        "unpublished_reason",
    ),
    "published without last_verified": (
        "  last_verified: {date: 2025-01-24, method: source}\n",
        "",
        "legal-b.last_verified",
        "- id: legal-b",
        "last_verified",
    ),
    "unknown language": (
        "languages: [es]",
        "languages: [Klingonese]",
        "legal-b.languages[0]",
        "Klingonese",
        "unknown language",
    ),
    "field written twice": (
        "  region: national\n",
        "  region: national\n  region: national\n",
        "legal-b.region",
        ("region: national", 2),
        "appears twice",
    ),
    "reserved id": (
        "- id: legal-b",
        "- id: emergency",
        "emergency.id",
        "- id: emergency",
        "reserved",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_CASES))
def test_each_mistake_gives_one_message_naming_file_line_id_and_field(case):
    old, new, key, line_text, words = BAD_CASES[case]
    text = replace_once(VALID, old, new)
    found = problems(text)
    assert len(found) == 1, [str(p) for p in found]
    error = found[0]
    assert error.key == key
    needle, occurrence = line_text if isinstance(line_text, tuple) else (line_text, 1)
    assert error.line == line_of(text, needle, occurrence)
    message = str(error)
    assert message.startswith(f"{PATH}:{error.line}: [{key}] ")
    assert words in message
    assert "Traceback" not in message


def test_duplicate_id_names_the_second_entry_and_the_first_line():
    text = replace_once(VALID, "- id: pending-c", "- id: legal-b")
    (error,) = problems(text)
    assert error.key == "legal-b.id"
    assert error.line == line_of(text, "- id: legal-b", occurrence=2)
    assert f"first used on line {line_of(text, '- id: legal-b')}" in str(error)


def test_exactly_one_published_emergency_contact():
    none = replace_once(VALID, "tags: [emergency, report]", "tags: [report]")
    (error,) = problems(none)
    assert error.key == "tags" and "exactly one" in str(error)
    assert str(error).startswith(PATH)

    two = replace_once(VALID, "tags: [legal, detained, court]", "tags: [legal, emergency]")
    (error,) = problems(two)
    assert error.key == "legal-b.tags"
    assert error.line == line_of(two, "- id: legal-b")
    assert "already: hotline-a" in str(error)

    # An unpublished contact tagged 'emergency' does not count.
    hidden = replace_once(VALID, "tags: [consulate]", "tags: [consulate, emergency]")
    assert problems(hidden) == []


def test_yaml_syntax_error_names_file_and_line_without_traceback():
    text = replace_once(VALID, "  kind: legal-aid\n", "  kind: [legal-aid\n")
    (error,) = problems(text)
    assert error.key is None
    assert str(error).startswith(f"{PATH}:")
    assert "not valid YAML" in str(error)
    # The parser notices the unclosed bracket on the next lines; it must point near it.
    assert abs(error.line - line_of(text, "kind: [legal-aid")) <= 2


def test_a_file_that_is_not_a_list_is_refused():
    (error,) = problems("id: lonely\nname: x\n")
    assert "list of contacts" in str(error) and error.line == 1


def test_load_contacts_raises_the_first_problem(tmp_path):
    path = tmp_path / "contacts.yml"
    path.write_text(replace_once(VALID, "kind: legal-aid", "kind: lawyer"), encoding="utf-8")
    with pytest.raises(KyrError) as caught:
        load_contacts(path, languages=LANGS, shown_as="data/contacts.yml")
    assert caught.value.key == "legal-b.kind"
    assert str(caught.value).startswith("data/contacts.yml:")
    with pytest.raises(KyrError, match="does not exist"):
        load_contacts(tmp_path / "missing.yml", languages=LANGS)


# --- Selecting and grouping ---


def test_select_by_tag_and_emergency_contact_ignore_unpublished():
    contacts, _ = check_contacts(VALID, PATH, languages=LANGS)
    assert [c.id for c in with_tag(contacts, "consulate")] == []
    assert [c.id for c in with_tag(contacts, "court")] == ["legal-b"]
    assert emergency_contact(contacts).id == "hotline-a"
    assert by_id(contacts, "nobody") is None


def test_directory_groups_each_contact_once_in_its_most_specific_group():
    text = replace_once(VALID, "published: false", "published: true")
    text = replace_once(text, "confidence: conflicting-sources", "confidence: seen-in-source")
    text = replace_once(text, '  unpublished_reason: "Sources disagree by one digit."\n', "")
    text = replace_once(
        text,
        "  tags: [consulate]\n",
        "  tags: [consulate, detained]\n  last_verified: {date: 2026-11-27, method: source}\n",
    )
    contacts, errors = check_contacts(text, PATH, languages=LANGS)
    assert errors == []
    groups = {key: [c.id for c in members] for key, members in directory_groups(contacts)}
    assert list(groups) == ["report", "legal", "consulate"]  # display order, empty ones dropped
    assert groups == {"report": ["hotline-a"], "legal": ["legal-b"], "consulate": ["pending-c"]}


# --- Staleness ---


def test_stale_lists_published_contacts_older_than_the_limit():
    contacts, _ = check_contacts(VALID, PATH, languages=LANGS)
    # legal-b was verified 2025-01-24: 672 days before TODAY.
    assert [(c.id, age) for c, age in stale(contacts, TODAY)] == [("legal-b", 672)]
    assert stale(contacts, date(2025, 7, 23)) == []  # exactly 180 days: not yet stale
    assert [c.id for c, _ in stale(contacts, date(2025, 7, 24))] == ["legal-b"]  # 181 days
    assert [c.id for c, _ in stale(contacts, TODAY, days=2000)] == []


# --- contacts.json ---


def test_json_export_holds_published_contacts_in_both_languages_only():
    contacts, _ = check_contacts(VALID, PATH, languages=LANGS)
    text = contacts_json(contacts)
    assert text == contacts_json(contacts)  # identical between builds
    data = json.loads(text)
    assert data["version"] == 3 and data["languages"] == ["en", "es"]
    assert [c["id"] for c in data["contacts"]] == ["hotline-a", "legal-b"]
    hotline = data["contacts"][0]
    assert hotline["phones"] == [
        {
            "e164": "+18886244752",
            "display": "(888) 624-4752",
            "tel": "tel:+18886244752",
            "label": {"en": "Report enforcement", "es": "Reporte operativos"},
        }
    ]
    assert hotline["name"] == {"en": "Hotline A", "es": "Línea A"}
    assert hotline["last_verified"] == {"date": "2026-11-27", "method": "source"}
    assert data["contacts"][1]["dial_codes"][0]["code"] == "699#"
    assert "notes" not in hotline and "unpublished_reason" not in hotline
    assert "213" not in text  # the unpublished contact's number never leaks


# --- vCards ---


def unfold(card: str) -> str:
    return card.replace("\r\n ", "")


def test_vcard_is_version_3_with_crlf_e164_and_page_language_text():
    contacts, _ = check_contacts(VALID, PATH, languages=LANGS)
    legal = by_id(contacts, "legal-b")
    card = vcard(legal, "es", GETTEXT["es"])
    assert card.startswith("BEGIN:VCARD\r\nVERSION:3.0\r\n")
    assert card.endswith("END:VCARD\r\n")
    assert "\n" not in card.replace("\r\n", "")
    assert all(len(line.encode()) <= 75 for line in card.split("\r\n"))
    flat = unfold(card)
    assert "item1.TEL;TYPE=VOICE:+18008987180\r\n" in flat
    assert "item1.X-ABLabel:Línea de la corte\r\n" in flat
    assert "FN:Legal B\r\n" in flat
    # Dial codes are never TEL entries; they are explained in the note.
    assert flat.count("TEL") == 1
    assert "Marque 699#: desde la detención" in flat
    assert "comparado el 2025-01-24" in flat and "https://example.org/source-b" in flat


def test_vcard_escapes_commas_and_semicolons_and_folds_long_lines():
    contacts, _ = check_contacts(VALID, PATH, languages=LANGS)
    english = unfold(vcard(by_id(contacts, "legal-b"), "en", GETTEXT["en"]))
    assert "FN:Legal B\\, Inc.\\; office\r\n" in english
    long_name = replace_once(VALID, '"Hotline A"', '"' + "Línea muy larga " * 10 + '"')
    contacts, _ = check_contacts(long_name, PATH, languages=LANGS)
    card = vcard(contacts[0], "en", GETTEXT["en"])
    assert "\r\n " in card  # folded
    assert all(len(line.encode()) <= 75 for line in card.split("\r\n"))
    assert "Línea muy larga " * 3 in unfold(card)


def test_emergency_set_is_the_hotline_then_the_tagged_contacts_by_need():
    contacts, _ = check_contacts(VALID, PATH, languages=LANGS)
    assert [c.id for c in emergency_set(contacts)] == ["hotline-a"]
    tagged = VALID.replace("tags: [legal, detained, court]", "tags: [legal, emergency-set]")
    contacts, errors = check_contacts(tagged, PATH, languages=LANGS)
    assert errors == []
    assert [c.id for c in emergency_set(contacts)] == ["hotline-a", "legal-b"]
    text = vcards(emergency_set(contacts), "en", GETTEXT["en"])
    assert text.count("BEGIN:VCARD") == 2 and "+18886244752" in text


# --- Template views ---


def test_contact_view_is_in_the_page_language():
    contacts, _ = check_contacts(VALID, PATH, languages=LANGS)
    view = contact_view(contacts[0], "es")
    assert view["name"] == "Línea A"
    assert view["phones"][0] == {
        "href": "tel:+18886244752",
        "e164": "+18886244752",
        "display": "(888) 624-4752",
        "label": "Reporte operativos",
    }
    assert view["languages"] == "español e inglés"
    assert view["hours"] == "Todos los días"
    assert view["last_verified"] == date(2026, 11, 27)
    assert contact_view(contacts[0], "en")["languages"] == "Spanish and English"
    assert language_name("cmn", "es") == "mandarín"
    # Each language lists names its own way, not with an English comma.
    assert language_list(["en", "es"], "es") == "inglés y español"
    assert language_list(["es", "en"], "fa") == "اسپانیایی و انگلیسی"
    assert language_list(["es", "en", "ko"], "zh-Hant") == "西班牙文、英文和韓文"
    assert language_list([], "en") == ""
    assert website_label("https://www.immdef.org/community-resources/") == (
        "immdef.org/community-resources"
    )


def test_source_date_and_caution_reach_the_card_json_and_vcard():
    text = VALID.replace(
        "  last_verified: {date: 2026-11-27, method: source}\n",
        "  last_verified: {date: 2026-11-27, method: source}\n  source_date: 2024-11-26\n"
        '  caution: {en: "Run by ICE", es: "Lo maneja ICE"}\n',
        1,
    )
    contacts, errors = check_contacts(text, PATH, languages=LANGS)
    assert errors == []
    hotline = contacts[0]
    assert hotline.source_date == date(2024, 11, 26)
    # 731 days between the source's date and the comparison: an old source.
    assert hotline.old_source
    view = contact_view(hotline, "es")
    assert view["caution"] == "Lo maneja ICE"
    assert view["source_date"] == date(2024, 11, 26) and view["old_source"] is True
    record = json.loads(contacts_json(contacts))["contacts"][0]
    assert record["source_date"] == "2024-11-26"
    assert record["caution"] == {"en": "Run by ICE", "es": "Lo maneja ICE"}
    card = vcard(hotline, "en", GETTEXT["en"]).replace("\r\n ", "")
    assert "Run by ICE" in card
    assert "(dated 2024-11-26)\\, compared on 2026-11-27" in card
    # A day less is not old; no source date at all says so instead of inventing one.
    newer = text.replace("source_date: 2024-11-26", "source_date: 2024-11-27")
    assert not check_contacts(newer, PATH, languages=LANGS)[0][0].old_source
    undated = vcard(
        check_contacts(VALID, PATH, languages=LANGS)[0][0], "es", GETTEXT["es"]
    ).replace("\r\n ", "")
    assert "(la página no tiene fecha)\\, comparado el 2026-11-27" in undated


# --- Phone numbers typed into text ---


@pytest.mark.parametrize(
    "text, number",
    [
        ("Call 213-555-0100 now.", "213-555-0100"),
        ("(213) 555-0100", "(213) 555-0100"),
        ("213.555.0100", "213.555.0100"),
        ("213 555 0100", "213 555 0100"),
        ("+1 213 555 0100", "+1 213 555 0100"),
        ("1-800-898-7180", "1-800-898-7180"),
        ("1 (800) 898-7180", "1 (800) 898-7180"),
        ("2135550100", "2135550100"),
        ("18008987180", "18008987180"),
        ("[call](tel:+12135550100)", "+12135550100"),
        ("Llame al 213–555–0100.", "213–555–0100"),
        ("Never call 1-866-DHS-2-ICE", "1-866-DHS-2-ICE"),
        ("the hotline 888-6-CHIRLA", "888-6-CHIRLA"),
        ("a typo like 123-456-7890 still counts", "123-456-7890"),
    ],
)
def test_typed_phone_numbers_are_found(text, number):
    assert [found.text for found in find_phone_numbers(text)] == [number]


@pytest.mark.parametrize(
    "text",
    [
        "In 2017-2025 the rules changed.",
        "Effective 2026-11-27 and 11/27/2026.",
        "June 6, 2025 to Nov. 27, 2026",
        "Form I-200 and forms I-130, I-485, G-28, EOIR-33",
        "Your A-number: A 123 456 789 (or A-123-456-789, A123456789, A 012 345 678)",
        "the 9-digit A-number; put a 0 before an 8-digit one",
        "a $100,000 bond and 1,000,000 people",
        "Los Angeles, CA 90057-1234",
        "SB 54 and AB 699",
        "From detention dial 699# or *9233#",
        "Call 911 or 988 or 211",
        "Section 287(g) and 8 U.S.C. 1357",
        "Case 2:25-cv-05605",
        "https://example.org/nid23122025/ and ?id=1234567890",
        "article_7e1264b6-da8d-11ef",
        "0.1234567890 and 12345678901234",
    ],
)
def test_things_that_are_not_phone_numbers_are_left_alone(text):
    assert find_phone_numbers(text) == []


def test_typed_numbers_report_line_and_column():
    found = find_phone_numbers("# Title\n\nFirst line.\nCall (213) 555-0100 or 213-555-0101.\n")
    assert [(f.line, f.column, f.text) for f in found] == [
        (4, 6, "(213) 555-0100"),
        (4, 24, "213-555-0101"),
    ]


# --- Markers ---


PAGE = dedent(
    """\
    # Help

    <!-- kyr:hotline -->
    Text with `<!-- kyr:not-a-marker -->` in inline code.

    ```markdown
    <!-- kyr:contacts id=example-in-a-code-block -->
    ```

    <!-- kyr:contacts id=legal-b -->
      <!-- kyr:contacts tag=court -->
    <!-- kyr:directory -->
    """
)


def test_markers_are_found_outside_code_only():
    markers = find_markers(PAGE)
    assert [(m.kind, m.value, m.line) for m in markers] == [
        ("hotline", None, 3),
        ("id", "legal-b", 10),
        ("tag", "court", 11),
        ("directory", None, 12),
    ]


def test_markers_are_replaced_by_raw_html_blocks():
    out = replace_markers(PAGE, lambda m: f"<div>\n    <p>{m.kind}</p>\n\n</div>")
    assert "<!-- kyr:hotline -->" not in out
    assert "\n\n<div>\n<p>hotline</p>\n</div>\n\n" in out  # no indentation, no blank lines inside
    assert "<!-- kyr:contacts id=example-in-a-code-block -->" in out  # code is untouched
    assert "`<!-- kyr:not-a-marker -->`" in out
    assert html_block("  <a>\n\n   <b/>\n") == "<a>\n<b/>"


@pytest.mark.parametrize(
    "line",
    [
        "<!-- kyr:contact id=legal-b -->",  # typo in the marker name
        "<!-- kyr:contacts ids=legal-b -->",
        "<!-- kyr:contacts id=Legal_B -->",
        "See <!-- kyr:hotline --> here",  # not on a line of its own
    ],
)
def test_malformed_markers_are_errors_with_their_line(line):
    with pytest.raises(MarkerError) as caught:
        find_markers(f"# Title\n\n{line}\n")
    assert caught.value.line == 3


# --- The project's real data ---


def test_the_real_contacts_file_is_valid_and_safe():
    # The real file is checked against the real date: nothing in it may be dated in the future.
    text = DATA.read_text(encoding="utf-8")
    contacts, errors = check_contacts(text, PATH, languages=LANGS, today=date.today())
    assert errors == [], [str(e) for e in errors]
    shown = published(contacts)
    assert len(with_tag(shown, "emergency")) == 1
    assert emergency_contact(contacts).phones
    for contact in shown:
        assert contact.last_verified is not None and contact.method == "source"
        assert contact.source_url.startswith(("https://", "http://"))
        if contact.phones:
            assert contact.confidence == "seen-in-source", contact.id
    numbers = {phone.e164 for contact in contacts for phone in contact.phones}
    assert "+18663472423" not in numbers  # 1-866-DHS-2-ICE
    assert "DHS-2-ICE" not in re.sub(r"(?m)^#.*$", "", DATA.read_text(encoding="utf-8"))
    for tag in TAGS:
        assert isinstance(with_tag(shown, tag), list)


def test_the_pending_list_is_up_to_date():
    contacts = load_contacts(DATA, languages=LANGS, shown_as=PATH)
    expected = pending_markdown(contacts, PATH)
    actual = (REPO / "data" / "CONTACTS-PENDING.md").read_text(encoding="utf-8")
    assert actual == expected, "Run: kyr contacts pending > data/CONTACTS-PENDING.md"


# --- kyr contacts check ---


def run_cli(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_cli_check_lists_unpublished_and_stale_and_fails_only_when_strict(tmp_path):
    path = tmp_path / "contacts.yml"
    path.write_text(VALID, encoding="utf-8")
    result = run_cli("contacts", "check", "--file", str(path), "--today", "2026-11-27")
    assert result.exit_code == 0, result.output
    assert "3 contact(s) valid, 2 published, 1 not published" in result.output
    assert "pending-c: Sources disagree by one digit." in result.output
    assert "legal-b: 2025-01-24 (672 days)" in result.output

    strict = run_cli("contacts", "check", "--file", str(path), "--today", "2026-11-27", "--strict")
    assert strict.exit_code == 1
    assert "1 stale contact(s)" in strict.output

    fresh = run_cli(
        "contacts",
        "check",
        "--file",
        str(path),
        "--today",
        "2026-11-27",
        "--days",
        "700",
        "--strict",
    )
    assert fresh.exit_code == 0, fresh.output
    assert "No published contact is older than 700 days" in fresh.output

    # Freshly compared, but against a page from 2022: listed, and --strict fails.
    path.write_text(
        VALID.replace(
            "date: 2026-11-27, method: source}",
            "date: 2026-11-27, method: source}\n  source_date: 2022-05-01",
            1,
        ),
        encoding="utf-8",
    )
    args = ["contacts", "check", "--file", str(path), "--today", "2026-11-27", "--days", "700"]
    listed = run_cli(*args)
    assert listed.exit_code == 0, listed.output
    assert "hotline-a: source dated 2022-05-01" in listed.output
    old = run_cli(*args, "--strict")
    assert old.exit_code == 1 and "1 with an old source" in old.output


def test_cli_check_fails_on_invalid_data_with_the_message(tmp_path):
    path = tmp_path / "contacts.yml"
    path.write_text(replace_once(VALID, "kind: legal-aid", "kind: lawyer"), encoding="utf-8")
    result = run_cli("contacts", "check", "--file", str(path), "--today", "2026-11-27")
    assert result.exit_code == 1
    assert "[legal-b.kind]" in result.output and "Traceback" not in result.output


def test_cli_check_reads_the_project_contacts_file_by_default():
    result = run_cli("contacts", "check", "--root", str(REPO))
    assert result.exit_code == 0, result.output
    assert result.output.startswith("data/contacts.yml: ")
