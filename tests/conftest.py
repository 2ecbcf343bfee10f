"""Session fixtures (the real site, its printed build, the browser) and the test lanes.

Markers come from the fixtures a test uses, so a new test lands in the right lane by itself:
`browser` (Chromium), `pdf` (the `kyr build` with PDFs), `slow` (the real site's builds). Under
pytest-xdist the big session fixtures are built once for all workers (see `built_once`).
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.helpers import (
    CHROMIUM,
    CHROMIUM_ARGS,
    FIXTURE_SITE_URL,
    FIXTURES,
    REPO,
    Build,
    build_site,
    only,
    run_kyr,
    serve,
)

# Fixture -> markers of every test that uses it (directly or through another fixture).
MARKERS_BY_FIXTURE = {
    "browser": ("browser",),
    "printed": ("pdf", "slow"),
    "unzipped": ("pdf", "slow"),
    "real_site": ("slow",),
    "kyr_dist": ("slow",),  # builds the wheel and sdist
    "outcomes": ("slow",),  # the corpus: 58 cases, each `kyr build` and `kyr check` in processes
}


def pytest_itemcollected(item: pytest.Item) -> None:
    """Marks each test as it is collected (before `-m` reads marks)."""
    fixtures = getattr(item, "fixturenames", ())
    for fixture, markers in MARKERS_BY_FIXTURE.items():
        if fixture in fixtures:
            for marker in markers:
                item.add_marker(marker)


@contextmanager
def _locked(path: Path):
    with path.open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def built_once(factory: pytest.TempPathFactory, name: str, make: Callable[[Path], dict]) -> dict:
    """`make(folder)` run once per test run, even with several xdist workers: the first worker
    builds under a lock in the run's shared temp folder and records `make`'s JSON result; the
    others wait for it and read it. Why: the real site and its PDFs take most of a minute."""
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        return make(factory.mktemp(name))
    shared = factory.getbasetemp().parent  # the run's folder, parent of every worker's
    done = shared / f"{name}.json"
    with _locked(shared / f"{name}.lock"):
        if not done.exists():
            folder = shared / name
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            done.write_text(json.dumps(make(folder)), encoding="utf-8")
    return json.loads(done.read_text(encoding="utf-8"))


def _shared_build(factory: pytest.TempPathFactory, name: str, **options) -> Build:
    def make(root: Path) -> dict:
        build = build_site(root, **options)
        return {"root": str(build.root), "returncode": build.returncode, "output": build.output}

    found = built_once(factory, name, make)
    root = Path(found["root"])
    site = root / options.get("site_subdir", "site")
    return Build(root, site, found["returncode"], found["output"])


@pytest.fixture(scope="session")
def mini_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The small bilingual fixture site (with one English-only page), served under /kyr/."""
    root = tmp_path_factory.mktemp("mini")
    build = build_site(root, FIXTURES / "mini" / "docs", site_subdir="www/kyr")
    assert build.returncode == 0, build.output
    return build


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The project's own docs, built exactly as `make build` does (once per run)."""
    build = _shared_build(tmp_path_factory, "real")
    assert build.returncode == 0, build.output
    return build


@pytest.fixture(scope="session")
def browser():
    """One headless Debian Chromium for the whole run. In CI a missing browser is a failure."""
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing: run `make test`, which installs it.")
        pytest.skip(f"{CHROMIUM} not installed (run `make test`)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def real_url(real_site: Build):
    """The real site served over HTTP, as a static host does; its base URL."""
    with serve(real_site.site) as base:
        yield base


@pytest.fixture
def phone(browser):
    """A phone-sized touch browser context (390 x 844)."""
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    )
    yield context
    context.close()


def _print(root: Path) -> dict:
    for part in ("docs", "overrides", "data"):
        shutil.copytree(REPO / part, root / part)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    result = run_kyr(root, "build", "--root", str(root), env={"SITE_URL": FIXTURE_SITE_URL})
    log = result.stdout + result.stderr
    return {"site": str(root / "site"), "code": result.returncode, "log": log}


@pytest.fixture(scope="session")
def printed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real project built by `kyr build` (site and PDFs) at a known address (once per run)."""
    found = built_once(tmp_path_factory, "printed", _print)
    assert found["code"] == 0, found["log"]
    return Path(found["site"])


@pytest.fixture(scope="session")
def unzipped(printed: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The offline download of the `printed` site, unzipped as a reader would."""
    archive = printed / "download" / "know-your-rights-la.zip"
    target = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(archive) as handle:
        assert handle.testzip() is None
        handle.extractall(target)
    return target / "know-your-rights-la"


# What the package is made of: its code and the files its metadata names.
PACKAGE_FILES = ("pyproject.toml", "MANIFEST.in", "PACKAGE.md", "LICENSE", "CHANGELOG.md")


def tracked_package_tree(target: Path) -> Path:
    """The files `python -m build` needs, as a fresh clone has them (tracked files only)."""
    listed = subprocess.run(
        ["git", "-C", str(REPO), "ls-files", "-z", "--", "src", *PACKAGE_FILES],
        capture_output=True,
        check=True,
    ).stdout.decode("utf-8")
    for name in filter(None, listed.split("\0")):
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO / name, target / name)
    return target


@pytest.fixture(scope="session")
def kyr_dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The package's wheel and sdist, built from the tracked files (once per worker)."""
    tree = tracked_package_tree(tmp_path_factory.mktemp("tree"))
    out = tmp_path_factory.mktemp("dist")
    # No isolation: the pinned setuptools of .venv, without a download.
    result = subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(tree)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return out


@pytest.fixture(scope="session")
def newcomer_venv(kyr_dist: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new virtual environment with the built wheel and copier, installed as a newcomer would
    (no checkout on the path); its folder."""
    venv = tmp_path_factory.mktemp("newcomer") / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    wheel = only(kyr_dist, "kyr_site-*.whl")
    install = subprocess.run(
        [venv / "bin" / "pip", "install", "-q", "-c", REPO / "constraints.txt", wheel, "copier"],
        capture_output=True,
        text=True,
    )
    assert install.returncode == 0, install.stderr[-3000:]
    return venv
