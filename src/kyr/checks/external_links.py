"""Every external web address the site links to, and where (no MkDocs import, no network).

`kyr links` lists them so a maintainer can check by hand (or feed a link checker) that each one
still says what the page claims: links in the pages' Markdown, the sources in their front matter,
and the websites and sources of the published contacts. Internal links and anchors are checked by
MkDocs' strict build (`validation:` in mkdocs.yml), in every language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from kyr.checks.safe_content import mask_code
from kyr.contacts.source import parse_entries
from kyr.errors import shown_path
from kyr.pages.front_matter import split_front_matter
from kyr.pages.text_files import read_page, read_text

_PATTERNS = (
    re.compile(r"\]\(\s*<?(https?://[^)\s>]+)", re.I),  # [text](url), ![alt](url)
    re.compile(r"^[ \t]{0,3}\[[^\]\n]+\]:\s*<?(https?://[^\s>]+)", re.I | re.M),  # [id]: url
    re.compile(r"<(https?://[^>\s]+)>", re.I),  # <url>
    re.compile(r"\b(?:href|src)\s*=\s*[\"']?(https?://[^\"'\s>]+)", re.I),  # raw HTML
)


@dataclass(frozen=True, order=True)
class LinkUse:
    file: str
    line: int
    kind: str  # "link", "source" (front matter) or "contact" (data file)


def _line_at(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def links_in_page(text: str) -> list[tuple[str, int, str]]:
    """(url, line, kind) for each external address in a page (code is not a link)."""
    found: list[tuple[str, int, str]] = []
    page = split_front_matter(text, "page")
    head = "".join(text.splitlines(keepends=True)[: page.body_line - 1])
    for source in page.meta.get("sources") or []:
        url = source.get("url") if isinstance(source, dict) else None
        if isinstance(url, str) and url.startswith(("http://", "https://")):
            offset = head.find(url)
            found.append((url, _line_at(head, offset) if offset >= 0 else 1, "source"))
    body = mask_code(page.body)
    for pattern in _PATTERNS:
        for match in pattern.finditer(body):
            url = match.group(1)
            found.append((url, page.body_line + _line_at(body, match.start()) - 1, "link"))
    return found


def links_in_contacts(text: str, shown: str) -> list[tuple[str, int, str]]:
    """(url, line, 'contact') for the website and source of each published contact."""
    found = []
    for entry in parse_entries(text, shown):
        if entry.data.get("published") is not True:
            continue
        for key in ("website", "source_url"):
            url = entry.data.get(key)
            if isinstance(url, str) and url.startswith(("http://", "https://")):
                found.append((url.strip(), entry.lines.get(key, entry.line), "contact"))
    return found


def external_links(
    root: Path, docs_dir: Path, contacts_file: Path | None = None
) -> dict[str, list[LinkUse]]:
    """{url: uses}, from every page and (when it exists) the contacts file."""

    def shown(path: Path) -> str:
        return shown_path(path, root)

    uses: dict[str, set[LinkUse]] = {}
    for path in sorted(docs_dir.rglob("*.md")):
        for url, line, kind in links_in_page(read_page(path, shown(path))):
            uses.setdefault(url, set()).add(LinkUse(shown(path), line, kind))
    if contacts_file is not None and contacts_file.is_file():
        name = shown(contacts_file)
        for url, line, kind in links_in_contacts(read_text(contacts_file, name), name):
            uses.setdefault(url, set()).add(LinkUse(name, line, kind))
    return {url: sorted(found) for url, found in sorted(uses.items())}


def report(links: dict[str, list[LinkUse]]) -> list[str]:
    """The lines `kyr links` prints: each address, then where it is used."""
    lines: list[str] = []
    for url, uses in links.items():
        lines.append(url)
        lines += [f"  {use.file}:{use.line} ({use.kind})" for use in uses]
    files = {use.file for uses in links.values() for use in uses}
    count = sum(len(uses) for uses in links.values())
    lines.append(
        f"{len(links)} external address(es), used {count} time(s) in {len(files)} file(s). "
        "Nothing was fetched: open each one to check it still says what the page claims."
    )
    return lines
