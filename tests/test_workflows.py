"""The GitHub workflows: current actions pinned to full commit hashes, least privilege, and no
findings from actionlint (with shellcheck for `run:` scripts) or zizmor."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.helpers import REPO

WORKFLOWS = sorted((REPO / ".github" / "workflows").glob("*.yml"))
BIN = Path(sys.executable).parent
PINNED = re.compile(r"^[\w.-]+/[\w.-]+(/[\w./-]+)?@[0-9a-f]{40}$")


def run(tool: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN / tool), *args], capture_output=True, text=True, cwd=REPO, timeout=120
    )


def test_there_are_workflows():
    assert [w.name for w in WORKFLOWS] == ["deploy.yml", "translations.yml"]


def test_actionlint_finds_nothing():
    assert shutil.which("shellcheck"), "shellcheck is missing: run `make test`, which installs it"
    result = run("actionlint", "-shellcheck", shutil.which("shellcheck"), *map(str, WORKFLOWS))
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_would_catch_a_mistake(tmp_path: Path):
    bad = tmp_path / "bad.yml"
    bad.write_text(
        "on: push\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    steps:\n"
        "      - run: echo ${{ github.event.pull_request.title }}\n"
        "      - uses: actions/checkout@v4\n        with: {fetch-dept: 1}\n",
        encoding="utf-8",
    )
    result = run("actionlint", str(bad))
    assert result.returncode == 1 and "fetch-dept" in result.stdout


def test_zizmor_finds_nothing():
    # --offline: no network here; the audits that need GitHub's API are skipped.
    result = run("zizmor", "--offline", "--no-progress", ".github/workflows")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings to report" in result.stdout


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_commit_with_its_version_noted(workflow: Path):
    text = workflow.read_text(encoding="utf-8")
    uses = re.findall(r"^\s*(?:-\s*)?uses:\s*(\S+)(.*)$", text, re.M)
    assert uses
    for action, rest in uses:
        assert PINNED.match(action), action
        assert re.match(r"\s+#\s*v\d+(\.\d+){0,2}$", rest), (action, rest)


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_least_privilege_and_no_persisted_credentials(workflow: Path):
    data = yaml.safe_load(workflow.read_text(encoding="utf-8"))
    assert data["permissions"] == {}, "nothing at the top; each job asks for what it needs"
    for name, job in data["jobs"].items():
        assert "permissions" in job, name
        assert "write-all" not in str(job["permissions"]), name
        for step in job.get("steps", []):
            if str(step.get("uses", "")).startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False, name
