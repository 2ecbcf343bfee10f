"""Each card statement spoken, as small MP3 files made at build time (no MkDocs import).

For phones with no speech voice for a language: eSpeak NG (Debian's `espeak-ng`) speaks the
text and LAME (`lame`) encodes it as 24 kbit/s mono MP3, which every phone browser plays. Both
are deterministic, so the same text gives the same bytes; files are kept in a cache folder by a
hash of the text, voice and settings, so a rebuild does not speak them again. `audio.json`
records each file's text, engine, voice and licence.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from kyr.encounter.phrases import Phrases
from kyr.errors import KyrError

AUDIO_DIR = "audio"  # site folder: audio/<language>/<phrase id>.mp3, audio/audio.json
# eSpeak NG voices; a language not listed uses its own code when eSpeak NG has that voice.
VOICES = {"en": "en-us", "es": "es-419"}
SPEED = 140  # words per minute: slower than eSpeak's 175, for people practising the words
ENCODE = ["-m", "m", "-b", "24", "--resample", "16"]  # mono, 24 kbit/s, 16 kHz
ENGINE = "eSpeak NG"
LICENCE = "eSpeak NG: GPL-3.0-or-later; LAME: LGPL-2.0-or-later"


@dataclass(frozen=True)
class Clip:
    language: str
    phrase_id: str
    text: str
    voice: str

    @property
    def path(self) -> str:
        """Site-relative path of the file."""
        return f"{AUDIO_DIR}/{self.language}/{self.phrase_id}.mp3"


def clips(phrases: Phrases, languages: Iterable[str], shown: str) -> list[Clip]:
    """Every card statement in English, and its meaning in each language with a voice.
    `shown` is the phrases file, named when the speech tools are missing."""
    voices = _voices(shown)
    found = []
    for code in languages:
        voice = VOICES.get(code, code)
        if voice not in voices:
            continue
        if voice is None:
            continue
        for phrase_id in phrases.card:
            text = phrases.texts[phrase_id].get(code)
            if text:
                found.append(Clip(code, phrase_id, text, voice))
    return found


@cache
def _engine() -> str:
    """'eSpeak NG 1.51', from `espeak-ng --version`."""
    line = subprocess.run(["espeak-ng", "--version"], capture_output=True, text=True).stdout
    version = line.split(":", 1)[-1].split()[0] if ":" in line else "unknown version"
    return f"{ENGINE} {version}"


@cache
def _voices(shown: str) -> frozenset[str]:
    """The voices eSpeak NG has (the second column of `espeak-ng --voices`)."""
    _tools(shown)
    listed = subprocess.run(
        ["espeak-ng", "--voices"], capture_output=True, text=True, check=True
    ).stdout
    return frozenset(line.split()[1] for line in listed.splitlines()[1:] if len(line.split()) > 1)


def _tools(shown: str) -> None:
    for tool in ("espeak-ng", "lame"):
        if shutil.which(tool) is None:
            raise KyrError(
                shown,
                f"the card's audio needs `{tool}`, which is not installed",
                hint="Run `make install-system` (Debian: apt-get install espeak-ng lame).",
            )


def audio_cache() -> Path:
    """Spoken files are kept here between builds: $XDG_CACHE_HOME/kyr/audio (~/.cache)."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "kyr" / "audio"


def write_audio(site_dir: Path, found: list[Clip], cache_dir: Path) -> None:
    """Write every clip (from the cache when it was spoken before) and audio.json."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    for clip in found:
        cached = cache_dir / f"{_key(clip)}.mp3"
        if not cached.is_file():
            _speak(clip, cached)
        target = site_dir / clip.path
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(cached, target)
    record = [
        {
            "file": clip.path,
            "text": clip.text,
            "engine": _engine(),
            "voice": clip.voice,
            "speed_wpm": SPEED,
            "licence": LICENCE,
        }
        for clip in found
    ]
    (site_dir / AUDIO_DIR / "audio.json").write_text(
        json.dumps(record, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )


def _key(clip: Clip) -> str:
    settings = [_engine(), clip.text, clip.voice, str(SPEED), *ENCODE]
    return hashlib.sha256("\0".join(settings).encode("utf-8")).hexdigest()[:24]


def _speak(clip: Clip, target: Path) -> None:
    partial = target.with_suffix(".part")  # a cut-off run never leaves half a file in the cache
    wave = subprocess.run(
        ["espeak-ng", "-v", clip.voice, "-s", str(SPEED), "--stdout", clip.text],
        capture_output=True,
        check=True,
    ).stdout
    subprocess.run(
        ["lame", "--quiet", *ENCODE, "-", str(partial)], input=wave, capture_output=True, check=True
    )
    partial.replace(target)
