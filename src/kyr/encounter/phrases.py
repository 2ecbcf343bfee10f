"""The phrases file (data/phrases.yml): one place for every statement a reader says or shows to
agents, its meaning in each language, the red card's back and the message to family.

    card: [remain-silent, want-lawyer]        # the red card's back, in order
    card_meaning: {en: ..., es: ...}          # one line under the card, in the reader's language
    family_message: {en: "... {hotline} ...", es: ...}
    phrases:
      remain-silent: {en: I am using my right to remain silent., es: ...}

English is what the agent hears or reads, in every language. A translation may not add a
number the English does not have (a phone number, an amendment), as with contacts; the family
message takes the hotline's number only through `{hotline}`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from kyr.errors import KyrError, yaml_error
from kyr.pages.text_files import decode_text

ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DIGITS = re.compile(r"\d+")
HOTLINE = "{hotline}"
TOP_KEYS = ("card", "card_meaning", "family_message", "phrases")


@dataclass(frozen=True)
class Phrases:
    english: str  # the language agents are spoken to in (the site's default language)
    texts: dict[str, dict[str, str]]  # phrase id -> {language: text}
    card: tuple[str, ...]
    card_meaning: dict[str, str]
    family_message: dict[str, str]

    def say(self, phrase_id: str, code: str) -> dict[str, str]:
        """One phrase for a page in `code`: the English words, and their meaning there."""
        texts = self.texts[phrase_id]
        meaning = texts.get(code, "") if code != self.english else ""
        return {"id": phrase_id, "english": texts[self.english], "meaning": meaning}

    def message(self, code: str, hotline: str) -> str:
        text = self.family_message.get(code) or self.family_message[self.english]
        return text.replace(HOTLINE, hotline)

    def meaning_of_card(self, code: str) -> str:
        return self.card_meaning.get(code) or self.card_meaning[self.english]


def load_phrases(path: Path, languages: list[str], shown: str) -> Phrases | None:
    """The phrases; None when the file does not exist. `languages[0]` is English, the language
    the statements are said in. Raises KyrError naming the line of a bad entry."""
    if not path.is_file():
        return None
    text = decode_text(path.read_bytes(), shown)
    try:
        data = yaml.safe_load(text)
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        raise yaml_error(shown, error, "this file") from None
    if not isinstance(data, dict) or not isinstance(root, yaml.MappingNode):
        raise KyrError(shown, f"must be a mapping with the keys {', '.join(TOP_KEYS)}", line=1)
    lines = _lines(root)
    english = languages[0]

    def fail(key: str, message: str, hint: str | None = None) -> KyrError:
        return KyrError(shown, message, line=lines.get(key, 1), key=key, hint=hint)

    for key in data:
        if key not in TOP_KEYS:
            raise fail(str(key), f"unknown key '{key}'", f"Use {', '.join(TOP_KEYS)}.")
    phrases = data.get("phrases")
    if not isinstance(phrases, dict) or not phrases:
        raise fail("phrases", "'phrases' must map each phrase id to its texts")
    texts = {}
    for phrase_id, value in phrases.items():
        key = f"phrases.{phrase_id}"
        if not isinstance(phrase_id, str) or not ID.match(phrase_id):
            raise fail(key, f"'{phrase_id}' is not a phrase id", "Use lowercase-with-dashes.")
        texts[phrase_id] = _texts(value, key, english, languages, fail)
    card = data.get("card") or []
    if not isinstance(card, list) or not all(isinstance(i, str) for i in card):
        raise fail("card", "'card' must be a list of phrase ids")
    for phrase_id in card:
        if phrase_id not in texts:
            raise fail("card", f"'{phrase_id}' is not a phrase of this file")
    family = _texts(data.get("family_message"), "family_message", english, languages, fail)
    for code, message in family.items():
        if message.count(HOTLINE) != 1:
            raise fail(
                f"family_message.{code}",
                f"the {code} message must say {HOTLINE} once, where the hotline's number goes",
            )
    return Phrases(
        english=english,
        texts=texts,
        card=tuple(card),
        card_meaning=_texts(data.get("card_meaning"), "card_meaning", english, languages, fail),
        family_message=family,
    )


def _texts(value: object, key: str, english: str, languages: list[str], fail) -> dict[str, str]:
    """{language: text} of one entry: English required, every language one of the site's, and
    no number in a translation that the English does not have."""
    if not isinstance(value, dict) or not all(isinstance(t, str) for t in value.values()):
        raise fail(key, f"'{key}' must map language codes to text")
    if not str(value.get(english, "")).strip():
        raise fail(key, f"'{key}' has no {english} text", f"Add '{english}: ...'.")
    for code in value:
        if code not in languages:
            known = ", ".join(languages)
            raise fail(f"{key}.{code}", f"'{code}' is not a language of this site ({known})")
    allowed = set(DIGITS.findall(value[english]))
    for code, text in value.items():
        added = set(DIGITS.findall(text)) - allowed
        if added:
            raise fail(
                f"{key}.{code}",
                f"the {code} text has a number the {english} text does not: "
                + ", ".join(sorted(added)),
                "A translation says what the English says; numbers come from data/contacts.yml.",
            )
    return {code: text.strip() for code, text in value.items()}


def _lines(node: yaml.Node, prefix: str = "") -> dict[str, int]:
    """Each key as a dotted path ('card', 'phrases.ID', 'phrases.ID.es') -> its 1-based line."""
    lines = {}
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            path = f"{prefix}{key.value}"
            lines[path] = key.start_mark.line + 1
            lines.update(_lines(value, path + "."))
    return lines
