"""Validation of `data/contacts.yml` as a whole: each entry, ids, and the emergency contact.

Each problem is one `KyrError` naming the file, the line, and the entry id and field (`key`);
validation of an entry stops at its first problem, so one mistake gives one message. Field checks
live in kyr.contacts.fields, line tracking in kyr.contacts.source. No MkDocs import.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from kyr.contacts import fields
from kyr.contacts.model import (
    ALLOWED,
    CONFIDENCE,
    ID_PATTERN,
    KINDS,
    REGIONS,
    REQUIRED,
    RESERVED_IDS,
    Contact,
)
from kyr.contacts.source import Entry, key_of, line_of, parse_entries
from kyr.errors import KyrError
from kyr.pages.phones_in_text import find_phone_numbers


def validate(
    text: str, path: str | Path, today: date | None, languages: tuple[str, ...]
) -> tuple[list[Contact], list[KyrError]]:
    """Validate contacts YAML text; `path` is only used in messages. `languages` are the site's
    language codes, the default first: its texts are required, the others' optional."""
    try:
        entries = parse_entries(text, path)
    except KyrError as error:
        return [], [error]
    contacts: list[Contact] = []
    errors: list[KyrError] = []
    first_line_of_id: dict[str, int] = {}
    for entry in entries:
        contact = _validate_entry(entry, path, today, languages)
        errors += entry.errors
        if contact is None:
            continue
        if contact.id in first_line_of_id:
            errors.append(
                KyrError(
                    path,
                    f"duplicate id '{contact.id}' "
                    f"(first used on line {first_line_of_id[contact.id]})",
                    line=entry.lines.get("id", entry.line),
                    key=f"{contact.id}.id",
                    hint="Every contact needs its own id; markers and vCard files use it.",
                )
            )
            continue
        first_line_of_id[contact.id] = entry.lines.get("id", entry.line)
        contacts.append(contact)
    if not errors:
        errors += _emergency_problems(contacts, path)
    return contacts, errors


# --- Validation of one entry ---


class _Invalid(Exception):
    """Stops validating one entry after its first problem (one clear message per mistake)."""


def _validate_entry(
    entry: Entry, path: str | Path, today: date | None, languages: tuple[str, ...]
) -> Contact | None:
    if entry.errors:
        return None
    data = entry.data

    def fail(field_path: str, message: str, hint: str | None = None) -> None:
        entry.errors.append(
            KyrError(
                path,
                message,
                line=line_of(entry, field_path),
                key=key_of(entry, field_path),
                hint=hint,
            )
        )
        raise _Invalid

    try:
        return _build_contact(data, entry, fail, today, languages)
    except _Invalid:
        return None


