"""The generator as a package: a wheel and an sdist built from the repository's tracked files
with `python -m build`, carrying the version, licence, changelog, templates and entry points; the
wheel, installed into a new virtual environment, builds another city's site outside this
repository."""

from __future__ import annotations

import os
import re
import subprocess
import tarfile
import zipfile
from pathlib import Path

import pytest

from kyr import __version__
from tests.helpers import REPO, only

SPRINGFIELD = {
    "mkdocs.yml": """\
site_name: Know Your Rights Springfield
site_url: https://example.org/
theme:
  name: material
  language: en
plugins:
  - search
  - offline:
      enabled: !ENV [KYR_OFFLINE, false]
  - kyr
nav:
  - index.md
""",
    "docs/index.md": """\
---
title: Know your rights
description: What to do if immigration agents come to your door.
last_reviewed: 2026-12-04
sources:
  - url: https://www.aclusocal.org/en/know-your-rights/ice-agents-your-door
    title: "ACLU of Southern California: If immigration agents come to your door"
    seen: 2026-12-04
---

# Know your rights

Do not open the door.
""",
}


def test_the_changelogs_top_entry_is_the_packages_version():
    top = re.search(r"^## (\S+)", (REPO / "CHANGELOG.md").read_text(encoding="utf-8"), re.M)
    assert top and top.group(1) == __version__


@pytest.mark.slow
def test_the_wheel_has_its_version_licence_templates_and_entry_points(kyr_dist: Path):
    wheel = only(kyr_dist, "kyr_site-*.whl")
    assert wheel.name.startswith(f"kyr_site-{__version__}-")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        info = f"kyr_site-{__version__}.dist-info"
        metadata = archive.read(f"{info}/METADATA").decode("utf-8")
        entry_points = archive.read(f"{info}/entry_points.txt").decode("utf-8")
    for name in (
        "kyr/theme/main.html",
        "kyr/theme/partials/contacts.html",
        "kyr/theme/assets/kyr.css",
        "kyr/theme/assets/javascripts/lunr/min/lunr.fold.min.js",
        "kyr/theme/assets/vendor/iframe-worker-LICENSE.txt",
        "kyr/output/service_worker.js",
        "kyr/locale/messages.pot",  # the interface strings, and their translations
        "kyr/locale/es/LC_MESSAGES/messages.po",
        "kyr/locale/fa/LC_MESSAGES/messages.po",
        f"{info}/licenses/LICENSE",
    ):
        assert name in names, name
    assert not any(name.startswith(("tests/", "docs/", "data/")) for name in names)
    assert f"Version: {__version__}" in metadata
    assert "License-Expression: MIT" in metadata
    assert re.search(r"^Requires-Dist: mkdocs-material", metadata, re.M)
    assert "# kyr: multilingual know-your-rights sites" in metadata  # PACKAGE.md
    assert re.search(r"\[mkdocs\.plugins\]\s+kyr = kyr\.plugin:KyrPlugin", entry_points)
    assert re.search(r"\[console_scripts\]\s+kyr = kyr\.cli\.main:main", entry_points)


@pytest.mark.slow
def test_the_sdist_holds_the_source_licence_and_changelog(kyr_dist: Path):
    sdist = only(kyr_dist, "kyr_site-*.tar.gz")
    with tarfile.open(sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    for name in ("LICENSE", "CHANGELOG.md", "PACKAGE.md", "src/kyr/theme/redcard.html"):
        assert name in names, name


@pytest.mark.slow
def test_the_installed_wheel_builds_another_citys_site(newcomer_venv: Path, tmp_path: Path):
    venv = newcomer_venv
    site = tmp_path / "springfield"
    for name, text in SPRINGFIELD.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(text, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "SITE_URL")}

    def in_site(*args: object) -> subprocess.CompletedProcess:
        return subprocess.run(args, capture_output=True, text=True, cwd=site, env=env)

    where = in_site(venv / "bin" / "python", "-c", "import kyr; print(kyr.__file__)")
    assert where.stdout.startswith(str(venv)), where.stdout + where.stderr  # not this checkout
    build = in_site(venv / "bin" / "kyr", "build", "--no-pdf")
    assert build.returncode == 0, build.stdout + build.stderr
    html = (site / "site" / "index.html").read_text(encoding="utf-8")
    assert "Know Your Rights Springfield" in html and "Do not open the door." in html
    assert (site / "site" / "assets" / "kyr.css").is_file()  # from the package's theme
    assert (site / "site" / "sw.js").is_file()
