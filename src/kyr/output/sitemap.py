"""sitemap.xml with hreflang alternates for the pages really written in each language."""

from __future__ import annotations

from collections.abc import Iterable
from xml.sax.saxutils import escape, quoteattr

from kyr.languages import Language, absolute_url, hreflang_alternates, localized_url


def sitemap_xml(
    pages: Iterable[tuple[str, set[str]]], languages: dict[str, Language], site_url: str
) -> str:
    """`pages` is (neutral URL, languages the page is written in). Fallback copies are left out."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ]
    for neutral, available in sorted(pages):
        alternates = hreflang_alternates(neutral, available, languages, site_url)
        for code, lang in languages.items():
            if code not in available:
                continue
            lines.append("  <url>")
            loc = escape(absolute_url(site_url, localized_url(neutral, lang)))
            lines.append(f"    <loc>{loc}</loc>")
            for hreflang, href in alternates:
                link = f'rel="alternate" hreflang="{hreflang}" href={quoteattr(href)}'
                lines.append(f"    <xhtml:link {link}/>")
            lines.append("  </url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"
