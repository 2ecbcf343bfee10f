"""The developer docs' generated parts (configuration keys, contact fields, markers, the engine
layer) match the code: a new setting or field without `make developer-docs` fails here."""

from __future__ import annotations

import subprocess
import sys

from tests.helpers import REPO

SCRIPT = REPO / "scripts" / "developer_docs.py"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, SCRIPT, *args], capture_output=True, text=True)


def test_the_generated_parts_are_up_to_date():
    result = run("--check")
    assert result.returncode == 0, result.stderr


def test_a_stale_part_is_named(tmp_path, monkeypatch):
    sys.path.insert(0, str(SCRIPT.parent))
    try:
        import developer_docs
    finally:
        sys.path.pop(0)
    (tmp_path / "configuration.md").write_text(
        "# Settings\n\n<!-- generated: configuration -->\nold\n<!-- end generated -->\n"
    )
    monkeypatch.setattr(developer_docs, "DOCS", tmp_path)
    monkeypatch.setattr(developer_docs, "REPO", tmp_path.parent)
    assert developer_docs.main(["--check"]) == 1
    assert developer_docs.main([]) == 0  # rewrites it
    text = (tmp_path / "configuration.md").read_text()
    assert "| `contacts_file` | `'data/contacts.yml'` |" in text and "old" not in text
    assert "| `download_name` |" in text
