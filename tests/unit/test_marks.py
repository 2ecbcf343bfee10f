"""kyr.translation.marks: the `translation_of` hash, as git computes it, read and written."""

from __future__ import annotations

import pytest

from kyr.translation.marks import (
    git_blob_hash,
    normalize_hash,
    read_translation_of,
    set_translation_of,
)

# `printf 'hello world\n' | git hash-object --stdin`
HASH = "3b18e512dba79e4c8300dd08aeb37f8e728b8dad"


def test_git_blob_hash_is_gits():
    assert git_blob_hash(b"hello world\n") == HASH
    assert git_blob_hash(b"") == "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (HASH, HASH),
        (f"  {HASH.upper()} ", HASH),
        (123, "0" * 37 + "123"),
        (True, None),
        (None, None),
        ("abc", None),
        (HASH + "0", None),
    ],
)
def test_normalize_hash(value: object, expected: str | None):
    assert normalize_hash(value) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"---\ntitle: A\ntranslation_of: {HASH}\n---\nBody", HASH),
        (f"---\ntranslation_of: '{HASH}'\n---\n", HASH),
        (f"---\ntitle: A\n---\ntranslation_of: {HASH}\n", None),  # in the body
        (f"---\n  translation_of: {HASH}\n---\n", None),  # not top-level
        ("---\ntranslation_of: nope\n---\n", None),
        ("No front matter", None),
        (f"---\ntranslation_of: {HASH}\n", None),  # never closed
    ],
)
def test_read_translation_of(text: str, expected: str | None):
    assert read_translation_of(text) == expected


def test_set_translation_of_replaces_adds_or_creates_and_keeps_line_endings():
    other = "1" * 40
    assert set_translation_of(f"---\ntranslation_of: {HASH}\ntitle: A\n---\nB", other) == (
        f'---\ntranslation_of: "{other}"\ntitle: A\n---\nB'
    )
    assert set_translation_of("---\r\ntitle: A\r\n---\r\nB", HASH) == (
        f"---\r\ntitle: A\r\ntranslation_of: {HASH}\r\n---\r\nB"
    )
    assert set_translation_of("Body\n", HASH) == f"---\ntranslation_of: {HASH}\n---\nBody\n"
    with pytest.raises(ValueError, match="not a 40-character git blob hash"):
        set_translation_of("x", "abc")
