"""The road past MkDocs 1.x: the real site built by ProperDocs, the maintained MkDocs 1.x fork
that still runs MkDocs plugins (it answers `import mkdocs` with its own modules), with the same
Material, static-i18n and kyr, gives the same pages, text and links as MkDocs.

What differs is recorded in developer/engine.md; on 2026-12-04 (ProperDocs 1.6.7, MkDocs 1.6.1,
Material 9.8.2) nothing did: every file was byte for byte the same."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.helpers import REPO

ENGINES = ("mkdocs", "properdocs")


def build_with(engine: str, target: Path) -> Path:
    """The real site (no PDFs: those are made by `kyr build` after either engine) into `target`."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("SITE_URL", None)
    binary = Path(sys.executable).parent / engine
    result = subprocess.run(
        [binary, "build", "--strict", "-q", "-f", REPO / "mkdocs.yml", "-d", target],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
    )
    assert result.returncode == 0, f"{engine}: {result.stdout}{result.stderr}"
    return target


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("engines")
    return {engine: build_with(engine, root / engine) for engine in ENGINES}


def files_of(site: Path) -> set[str]:
    return {path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file()}


def text_and_links(path: Path) -> tuple[str, list[str]]:
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    links = [a.get("href", "") for a in soup.find_all("a")]
    return " ".join(soup.get_text(" ").split()), links


def test_the_engine_really_is_properdocs():
    version = subprocess.run(
        [Path(sys.executable).parent / "properdocs", "--version"], capture_output=True, text=True
    )
    assert version.stdout.startswith("properdocs, version 1.6"), version.stdout


@pytest.mark.slow
def test_properdocs_builds_the_same_pages_text_and_links(sites: dict[str, Path]):
    mkdocs, properdocs = sites["mkdocs"], sites["properdocs"]
    assert files_of(mkdocs) == files_of(properdocs)
    pages = sorted(name for name in files_of(mkdocs) if name.endswith(".html"))
    assert len(pages) > 100  # every language's pages, 404s included
    different = [
        name for name in pages if text_and_links(mkdocs / name) != text_and_links(properdocs / name)
    ]
    assert different == []


@pytest.mark.slow
def test_every_other_file_is_byte_for_byte_the_same(sites: dict[str, Path]):
    mkdocs, properdocs = sites["mkdocs"], sites["properdocs"]
    different = [
        name
        for name in sorted(files_of(mkdocs))
        if (mkdocs / name).read_bytes() != (properdocs / name).read_bytes()
    ]
    assert different == []
