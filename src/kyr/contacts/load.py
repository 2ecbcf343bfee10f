"""Advocacy contacts: load `data/contacts.yml`, validate it, and select contacts (no MkDocs import).

A wrong phone number harms people, so the rules are strict: every entry names the page where its
numbers were seen (`source_url`) and when they were last matched against it (`last_verified`);
every number must parse as a real phone number; numbers with conflicting or missing sources are
never published; the DHS/ICE tip line is refused outright. Each problem is one `KyrError` naming
the file, the line, and the entry id and field (`key`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from pathlib import Path
from typing import Any

from kyr.contacts.model import (
    DIRECTORY_GROUPS,
    GROUP_PRIORITY,
    KINDS,
    OTHER_GROUP,
    STALE_AFTER_DAYS,
    TAGS,
    Contact,
    DialCode,
    Phone,
    language_code,
)
from kyr.contacts.schema import validate
from kyr.errors import KyrError
from kyr.languages import language_list, language_name
from kyr.pages.text_files import decode_text

__all__ = [
    "KINDS",
    "STALE_AFTER_DAYS",
    "TAGS",
    "Contact",
    "DialCode",
    "Phone",
    "by_id",
    "check_contacts",
    "check_contacts_file",
    "directory_groups",
    "emergency_contact",
    "emergency_set",
    "language_code",
    "language_list",
    "language_name",
    "load_contacts",
    "pending_markdown",
    "published",
    "stale",
    "text_for",
    "text_language",
    "unpublished",
    "with_tag",
]


# --- Loading ---


def load_contacts(
    path: str | Path,
    *,
    languages: tuple[str, ...],
    today: date | None = None,
    shown_as: str | Path | None = None,
) -> list[Contact]:
    """Read and validate the contacts file; raise the first problem as a `KyrError`.

    `today` enables the check for dates in the future; `shown_as` is the path used in messages.
    """
    contacts, errors = check_contacts_file(
        path, languages=languages, today=today, shown_as=shown_as
    )
    if errors:
        raise errors[0]
    return contacts


def check_contacts_file(
    path: str | Path,
    *,
    languages: tuple[str, ...],
    today: date | None = None,
    shown_as: str | Path | None = None,
) -> tuple[list[Contact], list[KyrError]]:
    """Read and validate the contacts file; return the valid contacts and every problem found."""
    path = Path(path)
    shown = shown_as if shown_as is not None else path
    try:
        text = decode_text(path.read_bytes(), shown)
    except FileNotFoundError:
        return [], [KyrError(shown, "the contacts file does not exist")]
    except KyrError as error:  # not UTF-8 text
        return [], [error]
    return check_contacts(text, shown, languages=languages, today=today)


def check_contacts(
    text: str, path: str | Path, *, languages: tuple[str, ...], today: date | None = None
) -> tuple[list[Contact], list[KyrError]]:
    """Validate contacts YAML text; `path` is only used in messages. `languages`: the site's
    codes, the default first (its texts are required)."""
    return validate(text, path, today, languages)


# --- Selecting ---


def published(contacts: Iterable[Contact]) -> list[Contact]:
    return [c for c in contacts if c.published]


def unpublished(contacts: Iterable[Contact]) -> list[Contact]:
    return [c for c in contacts if not c.published]


def by_id(contacts: Iterable[Contact], ident: str) -> Contact | None:
    return next((c for c in contacts if c.id == ident), None)


def with_tag(contacts: Iterable[Contact], tag: str) -> list[Contact]:
    """Published contacts with a tag, in file order."""
    return [c for c in contacts if c.published and tag in c.tags]


def emergency_contact(contacts: Iterable[Contact]) -> Contact | None:
    found = with_tag(contacts, "emergency")
    return found[0] if found else None


def emergency_set(contacts: Iterable[Contact]) -> list[Contact]:
    """What a family saves to a phone in one tap: the hotline, then the contacts tagged
    'emergency-set' in the directory's order of needs (legal help, detained, consulates)."""
    chosen = [c for c in published(contacts) if "emergency" in c.tags]
    for _, members in directory_groups(contacts):
        chosen += [c for c in members if "emergency-set" in c.tags and c not in chosen]
    return chosen


def directory_groups(contacts: Iterable[Contact]) -> list[tuple[str, list[Contact]]]:
    """Published contacts grouped by need (DIRECTORY_GROUPS order, then 'other'); the emergency
    contact comes first in its group. Empty groups are left out."""
    groups: dict[str, list[Contact]] = {name: [] for name in (*DIRECTORY_GROUPS, OTHER_GROUP)}
    for contact in published(contacts):
        group = next((g for g in GROUP_PRIORITY if g in contact.tags), OTHER_GROUP)
        groups[group].append(contact)
    for members in groups.values():
        members.sort(key=lambda c: "emergency" not in c.tags)  # stable: file order otherwise
    return [(name, members) for name, members in groups.items() if members]


def stale(
    contacts: Iterable[Contact], today: date, days: int = STALE_AFTER_DAYS
) -> list[tuple[Contact, int]]:
    """Published contacts last verified more than `days` days before `today`, with their age."""
    result = []
    for contact in published(contacts):
        if contact.last_verified is not None:
            age = (today - contact.last_verified).days
            if age > days:
                result.append((contact, age))
    return result


def text_for(texts: Mapping[str, Any], lang: str) -> Any:
    """The text in `lang`, or else in the default language (the first key, always present)."""
    return texts[lang] if lang in texts else next(iter(texts.values()))


def text_language(contact: Contact, lang: str) -> str:
    """The language a contact's card is shown in: `lang` when every text of the contact is
    written in it, otherwise the default language (a visible fallback, never a mix)."""
    fields = [contact.name, *(p.label for p in contact.phones), contact.services]
    fields += [d.label for d in contact.dial_codes]
    fields += [texts for texts in (contact.hours, contact.caution) if texts]
    return lang if all(lang in texts for texts in fields) else next(iter(contact.name))


def pending_markdown(contacts: Iterable[Contact], shown_as: str = "data/contacts.yml") -> str:
    """The maintainers' list of unpublished contacts and why (data/CONTACTS-PENDING.md)."""
    held_back = unpublished(contacts)
    lines = [
        "# Contacts not published yet",
        "",
        f"Generated from `{shown_as}` by `kyr contacts pending > data/CONTACTS-PENDING.md`;",
        "do not edit by hand (a test fails when this file is out of date).",
        "",
        "These contacts are kept in the data file but never shown on the site. To publish one,",
        "fix the reason below (usually: find a current page that shows the number and match it",
        "character by character), set `source_url` to that page, add",
        "`last_verified: {date: YYYY-MM-DD, method: source}`, and set `published: true`.",
        "",
        f"{len(held_back)} contact(s) not published.",
    ]
    for contact in held_back:
        numbers = ", ".join(phone.display for phone in contact.phones) or "none"
        lines += [
            "",
            f"## {contact.id}",
            "",
            f"- Name: {contact.name['en']}",
            f"- Confidence: {contact.confidence}",
            f"- Numbers held back: {numbers}",
            f"- Source: <{contact.source_url}>",
            f"- Why: {' '.join(contact.unpublished_reason.split())}",
        ]
    return "\n".join(lines) + "\n"
