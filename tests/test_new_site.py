"""Another city starts its own site from the template (template/, with copier) and keeps it up to
date: with the built wheel installed in a new virtual environment, a site for a made-up city in
English, Spanish and Persian (right to left) is made, cloned fresh, and passes its own tests
with its own two commands (strict build with PDFs, `kyr check`); a change to the template then
reaches it through `copier update`."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from kyr import __version__
from tests.helpers import REPO

TEMPLATE = REPO / "template"
ANSWERS = {
    "organization": "Springfield Immigrant Defense",
    "city": "Springfield",
    "languages": "en es fa",
    "site_url": "https://example.org/springfield/",
    "hotline_name": "Springfield Rapid Response",
    "hotline_number": "800-555-0100",  # made up, as the city is
    "hotline_services": "Sends legal observers to check reports",
    "hotline_languages": "en es",
    "hotline_source_url": "https://example.org/springfield/hotline",
    "hotline_compared_on": "2026-12-04",
}


def run(*args: object, cwd: Path, env: dict[str, str] | None = None) -> str:
    result = subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, f"{args}:\n{result.stdout[-4000:]}\n{result.stderr[-4000:]}"
    return result.stdout + result.stderr


def commit(folder: Path, message: str) -> None:
    run("git", "add", "-A", cwd=folder)
    run("git", "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", message,
        cwd=folder)  # fmt: skip


@pytest.fixture(scope="module")
def tools(newcomer_venv: Path, kyr_dist: Path) -> dict[str, str]:
    """The environment of a newcomer who installed the wheel and copier (conftest)."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "SITE_URL")}
    env["PATH"] = f"{newcomer_venv / 'bin'}{os.pathsep}{env['PATH']}"  # copier's task runs it
    env["PIP_FIND_LINKS"] = str(kyr_dist)  # the new site's `pip install kyr-site==…` finds it
    env["NO_MKDOCS_2_WARNING"] = "1"
    return env


@pytest.fixture(scope="module")
def template_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The template as its own git repository, as copier reads templates."""
    repo = tmp_path_factory.mktemp("template") / "kyr-template"
    shutil.copytree(TEMPLATE, repo)
    run("git", "init", "-q", cwd=repo)
    commit(repo, "template v1")
    run("git", "tag", "v1", cwd=repo)
    return repo


@pytest.fixture(scope="module")
def springfield(tools, template_repo: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("sites") / "springfield"
    data = [arg for key, value in ANSWERS.items() for arg in ("--data", f"{key}={value}")]
    run("copier", "copy", "--trust", "--defaults", *data, template_repo, site,
        cwd=site.parent, env=tools)  # fmt: skip
    run("git", "init", "-q", cwd=site)
    commit(site, "Springfield's site from the kyr template")
    return site


def test_the_template_installs_this_version_of_the_generator():
    settings = yaml.safe_load((TEMPLATE / "copier.yml").read_text(encoding="utf-8"))
    assert settings["kyr_version"]["default"] == __version__


@pytest.mark.slow
def test_the_new_site_has_what_a_site_needs(springfield: Path):
    for name in (
        "mkdocs.yml", "docs/index.md", "docs/red-card.md", "docs/print.md", "data/contacts.yml",
        "data/phrases.yml", "Makefile", ".ci/run", ".github/workflows/ci.yml", "README.md",
        "CONTRIBUTING.md", "CONTRIBUTING.es.md", "tests/test_site.py", ".copier-answers.yml",
    ):  # fmt: skip
        assert (springfield / name).is_file(), name
    config = (springfield / "mkdocs.yml").read_text(encoding="utf-8")
    # kyr new-language added Spanish and Persian (named in their own scripts).
    assert "name: Español" in config and "name: فارسی" in config
    readme = (springfield / "README.md").read_text(encoding="utf-8")
    assert "make serve" in readme and "make test" in readme and "Springfield" in readme
    contacts = yaml.safe_load((springfield / "data/contacts.yml").read_text(encoding="utf-8"))
    (hotline,) = contacts
    assert hotline["phones"][0]["number"] == ANSWERS["hotline_number"]
    assert hotline["source_url"] == ANSWERS["hotline_source_url"]
    assert str(hotline["last_verified"]["date"]) == ANSWERS["hotline_compared_on"]
    assert "Los Angeles" not in config + readme


@pytest.mark.slow
def test_a_fresh_clone_passes_its_own_tests_with_its_own_command(
    springfield: Path, tools, tmp_path: Path
):
    clone = tmp_path / "clone"
    run("git", "clone", "-q", springfield, clone, cwd=tmp_path)
    output = run("make", "test", cwd=clone, env=tools)
    assert re.search(r"\b2 passed\b", output), output[-2000:]
    site = clone / "site"
    assert '<body dir="rtl"' in (site / "fa" / "index.html").read_text(encoding="utf-8")
    assert (site / "pdf" / "red-card-en.pdf").is_file()
    assert "Springfield Rapid Response" in (site / "index.html").read_text(encoding="utf-8")


@pytest.mark.slow
def test_copier_update_brings_a_template_change_to_the_site(
    springfield: Path, template_repo: Path, tools, tmp_path: Path
):
    site = tmp_path / "springfield"
    shutil.copytree(springfield, site)  # leaves the module's site as it was made
    notice = "Report a wrong phone number to the maintainers the same day."
    contributing = template_repo / "project" / "CONTRIBUTING.md.jinja"
    contributing.write_text(
        contributing.read_text(encoding="utf-8") + f"- {notice}\n", encoding="utf-8"
    )
    commit(template_repo, "template v2")
    run("git", "tag", "v2", cwd=template_repo)
    try:
        run("copier", "update", "--trust", "--defaults", cwd=site, env=tools)
    finally:  # the module's template stays at v1 for the other tests
        run("git", "reset", "-q", "--hard", "v1", cwd=template_repo)
        run("git", "tag", "-d", "v2", cwd=template_repo)
    assert notice in (site / "CONTRIBUTING.md").read_text(encoding="utf-8")
    answers = yaml.safe_load((site / ".copier-answers.yml").read_text(encoding="utf-8"))
    assert answers["_commit"] == "v2"
    # The languages added when the site was made are not added twice.
    assert (site / "mkdocs.yml").read_text(encoding="utf-8").count("locale: fa") == 1
