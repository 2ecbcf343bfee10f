"""Offline use after a first visit: web manifests and the service worker (no MkDocs import).

Both are written from the finished site folder, so the list of what to keep and the version
(a hash of every file) always match what was built.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from importlib.resources import files
from pathlib import Path

from kyr.encounter.audio import AUDIO_DIR
from kyr.languages import Language

SERVICE_WORKER = "sw.js"
MANIFEST = "manifest.webmanifest"
THEME_COLOR = "#b71c1c"
ICONS = [
    {"src": "assets/icons/icon-192.png", "sizes": "192x192", "type": "image/png"},
    {"src": "assets/icons/icon-512.png", "sizes": "512x512", "type": "image/png"},
    {"src": "assets/icons/icon.svg", "sizes": "any", "type": "image/svg+xml"},
]
# Kept for every language: styles, scripts, icons, search code and the contacts data.
CORE_PATTERNS = (
    "assets/stylesheets/*.css",
    "assets/kyr.css",
    "assets/kyr.js",
    "assets/kyr-encounter.js",
    "assets/icons/*",
    "assets/javascripts/bundle.*.min.js",
    "assets/javascripts/workers/search.*.min.js",
    "assets/javascripts/lunr/min/lunr.stemmer.support.min.js",
    "contacts.json",
    "404.html",
)


def manifest(language: Language, name: str, description: str) -> str:
    """The web manifest of one language, written at that language's root."""
    up = "../" * language.prefix.count("/")
    data = {
        "name": name,
        "short_name": name,
        "description": description,
        "lang": language.code,
        "start_url": "./",
        "scope": up or "./",
        "display": "standalone",
        "theme_color": THEME_COLOR,
        "background_color": "#ffffff",
        "icons": [{**icon, "src": up + icon["src"]} for icon in ICONS],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def site_version(site_dir: Path) -> str:
    """A hash of every file's path and content: changes whenever the built site changes."""
    digest = hashlib.sha256()
    for path in sorted(p for p in site_dir.rglob("*") if p.is_file()):
        relative = path.relative_to(site_dir).as_posix()
        if relative == SERVICE_WORKER:
            continue
        digest.update(relative.encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:16]


def page_urls(site_dir: Path, language: Language, others: Iterable[Language]) -> list[str]:
    """Every page of one language (directory URLs), its manifest, search index and stemmer."""
    others = list(others)
    base = site_dir / language.prefix
    excluded = [site_dir / other.prefix for other in others if other.prefix]
    urls = []
    for page in sorted(base.rglob("index.html")):
        if any(page.is_relative_to(folder) for folder in excluded):
            continue
        urls.append(page.parent.relative_to(site_dir).as_posix().removeprefix(".") + "/")
    urls = [url.lstrip("/") for url in urls]
    # The card's audio (kyr.encounter.audio): the statements in the default language, the one
    # at the site's root, and their meaning in this language.
    default = next((lang for lang in [language, *others] if not lang.prefix), language)
    audio = sorted(
        path.relative_to(site_dir).as_posix()
        for code in dict.fromkeys([default.code, language.code])
        for path in (site_dir / AUDIO_DIR / code).glob("*.mp3")
    )
    extras = [
        *audio,
        f"{language.prefix}{MANIFEST}",
        f"{language.prefix}search/search_index.json",
        *_search_modules(site_dir / language.prefix),
        f"{language.prefix}404.html",
    ]
    return urls + [url for url in extras if (site_dir / url).is_file()]


def _search_modules(language_root: Path) -> list[str]:
    """The lunr modules the language's search index names (kyr.output.search_index)."""
    index = language_root / "search" / "search_index.json"
    if not index.is_file():
        return []
    langs = json.loads(index.read_text(encoding="utf-8")).get("config", {}).get("lang", [])
    return [f"assets/javascripts/lunr/min/lunr.{lang}.min.js" for lang in langs if lang != "en"]


def core_urls(site_dir: Path) -> list[str]:
    found = {p for pattern in CORE_PATTERNS for p in site_dir.glob(pattern) if p.is_file()}
    return sorted(p.relative_to(site_dir).as_posix() for p in found)


def service_worker(site_dir: Path, languages: Iterable[Language]) -> str:
    languages = list(languages)
    pages = {
        lang.code: page_urls(site_dir, lang, [o for o in languages if o != lang])
        for lang in languages
    }
    template = files("kyr.output").joinpath("service_worker.js").read_text(encoding="utf-8")
    return (
        template.replace("__VERSION__", site_version(site_dir))
        .replace("__CORE__", json.dumps(core_urls(site_dir)))
        .replace("__PAGES__", json.dumps(pages, indent=1))
    )


def write_offline_files(
    site_dir: Path, languages: Iterable[Language], names: dict[str, tuple[str, str]]
) -> None:
    """Manifests (one per language) first, then the service worker that lists them."""
    languages = list(languages)
    for lang in languages:
        name, description = names[lang.code]
        (site_dir / lang.prefix / MANIFEST).write_text(manifest(lang, name, description), "utf-8")
    (site_dir / SERVICE_WORKER).write_text(service_worker(site_dir, languages), "utf-8")
