"""Security policy written into every built page (no MkDocs import).

- A Content-Security-Policy `<meta>` that lets a page load scripts, styles, images, fonts and
  data from the site itself only. Inline scripts and styles are allowed one by one, by the
  sha256 hash of the exact text that the theme and our templates emit; page content never
  gets a hash, so even a script that slipped into a page would not run.
- `rel="noopener noreferrer"` on every link to another host, so the linked site can neither
  control this tab nor learn which page (e.g. "what to do if detained") the reader came from.

A static site has no server headers of its own, so the policy travels inside the HTML.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import html as html_lib
import re
from urllib.parse import urlsplit

META_NAME = "Content-Security-Policy"
# Everything from the site itself; data: images are the icons Material inlines in its CSS.
BASE_POLICY = (
    ("default-src", ["'self'"]),
    ("script-src", ["'self'"]),
    ("style-src", ["'self'"]),
    ("img-src", ["'self'", "data:"]),
    ("font-src", ["'self'"]),
    ("connect-src", ["'self'"]),
    ("media-src", ["'self'"]),
    ("worker-src", ["'self'"]),
    ("manifest-src", ["'self'"]),
    ("frame-src", ["'none'"]),
    ("object-src", ["'none'"]),
    ("base-uri", ["'self'"]),
    ("form-action", ["'self'"]),
)
JS_TYPES = ("", "text/javascript", "application/javascript", "module")

_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.S | re.I)
_STYLE = re.compile(r"<style\b([^>]*)>(.*?)</style\s*>", re.S | re.I)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]*)""", re.I)
_SRC = re.compile(r"\bsrc\s*=", re.I)
_EXISTING = re.compile(r"""<meta\s+http-equiv=["']Content-Security-Policy["'][^>]*>\s*""", re.I)
_CHARSET = re.compile(r"<meta\s+charset=[\"']?[\w-]+[\"']?\s*/?>", re.I)
_HEAD = re.compile(r"<head\b[^>]*>", re.I)
_ANCHOR = re.compile(r"<a\b[^>]*>", re.I)
_HREF = re.compile(r"""\shref\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)""", re.I)
_REL = re.compile(r"""\srel\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)""", re.I)


@functools.lru_cache(maxsize=512)  # the theme's inline scripts are the same on every page
def sha256_source(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def inline_hashes(html: str, exclude: str = "") -> tuple[list[str], list[str]]:
    """Hashes of the inline scripts (JavaScript only, not JSON data) and styles in `html`,
    in order of appearance, without those that also appear in `exclude` (the page content)."""
    scripts, styles = [], []
    excluded = {body for _, body in _SCRIPT.findall(exclude)}
    excluded |= {body for _, body in _STYLE.findall(exclude)}
    for attrs, body in _SCRIPT.findall(html):
        kind = _TYPE.search(attrs)
        if _SRC.search(attrs) or (kind and kind.group(1).lower() not in JS_TYPES):
            continue
        if body not in excluded and (digest := sha256_source(body)) not in scripts:
            scripts.append(digest)
    for _, body in _STYLE.findall(html):
        if body not in excluded and (digest := sha256_source(body)) not in styles:
            styles.append(digest)
    return scripts, styles


def policy(scripts: list[str], styles: list[str]) -> str:
    extra = {"script-src": scripts, "style-src": styles}
    return "; ".join(
        " ".join([name, *sources, *extra.get(name, [])]) for name, sources in BASE_POLICY
    )


def add_policy(html: str, exclude: str = "") -> str:
    """Write (or rewrite) the policy right after `<meta charset>`, before any script runs."""
    if not _HEAD.search(html):
        return html
    html = _EXISTING.sub("", html)
    value = policy(*inline_hashes(html, exclude)).replace("&", "&amp;").replace('"', "&quot;")
    meta = f'<meta http-equiv="{META_NAME}" content="{value}">'
    anchor = _CHARSET.search(html) or _HEAD.search(html)
    return html[: anchor.end()] + "\n  " + meta + html[anchor.end() :]


def is_other_host(href: str, site_url: str) -> bool:
    parts = urlsplit(href)
    if parts.scheme not in ("http", "https", "") or not parts.netloc:
        return False
    return parts.netloc.lower() != urlsplit(site_url).netloc.lower()


def add_rel_noopener(html: str, site_url: str) -> str:
    """Every `<a>` to another host gets rel="noopener noreferrer" (other rel words are kept)."""

    def fix(match: re.Match) -> str:
        tag = match.group(0)
        if "//" not in tag and "&" not in tag:
            return tag  # relative links (nearly all of them; no entities) stay on this host
        href = _HREF.search(tag)
        if not href or not is_other_host(html_lib.unescape(href.group(1).strip("\"'")), site_url):
            return tag
        rel = _REL.search(tag)
        words = rel.group(1).strip("\"'").split() if rel else []
        words += [word for word in ("noopener", "noreferrer") if word not in words]
        value = f' rel="{" ".join(words)}"'
        if rel:
            return tag[: rel.start()] + value + tag[rel.end() :]
        end = len(tag) - 2 if tag.endswith("/>") else len(tag) - 1
        return tag[:end] + value + tag[end:]

    return _ANCHOR.sub(fix, html)


def harden_page(html: str, site_url: str, content: str = "") -> str:
    """Both protections, for one built page (`content` is the page's own Markdown HTML)."""
    return add_policy(add_rel_noopener(html, site_url), exclude=content)
