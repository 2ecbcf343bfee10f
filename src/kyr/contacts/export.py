"""What the site publishes from the contacts: template views, `contacts.json` and vCards.

Only published contacts are ever passed here. No MkDocs import.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path
from urllib.parse import urlsplit

from kyr.contacts.load import (
    Contact,
    emergency_set,
    language_list,
    published,
    text_for,
    text_language,
)

Gettext = Callable[[str], str]

# 2: phones carry "display" (was "national", which held +503 … too).
# 3: "region" is local, state or national (was the name of a city, a state, or national).
JSON_VERSION = 3
VCARD_LINE_OCTETS = 75


# --- Template views ---


def website_label(url: str) -> str:
    """https://www.example.org/community-resources/ -> example.org/community-resources"""
    parts = urlsplit(url)
    host = parts.netloc.removeprefix("www.")
    path = parts.path.rstrip("/")
    return host + path + (f"?{parts.query}" if parts.query else "")


def contact_view(contact: Contact, page_lang: str) -> dict:
    """Everything the contact-card macros show, in the page's language, or else wholly in the
    default language with `text_lang` saying so (the card marks it and says why)."""
    lang = text_language(contact, page_lang)
    return {
        "id": contact.id,
        "text_lang": lang,
        "fallback": lang != page_lang,
        "name": text_for(contact.name, lang),
        "kind": contact.kind,
        "tags": list(contact.tags),
        "phones": [
            {
                "href": phone.href,
                "e164": phone.e164,
                "display": phone.display,
                "label": text_for(phone.label, lang),
            }
            for phone in contact.phones
        ],
        "dial_codes": [
            {"code": code.code, "label": text_for(code.label, lang)} for code in contact.dial_codes
        ],
        "website": contact.website,
        "website_label": website_label(contact.website) if contact.website else None,
        "hours": text_for(contact.hours, lang) if contact.hours else None,
        "services": list(text_for(contact.services, lang)),
        "languages": language_list(contact.languages, page_lang),
        "caution": text_for(contact.caution, lang) if contact.caution else None,
        "source_url": contact.source_url,
        "source_date": contact.source_date,
        "old_source": contact.old_source,
        "last_verified": contact.last_verified,
        "method": contact.method,
    }


# --- contacts.json ---


def contact_record(contact: Contact) -> dict:
    """One published contact, with the texts of every language."""
    return {
        "id": contact.id,
        "name": dict(contact.name),
        "kind": contact.kind,
        "region": contact.region,
        "tags": list(contact.tags),
        "phones": [
            {
                "e164": phone.e164,
                "display": phone.display,
                "tel": phone.href,
                "label": dict(phone.label),
            }
            for phone in contact.phones
        ],
        "dial_codes": [
            {"code": code.code, "label": dict(code.label)} for code in contact.dial_codes
        ],
        "website": contact.website,
        "hours": dict(contact.hours) if contact.hours else None,
        "services": {lang: list(items) for lang, items in contact.services.items()},
        "languages": list(contact.languages),
        "caution": dict(contact.caution) if contact.caution else None,
        "source_url": contact.source_url,
        "source_date": contact.source_date.isoformat() if contact.source_date else None,
        "last_verified": {
            "date": contact.last_verified.isoformat() if contact.last_verified else None,
            "method": contact.method,
        },
    }


def contacts_json(contacts: Iterable[Contact]) -> str:
    """The published contacts as JSON, identical between builds of the same data."""
    records = [contact_record(c) for c in contacts if c.published]
    languages = list(dict.fromkeys(lang for record in records for lang in record["name"]))
    data = {"version": JSON_VERSION, "languages": languages, "contacts": records}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


# --- vCard 3.0 ---


