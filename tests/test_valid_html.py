"""Every built page of every language is valid HTML for the Nu Html Checker (vnu)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from kyr.compat.material_markup import repair_material_markup
from tests.helpers import REPO, Build

VNU = REPO / "tools" / "node" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def vnu_errors(folder: Path) -> list[str]:
    if not VNU.is_file() or not shutil.which("java"):
        pytest.fail(f"{VNU} or java is missing: run `make test`, which installs them")
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--skip-non-html", "--format", "json",
         str(folder)],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    messages = json.loads(result.stderr or "{}").get("messages", [])
    return [
        f"{m['url'].split(str(folder))[-1]}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if m["type"] == "error" or m.get("subType") == "fatal"
    ]


def test_every_page_is_valid_html(real_site: Build):
    pages = real_site.pages()
    assert len(pages) > 60 and any("/es/" in str(p) for p in pages)
    assert vnu_errors(real_site.site) == []


@pytest.mark.slow  # the Nu Html Checker starts a Java VM
def test_the_checker_finds_real_errors(tmp_path: Path):
    (tmp_path / "bad.html").write_text(
        '<!doctype html><html lang="en"><head><title>x</title></head><body>'
        '<input type="checkbox" id="a" autocomplete="off"><label for="nowhere">x</label>'
        "<p><div></div></p></body></html>",
        encoding="utf-8",
    )
    errors = vnu_errors(tmp_path)
    assert any("autocomplete" in e for e in errors) and any("label" in e for e in errors)


def test_material_markup_repairs():
    html = (
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" '
        'autocomplete="off"><input type="text" name="query" autocomplete="off">'
        '<label class="md-overlay" for="__drawer"></label>'
        '<label class="md-nav__title" for="__toc"><span></span>Contents</label>'
        '<div data-id="__toc"></div>'
    )
    assert repair_material_markup(html) == (
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">'
        '<input type="text" name="query" autocomplete="off">'
        '<label class="md-overlay" for="__drawer"></label>'
        '<label class="md-nav__title"><span></span>Contents</label>'
        '<div data-id="__toc"></div>'  # no element has the id __toc: the label loses its `for`
    )
