"""The translation workflow on real builds: the outdated notice, the status page and a new
language, each built with `mkdocs build --strict` and checked on the HTML."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from kyr.languages import source_language
from kyr.project import load_project
from kyr.translation.marks import git_blob_hash, set_translation_of
from tests.helpers import (
    FIXTURES,
    REPO,
    Build,
    build_site,
    git_identity,
    mkdocs_build_here,
    project_config,
    text_of,
)

GIT = shutil.which("git")
EDIT_URL = "https://github.com/example-org/kyr/edit/main/"
STATUS_PAGE = """\
---
title: Translation status
description: Which pages are translated.
template: translation-status.html
last_reviewed: 2026-11-27
---

# Translation status

Volunteers translate the pages.

## Who to call

<!-- kyr:hotline -->
"""


def run(root: Path, *args: str, date: str | None = None) -> str:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if date:
        env |= git_identity(date)
    result = subprocess.run(args, capture_output=True, text=True, env=env, cwd=root)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def rebuild(build: Build) -> Build:
    """Build the same folder again, strictly (after its docs or mkdocs.yml changed)."""
    returncode, output = mkdocs_build_here(build.root / "mkdocs.yml", strict=True)
    return Build(build.root, build.site, returncode, output)


def kyr_config(**options: object) -> dict:
    """The project's plugins with extra kyr plugin options."""
    plugins = []
    for item in project_config()["plugins"]:
        if isinstance(item, dict) and "kyr" in item:
            item = {"kyr": {**(item["kyr"] or {}), **options}}
        plugins.append(item)
    return {"plugins": plugins}


def fixture_docs(**extra: str) -> dict[str, str]:
    """The mini fixture's pages, each Spanish page marked as translating today's English."""
    docs = {
        path.relative_to(FIXTURES / "mini" / "docs").as_posix(): path.read_text("utf-8")
        for path in sorted((FIXTURES / "mini" / "docs").rglob("*.md"))
    }
    docs |= extra
    for name in list(docs):
        if name.endswith(".es.md"):
            english = docs[name.removesuffix(".es.md") + ".md"]
            docs[name] = set_translation_of(docs[name], git_blob_hash(english.encode("utf-8")))
    return docs


def notice(build: Build, path: str):
    return build.html(path).select_one(".kyr-outdated")


# --- Outdated notice and status page ---


@pytest.mark.skipif(GIT is None, reason="git is not installed")
def test_outdated_notice_appears_when_english_changes_and_goes_when_marked(tmp_path: Path):
    es_status = STATUS_PAGE.replace("Translation status", "Estado de las traducciones")
    docs = fixture_docs(**{"translation-status.md": STATUS_PAGE,
                           "translation-status.es.md": es_status})  # fmt: skip
    build = build_site(tmp_path, docs, config=kyr_config(edit_url=EDIT_URL))
    assert build.returncode == 0, build.output
    assert notice(build, "es/about/") is None  # every translation is current

    # The status page: each page's state and a link to edit (or create) its file on GitHub.
    status = build.html("translation-status/")
    section = status.select_one(".kyr-translation-status")
    assert "Status: Español" in text_of(status, ".kyr-translation-status h2")
    assert "3 of 4 pages are translated and up to date" in text_of(
        status, ".kyr-translation-status"
    )
    items = {
        li.select_one("a")["href"]: li for li in section.select("li.kyr-status-page")
    }  # fmt: skip
    about = items["../es/about/"]
    assert "kyr-status-page--translated" in about["class"]
    assert about.select_one("a")["hreflang"] == "es" and about.select_one("a")["lang"] == "es"
    assert about.select_one(f'a[href="{EDIT_URL}docs/about.es.md"]') is not None
    only = items["../es/only-en/"]
    assert "kyr-status-page--missing" in only["class"]
    assert only.select_one("a")["lang"] == "en"  # the English title, marked as English
    create = only.select_one('a[href*="/new/main/"]')
    assert (
        create["href"] == "https://github.com/example-org/kyr/new/main/docs?filename=only-en.es.md"
    )
    line = f"translation_of: {git_blob_hash(docs['only-en.md'].encode())}"
    assert line in text_of(only, "details code")
    # The fixture site has no catalog of its own: it uses the generator's Spanish one, which it
    # cannot edit, so no edit link; the real site, the generator's repository, links it.
    codes = [code.get_text() for code in section.select("code")]
    assert "kyr/locale/es/LC_MESSAGES/messages.po" in codes, codes
    assert section.select_one('a[href*="LC_MESSAGES"]') is None
    assert "Estado: Español" in text_of(build.html("es/translation-status/"), "h2#status-es")
    assert "Falta traducir" in text_of(
        build.html("es/translation-status/"), "li.kyr-status-page--missing"
    )

    # The English page changes in a commit: the Spanish page says so, with the commit's date.
    run(tmp_path, "git", "init", "-q")
    run(tmp_path, "git", "add", "docs", date="2026-11-20T12:00:00+00:00")
    run(tmp_path, "git", "commit", "-qm", "pages", date="2026-11-20T12:00:00+00:00")
    about_md = tmp_path / "docs" / "about.md"
    about_md.write_text(about_md.read_text("utf-8") + "\nA new paragraph.\n", "utf-8")
    run(tmp_path, "git", "commit", "-qam", "English", date="2026-11-28T12:00:00+00:00")
    build = rebuild(build)
    assert build.returncode == 0, build.output
    shown = notice(build, "es/about/")
    assert shown is not None
    assert " ".join(shown.get_text(" ").split()).startswith(
        "La versión en inglés de esta página cambió el 28 de noviembre de 2026. "
        "Puede que esta traducción esté desactualizada."
    )
    link = shown.select_one("a")
    assert link["href"] == "../../about/" and link["hreflang"] == "en"
    assert notice(build, "es/") is None  # its English page did not change
    assert notice(build, "about/") is None  # never on the English page itself
    item = build.html("translation-status/").select_one("li.kyr-status-page--outdated")
    assert "English changed on November 28, 2026" in " ".join(item.get_text(" ").split())

    # The translator brings the page up to date and marks it: the notice goes away.
    out = run(tmp_path, sys.executable, "-m", "kyr.cli", "mark-translated", "docs/about.es.md")
    assert "docs/about.es.md: marked" in out
    build = rebuild(build)
    assert build.returncode == 0, build.output
    assert notice(build, "es/about/") is None
    assert build.html("translation-status/").select_one(".kyr-status-page--outdated") is None


