from __future__ import annotations

import os
import shutil
import zipfile
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
    run_kyr,
)


@pytest.fixture(scope="session")
def mini_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The small bilingual fixture site (with one English-only page), served under /kyr/."""
    root = tmp_path_factory.mktemp("mini")
    build = build_site(root, FIXTURES / "mini" / "docs", site_subdir="www/kyr")
    assert build.returncode == 0, build.output
    return build


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The project's own docs, built exactly as `make build` does."""
    root = tmp_path_factory.mktemp("real")
    build = build_site(root)
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


@pytest.fixture(scope="session")
def printed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real project built by `kyr build` (site and PDFs) at a known address."""
    root = tmp_path_factory.mktemp("printed")
    for part in ("docs", "overrides", "translations", "data"):
        shutil.copytree(REPO / part, root / part)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    result = run_kyr(root, "build", "--root", str(root), env={"SITE_URL": FIXTURE_SITE_URL})
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


@pytest.fixture(scope="session")
def unzipped(printed: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The offline download of the `printed` site, unzipped as a reader would."""
    archive = printed / "download" / "know-your-rights-la.zip"
    target = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(archive) as handle:
        assert handle.testzip() is None
        handle.extractall(target)
    return target / "know-your-rights-la"
