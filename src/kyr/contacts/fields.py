"""Checks for single fields of a contact (no MkDocs import).

Each function takes the raw YAML value and `fail(field_path, message, hint=None)`, which records
one error for the entry and stops validating it.
"""

from __future__ import annotations

import difflib
from datetime import date
from typing import Any

import phonenumbers

from kyr.contacts.model import (
    BLOCKED_NUMBERS,
    DEFAULT_REGION,
    DIAL_CODE_PATTERN,
    METHODS,
    TAGS,
    URL_PATTERN,
    DialCode,
    Phone,
    language_code,
)

# The site's language codes, the default first (kyr.project.Project.languages.codes).
Languages = tuple[str, ...]


def choice(value: Any, field_path: str, allowed: tuple[str, ...], fail) -> str:
    if value not in allowed:
        fail(field_path, f"{field_path} {value!r} is not one of: {', '.join(allowed)}")
    return value


def _per_language(value: Any, field_path: str, fail, what: str, languages: Languages) -> None:
    """`value` maps language codes to a {what}: the site's default language's is required (cards
    fall back to it, marked as such), the site's other languages are optional, and a language the
    site does not build (yet) is kept out of it; a key that is no language code is a mistake."""
    default = languages[0]
    if not isinstance(value, dict) or default not in value:
        fail(
            field_path,
            f"{field_path} must have one {what} per language, at least '{default}' "
            f"(the site's languages: {', '.join(languages)})",
        )
    for lang in value:
        if lang not in languages and (not isinstance(lang, str) or language_code(lang) != lang):
            fail(
                f"{field_path}.{lang}",
                f"unknown language '{lang}' in {field_path}",
                f"Use a language code such as {', '.join(languages)} (the site's languages).",
            )


def texts(value: Any, field_path: str, fail, languages: Languages) -> dict[str, str]:
    """{language: text}, the default language first."""
    _per_language(value, field_path, fail, "text", languages)
    for lang in (lang for lang in languages if lang in value):
        text = value[lang]
        if not isinstance(text, str) or not text.strip():
            fail(f"{field_path}.{lang}", f"{field_path}.{lang} is missing or empty")
    return {lang: value[lang].strip() for lang in languages if lang in value}


def text_lists(
    value: Any, field_path: str, fail, languages: Languages
) -> dict[str, tuple[str, ...]]:
    """{language: items}, the default language first; every language has as many items."""
    _per_language(value, field_path, fail, "list", languages)
    result = {}
    for lang in (lang for lang in languages if lang in value):
        items = value[lang]
        if not isinstance(items, list) or not all(isinstance(s, str) and s.strip() for s in items):
            fail(f"{field_path}.{lang}", f"{field_path}.{lang} must be a list of texts")
        result[lang] = tuple(s.strip() for s in items)
    default = languages[0]
    for lang, items in result.items():
        if len(items) != len(result[default]):
            fail(
                field_path,
                f"{field_path} has {len(result[default])} '{default}' and {len(items)} "
                f"'{lang}' items",
            )
    return result


def phones(value: Any, fail, languages: Languages) -> tuple[Phone, ...]:
    if not isinstance(value, list):
        fail("phones", "phones must be a list (use [] when there is none)")
    phones = []
    for i, item in enumerate(value):
        where = f"phones[{i}]"
        if not isinstance(item, dict) or set(item) != {"number", "label"}:
            fail(where, "each phone needs exactly a number and a label")
        phones.append(
            Phone(
                *parse_phone(item["number"], f"{where}.number", fail),
                texts(item["label"], f"{where}.label", fail, languages),
            )
        )
    return tuple(phones)


def parse_phone(number: Any, field_path: str, fail) -> tuple[str, str, str]:
    """(as written, E.164, display) for a number; US unless it starts with +country code."""
    if not isinstance(number, str):
        fail(field_path, 'write the phone number as quoted text, e.g. "800-555-0100"')
    if "#" in number or "*" in number:
        fail(field_path, f"'{number}' is a dial code, not a phone number", "Put it in dial_codes.")
    try:
        parsed = phonenumbers.parse(number, DEFAULT_REGION)
    except phonenumbers.NumberParseException:
        fail(field_path, f"'{number}' is not a phone number")
    if not phonenumbers.is_valid_number(parsed):
        fail(
            field_path, f"'{number}' is not a valid phone number", "Copy it again from the source."
        )
    e164 = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
    if e164 in BLOCKED_NUMBERS:
        fail(
            field_path,
            f"'{number}' is {BLOCKED_NUMBERS[e164]} and is never listed",
            "Remove this number: the site must never send readers to it.",
        )
    if parsed.country_code == 1:
        display = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL)
    else:
        display = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    return number, e164, display


