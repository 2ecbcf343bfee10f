"""Every place we depend on internals of Material for MkDocs, mkdocs-static-i18n or MkDocs.

Material reaches end of life in May 2027; keep this list short and complete so the move to its
successor is a checklist. Anything not listed here uses only public MkDocs APIs. Items 3 to 6 are
data in kyr.compat.material_names, and items 11 and 12 in kyr.compat.mkdocs_log; the rest is code
here or in the module named. tests/test_compat.py checks the lists against the code.

static-i18n:
  1. Its plugin's attributes: `current_language`, `building` (True during the inner,
     per-language builds it runs from its own `on_post_build`), `config.languages` (the one
     `Languages` value, `i18n_languages`) and each language's `nav_translations` and `theme`
     settings (`theme_languages`, checked by the build: each language needs one).
  2. Its `suffix.create_i18n_file` is replaced, in version 1.3.1 only, by an equivalent without
     pathlib (`speed_up_static_i18n`, kyr.compat.i18n_files); it uses static-i18n's `RE_LOCALE`
     and sets the attributes static-i18n adds to files. Its page context `i18n_file_locale` /
     `i18n_page_locale` is NOT used: we derive the same from file names (kyr.languages).
Material, front end (kyr.compat.material_names):
  3. Class names (`md-…`) and CSS custom properties (`--md-…`) used by kyr/theme/assets/kyr.css,
     kyr.js, our templates and printing/pdf.py, each with where and why (`CLASSES`,
     `CUSTOM_PROPERTIES`).
  4. Element ids and other names without the md- prefix (`OTHER_NAMES`): the `__search` toggle
     (kyr.js loads search when it is checked), the `no-js` class kyr.js removes, the `__drawer` /
     `__search` / `__toc` markup repaired for valid HTML (kyr.compat.material_markup), and the
     `<script id="__config">` JSON whose `base` key points search at the language's index
     (`set_search_base`).
  5. Blocks of Material's base.html our templates fill (`MATERIAL_BLOCKS`): main.html copies
     `site_meta` (absolute hreflang and canonical), wraps `content`, replaces `scripts`: Material's
     hashed bundle (assets/javascripts/bundle.*.min.js, found by `material_bundle`) is loaded by
     kyr.js only when the reader opens search; 404.html replaces Material's 404 `content`.
     encounter.html fills no block: a page of its own without Material's layout or style sheet,
     it imports Material's partials/language.html for the page's language and direction.
  6. Templates copied whole from Material (`COPIED_TEMPLATES`, with `MATERIAL_VERSION`):
     partials/search.html (the search dialog, given an accessible name) and
     partials/alternate.html (the language selector, with the links kyr computes per page and
     each language's home on the 404 page; Material shows it only when `extra.alternate` is set:
     kyr sets it, as static-i18n's `reconfigure_material` (off) would).
Material, Python and files:
  7. Its interface languages are the files templates/partials/languages/<code>.html
     (`material_language`, used by `kyr new-language`; `material_templates`).
  8. Its `offline` plugin, for the offline download (`offline_plugin_enabled`), and its
     `extra.polyfills` hook for the vendored iframe-worker shim (`OFFLINE_POLYFILL`,
     kyr/theme/assets/vendor).
  9. Accent folding in search (kyr/theme/assets/javascripts/lunr/min/lunr.fold.min.js): a
     lunr-languages plugin that Material's search worker loads as if it were a language, because
     kyr lists "fold" in `config.lang` (kyr.output.search_index); it relies on the worker's
     loading of lunr.<lang>.min.js and on lunr-languages' plugin form. In the offline download,
     each language's index is also written as the `search_index.js` Material loads from files.
MkDocs:
 10. The private `File._get_url` (kyr.compat.i18n_files, with item 2).
 11. The wording of MkDocs' log messages (broken links and anchors, nav, config validation, page
     errors), of plugin prefixes and of Python tracebacks, which `kyr build` (kyr.publish.report)
     turns into one line per problem: every pattern is in kyr.compat.mkdocs_log.
static-i18n, again:
 12. Its `RE_LOCALE`, the language codes it accepts (`is_i18n_locale`, used by
     `kyr new-language`); never copied.
MkDocs, again:
 13. The theme's folder list `Theme.dirs`: the generator's own templates and assets (kyr/theme,
     `GENERATOR_THEME`) are put after the site's `custom_dir` and before Material's
     (`with_generator_theme`), so a site overrides any of them by a file of the same name.
Nothing outside kyr.compat imports Material or static-i18n, or touches a private attribute of
another package's object: tests/test_compat.py fails if anything does.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from kyr.compat.i18n_files import fast_create_i18n_file
from kyr.languages import Language, Languages

_CONFIG_SCRIPT = re.compile(
    r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S
)


# The generator's templates, style sheets and scripts: shipped in the package, not in each site.
GENERATOR_THEME = str(Path(__file__).resolve().parent.parent / "theme")


def with_generator_theme(dirs: list[str], custom_dir: str | None) -> list[str]:
    """The theme's folders with the generator's templates after the site's own (`custom_dir`,
    which MkDocs puts first) and before Material's. Idempotent."""
    dirs = [folder for folder in dirs if folder != GENERATOR_THEME]
    at = 1 if custom_dir and dirs and dirs[0] == custom_dir else 0
    return [*dirs[:at], GENERATOR_THEME, *dirs[at:]]


