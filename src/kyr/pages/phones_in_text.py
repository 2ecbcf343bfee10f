"""Find North-American phone numbers typed into text (no MkDocs import).

Pages must not contain hand-typed phone numbers: every number on the site comes from
`data/contacts.yml`, where it is parsed, sourced and dated. This finder is deliberately broad (a
mistyped number is exactly what it must catch), while leaving alone what guidance pages often
contain: years and year ranges, dates, form numbers (I-130), A-numbers (9 digits), ZIP codes,
money amounts, and dial codes such as 699#.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Characters that, glued to a digit run, mean it is part of something else (a word, an id in a
# URL, a longer number, a decimal).
_BEFORE = r"(?<![\w/=?&%#+.\-])"
_AFTER = r"(?![\w/\-]|\.\d)"
_SEP = r"[ .\-\u2010-\u2013]"  # space, dot, hyphen, and the typographic hyphens/en dash

NUMERIC = re.compile(
    _BEFORE
    + r"(?:\+?1"
    + _SEP
    + r"?)?"  # country code
    + r"(?:\(\d{3}\)"
    + _SEP
    + r"?|\d{3}"
    + _SEP
    + r"?)"  # area code
    + r"\d{3}"
    + _SEP
    + r"?\d{4}"  # exchange and line
    + _AFTER
)
# Toll-free vanity numbers written with letters: 1-800-FLOWERS, 1-866-DHS-2-ICE.
VANITY = re.compile(
    _BEFORE
    + r"(?:\+?1"
    + _SEP
    + r")?\(?8(?:00|33|44|55|66|77|88)\)?"
    + _SEP
    + r"(?=(?:[0-9A-Z]"
    + _SEP
    + r"?){6}[0-9A-Z](?![\w\-]))"  # exactly seven letters/digits
    + r"(?=[0-9\s.\-]*[A-Z])"  # at least one letter (otherwise NUMERIC applies)
    + r"(?:[0-9A-Z]"
    + _SEP
    + r"?){6}[0-9A-Z]"
)


@dataclass(frozen=True)
class PhoneMatch:
    line: int  # 1-based, within the text given
    column: int  # 1-based
    text: str


def find_phone_numbers(text: str) -> list[PhoneMatch]:
    """Every phone-number-looking run in `text`, in reading order."""
    found: list[PhoneMatch] = []
    for number, line in enumerate(text.splitlines(), start=1):
        spans = []
        for pattern in (NUMERIC, VANITY):
            for match in pattern.finditer(line):
                if not any(match.start() < end and start < match.end() for start, end in spans):
                    spans.append((match.start(), match.end()))
        for start, end in sorted(spans):
            found.append(PhoneMatch(number, start + 1, line[start:end]))
    return found
