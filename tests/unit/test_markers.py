"""kyr.pages.markers: contact markers found, replaced and refused (no build)."""

from __future__ import annotations

import pytest

from kyr.pages.markers import Marker, MarkerError, find_markers, html_block, replace_markers

PAGE = """# Title

<!-- kyr:contacts id=la-county-oia -->
Text with `<!-- kyr:typo -->` in inline code.

```
<!-- kyr:not a marker in code -->
```

   <!-- kyr:contacts tag=fraud -->
<!--kyr:hotline-->
<!-- kyr:directory -->
<!-- kyr:printables -->
"""


def test_find_markers_in_order_with_lines():
    assert find_markers(PAGE) == [
        Marker("id", "la-county-oia", 3, "<!-- kyr:contacts id=la-county-oia -->"),
        Marker("tag", "fraud", 10, "<!-- kyr:contacts tag=fraud -->"),
        Marker("hotline", None, 11, "<!--kyr:hotline-->"),
        Marker("directory", None, 12, "<!-- kyr:directory -->"),
        Marker("printables", None, 13, "<!-- kyr:printables -->"),
    ]


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("<!-- kyr:contact id=x -->", 1),  # typo in the kind
        ("a\n<!-- kyr:contacts id=Bad_Id -->", 2),  # id outside [a-z0-9-]
        ("a\n\nSee <!-- kyr:hotline --> here", 3),  # not on a line of its own
        ("    <!-- kyr:hotline -->", 1),  # four spaces: not a marker line
        ("<!-- kyr:contacts name=x -->", 1),
    ],
)
def test_malformed_markers_are_refused_with_their_line(text: str, line: int):
    with pytest.raises(MarkerError) as caught:
        find_markers(text)
    assert caught.value.line == line
    assert caught.value.message.startswith("this contact marker is not understood: ")


def test_replace_markers_makes_raw_html_blocks_and_keeps_the_rest():
    text = "Intro\n<!-- kyr:contacts id=a-b -->\nEnd"
    result = replace_markers(text, lambda m: f"<div>\n\n    <p>{m.kind}={m.value}</p>\n</div>")
    assert result == "Intro\n\n<div>\n<p>id=a-b</p>\n</div>\n\nEnd"


def test_html_block_drops_blank_lines_and_indentation():
    assert html_block("  <a>\n\n\t  <b>x</b>\n  </a>  \n") == "<a>\n<b>x</b>\n</a>"


def test_say_marker_keeps_its_phrase_ids_in_order():
    [marker] = find_markers("Text\n\n<!--  kyr:say free-to-go   no-search -->\n")
    assert marker == Marker(
        "say", "free-to-go no-search", 3, "<!--  kyr:say free-to-go   no-search -->"
    )


@pytest.mark.parametrize("line", ["<!-- kyr:say -->", "<!-- kyr:say Free_To_Go -->"])
def test_say_marker_without_valid_ids_is_refused(line):
    with pytest.raises(MarkerError) as caught:
        find_markers(line + "\n")
    assert "kyr:say PHRASE-ID" in caught.value.message
