"""Phone benchmark: page weight over compression, Lighthouse (mobile) scores, screenshots.

Builds the site for a local address, serves it gzip-compressed with cache headers as a static
host would, and loads the home page and a guidance page in each language in headless Chromium
at phone size. Reports every request with its transferred (compressed) size, the total of a
first view and of a repeat view, then runs Lighthouse 12.2.3 in mobile mode on each page and
saves 360x740 screenshots in bench-results/. Not a test: run `make bench-phone`.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
from kyr.printing.pdf import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

PAGES = ["", "rights/at-home/", "encounter/", "es/", "es/rights/at-home/", "es/encounter/"]
REPEAT_FROM = {
    "": "rights/",
    "es/": "es/rights/",
    "encounter/": "rights/at-home/",
    "es/encounter/": "es/rights/at-home/",
}
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".webmanifest", ".txt", ".vcf")
NODE_TOOLS = REPO / "tools" / "node"  # Lighthouse, pinned in its package-lock.json
TARGETS = {"performance": 100, "accessibility": 100, "best-practices": 100, "seo": 100}
FIRST_VIEW_BUDGET = 60_000  # bytes, compressed


class StaticHostHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files gzip-compressed (when asked) with a short public cache, like a CDN."""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "public, max-age=600")
        super().end_headers()

    def send_head(self):  # type: ignore[override]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # redirect to the slash URL
            path = path / "index.html"
        accepts_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not path.is_file() or not path.name.endswith(COMPRESSIBLE) or not accepts_gzip:
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=9, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        from io import BytesIO

        return BytesIO(body)


def start_server(folder: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(StaticHostHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def build(site_url: str, output: Path) -> None:
    env = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(output)]
    subprocess.run(command, cwd=REPO, env=env, check=True)


def measure_weights(base: str, results: Path) -> dict:
    from playwright.sync_api import sync_playwright

    report = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for path in PAGES:
            context = browser.new_context(
                viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
            )
            page = context.new_page()
            requests: list[dict] = []

            def record(response, requests=requests):
                sizes = response.request.sizes()
                requests.append(
                    {
                        "url": response.url.removeprefix(base),
                        "status": response.status,
                        "bytes": sizes["responseBodySize"] + sizes["responseHeadersSize"],
                    }
                )

            page.on("response", record)
            page.goto(base + path, wait_until="networkidle")
            first = list(requests)
            requests.clear()
            repeat_path = next((v for k, v in REPEAT_FROM.items() if path == k), None)
            repeat_path = repeat_path or (path.rsplit("/", 2)[0] + "/in-public/")
            page.goto(base + repeat_path, wait_until="networkidle")
            repeat = list(requests)
            shot = context.new_page()
            shot.set_viewport_size({"width": 360, "height": 740})
            shot.goto(base + path, wait_until="networkidle")
            name = (path.strip("/") or "home").replace("/", "_")
            shot.screenshot(path=str(results / f"{name}-360x740.png"))
            report[path or "/"] = {
                "first_view": first,
                "first_view_bytes": sum(r["bytes"] for r in first),
                "repeat_view_of": repeat_path,
                "repeat_view": repeat,
                "repeat_view_bytes": sum(r["bytes"] for r in repeat),
            }
            context.close()
        browser.close()
    return report


def offline_save_sizes(site: Path) -> dict[str, tuple[int, int]]:
    """What the service worker saves in the background after a first visit, per language:
    (number of files, compressed bytes), from the lists written into sw.js."""
    import re

    text = (site / "sw.js").read_text(encoding="utf-8")
    core = json.loads(re.search(r"const CORE = (\[.*?\]);", text, re.S).group(1))
    pages = json.loads(re.search(r"const PAGES = (\{.*?\n\});", text, re.S).group(1))
    sizes = {}
    for lang, urls in pages.items():
        files = [site / (url + "index.html" if url.endswith("/") or url == "" else url)
                 for url in core + urls]  # fmt: skip
        total = sum(len(gzip.compress(f.read_bytes(), 9, mtime=0)) for f in files if f.is_file())
        sizes[lang] = (len(files), total)
    return sizes


def lighthouse(base: str, results: Path) -> dict:
    binary = NODE_TOOLS / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        sys.exit(f"{binary} is missing: run `make install` (npm ci in {NODE_TOOLS}).")
    scores = {}
    flags = " ".join(CHROMIUM_ARGS)
    for path in PAGES:
        out = results / f"lighthouse-{(path.strip('/') or 'home').replace('/', '_')}.json"
        subprocess.run(
            [
                str(binary), base + path, "--quiet", "--output=json", f"--output-path={out}",
                "--only-categories=performance,accessibility,best-practices,seo",
                "--form-factor=mobile", f"--chrome-flags={flags}",
            ],
            check=True,
            env={**os.environ, "CHROME_PATH": CHROMIUM},
        )  # fmt: skip
        data = json.loads(out.read_text())
        scores[path or "/"] = {
            key: round(category["score"] * 100) for key, category in data["categories"].items()
        }
    return scores


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--results", type=Path, default=REPO / "bench-results")
    parser.add_argument("--no-lighthouse", action="store_true")
    args = parser.parse_args()
    args.results.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="kyr-phone-") as temp:
        site = Path(temp) / "site"
        site.mkdir()
        server, base = start_server(site)
        shutil.rmtree(site)
        build(base, site)
        weights = measure_weights(base, args.results)
        print("First view (compressed bytes per request):")
        for path, data in weights.items():
            ok = "OK " if data["first_view_bytes"] <= FIRST_VIEW_BUDGET else "OVER"
            print(f"  {ok} {path:22} {data['first_view_bytes'] / 1000:6.1f} KB total")
            for request in data["first_view"]:
                size = request["bytes"] / 1000
                print(f"         {size:6.1f} KB  {request['status']}  {request['url']}")
            repeat = data["repeat_view_bytes"] / 1000
            count = len(data["repeat_view"])
            where = data["repeat_view_of"]
            print(f"       repeat view of {where}: {repeat:.1f} KB in {count} request(s)")
        saves = offline_save_sizes(site)
        for lang, (count, total) in saves.items():
            print(
                f"  After a first visit in '{lang}', the service worker saves {count} files, "
                f"{total / 1000:.0f} KB compressed, in the background for offline use."
            )
        summary = {"weights": weights, "offline_save": saves}
        if not args.no_lighthouse:
            scores = lighthouse(base, args.results)
            summary["lighthouse"] = scores
            print("Lighthouse 12.2.3, mobile (performance / accessibility / best practices / SEO):")
            for path, score in scores.items():
                met = all(score[key] >= target for key, target in TARGETS.items())
                values = " / ".join(str(score[key]) for key in TARGETS)
                print(f"  {'OK ' if met else 'LOW'} {path:22} {values}")
        server.shutdown()
    (args.results / "phone-bench.json").write_text(json.dumps(summary, indent=2))
    print(f"Screenshots and reports: {args.results}")


if __name__ == "__main__":
    main()