def note_texts(gettext: Gettext) -> dict[str, str]:
    """The sentences of a vCard's note, in the reader's language (the gettext catalogs)."""
    return {
        "dial": gettext("Dial %(code)s: %(label)s"),
        "hours": gettext("Hours: %(hours)s"),
        "verified": gettext("Number as shown on %(url)s (%(dated)s), compared on %(date)s"),
        "dated": gettext("dated %(date)s"),
        "undated": gettext("no date on the page"),
    }


def _escape(text: str) -> str:
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\n")
        .replace("\n", "\\n")
    )


def _fold(line: str) -> list[str]:
    """Split a content line into pieces of at most 75 octets, never inside a UTF-8 character."""
    pieces: list[str] = []
    current, size, limit = "", 0, VCARD_LINE_OCTETS
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            pieces.append(current)
            current, size, limit = (
                "",
                0,
                VCARD_LINE_OCTETS - 1,
            )  # continuation lines start with a space
        current += char
        size += width
    pieces.append(current)
    return [pieces[0]] + [" " + piece for piece in pieces[1:]]


def vcard(contact: Contact, lang: str, gettext: Gettext) -> str:
    """One contact as a vCard 3.0 for a reader of `lang`: the contact's texts in that language
    (or all in the default language), the note's sentences from `gettext` (CRLF line ends,
    folded at 75 octets)."""
    lang = text_language(contact, lang)
    name = text_for(contact.name, lang)
    texts = note_texts(gettext)
    note = [f"{text_for(p.label, lang)}: {p.display}" for p in contact.phones]
    note += [
        texts["dial"] % {"code": d.code, "label": text_for(d.label, lang)}
        for d in contact.dial_codes
    ]
    if contact.hours:
        note.append(texts["hours"] % {"hours": text_for(contact.hours, lang)})
    if contact.caution:
        note.append(text_for(contact.caution, lang))
    if contact.last_verified:
        dated = (
            texts["dated"] % {"date": contact.source_date.isoformat()}
            if contact.source_date
            else texts["undated"]
        )
        note.append(
            texts["verified"]
            % {"date": contact.last_verified.isoformat(), "url": contact.source_url, "dated": dated}
        )
    lines = [
        "BEGIN:VCARD",
        "VERSION:3.0",
        "PRODID:-//kyr//contacts//EN",
        f"UID:urn:kyr:contact:{contact.id}",
        f"FN:{_escape(name)}",
        f"N:{_escape(name)};;;;",
        f"ORG:{_escape(name)}",
        "X-ABShowAs:COMPANY",
    ]
    for number, phone in enumerate(contact.phones, start=1):
        lines.append(f"item{number}.TEL;TYPE=VOICE:{phone.e164}")
        lines.append(f"item{number}.X-ABLabel:{_escape(text_for(phone.label, lang))}")
    if contact.website:
        lines.append(f"URL:{contact.website}")
    lines.append(f"NOTE:{_escape(chr(10).join(note))}")
    lines.append("END:VCARD")
    return "".join(piece + "\r\n" for line in lines for piece in _fold(line))


def vcards(contacts: Iterable[Contact], lang: str, gettext: Gettext) -> str:
    """Several contacts in one .vcf file."""
    return "".join(vcard(contact, lang, gettext) for contact in contacts)


def write_contact_files(
    site_dir: Path,
    contacts: Iterable[Contact],
    languages: Iterable,
    gettext_for: Callable[[str], Gettext],
) -> None:
    """contacts.json (published data, every language) and vCards in each language's folder;
    `gettext_for(code)` gives a language's interface strings."""
    shown = published(contacts)
    (site_dir / "contacts.json").write_text(contacts_json(shown), encoding="utf-8")
    emergency = emergency_set(shown)
    for language in languages:
        folder = site_dir / language.prefix / "contacts"
        folder.mkdir(parents=True, exist_ok=True)
        gettext = gettext_for(language.code)
        for contact in shown:
            card = vcard(contact, language.code, gettext)
            (folder / f"{contact.id}.vcf").write_bytes(card.encode())
        (folder / "emergency.vcf").write_bytes(vcards(emergency, language.code, gettext).encode())