def test_outdated_notice_without_git_has_no_date(tmp_path: Path):
    docs = fixture_docs()
    docs["about.md"] += "\nChanged after the translation.\n"
    build = build_site(tmp_path, docs)
    assert build.returncode == 0, build.output
    shown = notice(build, "es/about/")
    assert " ".join(shown.get_text(" ").split()).startswith(
        "La versión en inglés de esta página cambió. Puede que esta traducción esté desactualizada."
    )


# --- A third language ---


def test_new_language_builds_every_page_as_a_fallback(tmp_path: Path):
    """`kyr new-language fr` on a copy of the fixture site, with nothing else filled in."""
    build = build_site(tmp_path, FIXTURES / "mini" / "docs", config=kyr_config())
    assert build.returncode == 0, build.output
    out = run(tmp_path, sys.executable, "-m", "kyr.cli", "new-language", "fr")
    assert "Added Français (fr) to mkdocs.yml" in out and "Next steps" in out
    po = tmp_path / "translations" / "fr" / "LC_MESSAGES" / "messages.po"
    with po.open("rb") as handle:
        catalog = read_po(handle, locale="fr")
    strings = [s for m in catalog if m.id for s in (m.string if m.pluralizable else [m.string])]
    assert catalog.num_plurals >= 2 and strings and not any(strings)

    build = rebuild(build)  # strict: the untranslated French catalog does not fail it
    assert build.returncode == 0, build.output
    for path in ("fr/", "fr/about/", "fr/only-en/"):
        soup = build.html(path)
        assert soup.html["lang"] == "fr", path
        assert soup.select_one(".kyr-untranslated") is not None, path  # the fallback notice
        assert soup.select_one('link[rel="canonical"]')["href"].endswith(
            path.removeprefix("fr/")
        )  # canonical: the English page it shows
    for path in ("about/", "es/about/"):
        names = [a.get_text() for a in build.html(path).select(".kyr-lang-switch a[hreflang]")]
        assert "Français" in names, (path, names)
    switch = build.html("fr/about/").select(".kyr-lang-switch a[hreflang]")
    assert {a["hreflang"] for a in switch} == set(load_project(REPO).languages)
    # A French page is never announced as French while it is English text.
    hreflangs = {
        link["hreflang"] for link in build.html("about/").select('link[rel="alternate"][hreflang]')
    }
    assert "fr" not in hreflangs and "es" in hreflangs
    assert "untranslated" not in build.output.lower() and "WARNING" not in build.output

    # Once a first page is translated, the language is live: its catalog must be complete.
    (tmp_path / "docs" / "about.fr.md").write_text("# À propos\n\nTexte.\n", encoding="utf-8")
    build = rebuild(build)
    assert build.returncode != 0
    assert "translations/fr/LC_MESSAGES/messages.po" in build.output
    assert "not translated yet" in build.output


def test_real_site_status_page_in_both_languages(real_site: Build):
    codes = list(load_project(REPO).languages)
    english_pages = [
        p for p in (REPO / "docs").rglob("*.md")
        if source_language(p.relative_to(REPO / "docs").as_posix(), codes, "en") == "en"
    ]  # fmt: skip
    for path, heading in (("translation-status/", "Status: Español"),
                          ("es/translation-status/", "Estado: Español")):  # fmt: skip
        soup = real_site.html(path)
        assert text_of(soup, "h2#status-es") == heading
        items = soup.select(".kyr-translation-status li.kyr-status-page")
        others = len(load_project(REPO).languages) - 1  # a list for every language but English
        assert len(items) == len(english_pages) * others
        edit = items[0].select_one('a[href*="/edit/"]')
        assert edit["href"].startswith("https://github.com/") and edit["href"].endswith(".es.md")
        about = real_site.html(path.replace("translation-status/", "about/"))
        nav = about.select_one("nav.md-nav--primary")
        assert nav.select_one('a[href="../translation-status/"]') is not None
