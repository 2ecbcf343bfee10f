"""The coupling list tells the truth: only kyr.compat touches Material's or static-i18n's
internals or another package's private attributes, and every Material class, CSS variable,
element id and template block our CSS, JavaScript, templates and PDF code use is listed in
kyr.compat.material_names (and nothing listed is unused); the copies match the installed
Material, and kyr.compat.mkdocs_log matches MkDocs' wording. No build; fast."""

from __future__ import annotations

import ast
import importlib.metadata
import re
from pathlib import Path

import pytest

from kyr.compat import coupling, material_names, mkdocs_log
from kyr.publish import report
from tests.helpers import REPO

THEME = Path(coupling.GENERATOR_THEME)  # the generator's templates, style sheets and scripts

SRC = REPO / "src" / "kyr"
COMPAT = SRC / "compat"
INTERNAL_PACKAGES = ("material", "mkdocs_static_i18n")
# `md-…` or `--md-…`, not inside a longer name (kyr-md-x, data-md-component).
MATERIAL_NAME = re.compile(r"(?<![\w-])(--md-[a-z0-9_-]*[a-z0-9]|md-[a-z0-9_-]*[a-z0-9])")


def python_outside_compat() -> list[Path]:
    return [path for path in sorted(SRC.rglob("*.py")) if COMPAT not in path.parents]


def internal_imports(tree: ast.AST) -> list[str]:
    """Imports of Material's or static-i18n's Python packages."""
    found = []
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        found += [name for name in names if name.split(".")[0] in INTERNAL_PACKAGES]
    return found


def _private(name: object) -> bool:
    return isinstance(name, str) and name.startswith("_") and not name.startswith("__")


def private_attributes(tree: ast.AST) -> list[str]:
    """`x._name` on anything but self/cls, or `getattr(x, "_name")`: a private attribute of
    someone else's object."""
    found = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and _private(node.attr)
            and not (isinstance(node.value, ast.Name) and node.value.id in ("self", "cls"))
        ):
            found.append((node.lineno, f".{node.attr}"))
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in ("getattr", "setattr", "hasattr", "delattr")
            and len(node.args) > 1
            and isinstance(node.args[1], ast.Constant)
            and _private(node.args[1].value)
        ):
            found.append((node.lineno, f"{node.func.id}(…, {node.args[1].value!r})"))
    return [f"line {line}: {what}" for line, what in sorted(found)]


def test_only_compat_imports_material_or_static_i18n():
    found = {
        path.relative_to(REPO).as_posix(): imports
        for path in python_outside_compat()
        if (imports := internal_imports(ast.parse(path.read_text(encoding="utf-8"))))
    }
    assert found == {}


def test_only_compat_touches_private_attributes():
    found = {
        path.relative_to(REPO).as_posix(): uses
        for path in python_outside_compat()
        if (uses := private_attributes(ast.parse(path.read_text(encoding="utf-8"))))
    }
    assert found == {}


def test_the_checks_find_what_they_look_for():
    tree = ast.parse(
        "from material.plugins import x\nimport mkdocs_static_i18n\nf._get_url()\n"
        "getattr(f, '_url', None)\nself._mine\nf.__class__\nimport mkdocs.plugins\n"
    )
    assert internal_imports(tree) == ["material.plugins", "mkdocs_static_i18n"]
    assert private_attributes(tree) == ["line 3: ._get_url", "line 4: getattr(…, '_url')"]
    css = ".md-typeset .kyr-x { color: var(--md-primary-fg-color--dark); } [data-md-x] .kyr-md-y"
    assert MATERIAL_NAME.findall(css) == ["md-typeset", "--md-primary-fg-color--dark"]


def our_front_end_files() -> list[Path]:
    """Our CSS, JS and templates, without Material's copied templates (listed whole) and the
    vendored or generated JavaScript."""
    copied = {THEME / name for name in material_names.COPIED_TEMPLATES}
    files = [
        path
        for pattern in ("*.css", "*.js", "*.html")
        for path in (THEME).rglob(pattern)
        if path not in copied and "vendor" not in path.parts and "lunr" not in path.parts
    ]
    return sorted(files) + python_outside_compat()


def names_in(texts: dict[str, str], pattern: re.Pattern[str]) -> dict[str, set[str]]:
    """Every name the pattern finds, with the files (keys of `texts`) it is found in."""
    used: dict[str, set[str]] = {}
    for where, text in texts.items():
        for name in pattern.findall(text):
            used.setdefault(name, set()).add(where)
    return used


