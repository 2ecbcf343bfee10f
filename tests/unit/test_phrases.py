"""kyr.encounter.phrases, views and audio: the one phrases file, read and refused with its line;
the card and the family message as templates get them; reproducible audio (no build)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote

import pytest

from kyr.encounter.audio import Clip, clips, write_audio
from kyr.encounter.phrases import load_phrases
from kyr.encounter.views import card_view, family_view
from kyr.errors import KyrError
from kyr.project import load_project
from tests.helpers import REPO

GOOD = """\
card: [silent, lawyer]
card_meaning:
  en: The card says you stay silent.
  es: La tarjeta dice que usted guarda silencio.
family_message:
  en: Call {hotline}.
  es: Llamen al {hotline}.
phrases:
  silent:
    en: I am using my 5th Amendment right to remain silent.
    es: Uso mi derecho a guardar silencio, de la Quinta Enmienda.
  lawyer:
    en: I want a lawyer.
"""


def load(tmp_path: Path, text: str):
    path = tmp_path / "phrases.yml"
    path.write_text(text, encoding="utf-8")
    return load_phrases(path, ["en", "es"], "data/phrases.yml")


def test_the_real_file_loads_and_every_card_statement_has_its_spanish_meaning():
    codes = list(load_project(REPO).languages)
    phrases = load_phrases(REPO / "data" / "phrases.yml", codes, "data/phrases.yml")
    assert phrases is not None and len(phrases.card) == 5
    for code in codes:  # every language the site publishes gives each statement its meaning
        assert all(phrases.texts[i].get(code) for i in phrases.card), code


def test_a_missing_file_means_no_phrases(tmp_path: Path):
    assert load_phrases(tmp_path / "none.yml", ["en"], "none.yml") is None


def test_card_view_gives_english_meaning_and_audio(tmp_path: Path):
    phrases = load(tmp_path, GOOD)
    found = [Clip("en", "silent", "x", "en-us"), Clip("es", "silent", "y", "es-419")]
    view = card_view(phrases, "es", found, lambda url: "../" + url)
    first, second = view["statements"]
    assert first["english"].startswith("I am using") and first["meaning"].startswith("Uso")
    assert first["english_audio"] == "../audio/en/silent.mp3"
    assert first["meaning_audio"] == "../audio/es/silent.mp3"
    # No Spanish for 'lawyer': no meaning and no audio to practise it; English still plays none.
    assert (
        second["meaning"] == "" and second["meaning_audio"] == "" and second["english_audio"] == ""
    )
    assert card_view(phrases, "en", found, str)["statements"][0]["meaning"] == ""


def test_family_message_carries_the_hotline_in_sms_and_whatsapp_links(tmp_path: Path):
    view = family_view(load(tmp_path, GOOD), "es", "(888) 624-4752")
    assert view["text"] == "Llamen al (888) 624-4752."
    assert unquote(view["sms"].removeprefix("sms:?&body=")) == view["text"]
    assert unquote(view["whatsapp"].removeprefix("https://wa.me/?text=")) == view["text"]


@pytest.mark.parametrize(
    ("change", "line", "message"),
    [
        (
            (
                "    es: Uso mi derecho a guardar silencio, de la Quinta Enmienda.",
                "    es: Uso mi derecho de la Enmienda 5, llame al 555 0100.",
            ),
            11,
            "the es text has a number the en text does not: 0100, 555",
        ),
        (
            ("family_message:\n  en: Call {hotline}.", "family_message:\n  en: Call 911."),
            6,
            "the en message must say {hotline} once",
        ),
        (("card: [silent, lawyer]", "card: [silent, lawyers]"), 1, "'lawyers' is not a phrase"),
        (
            ("  lawyer:\n    en: I want a lawyer.", "  lawyer:\n    fr: Je veux un avocat."),
            12,
            "'phrases.lawyer' has no en text",
        ),
        (("phrases:", "sayings:"), 8, "unknown key 'sayings'"),
        (("  silent:", "  Silent_1:"), 9, "'Silent_1' is not a phrase id"),
        (("card: [silent, lawyer]", "card: [silent, lawyer"), 1, "is not valid YAML"),
    ],
)
def test_bad_entries_are_refused_with_file_and_line(tmp_path: Path, change, line, message):
    old, new = change
    assert old in GOOD
    with pytest.raises(KyrError) as caught:
        load(tmp_path, GOOD.replace(old, new))
    assert str(caught.value).startswith(f"data/phrases.yml:{line}:"), str(caught.value)
    assert message in str(caught.value)


def test_audio_is_small_reproducible_and_recorded(tmp_path: Path):
    phrases = load(tmp_path, GOOD)
    found = clips(phrases, ["en", "es", "xx"], "data/phrases.yml")
    # Every statement in English; Spanish where it has a meaning; no voice for 'xx'.
    assert [(c.language, c.phrase_id) for c in found] == [
        ("en", "silent"),
        ("en", "lawyer"),
        ("es", "silent"),
    ]
    first, second = tmp_path / "one", tmp_path / "two"
    write_audio(first, found, tmp_path / "cache-one")
    write_audio(second, found, tmp_path / "cache-two")  # spoken again, from nothing
    for clip in found:
        data = (first / clip.path).read_bytes()
        assert data[0] == 0xFF and data[1] & 0xE0 == 0xE0  # an MPEG audio frame: an MP3 file
        assert 2_000 < len(data) < 30_000, clip
        assert data == (second / clip.path).read_bytes()
    record = (first / "audio" / "audio.json").read_text(encoding="utf-8")
    assert "eSpeak NG" in record and "es-419" in record and "GPL-3.0-or-later" in record
