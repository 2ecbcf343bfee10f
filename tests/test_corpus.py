"""The bad input corpus (tests/corpus/*.yml): every malformed input fails loudly and clearly.

Each case is applied to a copy of the fixture site (tests/fixtures/mini with the project's
overrides, translations and data), then the real command runs. It must exit non-zero with exactly
one new message that names the file (and the line or key where there is one) and says what to
do, and never with a Python traceback. What `kyr build` refuses, `kyr check` must report in the
same words (one rule, two policies: the build stops at the first problem, the check lists them
all), and a bad contacts file fails all three commands alike. See tests/corpus/README.md.
"""

from __future__ import annotations

import codecs
import re
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

import kyr
from kyr.publish.report import UNEXPECTED
from tests.helpers import FIXTURES, make_project, run_kyr, write_project_config

PACKAGE = Path(kyr.__file__).parent  # a case may start from a copy of one of its files

CORPUS = Path(__file__).resolve().parent / "corpus"
CASES = sorted(CORPUS.glob("*.yml"))
COMMANDS = {
    "build": ["build", "--no-pdf"],
    "check": ["check"],
    "contacts": ["contacts", "check"],
}
# Lines that close a failing command's output, after its messages.
FOOTER = re.compile(
    r"^(\d+ problem\(s\) in |The site was not built|To see MkDocs' full output|Material for)"
)


@pytest.fixture(scope="session")
def corpus_base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture site as a project folder: docs, the project's parts, and mkdocs.yml."""
    return make_project(tmp_path_factory.mktemp("corpus") / "base", FIXTURES / "mini" / "docs")


def run(root: Path, command: str) -> subprocess.CompletedProcess:
    return run_kyr(root, *COMMANDS[command])


@pytest.fixture(scope="session")
def baseline(corpus_base: Path, tmp_path_factory: pytest.TempPathFactory):
    """The output lines of each command on the unchanged fixture (kyr check has findings
    there already: fixture pages cite no sources); computed once, when first needed."""
    found: dict[str, set[str]] = {}

    def lines(command: str) -> set[str]:
        if command not in found:
            root = tmp_path_factory.mktemp(f"baseline-{command}") / "site"
            shutil.copytree(corpus_base, root)
            result = run(root, command)
            found[command] = set((result.stdout + result.stderr).splitlines())
        return found[command]

    return lines


def apply(root: Path, change: dict) -> None:
    """One change of a case (see tests/corpus/README.md)."""
    path = root / change["file"]
    path.parent.mkdir(parents=True, exist_ok=True)
    if "from_package" in change:  # the site's own copy of a generator file, then changed
        shutil.copyfile(PACKAGE / change["from_package"], path)
    if change.get("delete"):
        path.unlink()
    elif "data" in change:
        path.write_bytes(change["data"])
    elif "text" in change:
        text = change["text"] * change.get("repeat", 1)
        path.write_bytes(text.encode(change.get("encoding", "utf-8")))
    elif "append" in change:
        with path.open("a", encoding="utf-8") as handle:
            handle.write(change["append"])
    else:
        data = path.read_bytes()
        old = change["replace"].encode("utf-8")
        new = change["with"]
        # unescape: \xNN in `with` become raw bytes (to write other encodings into a file).
        if change.get("unescape"):
            raw = codecs.decode(new, "unicode_escape").encode("latin-1")
        else:
            raw = new.encode("utf-8")
        assert data.count(old) == 1, f"{change['file']}: {change['replace']!r} must occur once"
        path.write_bytes(data.replace(old, raw))


def expected_location(root: Path, expect: dict) -> str:
    line = expect.get("line")
    if "line_of" in expect:
        data = (root / expect["file"]).read_bytes().decode("utf-8", errors="replace")
        offset = data.find(expect["line_of"])
        assert offset >= 0, f"{expect['file']} does not hold {expect['line_of']!r}"
        line = data.count("\n", 0, offset) + 1
    return f"{expect['file']}:{line}:" if line else f"{expect['file']}:"


def test_the_corpus_covers_every_kind_of_input():
    kinds = {case.stem.split("-")[0] for case in CASES}
    assert len(CASES) >= 30
    assert {"fm", "md", "contacts", "po", "config", "link", "translation", "template"} <= kinds


def test_the_fixture_itself_builds(corpus_base: Path, tmp_path: Path):
    """Without this, every case would fail for the wrong reason."""
    shutil.copytree(corpus_base, tmp_path / "site")
    result = run(tmp_path / "site", "build")
    assert result.returncode == 0, result.stdout + result.stderr


@dataclass(frozen=True)
class Outcome:
    root: Path
    command: str
    returncode: int
    output: str
    # The same input under the other commands that must refuse it: {command: (exit, output)}
    also: dict[str, tuple[int, str]]


# One rule, two policies: what `kyr build` refuses, `kyr check` reports in the same words (and a
# bad contacts file fails the build and the check as it fails `kyr contacts check`).
ALSO = {"build": ("check",), "contacts": ("build", "check"), "check": ()}


def run_case(case: Path, corpus_base: Path, folder: Path) -> Outcome:
    """Apply a case to a copy of the fixture site and run its command."""
    spec = yaml.safe_load(case.read_text(encoding="utf-8"))
    root = folder / "site"
    shutil.copytree(corpus_base, root)
    for change in spec.get("changes", []):
        apply(root, change)
    if spec.get("config"):
        write_project_config(root, spec["config"])
    command = spec.get("command", "build")
    also = {}
    for other in ALSO[command]:
        result = run(root, other)
        also[other] = (result.returncode, result.stdout + result.stderr)
    result = run(root, command)  # last: the build leaves no site behind on failure
    return Outcome(root, command, result.returncode, result.stdout + result.stderr, also)


@pytest.fixture(scope="session")
def outcomes(request, corpus_base: Path, tmp_path_factory: pytest.TempPathFactory):
    """Every selected case, run two at a time (one per core) the first time one is needed."""
    selected = [
        item.callspec.params["case"]
        for item in request.session.items
        if getattr(item, "originalname", "") == "test_bad_input_fails_with_one_clear_message"
    ]
    folders = {case: tmp_path_factory.mktemp(case.stem) for case in selected}
    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = {
            case: pool.submit(run_case, case, corpus_base, folders[case]) for case in selected
        }
        return {case: future.result() for case, future in futures.items()}


@pytest.mark.parametrize("case", CASES, ids=[case.stem for case in CASES])
def test_bad_input_fails_with_one_clear_message(case: Path, outcomes, baseline):
    spec = yaml.safe_load(case.read_text(encoding="utf-8"))
    assert spec.get("description"), f"{case.name}: describe what the case mutates"
    outcome = outcomes[case]
    root, command, output = outcome.root, outcome.command, outcome.output

    assert outcome.returncode != 0, output
    assert "Traceback" not in output, output
    assert UNEXPECTED not in output, output
    before = baseline(command)
    new = [
        line
        for line in output.splitlines()
        if line.strip() and line not in before and not FOOTER.match(line)
    ]
    assert len(new) == 1, "\n".join(new)
    message, expect = new[0], spec["expect"]
    assert message.startswith(expected_location(root, expect)), message
    if "key" in expect:
        assert f"[{expect['key']}]" in message, message
    assert expect["message"] in message, message
    assert expect["hint"] in message, message
    if command == "build":  # nothing was published
        assert not (root / "site").exists()
    for other, (returncode, other_output) in outcome.also.items():
        assert returncode != 0, f"kyr {other}:\n{other_output}"
        assert "Traceback" not in other_output, other_output
        assert message in other_output.splitlines(), f"kyr {other}:\n{other_output}"
