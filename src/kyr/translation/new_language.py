"""`kyr new-language`: add a language to mkdocs.yml and start its interface catalog (no MkDocs
import). mkdocs.yml is edited as text, so its comments and layout stay as they are.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import yaml
from babel import Locale, UnknownLocaleError
from babel.messages.pofile import read_po, write_po

from kyr.compat.coupling import is_i18n_locale
from kyr.errors import KyrError
from kyr.translation.catalogs import catalog_path, po_path, template_path


def parse_code(code: str) -> Locale:
    """The Babel locale of a language code; refuses codes Babel or static-i18n do not know."""
    if not is_i18n_locale(code):  # static-i18n's own test: en, en-US, en_US, zh-Hant-TW
        raise KyrError(
            "mkdocs.yml",
            f"'{code}' is not a language code the site can use",
            hint="Use a two-letter ISO 639-1 code such as fr, optionally with a region: pt-BR.",
        )
    try:
        return Locale.parse(code, sep="-" if "-" in code else "_")
    except (ValueError, UnknownLocaleError) as error:
        raise KyrError("mkdocs.yml", f"'{code}' is not a language Babel knows ({error})") from None


def display_name(locale: Locale, code: str | None = None) -> str:
    """The language's name in itself, capitalized as in a menu: 'Français', 'Português'. A
    country is named only when `code` names one: 'tl' is 'Filipino', not 'Filipino
    (Pilipinas)', though Babel reads it as fil_PH."""
    parts = (code or str(locale)).replace("_", "-").split("-")[1:]
    if locale.territory and not any(part.upper() == locale.territory for part in parts):
        locale = Locale(locale.language, script=locale.script)
    name = locale.get_display_name(locale) or str(locale)
    return name[:1].upper() + name[1:]


def _key(node: yaml.MappingNode, name: str) -> yaml.Node | None:
    for key, value in node.value:
        if isinstance(key, yaml.ScalarNode) and key.value == name:
            return value
    return None


def _languages_node(text: str, path: Path) -> yaml.SequenceNode:
    """The `languages:` list of the i18n plugin, as a YAML node with positions."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        raise KyrError(path, f"not valid YAML ({error})") from None
    plugins = _key(root, "plugins") if isinstance(root, yaml.MappingNode) else None
    items = plugins.value if isinstance(plugins, yaml.SequenceNode) else []
    for item in items:
        i18n = _key(item, "i18n") if isinstance(item, yaml.MappingNode) else None
        if isinstance(i18n, yaml.MappingNode):
            languages = _key(i18n, "languages")
            if isinstance(languages, yaml.SequenceNode) and languages.value:
                if languages.flow_style:
                    raise KyrError(
                        path,
                        "the i18n plugin's languages are a [...] list",
                        line=languages.start_mark.line + 1,
                        hint="Write them one per line ('- locale: en'), then run this again.",
                    )
                return languages
    raise KyrError(path, "has no i18n plugin with a 'languages:' list", key="plugins.i18n")


def _leaves(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.ScalarNode):
        return [node]
    if isinstance(node, yaml.SequenceNode):
        return [leaf for child in node.value for leaf in _leaves(child)]
    if isinstance(node, yaml.MappingNode):
        return [leaf for pair in node.value for child in pair for leaf in _leaves(child)]
    return []


def language_entry(code: str, name: str, site_name: str, nav_labels: list[str]) -> dict:
    """The new language's settings; texts to translate start as the English text."""
    entry: dict = {"locale": code, "name": name, "build": True, "site_name": site_name}
    entry["theme"] = {"language": code}
    if nav_labels:
        entry["nav_translations"] = {label: label for label in nav_labels}
    return entry


def insert_language(text: str, entry: dict, path: Path) -> str:
    """`text` (mkdocs.yml) with `entry` appended to the i18n plugin's languages list, indented
    like the entries already there; nothing else in the file changes."""
    languages = _languages_node(text, path)
    codes = [
        value.value
        for item in languages.value
        if isinstance(item, yaml.MappingNode)
        and isinstance(value := _key(item, "locale"), yaml.ScalarNode)
    ]
    if entry["locale"] in codes:
        raise KyrError(path, f"the language '{entry['locale']}' is already in the site")
    lines = text.splitlines(keepends=True)
    last = languages.value[-1]
    key_column = last.start_mark.column
    dash_column = lines[last.start_mark.line].rfind("-", 0, key_column)
    if dash_column < 0:
        raise KyrError(
            path, "could not find where the languages list is", line=last.start_mark.line + 1
        )
    end = max((leaf.end_mark for leaf in _leaves(last)), key=lambda mark: mark.index)
    insert_at = end.line if end.column == 0 else end.line + 1
    dumped = yaml.safe_dump(
        [entry], allow_unicode=True, sort_keys=False, default_flow_style=False, width=1000
    )
    block = []
    for number, line in enumerate(dumped.splitlines()):
        if number == 0:
            block.append(" " * dash_column + "-" + " " * (key_column - dash_column - 1) + line[2:])
        else:
            block.append(" " * key_column + line[2:])
    newline = "\r\n" if lines and lines[0].endswith("\r\n") else "\n"
    if insert_at > 0 and not lines[insert_at - 1].endswith("\n"):
        lines[insert_at - 1] += newline
    lines[insert_at:insert_at] = [line + newline for line in block]
    return "".join(lines)


def init_catalog(pot: Path, target: Path, locale: Locale, project: str) -> None:
    """What `pybabel init` does: the template's messages, untranslated, with the language's
    plural forms from Babel's data."""
    if target.exists():
        raise KyrError(target, "already exists; not overwritten")
    try:
        with pot.open("rb") as handle:
            catalog = read_po(handle)  # with no locale: Babel would warn for one-form languages
    except FileNotFoundError:
        raise KyrError(pot, "not found", hint="Run `make i18n-extract` first.") from None
    catalog.locale = locale
    for message in catalog:  # as many empty plural forms as the language has (Korean: one)
        if message.id and message.pluralizable:
            message.string = ("",) * catalog.num_plurals
    catalog.project = project
    catalog.copyright_holder = project
    catalog.revision_date = dt.datetime.now(dt.UTC)
    catalog.fuzzy = False
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("wb") as handle:
        write_po(handle, catalog, width=76)


@dataclass(frozen=True)
class NewLanguage:
    code: str
    name: str
    catalog: Path
    theme_language: str
    created: bool = True  # False: the generator's catalog, already translated, is used


def add_language(
    root: Path,
    code: str,
    *,
    name: str | None,
    site_name: str,
    nav_labels: list[str],
    translations_dir: Path,
    theme_language: str,
) -> NewLanguage:
    """Add the language to mkdocs.yml and create its catalog; nothing is written on error."""
    locale = parse_code(code)
    path = root / "mkdocs.yml"
    text = path.read_bytes().decode("utf-8")
    name = name or display_name(locale, code)
    entry = language_entry(code, name, site_name, nav_labels)
    entry["theme"]["language"] = theme_language
    new_text = insert_language(text, entry, path)
    own = po_path(translations_dir, code)
    if own.exists():
        raise KyrError(own, "already exists; not overwritten")
    catalog = catalog_path(translations_dir, code)
    created = not catalog.exists()
    if created:  # a language the generator has no catalog for: the site's own, to translate
        init_catalog(template_path(translations_dir), catalog, locale, site_name)
    path.write_bytes(new_text.encode("utf-8"))
    return NewLanguage(code, name, catalog, theme_language, created)