def material_bundle(theme_dirs: list[str]) -> str:
    """Site-relative path of Material's script bundle, whose file name carries a hash."""
    for folder in theme_dirs:
        found = sorted(Path(folder).glob("assets/javascripts/bundle.*.min.js"))
        if found:
            return found[0].relative_to(folder).as_posix()
    raise FileNotFoundError("Material's assets/javascripts/bundle.*.min.js was not found")


def search_languages(theme_dirs: list[str]) -> frozenset[str]:
    """The languages Material's search has a lunr module for (assets/javascripts/lunr/min/
    lunr.<code>.min.js), besides English, which needs none."""
    found = {"en"}
    for folder in theme_dirs:
        for path in Path(folder).glob("assets/javascripts/lunr/min/lunr.*.min.js"):
            found.add(path.name.removeprefix("lunr.").removesuffix(".min.js"))
    return frozenset(found - {"multi", "stemmer.support", "fold"})  # fold: kyr's own step


def i18n_plugin(config: Any) -> Any | None:
    return config.plugins.get("i18n")


def i18n_languages(config: Any) -> Languages:
    """The built languages, default first, from the static-i18n plugin's validated config."""
    plugin = i18n_plugin(config)
    if plugin is None:
        code = config.theme.get("language", "en")
        return Languages([Language(code, code, default=True)])
    return Languages(
        Language(item.locale, item.name, default=bool(item.default))
        for item in plugin.config.languages
        if item.build
    )


# Material's `extra.polyfills` scripts load before its bundle; the offline download needs this
# shim (vendored) so search runs from file:// pages (item 8).
OFFLINE_POLYFILL = "assets/vendor/iframe-worker-shim.js"


def i18n_nav_labels(config: Any) -> tuple[str, ...]:
    """Every section label some language translates (static-i18n's `nav_translations` keys)."""
    plugin = i18n_plugin(config)
    labels: dict[str, None] = {}
    for item in plugin.config.languages if plugin is not None else []:
        labels.update(dict.fromkeys(item.nav_translations or {}))
    return tuple(labels)


def offline_plugin_enabled(config: Any) -> bool:
    """Material's offline plugin is on (the offline download, kyr.publish.offline_download)."""
    plugin = config.plugins.get("material/offline") or config.plugins.get("offline")
    return bool(plugin is not None and plugin.config.get("enabled", True))


def current_language(config: Any) -> str:
    plugin = i18n_plugin(config)
    if plugin is not None and getattr(plugin, "current_language", None):
        return plugin.current_language
    return config.theme.get("language", "en")


def is_inner_build(config: Any) -> bool:
    """True while static-i18n builds a non-default language from inside the main build."""
    plugin = i18n_plugin(config)
    return bool(plugin is not None and getattr(plugin, "building", False))


def is_i18n_locale(code: str) -> bool:
    """A language code static-i18n accepts (its `RE_LOCALE`)."""
    from mkdocs_static_i18n.config import RE_LOCALE

    return RE_LOCALE.match(code) is not None


def speed_up_static_i18n() -> None:
    """Swap in kyr.compat.i18n_files' equivalent of static-i18n's per-file function (1.3.1 only: its
    test compares the two, and another version may have changed the original)."""
    from mkdocs_static_i18n import suffix, version
    from mkdocs_static_i18n.config import RE_LOCALE

    if version == "1.3.1" and not hasattr(suffix.create_i18n_file, "original"):
        suffix.create_i18n_file = fast_create_i18n_file(
            suffix.create_i18n_file, lambda code: RE_LOCALE.match(code) is not None
        )


def set_search_base(html: str, base: str) -> str:
    """Point Material's scripts at the language root, so search loads that language's index."""

    def replace(match: re.Match) -> str:
        data = json.loads(match.group(2))
        data["base"] = base
        return match.group(1) + json.dumps(data, ensure_ascii=False) + match.group(3)

    return _CONFIG_SCRIPT.sub(replace, html, count=1)


def material_templates() -> Path:
    """The installed Material's templates folder (item 7; tests compare our copies with it)."""
    import material  # only needed by `kyr new-language` and the tests

    return Path(material.__file__).parent / "templates"


def material_language(code: str) -> str | None:
    """The `theme.language` Material has for a language code (`pt_BR` -> `pt-BR`, `fr-CA` ->
    `fr`), or None: Material fails to build with a language it has no strings for."""
    folder = material_templates() / "partials" / "languages"
    for candidate in (code, code.replace("_", "-"), re.split(r"[-_]", code)[0]):
        if (folder / f"{candidate}.html").is_file():
            return candidate
    return None


def theme_languages(config: Any) -> dict[str, str | None]:
    """Every `theme.language` a build uses (setting -> code): the theme's own, and each built
    static-i18n language's `theme: {language: ...}`. None for a built language, other than the
    default, that has none: static-i18n's `reconfigure_material` is off (kyr links the language
    selector), so nothing else would give its pages the theme's text and `<html lang>`."""
    found: dict[str, str | None] = {"theme.language": str(config.theme.get("language", "en"))}
    plugin = i18n_plugin(config)
    for item in plugin.config.languages if plugin is not None else []:
        language = (item.theme or {}).get("language")
        if item.build and (language or not item.default):
            found[f"plugins.i18n.languages.{item.locale}.theme.language"] = (
                str(language) if language else None
            )
    return found
