"""A hostile (or careless) translation fails: a Spanish page, or the Spanish part of the contacts
data, that calls or links somewhere else than the English original never builds.

The end-to-end cases run the real commands on a small project; the last test checks the built
real site: every Spanish page calls and links exactly where its English page does.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kyr.contacts.load import emergency_contact, load_contacts, published
from tests.helpers import REPO, Build, make_project, run_kyr
from tests.test_contacts_build import cards, links_of

CONTACTS = load_contacts(REPO / "data" / "contacts.yml", languages=("en", "es"))
HOTLINE = emergency_contact(CONTACTS)
OTHER = next(c for c in published(CONTACTS) if c.phones and c.id != HOTLINE.id)

ENGLISH = """\
---
title: If agents come
---

# If agents come

Read [CHIRLA's guide](https://www.chirla.org/).

## Who to call

<!-- kyr:hotline -->
"""
SPANISH = """\
---
title: Si llegan agentes
---

# Si llegan agentes

Lea [la guía de CHIRLA](https://www.chirla.org/).

## A quién llamar

<!-- kyr:hotline -->
"""

# name: (Spanish page, expected location, expected message)
HOSTILE_PAGES = {
    "typed number": (
        SPANISH.replace("## A quién", "Mejor llame al (213) 555-0199.\n\n## A quién"),
        "docs/index.es.md:9:",
        "a phone number is typed into the page text: '(213) 555-0199'",
    ),
    "tel link": (
        SPANISH.replace("## A quién", "[Llame aquí](tel:+12135550199)\n\n## A quién"),
        "docs/index.es.md:9:",
        "a tel: link is typed into the page",
    ),
    "hotline url": (
        SPANISH.replace("https://www.chirla.org/", "https://chirla-ayuda.example/"),
        "docs/index.es.md:7:",
        "has the web address https://chirla-ayuda.example/ that docs/index.md does not have",
    ),
    "other contact": (
        SPANISH.replace("<!-- kyr:hotline -->", f"<!-- kyr:contacts id={OTHER.id} -->"),
        "docs/index.es.md:",
        f"has the phone link tel:{OTHER.phones[0].e164} that docs/index.md does not have",
    ),
}


def project(tmp_path: Path, spanish: str = SPANISH) -> Path:
    return make_project(tmp_path / "project", {"index.md": ENGLISH, "index.es.md": spanish})


def test_the_faithful_translation_builds(tmp_path: Path):
    result = run_kyr(project(tmp_path), "build", "--no-pdf")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("case", HOSTILE_PAGES)
def test_a_spanish_page_that_calls_or_links_elsewhere_fails_the_build(tmp_path: Path, case: str):
    spanish, location, message = HOSTILE_PAGES[case]
    root = project(tmp_path, spanish)
    result = run_kyr(root, "build", "--no-pdf")
    assert result.returncode != 0
    problem = result.stderr.splitlines()[0]
    assert problem.startswith(location) and message in problem, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert not (root / "site").exists()


@pytest.mark.parametrize("case", ["typed number", "hotline url"])
def test_kyr_check_names_the_hostile_spanish_page(tmp_path: Path, case: str):
    spanish, location, _ = HOSTILE_PAGES[case]
    result = run_kyr(project(tmp_path, spanish), "check")
    assert result.returncode != 0
    assert location in result.stderr, result.stderr


def hostile_label(root: Path) -> int:
    """The Spanish label of the hotline's number points readers at another number; returns
    the line of the label."""
    path = root / "data" / "contacts.yml"
    text = path.read_text(encoding="utf-8")
    label = f'es: "{HOTLINE.phones[0].label["es"]}"'
    assert text.count(label) == 1
    path.write_text(text.replace(label, 'es: "Mejor llame al 213-555-0199"'), encoding="utf-8")
    return text[: text.index(label)].count("\n") + 1


@pytest.mark.parametrize("command", [("build", "--no-pdf"), ("contacts", "check")])
def test_a_spanish_contact_label_hiding_another_number_fails(tmp_path: Path, command):
    root = project(tmp_path)
    line = hostile_label(root)
    result = run_kyr(root, *command)
    assert result.returncode != 0
    assert f"data/contacts.yml:{line}: [{HOTLINE.id}.phones[0].label.es]" in result.stderr
    assert "this text contains a phone number ('213-555-0199')" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr


# --- The built real site: Spanish pages call and link exactly where English pages do ---


def tel_links(soup) -> list[str]:
    return [a["href"] for a in soup.find_all("a", href=True) if a["href"].startswith("tel:")]


def test_every_spanish_page_calls_and_links_where_its_english_page_does(real_site: Build):
    compared = 0
    for spanish_file in sorted((real_site.site / "es").rglob("index.html")):
        url = spanish_file.parent.relative_to(real_site.site).as_posix() + "/"
        spanish = real_site.html(url)
        if spanish.select_one(".kyr-untranslated"):
            continue  # an English page shown under /es/: the same page
        english = real_site.html(url.removeprefix("es/"))
        assert tel_links(spanish) == tel_links(english), url
        assert [links_of(card) for card in cards(spanish)] == [
            links_of(card) for card in cards(english)
        ], url
        compared += 1
    assert compared > 30