def dial_codes(value: Any, fail, languages: Languages) -> tuple[DialCode, ...]:
    if not isinstance(value, list):
        fail("dial_codes", "dial_codes must be a list")
    codes = []
    for i, item in enumerate(value):
        where = f"dial_codes[{i}]"
        if not isinstance(item, dict) or set(item) != {"code", "label"}:
            fail(where, "each dial code needs exactly a code and a label")
        code = str(item["code"])
        if not DIAL_CODE_PATTERN.match(code):
            fail(f"{where}.code", f"'{code}' does not look like a short dial code such as 699#")
        codes.append(DialCode(code, texts(item["label"], f"{where}.label", fail, languages)))
    return tuple(codes)


def languages(value: Any, fail) -> tuple[str, ...]:
    if not isinstance(value, list):
        fail("languages", "languages must be a list (use [] when the source does not say)")
    codes = []
    for i, item in enumerate(value):
        code = language_code(item) if isinstance(item, str) else None
        if code is None:
            fail(
                f"languages[{i}]",
                f"unknown language {item!r}",
                "Use a language code (es) or an English name (Spanish); put details in notes.",
            )
        codes.append(code)
    return tuple(codes)


def tags(value: Any, fail) -> tuple[str, ...]:
    if not isinstance(value, list):
        fail("tags", "tags must be a list")
    for i, tag in enumerate(value):
        if tag not in TAGS:
            close = difflib.get_close_matches(str(tag), TAGS, n=1)
            fail(
                f"tags[{i}]",
                f"unknown tag {tag!r}",
                f"Did you mean '{close[0]}'?" if close else f"Tags: {', '.join(TAGS)}.",
            )
    if len(set(value)) != len(value):
        fail("tags", "a tag is listed twice")
    return tuple(value)


def url(value: Any, field_path: str, fail) -> str:
    if not isinstance(value, str) or not URL_PATTERN.match(value.strip()):
        fail(field_path, f"{field_path} must be a web address starting with https:// or http://")
    return value.strip()


def full_date(value: Any, field_path: str, fail, today: date | None, hint: str) -> date:
    """A date written as YYYY-MM-DD (YAML may already have parsed it), not in the future."""
    when = None
    if isinstance(value, date):
        when = value
    elif isinstance(value, str) and len(value) == 10:
        try:
            when = date.fromisoformat(value)
        except ValueError:
            when = None
    if when is None:
        fail(field_path, f"{value!r} is not a date written as YYYY-MM-DD", hint)
    if today is not None and when > today:
        fail(field_path, f"{when.isoformat()} is in the future")
    return when


def last_verified(value: Any, fail, today: date | None) -> tuple[date | None, str | None]:
    if value is None:
        return None, None
    if not isinstance(value, dict) or set(value) != {"date", "method"}:
        fail("last_verified", "last_verified needs exactly a date and a method")
    when = full_date(
        value["date"],
        "last_verified.date",
        fail,
        today,
        "Use the full date the number was matched; if it is not known, do not publish.",
    )
    if value["method"] not in METHODS:
        fail(
            "last_verified.method",
            f"method {value['method']!r} is not allowed; use 'source' (matched against source_url)",
        )
    return when, value["method"]


def source_date(value: Any, compared: date | None, fail, today: date | None) -> date | None:
    """The source page's own date: never after the day it was compared with the number."""
    if value is None:
        return None
    when = full_date(
        value,
        "source_date",
        fail,
        today,
        "Write the date the source page shows (published or updated); leave it out if none.",
    )
    if compared is not None and when > compared:
        fail(
            "source_date",
            f"source_date {when.isoformat()} is after last_verified.date {compared.isoformat()}",
            "A page cannot be compared before it was written: check both dates.",
        )
    return when
