"""Find content that could run code or load files from other hosts (no MkDocs import).

Pages are Markdown written by volunteers and translators; a careless paste or a hostile change
must never put a script, a frame, an event handler, a `javascript:` link or a tracking image in
front of readers. Two layers:

- `unsafe_markdown` reads the page source, so the message can name the line;
- `unsafe_tags` (`unsafe_html`) reads the HTML the page became, so nothing Markdown produced
  (attribute lists, entities, raw HTML blocks) slips through.

Code (fenced blocks and inline code spans) is shown as text, so it is never flagged.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass

from kyr.pages.fenced_code import fenced_code_lines
from kyr.pages.html_tags import StartTag, start_tags

# Elements that run code, embed other documents, or change how the page loads.
FORBIDDEN_ELEMENTS = (
    "script",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "base",
    "form",
    "meta",
    "link",
    "style",
)
# Attributes that make the browser fetch a file.
RESOURCE_ATTRS = ("src", "srcset", "poster", "data", "background", "lowsrc", "dynsrc")
# Attributes holding a URL the browser may navigate to or fetch.
URL_ATTRS = ("href", "xlink:href", "action", "formaction", "cite", *RESOURCE_ATTRS)
DANGEROUS_SCHEMES = ("javascript:", "vbscript:", "data:text/html", "data:application")

HINT = (
    "Pages are plain Markdown: remove it. Scripts and styles belong in overrides/ (where they "
    "are reviewed), and images must be files beside the pages."
)

_INLINE_CODE = re.compile(r"(`+)(?:(?!\1).)+?\1", re.S)
_TAG = re.compile(r"<\s*([a-zA-Z][\w:-]*)((?:\s[^<>]*?)?)\s*/?>", re.S)
_ATTR = re.compile(r"([^\s=/>\"']+)(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+))?")
_ATTR_LIST = re.compile(r"\{:?([^{}\n]*=[^{}\n]*)\}")
_MD_LINK = re.compile(r"(!?)\[(?:[^\]\\\n]|\\.)*\]\(\s*<?([^)\s>]*)")
_MD_REF_IMAGE = re.compile(r"!\[([^\]\n]*)\](?:\[([^\]\n]*)\])?")
_MD_DEFINITION = re.compile(r"^[ \t]{0,3}\[([^\]\n]+)\]:\s*<?([^\s>]+)", re.M)
_CSS_URL = re.compile(r"url\(\s*['\"]?\s*([^)'\"\s]+)", re.I)


@dataclass(frozen=True)
class Unsafe:
    line: int  # 1-based, counted from the `first_line` given
    what: str  # e.g. "a <script> element"

    def __str__(self) -> str:
        return self.what


def normalized_url(value: str) -> str:
    """How a browser reads an attribute URL: entities decoded, spaces and controls ignored."""
    text = html.unescape(value.strip().strip("\"'"))
    return re.sub(r"[\x00-\x20\x7f]", "", text).lower()


def is_dangerous_url(value: str) -> bool:
    return normalized_url(value).startswith(DANGEROUS_SCHEMES)


def is_external_url(value: str) -> bool:
    url = normalized_url(value)
    return url.startswith(("//", "http:", "https:", "ftp:")) or url.startswith("\\\\")


def _attribute_problems(tag: str, attrs: list[tuple[str, str | None]]) -> list[str]:
    problems = []
    for name, value in attrs:
        name = name.lower()
        if name.startswith("on") and len(name) > 2:
            problems.append(f"an inline event handler ({name}=) on <{tag}>")
        elif value is None:
            continue
        elif name in URL_ATTRS and is_dangerous_url(value):
            scheme = normalized_url(value).split(":", 1)[0]
            problems.append(f"a {scheme}: link ({name}= on <{tag}>)")
        elif name in RESOURCE_ATTRS and any(
            is_external_url(part.split()[0]) for part in value.split(",") if part.strip()
        ):
            problems.append(f"a file loaded from another host (<{tag} {name}=...>)")
        elif name == "style" and _style_problem(value):
            problems.append(f"a style that loads a file or runs code (style= on <{tag}>)")
    return problems


def _style_problem(css: str) -> bool:
    lowered = normalized_url(css)
    if "expression(" in lowered or "javascript:" in lowered or "@import" in lowered:
        return True
    return any(is_external_url(url) for url in _CSS_URL.findall(html.unescape(css)))


def _element_problem(tag: str) -> str | None:
    tag = tag.lower()
    if tag in FORBIDDEN_ELEMENTS:
        return f"a <{tag}> element"
    return None


def mask_code(text: str) -> str:
    """`text` with fenced code blocks and inline code spans blanked out (lines kept)."""
    lines = text.split("\n")
    in_code = fenced_code_lines(lines)
    masked = "\n".join("" if code else line for line, code in zip(lines, in_code, strict=True))
    return _INLINE_CODE.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), masked)


def _parse_attrs(text: str) -> list[tuple[str, str | None]]:
    return [(name, value or None) for name, value in _ATTR.findall(text)]


def unsafe_markdown(text: str, first_line: int = 1) -> list[Unsafe]:
    """Every unsafe construct in Markdown source, in line order."""
    masked = mask_code(text)
    found: list[tuple[int, str]] = []

    def line_at(offset: int) -> int:
        return first_line + masked.count("\n", 0, offset)

    for match in _TAG.finditer(masked):
        tag = match.group(1)
        element = _element_problem(tag)
        if element:
            found.append((match.start(), element))
        for problem in _attribute_problems(tag.lower(), _parse_attrs(match.group(2))):
            found.append((match.start(), problem))
    for match in _ATTR_LIST.finditer(masked):
        for problem in _attribute_problems("{ }", _parse_attrs(match.group(1))):
            found.append((match.start(), problem.replace("on <{ }>", "in an attribute list { }")))
    for match in _MD_LINK.finditer(masked):
        image, target = match.group(1), match.group(2)
        if is_dangerous_url(target):
            found.append((match.start(), f"a {normalized_url(target).split(':', 1)[0]}: link"))
        elif image and is_external_url(target):
            found.append((match.start(), f"an image from another host ({target})"))
    definitions = {}
    for match in _MD_DEFINITION.finditer(masked):
        label, target = match.group(1).strip().lower(), match.group(2)
        definitions[label] = target
        if is_dangerous_url(target):
            scheme = normalized_url(target).split(":", 1)[0]
            found.append((match.start(), f"a {scheme}: link ([{match.group(1)}]: ...)"))
    for match in _MD_REF_IMAGE.finditer(masked):
        label = (match.group(2) or match.group(1)).strip().lower()
        target = definitions.get(label)
        if target and is_external_url(target):
            found.append((match.start(), f"an image from another host ({target})"))
    return [Unsafe(line_at(offset), what) for offset, what in sorted(found)]


def unsafe_tags(tags: Iterable[StartTag]) -> list[str]:
    """Every unsafe element or attribute among rendered tags (kyr.pages.html_tags)."""
    problems: list[str] = []
    for tag, attrs in tags:
        element = _element_problem(tag)
        if element:
            problems.append(element)
        # HTMLParser has decoded entities already; `_attribute_problems` decodes again, which
        # can only make a URL look more dangerous, never less.
        problems += _attribute_problems(tag, attrs)
    return problems


def unsafe_html(markup: str) -> list[str]:
    """Every unsafe element or attribute in rendered HTML (page content, not the theme)."""
    return unsafe_tags(start_tags(markup))