def _build_contact(
    data: dict, entry: Entry, fail, today: date | None, text_languages: tuple[str, ...]
) -> Contact:
    for name in data:
        if name not in ALLOWED:
            close = difflib.get_close_matches(str(name), ALLOWED, n=1)
            fail(
                str(name),
                f"unknown field '{name}'",
                f"Did you mean '{close[0]}'?"
                if close
                else f"Allowed fields: {', '.join(ALLOWED)}.",
            )
    for name in REQUIRED:
        if name not in data:
            fail(
                name,
                f"the required field '{name}' is missing",
                f"Add '{name}:' to this contact (the comment at the top of the file lists "
                "every field).",
            )

    ident = data["id"]
    if not isinstance(ident, str) or not ID_PATTERN.match(ident):
        fail("id", f"the id {ident!r} must be lowercase letters, digits and single hyphens")
    if ident in RESERVED_IDS:
        fail("id", f"the id '{ident}' is reserved (the site writes contacts/{ident}.vcf itself)")
    name = fields.texts(data["name"], "name", fail, text_languages)
    kind = fields.choice(data["kind"], "kind", KINDS, fail)
    region = fields.choice(data["region"], "region", REGIONS, fail)
    confidence = fields.choice(data["confidence"], "confidence", CONFIDENCE, fail)
    published = data["published"]
    if not isinstance(published, bool):
        fail("published", "published must be true or false")
    phones = fields.phones(data["phones"], fail, text_languages)
    dial_codes = fields.dial_codes(data.get("dial_codes", []), fail, text_languages)
    services = fields.text_lists(data["services"], "services", fail, text_languages)
    languages = fields.languages(data["languages"], fail)
    tags = fields.tags(data["tags"], fail)
    source_url = fields.url(data["source_url"], "source_url", fail)
    website = hours = None
    if data.get("website") is not None:
        website = fields.url(data["website"], "website", fail)
    if data.get("hours") is not None:
        hours = fields.texts(data["hours"], "hours", fail, text_languages)
    last_verified, method = fields.last_verified(data.get("last_verified"), fail, today)
    source_date = fields.source_date(data.get("source_date"), last_verified, fail, today)
    caution = None
    if data.get("caution") is not None:
        caution = fields.texts(data["caution"], "caution", fail, text_languages)
    notes = data.get("notes")
    if notes is not None and not isinstance(notes, str):
        fail("notes", "notes must be text")
    reason = data.get("unpublished_reason")
    if reason is not None and (not isinstance(reason, str) or not reason.strip()):
        fail("unpublished_reason", "unpublished_reason must be a sentence saying why")

    if published:
        if reason is not None:
            fail("unpublished_reason", "a published contact must not have an unpublished_reason")
        if last_verified is None:
            fail(
                "last_verified",
                "a published contact needs last_verified (date and method)",
                "Match its numbers against source_url first; never guess.",
            )
        if phones and confidence != "seen-in-source":
            fail(
                "published",
                f"a contact with confidence '{confidence}' cannot be published with phone numbers",
                "Set published: false, or remove the phones until the sources agree.",
            )
        if not phones and not website:
            fail("published", "a published contact needs at least a phone number or a website")
    elif reason is None:
        fail(
            "unpublished_reason",
            "an unpublished contact needs an unpublished_reason",
            "Say why it is held back; `kyr contacts check` lists these for maintainers.",
        )

    for field_path, text in _all_texts(name, hours, caution, services, phones, dial_codes):
        found = find_phone_numbers(text)
        if found:
            fail(
                field_path,
                f"this text contains a phone number ('{found[0].text}')",
                "Numbers belong in phones, where they are checked; keep labels free of digits.",
            )

    return Contact(
        id=ident,
        name=name,
        kind=kind,
        region=region,
        phones=phones,
        services=services,
        languages=languages,
        tags=tags,
        source_url=source_url,
        confidence=confidence,
        published=published,
        dial_codes=dial_codes,
        website=website,
        hours=hours,
        caution=caution,
        source_date=source_date,
        last_verified=last_verified,
        method=method,
        notes=notes,
        unpublished_reason=reason,
        line=entry.line,
    )


def _all_texts(name, hours, caution, services, phones, dial_codes) -> Iterable[tuple[str, str]]:
    """(field path, text) of every text in every language the entry has."""
    yield from ((f"name.{lang}", text) for lang, text in name.items())
    yield from ((f"hours.{lang}", text) for lang, text in (hours or {}).items())
    yield from ((f"caution.{lang}", text) for lang, text in (caution or {}).items())
    for lang, items in services.items():
        yield from ((f"services.{lang}[{i}]", text) for i, text in enumerate(items))
    for i, phone in enumerate(phones):
        yield from ((f"phones[{i}].label.{lang}", text) for lang, text in phone.label.items())
    for i, code in enumerate(dial_codes):
        yield from ((f"dial_codes[{i}].label.{lang}", text) for lang, text in code.label.items())


def _emergency_problems(contacts: list[Contact], path: str | Path) -> list[KyrError]:
    emergency = [c for c in contacts if c.published and "emergency" in c.tags]
    if not emergency:
        return [
            KyrError(
                path,
                "no published contact has the tag 'emergency'; exactly one must",
                key="tags",
                hint="Tag the rapid-response hotline with 'emergency'.",
            )
        ]
    problems = []
    for extra in emergency[1:]:
        problems.append(
            KyrError(
                path,
                "only one published contact may have the tag 'emergency' "
                f"(already: {emergency[0].id})",
                line=extra.line,
                key=f"{extra.id}.tags",
            )
        )
    for contact in emergency:
        if not contact.phones:
            problems.append(
                KyrError(
                    path,
                    "the emergency contact needs a phone number",
                    line=contact.line,
                    key=f"{contact.id}.phones",
                )
            )
    return problems
