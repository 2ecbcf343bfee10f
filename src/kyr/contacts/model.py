"""What an advocacy contact is: allowed values, and the validated records (no MkDocs import).

See kyr.contacts.load for loading and selecting, kyr.contacts.schema for the validation rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from babel import Locale

from kyr.languages import EXTRA_LANGUAGE_NAMES

KINDS = ("hotline", "legal-aid", "government", "consulate", "directory", "tool")
# Where a contact serves, relative to the site: its own area, its state, or the whole country.
REGIONS = ("local", "state", "national")
CONFIDENCE = ("seen-in-source", "conflicting-sources", "not-found")
# Only `source` (matched against source_url) can be claimed: the project has no record of calls.
METHODS = ("source",)
TAGS = (
    "emergency",  # the one rapid-response hotline shown by <!-- kyr:hotline -->
    "emergency-set",  # saved to a phone with the hotline, in one file (contacts/emergency.vcf)
    "report",  # report immigration enforcement activity
    "legal",  # legal help
    "detained",  # find or help a detained person
    "court",  # immigration court information
    "fraud",  # notario fraud, check a lawyer
    "children",
    "government",
    "consulate",
    "directory",
)
# The directory page groups contacts by need, in this order. Each contact appears once, in the
# group of its most specific tag (GROUP_PRIORITY): a consulate's line for detained nationals is
# under consulates, an ICE line about detained people under "detained", not "government".
DIRECTORY_GROUPS = ("report", "legal", "detained", "government", "consulate")
GROUP_PRIORITY = ("report", "consulate", "legal", "detained", "government")
OTHER_GROUP = "other"
STALE_AFTER_DAYS = 180
# A source dated this long before the day it was compared is "old": the card says so, and
# `kyr contacts check --strict` fails, because an old page is weak proof of a number today.
OLD_SOURCE_DAYS = 730
DEFAULT_REGION = "US"

# Numbers that must never appear in the data, published or not.
BLOCKED_NUMBERS = {
    "+18663472423": "the DHS/ICE tip line (1-866-DHS-2-ICE), a line for reporting immigrants",
}

# Every field, with what it holds (developer/contacts.md is made from these comments).
REQUIRED = (
    "id",  # lower-case words joined by dashes; markers and vCard files use it
    "name",  # {<language>: text}: the default language required, the others optional
    "kind",  # one of KINDS
    "region",  # one of REGIONS
    "phones",  # [{number: "quoted text", label: {<language>: text}}], copied from source_url
    "services",  # {<language>: [text, ...]}: what the contact does, from its source
    "languages",  # languages it answers in: codes (es) or English names (Spanish)
    "tags",  # [TAGS...]: which markers and directory groups show it
    "source_url",  # the page every number was compared with, character by character
    "confidence",  # one of CONFIDENCE; only seen-in-source may be published with numbers
    "published",  # true, or false with an unpublished_reason
)
OPTIONAL = (
    "dial_codes",  # [{code: "699#", label: {...}}]: short codes dialled from inside detention
    "website",  # https:// address shown on the card
    "hours",  # {<language>: text}: only what the source says
    "caution",  # {<language>: text}: a warning shown on screen and on paper ("Run by ICE")
    "source_date",  # the source page's own date (YYYY-MM-DD), only when it shows a full one
    "last_verified",  # {date, method: source}: the day the numbers were compared with the source
    "notes",  # for maintainers, never shown
    "unpublished_reason",  # why a contact is held back (kyr contacts pending lists them)
)
ALLOWED = REQUIRED + OPTIONAL
RESERVED_IDS = ("emergency",)
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DIAL_CODE_PATTERN = re.compile(r"^[*#]?[0-9]{2,6}[*#]?$")
URL_PATTERN = re.compile(r"^https?://[^\s/]+\.[^\s/]+(?:/\S*)?$")

# Language names the sources use that Babel's English list does not spell the same way.
LANGUAGE_ALIASES = {"farsi": "fa", "mandarin": "cmn"}


@dataclass(frozen=True)
class Phone:
    number: str  # as written in the data file
    e164: str  # +18005550100, for tel: links and vCards
    display: str  # as people dial it: (800) 555-0100 in the US, +503 7070 1071 abroad
    label: dict[str, str]

    @property
    def href(self) -> str:
        return f"tel:{self.e164}"


@dataclass(frozen=True)
class DialCode:
    """A short code dialled from a detention phone (e.g. 699#): shown as text, never as tel:."""

    code: str
    label: dict[str, str]


@dataclass(frozen=True)
class Contact:
    id: str
    name: dict[str, str]
    kind: str
    region: str
    phones: tuple[Phone, ...]
    services: dict[str, tuple[str, ...]]
    languages: tuple[str, ...]  # language codes, in the data file's order
    tags: tuple[str, ...]
    source_url: str
    confidence: str
    published: bool
    dial_codes: tuple[DialCode, ...] = ()
    website: str | None = None
    hours: dict[str, str] | None = None
    caution: dict[str, str] | None = None  # shown on screen and on paper (e.g. "Run by ICE")
    source_date: date | None = None  # the source page's own date, when it shows one
    last_verified: date | None = None  # the day the numbers were compared with source_url
    method: str | None = None
    notes: str | None = None
    unpublished_reason: str | None = None
    line: int = 0

    @property
    def old_source(self) -> bool:
        """The source was already old on the day the number was compared with it."""
        if self.last_verified is None or self.source_date is None:
            return False
        return (self.last_verified - self.source_date).days > OLD_SOURCE_DAYS


# --- Languages ---


def language_code(name: str) -> str | None:
    """'Spanish' or 'es' -> 'es'; None when Babel does not know the language."""
    cleaned = name.strip()
    lowered = cleaned.lower()
    if lowered in LANGUAGE_ALIASES:
        return LANGUAGE_ALIASES[lowered]
    english = Locale("en").languages
    if cleaned in english or cleaned in EXTRA_LANGUAGE_NAMES:
        return cleaned
    for code, english_name in english.items():
        if english_name.lower() == lowered and "_" not in code:
            return code
    return None