def front_end_texts() -> dict[str, str]:
    return {
        path.relative_to(REPO).as_posix(): path.read_text(encoding="utf-8")
        for path in our_front_end_files()
    }


def material_names_used() -> dict[str, set[str]]:
    return names_in(front_end_texts(), MATERIAL_NAME)


def unlisted(used: dict[str, set[str]]) -> dict[str, set[str]]:
    listed = set(material_names.CLASSES) | set(material_names.CUSTOM_PROPERTIES)
    return {name: where for name, where in used.items() if name not in listed}


def test_every_material_name_we_use_is_listed():
    assert unlisted(material_names_used()) == {}


def test_every_listed_material_name_is_still_used():
    used = material_names_used()
    listed = set(material_names.CLASSES) | set(material_names.CUSTOM_PROPERTIES)
    assert sorted(listed - set(used)) == []


def test_an_unlisted_class_in_css_is_found():
    css = (
        ".md-typeset .kyr-card { color: var(--md-primary-fg-color); }\n"
        "@media print { .md-nav__link, .kyr-md-x { display: none; } }\n"
        ".md-typeset { border-color: var(--md-default-fg-color--light); }\n"
    )
    found = unlisted(names_in({"fake.css": css, "fake.js": "q('.md-typeset')"}, MATERIAL_NAME))
    assert found == {"md-nav__link": {"fake.css"}, "--md-default-fg-color--light": {"fake.css"}}


# Material's element ids (`__search`) in our CSS, JS and templates; Python has `__init__` & co.
MATERIAL_ID = re.compile(r"(?<![\w-])__[a-z]+\b")


def other_names_used() -> dict[str, set[str]]:
    texts = {where: text for where, text in front_end_texts().items() if not where.endswith(".py")}
    used = names_in(texts, MATERIAL_ID)
    for where, text in texts.items():
        for name in material_names.OTHER_NAMES:
            if not name.startswith("__") and re.search(rf"(?<![\w-]){name}(?![\w-])", text):
                used.setdefault(name, set()).add(where)
    return used


def test_every_material_id_we_use_is_listed():
    found = other_names_used()
    assert {
        name: where for name, where in found.items() if name not in material_names.OTHER_NAMES
    } == {}


def test_every_listed_material_id_is_still_used_by_us_and_written_by_material():
    # By our front end, or by compat code (which the list itself, material_names, is not).
    compat = " ".join(
        path.read_text(encoding="utf-8")
        for path in COMPAT.glob("*.py")
        if path.name != "material_names.py"
    )
    used = set(other_names_used())
    material = " ".join(
        path.read_text(encoding="utf-8") for path in coupling.material_templates().rglob("*.html")
    )
    for name in material_names.OTHER_NAMES:
        assert name in used or name in compat, name
        assert re.search(rf'(id|class)="([^"]* )?{name}[" ]', material), name


def test_an_unlisted_material_id_in_js_is_found():
    js = 'document.getElementById("__search"); document.getElementById("__dialog"); a.__proto__'
    assert names_in({"fake.js": js}, MATERIAL_ID) == {
        "__search": {"fake.js"},
        "__dialog": {"fake.js"},
    }


TEMPLATE_BLOCK = re.compile(r"\{%-?\s*block\s+(\w+)")


def test_the_material_blocks_we_fill_are_listed_and_still_in_material():
    ours = {
        name
        for path in (THEME).rglob("*.html")
        for name in TEMPLATE_BLOCK.findall(path.read_text(encoding="utf-8"))
        if not name.startswith("kyr_")
    }
    assert ours == set(material_names.MATERIAL_BLOCKS)
    base = (coupling.material_templates() / "base.html").read_text(encoding="utf-8")
    assert sorted(set(material_names.MATERIAL_BLOCKS) - set(TEMPLATE_BLOCK.findall(base))) == []


@pytest.mark.parametrize("template", sorted(material_names.COPIED_TEMPLATES))
def test_copied_templates_come_from_the_installed_material(template: str):
    installed = importlib.metadata.version("mkdocs-material")
    assert installed == material_names.MATERIAL_VERSION, (
        f"Material {installed} is installed; re-diff kyr/theme/{template} against its copy and "
        "update MATERIAL_VERSION"
    )
    assert (THEME / template).is_file()


