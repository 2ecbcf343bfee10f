"""The generator holds no place: nothing in src/kyr names Los Angeles, its site, its hotline or
its organizations, so another city's site gets none of it (issue: a generator other cities can
use). Everything local is in the site's docs/, data/, translations/, overrides/ and mkdocs.yml."""

from __future__ import annotations

import re
from pathlib import Path

import kyr
from kyr.project import load_project
from tests.helpers import REPO

PACKAGE = Path(kyr.__file__).parent
# Names of this one site: the city, the site's name, its download, its hotline's numbers and the
# organizations its contacts list.
LOCAL = re.compile(
    r"los[ -]angeles|\bL\.A\.|know-your-rights-la|kyr-la\b|conozca sus derechos"
    r"|immdef|chirla|public counsel|624-?4752|\(213\)|\b213-",
    re.I,
)


def test_no_file_of_the_package_names_los_angeles():
    found = [
        f"{path.relative_to(PACKAGE)}:{number}: {line.strip()}"
        for path in sorted(PACKAGE.rglob("*"))
        if path.is_file() and path.suffix in {".py", ".html", ".css", ".js", ".txt"}
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if LOCAL.search(line)
    ]
    assert found == []


def test_the_pattern_finds_what_it_looks_for():
    assert LOCAL.search("Know Your Rights L.A.") and LOCAL.search("(888) 624-4752")
    assert LOCAL.search('REGIONS = ("los-angeles",') and not LOCAL.search("Los Alamos")


def test_the_la_sites_names_come_from_its_own_files():
    project = load_project(REPO)
    assert project.site_name == "Know Your Rights L.A."  # mkdocs.yml
    assert project.download_name == "know-your-rights-la"  # the kyr plugin's download_name
