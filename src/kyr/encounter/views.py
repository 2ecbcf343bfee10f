"""What the red card and encounter templates show of the phrases (no MkDocs import)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import quote

from kyr.encounter.audio import Clip
from kyr.encounter.phrases import Phrases


def card_view(
    phrases: Phrases, code: str, clips: list[Clip], href: Callable[[str], str]
) -> dict[str, Any]:
    """The card's statements (English, their meaning in `code`, and the audio of each that
    exists), and the one line saying what the card says."""
    audio = {(clip.language, clip.phrase_id): href(clip.path) for clip in clips}
    statements = []
    for phrase_id in phrases.card:
        view = phrases.say(phrase_id, code)
        view["english_audio"] = audio.get((phrases.english, phrase_id), "")
        view["meaning_audio"] = audio.get((code, phrase_id), "") if view["meaning"] else ""
        statements.append(view)
    return {"statements": statements, "meaning": phrases.meaning_of_card(code)}


def family_view(phrases: Phrases, code: str, hotline_display: str) -> dict[str, str]:
    """The message to family, and links that open it in the phone's messaging apps, for the
    reader to finish and send. Nothing is sent by the site."""
    text = phrases.message(code, hotline_display)
    return {
        "text": text,
        "sms": "sms:?&body=" + quote(text, safe=""),
        "whatsapp": "https://wa.me/?text=" + quote(text, safe=""),
    }
