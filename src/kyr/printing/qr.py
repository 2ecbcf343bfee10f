"""QR codes as inline, vector SVG (no MkDocs import)."""

from __future__ import annotations

from urllib.parse import urlsplit

import segno


def qr_svg(url: str, title: str) -> str:
    """An SVG QR code for `url`, sized by CSS, with a 4-module quiet zone for reliable scans."""
    code = segno.make(url, error="m")
    svg = code.svg_inline(scale=1, border=4, omitsize=True, title=title, svgclass="kyr-qr")
    return svg.replace("<svg ", '<svg role="img" ', 1)


def short_url(url: str) -> str:
    """The URL as a person would type it: no scheme, no trailing slash."""
    parts = urlsplit(url)
    return (parts.netloc + parts.path).rstrip("/")