# MkDocs 1.6's own wording (kyr.compat.mkdocs_log), one real line per pattern, with the pattern's
# first group: kyr.publish.report reads the build log with these and nothing else.
MKDOCS_LINES = [
    (mkdocs_log.RECORD, "WARNING -  Doc file 'a.md' contains a link 'b.md', but ...", "WARNING"),
    (mkdocs_log.PLUGIN_PREFIX, "kyr: docs/x.md:3 typed phone number", "kyr: "),
    (mkdocs_log.EXCEPTION_LINE, "jinja2.exceptions.UndefinedError: 'x' is undefined", "Error"),
    (mkdocs_log.FRAME_LINE, '  File "/s/kyr/plugin.py", line 12, in on_page', "/s/kyr/plugin.py"),
    (
        mkdocs_log.MISSING_TARGET,
        "Doc file 'es/a.md' contains a link 'b.md', but the target 'es/b.md' is not found among "
        "documentation files.",
        "es/a.md",
    ),
    (
        mkdocs_log.MISSING_ANCHOR_HERE,
        "Doc file 'a.md' contains a link '#nope', but there is no such anchor on this page.",
        "a.md",
    ),
    (
        mkdocs_log.MISSING_ANCHOR_THERE,
        "Doc file 'a.md' contains a link 'b.md#x', but the doc 'b.md' does not contain an anchor "
        "'#x'.",
        "a.md",
    ),
    (
        mkdocs_log.ABSOLUTE_LINK,
        "Doc file 'a.md' contains an absolute link '/b/', it was left as is.",
        "a.md",
    ),
    (
        mkdocs_log.UNRECOGNIZED_LINK,
        "Doc file 'a.md' contains an unrecognized relative link 'b/', it was left as is.",
        "a.md",
    ),
    (
        mkdocs_log.NAV_MISSING,
        "A reference to 'gone.md' is included in the 'nav' configuration, which is not found in "
        "the documentation files.",
        "gone.md",
    ),
    (mkdocs_log.CONFIG, "Config value 'plugins': Plugin 'kyr' option 'x': bad", "plugins"),
    (mkdocs_log.PLUGIN_OPTION, "Plugin 'kyr' option 'x': bad", "kyr"),
    (mkdocs_log.SUB_OPTION, "Sub-option 'y': Expected a string", "y"),
    (mkdocs_log.PAGE_ERROR, "Error building page 'a.md': boom", "a.md"),
    (mkdocs_log.UNKNOWN_SETTING, "Unrecognised configuration name: colour", None),
    (mkdocs_log.TRACEBACK_START, "Traceback (most recent call last):", None),
    (
        mkdocs_log.COMMAND_ERROR,
        "Error: MkDocs could not parse mkdocs.yml",
        "MkDocs could not parse mkdocs.yml",
    ),
    (mkdocs_log.ABORTED, "Aborted with 2 warnings in strict mode!", None),
]


@pytest.mark.parametrize(("pattern", "line", "first"), MKDOCS_LINES)
def test_mkdocs_log_patterns_match_mkdocs_wording(pattern: re.Pattern, line: str, first):
    match = pattern.search(line)
    assert match is not None
    # The first group, exactly (None: the pattern has none).
    assert (match.group(1) if pattern.groups else None) == first


def test_the_log_reader_uses_the_patterns():
    log = (
        "INFO    -  Cleaning site directory\n"
        "Traceback (most recent call last):\n"
        '  File "/s/kyr/plugin.py", line 12, in on_page\n'
        "    boom()\n"
        "ValueError: bad value\n"
        "Error: MkDocs encountered an error\n"
        "Aborted with 1 warnings in strict mode!\n"
    )
    assert report._records(log) == [
        ("INFO", ["Cleaning site directory"]),
        ("TRACEBACK", [f"{report.FRAME}/s/kyr/plugin.py:12", "ValueError: bad value"]),
        ("ERROR", ["MkDocs encountered an error"]),
    ]


def test_the_generators_templates_sit_between_the_sites_and_materials():
    dirs = ["/site/overrides", "/material/templates", "/mkdocs/templates"]
    ordered = coupling.with_generator_theme(dirs, "/site/overrides")
    assert ordered == ["/site/overrides", coupling.GENERATOR_THEME, *dirs[1:]]
    assert coupling.with_generator_theme(ordered, "/site/overrides") == ordered  # idempotent
    # A site without overrides/ gets the generator's templates first.
    assert coupling.with_generator_theme(dirs[1:], None) == [coupling.GENERATOR_THEME, *dirs[1:]]
    assert (THEME / "main.html").is_file() and (THEME / "assets" / "kyr.css").is_file()
