"""Gettext catalogs for interface strings: load, compile in memory, and check (no MkDocs import).

`.po` files are the source of truth; the `.mo` is compiled at build time and never committed.
The generator ships the catalogs of the languages it knows (`GENERATOR_LOCALE`, kyr/locale); a
site's own catalog for a language (`translations/<lang>/LC_MESSAGES/messages.po`, the
`translations_dir` setting) replaces the generator's, and adds a language it lacks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from babel.dates import format_date
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.pofile import PoFileError, read_po
from babel.support import NullTranslations, Translations

from kyr.errors import KyrError, shown_path
from kyr.languages import babel_locale
from kyr.pages.text_files import decode_text

DOMAIN = "messages"
# Python %-style and {name} placeholders; translations must keep the same set.
PLACEHOLDER = re.compile(r"%\([a-zA-Z_]\w*\)[sdif]|%[sdif]|\{[a-zA-Z_]\w*\}")


GENERATOR_LOCALE = Path(__file__).resolve().parents[1] / "locale"
TEMPLATE = f"{DOMAIN}.pot"


def po_path(translations_dir: Path, locale: str) -> Path:
    """Where a catalog for `locale` sits in `translations_dir` (a site's, or GENERATOR_LOCALE)."""
    return translations_dir / locale / "LC_MESSAGES" / f"{DOMAIN}.po"


def catalog_path(translations_dir: Path, locale: str) -> Path:
    """The catalog a site uses for `locale`: its own if it has one, else the generator's; the
    site's path (missing) when neither exists."""
    own = po_path(translations_dir, locale)
    if own.is_file():
        return own
    shipped = po_path(GENERATOR_LOCALE, locale)
    return shipped if shipped.is_file() else own


def shown_catalog(path: Path, root: Path) -> str:
    """A catalog as a maintainer names it: relative to the project when inside it (a site's own,
    or the generator's in its own repository), else kyr/locale/... (an installed package)."""
    if not in_tree(path, root) and path.resolve().is_relative_to(GENERATOR_LOCALE):
        return "kyr/locale/" + path.resolve().relative_to(GENERATOR_LOCALE).as_posix()
    return shown_path(path, root)


def catalogs_in_use(translations_dir: Path) -> list[tuple[str, Path]]:
    """(language, catalog) of every catalog a site has: its own, and the generator's for the
    languages it does not translate itself (`catalog_path` decides which)."""
    codes = {
        path.parent.parent.name
        for folder in (GENERATOR_LOCALE, translations_dir)
        for path in folder.glob(f"*/LC_MESSAGES/{DOMAIN}.po")
    }
    return [(code, catalog_path(translations_dir, code)) for code in sorted(codes)]


def in_tree(path: Path, root: Path) -> bool:
    """Whether `path` belongs to the project at `root` (the generator's own repository holds
    kyr/locale; an installed package's is elsewhere)."""
    return path.resolve().is_relative_to(root.resolve())


def template_path(translations_dir: Path) -> Path:
    """The strings to translate (messages.pot): the site's own if it has one, else the
    generator's."""
    own = translations_dir / TEMPLATE
    return own if own.is_file() else GENERATOR_LOCALE / TEMPLATE


# A quoted .po string: no bare quote inside, backslashes only as escapes.
_QUOTED = r'"(?:[^"\\]|\\.)*"'
_PO_LINE = re.compile(
    rf"^(?:#.*|(?:#~ )?(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+{_QUOTED}|"
    rf"(?:#~ )?{_QUOTED})?\s*$"
)


def check_po_syntax(text: str, path: Path) -> None:
    """Babel's parser accepts some broken lines (e.g. a missing closing quote); reject them."""
    for number, line in enumerate(text.splitlines(), start=1):
        if not _PO_LINE.match(line):
            raise KyrError(
                path,
                "this line is not valid .po syntax",
                line=number,
                hint='Each line is a comment, a keyword with a "quoted string", or a string.',
            )


def load_catalog(path: Path, locale: str) -> Catalog:
    """Parse a .po file, turning any syntax problem into an error that names the file and line."""
    try:
        check_po_syntax(decode_text(path.read_bytes(), path), path)
        with path.open("rb") as handle:
            return read_po(handle, locale=babel_locale(locale), abort_invalid=True)
    except FileNotFoundError:
        raise KyrError(
            path,
            f"the interface translations for '{locale}' are missing",
            hint="Run `kyr new-language` for a new language, or restore the file.",
        ) from None
    except PoFileError as error:
        raise KyrError(
            path,
            f"this line is not valid .po syntax ({error.args[0].rsplit(' on ', 1)[0]})",
            line=error.lineno + 1,
            hint="Check the quotes and the msgid/msgstr keywords on that line.",
        ) from None
    except UnicodeDecodeError as error:
        raise KyrError(path, f"the file is not UTF-8 text ({error.reason})") from None
    except ValueError as error:
        raise KyrError(path, f"the file could not be read ({error})") from None


def placeholders_differ(message) -> tuple[set[str], set[str]] | None:
    """(source, translation) placeholders when a translation has other placeholders than its
    source: a plural form may drop the number ("un día"), but may never invent one."""
    ids = message.id if isinstance(message.id, tuple | list) else (message.id,)
    strings = message.string if isinstance(message.string, tuple | list) else (message.string,)
    source = set(PLACEHOLDER.findall(ids[0])) | set(PLACEHOLDER.findall(ids[-1]))
    for string in strings:
        found = set(PLACEHOLDER.findall(string or ""))
        if string and (found - source or (len(ids) == 1 and found != source)):
            return source, found
    return None


def compile_translations(catalog: Catalog) -> Translations:
    """Compile a catalog into gettext translations in memory (fuzzy entries are left out, and so
    are entries whose placeholders differ: rendering them would crash the build, and the check
    reports them)."""
    for message in list(catalog):
        if message.id and placeholders_differ(message):
            catalog.delete(message.id, context=message.context)
    buffer = BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return Translations(fp=buffer, domain=DOMAIN)


def translations_for(translations_dir: Path, locale: str, default: str) -> NullTranslations:
    """The translations to install for one language build; the default language needs none."""
    if locale == default:
        return NullTranslations()
    path = catalog_path(translations_dir, locale)
    return compile_translations(load_catalog(path, locale))


def install_language(env, translations: NullTranslations, locale: str) -> None:
    """Give a Jinja environment this language's interface strings and Babel date formatting."""
    env.add_extension("jinja2.ext.i18n")
    env.install_gettext_translations(translations, newstyle=True)
    env.filters["format_date"] = lambda value, fmt="long": format_date(
        value, format=fmt, locale=babel_locale(locale)
    )


@dataclass(frozen=True)
class CatalogProblem:
    path: str
    line: int
    msgid: str
    problem: str

    def __str__(self) -> str:
        hint = next((text for start, text in PROBLEM_HINTS if self.problem.startswith(start)), "")
        return f"{self.path}:{self.line}: {self.problem}: {self.msgid!r}" + (
            f". {hint}" if hint else ""
        )


# What to do about each kind of catalog problem (shown after it).
PROBLEM_HINTS = (
    ("marked fuzzy", "Check the translation, then delete the '#, fuzzy' line."),
    ("needs", "Add the missing msgstr[N] lines (Spanish: [0] one, [1] millions, [2] others)."),
    ("plural form", "Fill every msgstr[N] line (Spanish: [0] one, [1] millions, [2] others)."),
    ("not translated", "Write the translation in its msgstr line."),
    ("placeholders differ", "Keep every %(name)s placeholder of the English text, unchanged."),
)


def catalog_problems(catalog: Catalog, path: Path) -> list[CatalogProblem]:
    """Entries a reader would see in English or broken: untranslated, fuzzy, a missing plural
    form (Spanish has three in current Babel), or placeholders that differ from the source."""
    problems: list[CatalogProblem] = []
    for message in catalog:
        if not message.id:
            continue  # the header entry
        ids = message.id if isinstance(message.id, tuple | list) else (message.id,)
        strings = message.string if isinstance(message.string, tuple | list) else (message.string,)

        def report(text: str, message=message, ids=ids) -> None:
            problems.append(CatalogProblem(str(path), message.lineno or 0, ids[0], text))

        if message.fuzzy:
            report("marked fuzzy (check the translation, then remove the 'fuzzy' flag)")
        if message.pluralizable and len(strings) < catalog.num_plurals:
            report(f"needs {catalog.num_plurals} plural forms, has {len(strings)}")
        if not all(strings):
            empty = [str(i) for i, s in enumerate(strings) if not s]
            if len(strings) > 1:
                report(f"plural form msgstr[{', '.join(empty)}] is empty")
            else:
                report("not translated yet")
            continue
        differ = placeholders_differ(message)
        if differ:
            source, found = differ
            report(f"placeholders differ: source has {sorted(source)}, got {sorted(found)}")
    return problems


def _msgid(message_id: str | tuple[str, ...] | list[str]) -> str:
    return message_id if isinstance(message_id, str) else message_id[0]


def template_drift(root: Path, pot: Path) -> list[str]:
    """Differences between the strings in our templates and code (found by `root`/babel.cfg) and
    the template `pot`: empty when it is current (the extraction `make i18n-extract` runs)."""
    config = root / "babel.cfg"
    if not config.is_file():
        return [
            f"{shown_path(config, root)}: missing: it tells Babel where the interface strings"
            " are. Restore it (`git checkout -- babel.cfg`)."
        ]
    if not pot.is_file():
        return [f"{shown_path(pot, root)}: missing. Run `make i18n-update` to write it."]
    with config.open(encoding="utf-8") as handle:
        method_map, options_map = parse_mapping_cfg(handle)
    in_code = {_msgid(found[2]) for found in extract_from_dir(str(root), method_map, options_map)}
    with pot.open("rb") as handle:
        in_template = {_msgid(m.id) for m in read_po(handle) if m.id}
    drift = [f"{pot}: missing {msgid!r}" for msgid in sorted(in_code - in_template)]
    drift += [f"{pot}: no longer used {msgid!r}" for msgid in sorted(in_template - in_code)]
    if drift:
        drift.append("Run `make i18n-update`, then translate the new strings in each messages.po.")
    return drift
