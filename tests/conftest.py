from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.helpers import CHROMIUM, CHROMIUM_ARGS, FIXTURES, Build, build_site


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
