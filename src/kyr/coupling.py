"""Every place we depend on internals of Material for MkDocs or mkdocs-static-i18n.

Material reaches end of life in May 2027; keep this list short and complete so the move to its
successor is a checklist. Anything not listed here uses only public MkDocs APIs.

Python (this module):
  1. static-i18n plugin attributes: `current_language`, `building` (True during the inner,
     per-language builds it runs from its own `on_post_build`), `config.languages`.
  2. Material's `<script id="__config">` JSON and its `base` key (search index location).
Templates (overrides/):
  3. main.html copies Material's `site_meta` block (to write absolute hreflang and canonical).
  4. main.html and 404.html extend Material's `content` block; 404.html replaces Material's.
  5. static-i18n's page context `i18n_file_locale` / `i18n_page_locale` are NOT used: we derive
     the same from file names (kyr.languages).
Styles (overrides/assets/kyr.css):
  6. Material class names hidden or restyled for print and accessibility: .md-header, .md-tabs,
     .md-sidebar, .md-footer, .md-search, .md-top, .md-content__button, .md-copyright.
"""

from __future__ import annotations

import json
import re
from typing import Any

from kyr.languages import Language

_CONFIG_SCRIPT = re.compile(
    r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S
)


def i18n_plugin(config: Any) -> Any | None:
    return config.plugins.get("i18n")


def i18n_languages(config: Any) -> dict[str, Language]:
    """The built languages, default first, from the static-i18n plugin's validated config."""
    plugin = i18n_plugin(config)
    if plugin is None:
        code = config.theme.get("language", "en")
        return {code: Language(code, code, default=True)}
    languages = [
        Language(item.locale, item.name, default=bool(item.default))
        for item in plugin.config.languages
        if item.build
    ]
    languages.sort(key=lambda lang: not lang.default)
    return {lang.code: lang for lang in languages}


def current_language(config: Any) -> str:
    plugin = i18n_plugin(config)
    if plugin is not None and getattr(plugin, "current_language", None):
        return plugin.current_language
    return config.theme.get("language", "en")


def is_inner_build(config: Any) -> bool:
    """True while static-i18n builds a non-default language from inside the main build."""
    plugin = i18n_plugin(config)
    return bool(plugin is not None and getattr(plugin, "building", False))


def set_search_base(html: str, base: str) -> str:
    """Point Material's scripts at the language root, so search loads that language's index."""

    def replace(match: re.Match) -> str:
        data = json.loads(match.group(2))
        data["base"] = base
        return match.group(1) + json.dumps(data, ensure_ascii=False) + match.group(3)

    return _CONFIG_SCRIPT.sub(replace, html, count=1)
