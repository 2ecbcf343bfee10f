"""Write the generated parts of developer/*.md from the code, so the developer docs cannot drift.

Each generated part sits between `<!-- generated: NAME -->` and `<!-- end generated -->`; the
rest of each file is written by hand. `make developer-docs` rewrites the parts;
`python scripts/developer_docs.py --check` (run by tests/unit/test_developer_docs.py) fails, naming
the file, when one is stale.
"""

from __future__ import annotations

import argparse
import ast
import io
import re
import sys
import tokenize
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "src" / "kyr"
DOCS = REPO / "developer"
BLOCK = re.compile(r"(<!-- generated: (?P<name>[a-z-]+) -->\n)(.*?)(<!-- end generated -->)", re.S)
# Modules that import an engine (MkDocs, Material, static-i18n): the layer a move must replace.
ENGINES = ("mkdocs", "material", "mkdocs_static_i18n")


def docstring(path: Path) -> str:
    return ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""


def first_paragraph(text: str) -> str:
    return " ".join(text.split("\n\n", 1)[0].split())


def comments_by_line(path: Path) -> dict[int, str]:
    tokens = tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline)
    return {t.start[0]: t.string.lstrip("# ").strip() for t in tokens if t.type == tokenize.COMMENT}


def assigned(path: Path, name: str) -> ast.expr:
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == name for t in node.targets
        ):
            return node.value
    raise LookupError(f"{path}: no {name} =")


def commented_strings(path: Path, name: str) -> list[tuple[str, str]]:
    """The strings of the tuple `name` in `path`, each with the comment on its line."""
    comments = comments_by_line(path)
    value = assigned(path, name)
    assert isinstance(value, ast.Tuple), name
    return [
        (e.value, comments.get(e.lineno, "")) for e in value.elts if isinstance(e, ast.Constant)
    ]


def md_table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


# --- The generated parts ---


def packages() -> str:
    rows = []
    for init in sorted(PACKAGE.glob("*/__init__.py")):
        folder = init.parent
        modules = ", ".join(
            f"`{m.stem}`" for m in sorted(folder.glob("*.py")) if m.name != "__init__.py"
        )
        rows.append((f"`kyr/{folder.name}/`", first_paragraph(docstring(init)), modules))
    for module in sorted(PACKAGE.glob("*.py")):
        if module.name != "__init__.py":
            rows.append((f"`kyr/{module.name}`", first_paragraph(docstring(module)), ""))
    rows.append(
        (
            "`kyr/theme/`",
            "The templates, style sheets and scripts every site gets (not Python).",
            ", ".join(f"`{p.name}`" for p in sorted(PACKAGE.glob("theme/*.html"))),
        )
    )
    return md_table(("Where", "Its job (from its docstring)", "Modules"), rows)


def configuration() -> str:
    from kyr.config import KyrConfig

    source = PACKAGE / "config.py"
    comments = comments_by_line(source)
    tree = ast.parse(source.read_text(encoding="utf-8"))
    cls = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "KyrConfig")
    rows = []
    for node in cls.body:
        if not isinstance(node, ast.Assign):
            continue
        key = node.targets[0].id  # type: ignore[attr-defined]
        above, line = [], node.lineno - 1
        while line in comments:
            above.insert(0, comments[line])
            line -= 1
        option = getattr(KyrConfig, key)
        rows.append((f"`{key}`", f"`{option.default!r}`", " ".join(above)))
    return md_table(("Key", "Default", "What it sets"), rows)


def contact_fields() -> str:
    source = PACKAGE / "contacts" / "model.py"
    rows = [(f"`{k}`", "yes", c) for k, c in commented_strings(source, "REQUIRED")]
    rows += [(f"`{k}`", "no", c) for k, c in commented_strings(source, "OPTIONAL")]
    return md_table(("Field", "Required", "What it holds"), rows)


