"""The coupling list tells the truth: only kyr.compat touches Material's or static-i18n's
internals, and every Material class or variable our CSS, JavaScript, templates and PDF code use
is listed in kyr.compat.material_names (and nothing listed is unused). No build; fast."""

from __future__ import annotations

import ast
import importlib.metadata
import re
from pathlib import Path

import pytest

from kyr.compat import material_names
from tests.helpers import REPO

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


def private_attributes(tree: ast.AST) -> list[str]:
    """`x._name` on anything but self/cls: a private attribute of someone else's object."""
    return [
        f"line {node.lineno}: .{node.attr}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute)
        and node.attr.startswith("_")
        and not node.attr.startswith("__")
        and not (isinstance(node.value, ast.Name) and node.value.id in ("self", "cls"))
    ]


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
    tree = ast.parse("from material.plugins import x\nimport mkdocs_static_i18n\nf._get_url()\n")
    assert internal_imports(tree) == ["material.plugins", "mkdocs_static_i18n"]
    assert private_attributes(tree) == ["line 3: ._get_url"]
    css = ".md-typeset .kyr-x { color: var(--md-primary-fg-color--dark); } [data-md-x] .kyr-md-y"
    assert MATERIAL_NAME.findall(css) == ["md-typeset", "--md-primary-fg-color--dark"]


def our_front_end_files() -> list[Path]:
    """Our CSS, JS and templates, without Material's copied templates (listed whole) and the
    vendored or generated JavaScript."""
    copied = {REPO / "overrides" / name for name in material_names.COPIED_TEMPLATES}
    files = [
        path
        for pattern in ("*.css", "*.js", "*.html")
        for path in (REPO / "overrides").rglob(pattern)
        if path not in copied and "vendor" not in path.parts and "lunr" not in path.parts
    ]
    return sorted(files) + python_outside_compat()


def material_names_used() -> dict[str, set[str]]:
    used: dict[str, set[str]] = {}
    for path in our_front_end_files():
        for name in MATERIAL_NAME.findall(path.read_text(encoding="utf-8")):
            used.setdefault(name, set()).add(path.relative_to(REPO).as_posix())
    return used


def unlisted(used: dict[str, set[str]]) -> dict[str, set[str]]:
    listed = set(material_names.CLASSES) | set(material_names.CUSTOM_PROPERTIES)
    return {name: where for name, where in used.items() if name not in listed}


def test_every_material_name_we_use_is_listed():
    assert unlisted(material_names_used()) == {}


def test_every_listed_material_name_is_still_used():
    used = material_names_used()
    listed = set(material_names.CLASSES) | set(material_names.CUSTOM_PROPERTIES)
    assert sorted(listed - set(used)) == []


def test_an_unlisted_class_is_found():
    assert unlisted({"md-typeset": {"a.css"}, "md-nav__link": {"b.css"}}) == {
        "md-nav__link": {"b.css"}
    }


@pytest.mark.parametrize("template", sorted(material_names.COPIED_TEMPLATES))
def test_copied_templates_come_from_the_installed_material(template: str):
    installed = importlib.metadata.version("mkdocs-material")
    assert installed == material_names.MATERIAL_VERSION, (
        f"Material {installed} is installed; re-diff overrides/{template} against its copy and "
        "update MATERIAL_VERSION"
    )
    assert (REPO / "overrides" / template).is_file()
