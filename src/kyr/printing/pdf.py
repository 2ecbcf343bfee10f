"""Ready-made PDFs of the printable pages, rendered by one headless Chromium (no MkDocs import).

The built site is served to the browser at its own published address (`site_url`: requests are
answered from the built files, nothing reaches the network), so links in the PDFs point at the
real site; without an address, it is served on a loopback port. Each PDF is the page printed
with its own print CSS, so what a reader prints from the browser and the ready-made PDF are the
same thing. PDFs and previews are identical between builds of the same content (see
kyr.printing.reproducible): no transition or animation is caught half-way, and the PDF dates are the
content's date.
"""

from __future__ import annotations

import functools
import http.server
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit

from kyr.errors import KyrError
from kyr.printing.printables import PdfFile
from kyr.printing.reproducible import normalize_pdf_file

CHROMIUM = "/usr/bin/chromium"
# Debian's Chromium as root, with no background traffic to Google's hosts.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Viewport (CSS px at 96 dpi) matching each paper, so previews look like the printout.
PAPER = {"letter": (816, 1056), "a4": (794, 1123), "card": (336, 192), "card-sheet": (816, 1056)}
EXTRA_CSS = {
    "a4": "@page { size: A4; margin: 12mm; }",
    "card-sheet": "@page { size: letter; margin: 0; }",
}
# Material fades colours in on state changes; a screenshot must never catch one half-way.
STILL_CSS = "*, *::before, *::after { transition: none !important; animation: none !important; }"
CARDS_PER_SHEET = 10
PREVIEW_SCALE = 0.4  # previews are thumbnails: a Letter page becomes 326 x 422 pixels

# page.add_style_tag waits for page scripts, which are off here.
ADD_STYLE_SCRIPT = """(css) => {
  const style = document.createElement("style");
  style.textContent = css;
  document.head.appendChild(style);
}"""
# Lay out copies of the card's front, then of its back, on Letter pages (see kyr.css .kyr-sheet).
SHEET_SCRIPT = """(count) => {
  const sheet = document.createElement("div");
  sheet.className = "kyr-sheet";
  for (const side of document.querySelectorAll(".kyr-redcard > .kyr-redcard__side")) {
    const page = document.createElement("div");
    page.className = "kyr-sheet__page";
    for (let i = 0; i < count; i++) page.appendChild(side.cloneNode(true));
    sheet.appendChild(page);
  }
  document.querySelector(".md-content__inner").appendChild(sheet);
  document.documentElement.classList.add("kyr-sheet-mode");
}"""
# Append another language's version of the page as the second side of a bilingual flyer.
SECOND_SIDE_SCRIPT = """async (url) => {
  const response = await fetch(url);
  const other = new DOMParser().parseFromString(await response.text(), "text/html");
  const side = document.createElement("div");
  side.className = "kyr-second-side";
  side.lang = other.documentElement.lang;
  side.innerHTML = other.querySelector(".md-content__inner").innerHTML;
  document.querySelector(".md-content__inner").appendChild(side);
}"""


@dataclass(frozen=True)
class RenderReport:
    files: list[Path]
    seconds: float


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@contextmanager
def serve_folder(folder: Path) -> Iterator[str]:
    """Serve `folder` on a free loopback port for the renderer; yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def site_at(site_dir: Path, site_url: str | None) -> Iterator[tuple[str, object]]:
    """(base URL, route handler or None): the published address answered from `site_dir`
    when there is one, else a loopback server."""
    if not site_url:
        with serve_folder(site_dir) as base:
            yield base, None
        return
    base = site_url if site_url.endswith("/") else site_url + "/"
    site = urlsplit(base)
    root = site_dir.resolve()

    def answer(route) -> None:
        url = urlsplit(route.request.url)
        if (url.scheme, url.netloc) != (site.scheme, site.netloc) or not url.path.startswith(
            site.path
        ):
            route.abort()
            return
        path = (root / unquote(url.path[len(site.path) :])).resolve()
        if path.is_dir():
            path = path / "index.html"
        if root in path.parents and path.is_file():
            route.fulfill(path=str(path))
        else:
            route.fulfill(status=404, body="")

    yield base, answer


def render_pdfs(
    site_dir: Path,
    pdfs: Iterable[PdfFile],
    chromium: str = CHROMIUM,
    *,
    site_url: str | None = None,
    created: datetime | None = None,
) -> RenderReport:
    """Write every PDF (and a small JPEG preview beside it) into `site_dir`.

    With `site_url`, pages are rendered at that address; with `created`, every PDF carries
    that date (kyr.printing.reproducible.content_date) instead of the time it was made."""
    pdfs = list(pdfs)
    if not pdfs:
        return RenderReport([], 0.0)
    if not Path(chromium).exists():
        raise KyrError(
            chromium, "Chromium is needed to make the PDFs", hint="Run `make install-system`."
        )
    from playwright.sync_api import sync_playwright

    start = time.perf_counter()
    written: list[Path] = []
    with site_at(site_dir, site_url) as (base, answer), sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        tabs: dict[str, object] = {}
        try:
            for pdf in pdfs:
                if pdf.layout not in tabs:
                    width, height = PAPER[pdf.layout]
                    # Printables need no script of their own: without it pages load faster
                    # and nothing but the page itself ends up on paper.
                    context = browser.new_context(
                        viewport={"width": width, "height": height},
                        device_scale_factor=PREVIEW_SCALE,
                        java_script_enabled=False,
                        # Our own style and page changes below are not the page's inline code.
                        bypass_csp=True,
                    )
                    if answer is not None:
                        context.route("**/*", answer)
                    tabs[pdf.layout] = context.new_page()
                written.append(_render_one(tabs[pdf.layout], base, site_dir, pdf))
                if created is not None:
                    normalize_pdf_file(written[-1], created)
        finally:
            browser.close()
    return RenderReport(written, time.perf_counter() - start)


def _render_one(page, base: str, site_dir: Path, pdf: PdfFile) -> Path:
    first_url = pdf.pages[0][1]
    page.emulate_media(media="screen")
    response = page.goto(base + first_url, wait_until="load")
    if response is None or not response.ok:
        raise KyrError(site_dir / first_url, "the printable page was not built")
    page.evaluate(ADD_STYLE_SCRIPT, STILL_CSS)
    page.emulate_media(media="print")
    if pdf.layout in EXTRA_CSS:
        page.evaluate(ADD_STYLE_SCRIPT, EXTRA_CSS[pdf.layout])
    if pdf.layout == "card-sheet":
        page.evaluate(SHEET_SCRIPT, CARDS_PER_SHEET)
    for _, url in pdf.pages[1:]:
        page.evaluate(SECOND_SIDE_SCRIPT, base + url)
    target = site_dir / pdf.path
    target.parent.mkdir(parents=True, exist_ok=True)
    page.pdf(path=str(target), prefer_css_page_size=True, print_background=True, tagged=True)
    page.screenshot(
        path=str(site_dir / pdf.preview),
        type="jpeg",
        quality=70,
        scale="device",
        animations="disabled",
        caret="hide",
    )
    return target