def contact_values() -> str:
    from kyr.contacts import model

    source = PACKAGE / "contacts" / "model.py"
    rows = [
        ("`kind`", ", ".join(f"`{v}`" for v in model.KINDS)),
        ("`region`", ", ".join(f"`{v}`" for v in model.REGIONS)),
        ("`confidence`", ", ".join(f"`{v}`" for v in model.CONFIDENCE)),
        ("`last_verified.method`", ", ".join(f"`{v}`" for v in model.METHODS)),
        (
            "`tags`",
            "; ".join(
                f"`{t}`" + (f" ({c})" if c else "") for t, c in commented_strings(source, "TAGS")
            ),
        ),
    ]
    table = md_table(("Field", "Allowed values"), rows)
    return table + (
        f"\nA contact not compared for {model.STALE_AFTER_DAYS} days is stale; a source dated more "
        f"than {model.OLD_SOURCE_DAYS} days before its comparison is old (both fail "
        "`kyr contacts check --strict`). The numbers in `BLOCKED_NUMBERS` "
        f"(`kyr.contacts.model`, {len(model.BLOCKED_NUMBERS)} today: lines for reporting "
        "immigrants) are refused anywhere in the file, published or not.\n"
    )


def markers() -> str:
    text = docstring(PACKAGE / "pages" / "markers.py")
    lines = [line for line in text.splitlines() if line.startswith("    <!--")]
    return "```text\n" + "\n".join(line[4:] for line in lines) + "\n```\n"


def coupling() -> str:
    text = docstring(PACKAGE / "compat" / "coupling.py")
    return "```text\n" + text + "\n```\n"


def code_lines(path: Path) -> int:
    """Lines that are neither blank, comments nor docstrings."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        first = body[0] if isinstance(body, list) and body else None
        value = first.value if isinstance(first, ast.Expr) else None
        if isinstance(value, ast.Constant) and isinstance(value.value, str):  # a docstring
            skip |= set(range(first.lineno, (first.end_lineno or first.lineno) + 1))
    lines = path.read_text(encoding="utf-8").splitlines()
    return sum(
        1
        for number, line in enumerate(lines, 1)
        if line.strip() and not line.strip().startswith("#") and number not in skip
    )


def imports_engine(path: Path) -> bool:
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module]
        if any(name.split(".")[0] in ENGINES for name in names):
            return True
    return False


def engine_layer() -> str:
    modules = sorted(PACKAGE.rglob("*.py"))
    engine = [m for m in modules if imports_engine(m)]
    rows = [(f"`{m.relative_to(PACKAGE.parent).as_posix()}`", str(code_lines(m))) for m in engine]
    layer = sum(code_lines(m) for m in engine)
    # Not the whole package's line count: that would make this page stale with every change.
    return md_table(("Module that imports MkDocs, Material or static-i18n", "Code lines"), rows) + (
        f"\n**{layer} code lines in {len(engine)} modules** import an engine; the other "
        f"{len(modules) - len(engine)} modules of the package are plain Python.\n"
    )


PARTS: dict[str, Callable[[], str]] = {
    "packages": packages,
    "configuration": configuration,
    "contact-fields": contact_fields,
    "contact-values": contact_values,
    "markers": markers,
    "coupling": coupling,
    "engine-layer": engine_layer,
}


def rewrite(text: str, path: Path) -> str:
    def part(match: re.Match[str]) -> str:
        name = match.group("name")
        if name not in PARTS:
            raise SystemExit(f"{path.relative_to(REPO)}: no generated part named {name!r}")
        return match.group(1) + PARTS[name]() + match.group(4)

    return BLOCK.sub(part, text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if a generated part is stale")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(REPO / "src"))
    stale = []
    for path in sorted(DOCS.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        new = rewrite(text, path)
        if new != text:
            stale.append(path.relative_to(REPO).as_posix())
            if not args.check:
                path.write_text(new, encoding="utf-8")
    if args.check and stale:
        print(
            "Stale generated parts in " + ", ".join(stale) + ": run `make developer-docs`.",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
