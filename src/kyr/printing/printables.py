"""Printable pages (flyers, red cards) and the PDF files made from them (no MkDocs import).

A page becomes printable by its front matter: `template: flyer.html` (with `flyer: <slug>`) or
`template: redcard.html`. The PDF names are decided here only, for the site and the renderer.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from kyr.languages import (
    Language,
    language_list,
    localized_url,
    neutral_source,
    source_language,
)
from kyr.pages.front_matter import split_front_matter
from kyr.pages.text_files import read_page

TEMPLATES = {"flyer.html": "flyer", "redcard.html": "redcard"}
PDF_DIR = "pdf"


@dataclass(frozen=True)
class Printable:
    kind: str  # "flyer" or "redcard"
    slug: str
    neutral_url: str  # e.g. "flyers/door/"
    titles: dict[str, str] = field(hash=False, compare=False)


@dataclass(frozen=True)
class PdfFile:
    """One PDF: `pages` are (language, site-relative URL) rendered in order."""

    path: str  # site-relative, e.g. "pdf/door-es-a4.pdf"
    kind: str
    layout: str  # "letter", "a4", "card" or "card-sheet"
    lang: str  # the document language
    pages: tuple[tuple[str, str], ...]
    label: str  # short key for templates: "letter", "a4", "bilingual", "card", "sheet"

    @property
    def preview(self) -> str:
        return self.path.removesuffix(".pdf") + ".jpg"


def is_local_address(site_url: str) -> bool:
    """True when the site's address is this computer (or none): PDFs made for it carry QR codes
    and links that no reader can open, so they are for testing only."""
    host = (urlsplit(site_url).hostname or "").lower()
    if host in ("", "localhost") or host.endswith((".localhost", ".local", ".test")):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return address.is_loopback or address.is_private or address.is_unspecified


def page_url(src_uri: str, directory_urls: bool = True) -> str:
    """`flyers/door.md` -> `flyers/door/`, `index.md` -> `` (directory URLs); without them
    (the offline download) `flyers/door.html` and `index.html`, as MkDocs writes them."""
    stem = src_uri.removesuffix(".md")
    if not directory_urls:
        return stem + ".html"
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def find_printables(docs_dir: Path, languages: Iterable[str], default: str) -> list[Printable]:
    """Every printable page, with its title in each language it is written in."""
    codes = list(languages)
    found: dict[str, tuple[str, str, dict[str, str]]] = {}
    for path in sorted(docs_dir.rglob("*.md")):
        src = path.relative_to(docs_dir).as_posix()
        text = read_page(path)
        if "template:" not in text:
            continue  # most pages: no front matter to parse here
        meta = split_front_matter(text, path).meta
        kind = TEMPLATES.get(str(meta.get("template", "")))
        if kind is None:
            continue
        neutral = neutral_source(src, codes)
        slug = str(meta.get("flyer") or PurePosixPath(neutral).stem or "card")
        entry = found.setdefault(neutral, (kind, slug, {}))
        entry[2][source_language(src, codes, default)] = str(meta.get("title", slug))
    return [
        Printable(kind, slug, page_url(neutral), titles)
        for neutral, (kind, slug, titles) in sorted(found.items())
    ]


def pdf_files(printable: Printable, languages: dict[str, Language]) -> list[PdfFile]:
    """The PDFs made from one printable, for the languages it is written in."""
    files: list[PdfFile] = []
    base = f"{PDF_DIR}/{printable.slug}"
    written = [code for code in languages if code in printable.titles]
    for code in written:
        url = localized_url(printable.neutral_url, languages[code])
        if printable.kind == "flyer":
            for layout in ("letter", "a4"):
                files.append(
                    PdfFile(
                        f"{base}-{code}-{layout}.pdf", "flyer", layout, code, ((code, url),), layout
                    )
                )
        else:
            files.append(
                PdfFile(f"{base}-{code}.pdf", "redcard", "card", code, ((code, url),), "card")
            )
            files.append(
                PdfFile(
                    f"{base}-{code}-sheet-letter.pdf",
                    "redcard",
                    "card-sheet",
                    code,
                    ((code, url),),
                    "sheet",
                )
            )
    if printable.kind == "flyer" and len(written) > 1:
        pages = tuple(
            (code, localized_url(printable.neutral_url, languages[code])) for code in written
        )
        default = written[0]
        files.append(
            PdfFile(f"{base}-bilingual-letter.pdf", "flyer", "letter", default, pages, "bilingual")
        )
    return files


def all_pdf_files(printables: Iterable[Printable], languages: dict[str, Language]) -> list[PdfFile]:
    return [pdf for printable in printables for pdf in pdf_files(printable, languages)]


def printable_view(
    printable: Printable,
    language: Language,
    languages: dict[str, Language],
    href: Callable[[str], str],
) -> dict:
    """What templates show of a printable in one language: its page, PDFs and previews.

    `href` turns a site-relative URL into a link from the current page.
    """
    default = next(code for code, lang in languages.items() if lang.default)
    files = pdf_files(printable, languages)

    def links(pdfs: Iterable[PdfFile]) -> list[dict]:
        return [
            {
                "label": pdf.label,
                "href": href(pdf.path),
                "preview": href(pdf.preview),
                # the languages of a flyer printed in several, one side each, starting the label
                "languages": _capital(language_list((c for c, _ in pdf.pages), language.code)),
            }
            for pdf in pdfs
        ]

    own = [pdf for pdf in files if pdf.lang == language.code or pdf.label == "bilingual"]
    # Every other language's PDFs too: volunteers often print for readers of another language.
    others = [
        {
            "code": code,
            "name": other.name,
            "pdfs": links(p for p in files if p.lang == code and p.label != "bilingual"),
        }
        for code, other in languages.items()
        if code != language.code and code in printable.titles
    ]
    return {
        "kind": printable.kind,
        "title": printable.titles.get(language.code) or printable.titles[default],
        "href": href(localized_url(printable.neutral_url, language)),
        "pdfs": links(own),
        "others": others,
    }


def _capital(text: str) -> str:
    """'inglés y español' -> 'Inglés y español' (str.capitalize would lower the rest)."""
    return text[:1].upper() + text[1:]
