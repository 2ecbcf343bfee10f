"""Hardening: atomic and reproducible builds, safe content, the security policy in Chromium,
links to other hosts, and `kyr links`."""

from __future__ import annotations

import base64
import hashlib
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup
from mkdocs.utils.yaml import yaml_load
from pypdf import PdfReader

from kyr.checks.safe_content import unsafe_html, unsafe_markdown
from kyr.output.security_policy import inline_hashes
from kyr.printing.reproducible import content_date, normalize_pdf
from kyr.project import load_project
from tests.helpers import (
    FIXTURE_SITE_URL,
    FIXTURES,
    REPO,
    Build,
    build_site,
    make_project,
    run_kyr,
    search,
    site_context,
)

CODES = tuple(load_project(REPO).languages)  # the site's languages


def snapshot(folder: Path) -> dict[str, str]:
    """sha256 of every file under `folder`, by relative path."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


# --- Atomic builds ---

BREAKAGES = {
    # Fails while the pages are read: nothing was written yet.
    "early": ("about.es.md", "---\ntitle: [roto\n---\n\n# Roto\n", "docs/about.es.md:2:"),
    # Fails after every page of both languages was written (the translations' links check).
    "late": (
        "index.es.md",
        "---\ntitle: Inicio\n---\n\n# Inicio\n\nVea [esto](https://otro.example/).\n",
        "docs/index.es.md:7:",
    ),
}


@pytest.mark.parametrize("when", BREAKAGES)
def test_a_failed_build_leaves_the_previous_site_intact(tmp_path: Path, when: str):
    root = make_project(tmp_path / "project", FIXTURES / "mini" / "docs")
    first = run_kyr(root, "build", "--no-pdf")
    assert first.returncode == 0, first.stdout + first.stderr
    before = snapshot(root / "site")
    assert "index.html" in before and "es/about/index.html" in before
    # A web server that runs as another user must be able to read the site.
    assert (root / "site").stat().st_mode & 0o005 == 0o005
    entries = sorted(path.name for path in root.iterdir())

    page, text, location = BREAKAGES[when]
    (root / "docs" / page).write_text(text, encoding="utf-8")
    second = run_kyr(root, "build", "--no-pdf")

    assert second.returncode != 0
    assert location in second.stderr, second.stderr
    assert "the site folder (site) was left as it was" in second.stderr
    assert "Traceback" not in second.stdout + second.stderr
    assert snapshot(root / "site") == before
    assert sorted(path.name for path in root.iterdir()) == entries  # no temporary folder left


# --- Reproducible builds ---


@pytest.fixture(scope="module")
def printed_again(tmp_path_factory: pytest.TempPathFactory, printed: Path) -> Path:
    """The same project as `printed`, built again later, by another process, in another folder."""
    root = tmp_path_factory.mktemp("printed-again")
    for part in ("docs", "overrides", "data"):
        shutil.copytree(REPO / part, root / part)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    result = run_kyr(root, "build", env={"SITE_URL": FIXTURE_SITE_URL})
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


def test_two_builds_of_the_same_content_are_byte_identical(printed: Path, printed_again: Path):
    first, second = snapshot(printed), snapshot(printed_again)
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []
    kinds = {Path(name).suffix for name in first} | {Path(name).name for name in first}
    for kind in (".pdf", ".jpg", ".vcf", ".gz", "contacts.json", "search_index.json"):
        assert kind in kinds, kind


def test_pdfs_carry_the_content_date_and_stay_tagged(printed: Path):
    stamp = content_date(REPO / "docs").strftime("D:%Y%m%d%H%M%S+00'00'")
    pdfs = sorted((printed / "pdf").glob("*.pdf"))
    assert pdfs
    for pdf in pdfs:
        reader = PdfReader(pdf)
        root = reader.trailer["/Root"]
        assert reader.metadata["/CreationDate"] == stamp, pdf.name
        assert reader.metadata["/ModDate"] == stamp, pdf.name
        assert reader.metadata.title, pdf.name
        assert root["/Lang"] in CODES and root["/MarkInfo"]["/Marked"], pdf.name
        assert "/StructTreeRoot" in root, pdf.name
        # Links in the PDF lead to the published site, never to the build's own address.
        for page in reader.pages:
            for annotation in page.get("/Annots") or []:
                uri = annotation.get_object().get("/A", {}).get("/URI", "")
                assert (
                    not uri.startswith("http")
                    or uri.startswith(FIXTURE_SITE_URL)
                    or (urlsplit(uri).netloc not in ("127.0.0.1", "localhost"))
                ), (pdf.name, uri)


def test_the_content_date_comes_from_source_date_epoch_or_the_pages(tmp_path: Path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.md").write_text("---\nlast_reviewed: 2026-01-05\n---\n# A\n", encoding="utf-8")
    (docs / "b.es.md").write_text("---\nlast_reviewed: 2026-03-09\n---\n# B\n", encoding="utf-8")
    assert content_date(docs, {}) == datetime(2026, 3, 9, tzinfo=UTC)
    assert content_date(docs, {"SOURCE_DATE_EPOCH": "1767225600"}) == datetime(
        2026, 1, 1, tzinfo=UTC
    )


def test_normalizing_a_pdf_changes_only_its_dates(printed: Path):
    data = (printed / "pdf" / "door-en-letter.pdf").read_bytes()
    when = datetime(2031, 2, 3, 4, 5, 6, tzinfo=UTC)
    changed = normalize_pdf(data, when)
    assert len(changed) == len(data)  # the cross-reference offsets stay right
    assert sum(a != b for a, b in zip(data, changed, strict=True)) <= 2 * 14
    reader = PdfReader(__import__("io").BytesIO(changed))
    assert reader.metadata["/CreationDate"] == "D:20310203040506+00'00'"
    assert len(reader.pages) == 1 and "/StructTreeRoot" in reader.trailer["/Root"]


def test_compressed_and_card_files_carry_no_clock(printed: Path):
    for path in printed.rglob("*.gz"):
        assert path.read_bytes()[4:8] == b"\0\0\0\0", path  # gzip mtime
    for path in printed.rglob("*.vcf"):
        assert "\nREV:" not in path.read_text(encoding="utf-8"), path


# --- Safe content ---

UNSAFE = [
    ("<script>alert(1)</script>", "a <script> element"),
    ("<SCRIPT src=//evil.example/x.js></SCRIPT>", "a <script> element"),
    ('<iframe src="https://evil.example/"></iframe>', "a <iframe> element"),
    ('<object data="x.swf"></object>', "a <object> element"),
    ('<embed src="x.swf">', "a <embed> element"),
    ("<style>body{display:none}</style>", "a <style> element"),
    ('<link rel="stylesheet" href="https://cdn.example/x.css">', "a <link> element"),
    ('<img src="x.png" onerror="alert(1)">', "an inline event handler (onerror=)"),
    ('<svg onload="alert(1)"></svg>', "an inline event handler (onload=)"),
    ('<a href="#"\n   onclick="steal()">x</a>', "an inline event handler (onclick=)"),
    ('[x](index.md){ onclick="alert(1)" }', "an inline event handler (onclick=)"),
    ("[x](javascript:alert(1))", "a javascript: link"),
    ("[x]( JavaScript:alert(1))", "a javascript: link"),
    ("[x](vbscript:msgbox(1))", "a vbscript: link"),
    ('<a href="jav&#x61;script&#58;alert(1)">x</a>', "a javascript: link"),
    ("[id]: javascript:alert(1)", "a javascript: link"),
    ("![pixel](https://tracker.example/p.gif)", "an image from another host"),
    ("![pixel](//tracker.example/p.gif)", "an image from another host"),
    ("![pixel][p]\n\n[p]: https://tracker.example/p.gif", "an image from another host"),
    ('<img src="https://tracker.example/p.gif">', "a file loaded from another host"),
    ('<video poster="https://t.example/p.jpg"></video>', "a file loaded from another host"),
    ('<p style="background:url(https://t.example/p.gif)">x</p>', "a style that loads a file"),
]
SAFE = [
    "Read [the guide](https://www.chirla.org/) and [about](about.md#details).",
    "![A map](map.png)",
    '<img src="map.png" alt="A map">',
    "```html\n<script>alert(1)</script>\n```",
    "Use `<iframe>` and `[x](javascript:alert(1))` only in code.",
    "<details><summary>More</summary>Text</details>",
    "<!-- kyr:hotline -->",
    "Office hours: on=weekdays, onward and upward.",
    "<https://www.chirla.org/>",
]


@pytest.mark.parametrize(("markdown", "what"), UNSAFE)
def test_unsafe_markdown_is_found_on_its_line(markdown: str, what: str):
    found = unsafe_markdown("# Title\n\nText.\n\n" + markdown + "\n", first_line=1)
    assert found and found[0].line == 5 and what in found[0].what, found


@pytest.mark.parametrize("markdown", SAFE)
def test_ordinary_markdown_is_not_flagged(markdown: str):
    assert unsafe_markdown(markdown) == []


def test_unsafe_html_is_found_after_rendering():
    assert unsafe_html('<p><a href="java\tscript:alert(1)">x</a></p>') == [
        "a javascript: link (href= on <a>)"
    ]
    assert unsafe_html('<p onclick="x()">x</p>') == ["an inline event handler (onclick=) on <p>"]
    assert unsafe_html('<p><a href="https://example.org/" rel="noopener">x</a></p>') == []


@pytest.mark.parametrize("name", ["page.md", "page.es.md"])
def test_mkdocs_itself_refuses_unsafe_pages(tmp_path: Path, name: str):
    """The plugin refuses it, so `mkdocs build` and `mkdocs serve` do too, not only kyr."""
    page = '---\ntitle: Page\n---\n\n# Page\n\n<p onclick="steal()">Hi</p>\n'
    build = build_site(tmp_path, {"index.md": "# Home\n", "page.md": "# P\n", name: page})
    assert build.returncode != 0
    assert f"docs/{name}:7:" in build.output and "onclick=" in build.output
    assert "Traceback" not in build.output


def test_page_content_never_gets_a_hash():
    page = '<html><head><meta charset="utf-8"><script>ok()</script></head><body>'
    content = "<script>evil()</script>"
    scripts, _ = inline_hashes(page + content + "</body></html>", exclude=content)
    digest = base64.b64encode(hashlib.sha256(b"ok()").digest()).decode()
    assert scripts == [f"'sha256-{digest}'"]


# --- Content-Security-Policy ---


def test_mkdocs_serve_pages_carry_no_policy_so_live_reload_works(tmp_path: Path):
    """`make live` (mkdocs serve) adds an inline live-reload script to every page it serves."""
    root = make_project(tmp_path / "project", FIXTURES / "mini" / "docs")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"]
    server = subprocess.Popen(
        command, cwd=root, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        html = ""
        for _ in range(120):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/kyr/about/") as response:
                    html = response.read().decode("utf-8")
                break
            except OSError:
                time.sleep(0.5)
        assert "livereload" in html
        assert "Content-Security-Policy" not in html
    finally:
        server.terminate()
        server.wait(timeout=20)


def directives(policy: str) -> dict[str, list[str]]:
    parts = (item.split() for item in policy.split(";") if item.strip())
    return {name: sources for name, *sources in parts}


def sha256_source(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_every_page_carries_a_strict_content_security_policy(real_site: Build):
    pages = real_site.pages()
    assert len(pages) > 50
    for page in pages:
        html = page.read_text(encoding="utf-8")
        soup = BeautifulSoup(html, "html.parser")
        meta = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
        assert meta, page
        policy = directives(meta["content"])
        assert policy["default-src"] == ["'self'"], page
        assert policy["object-src"] == ["'none'"] and policy["base-uri"] == ["'self'"], page
        for name in ("script-src", "style-src", "img-src", "font-src", "connect-src"):
            assert policy[name][0] == "'self'", (page, name)
            assert not [s for s in policy[name] if "unsafe" in s or "://" in s or s == "*"]
        # Before any script, and every inline script and style the page has is allowed by hash.
        assert html.index("Content-Security-Policy") < html.index("<script"), page
        for script in soup.find_all("script"):
            if script.get("src") or script.get("type") == "application/json":
                continue
            assert sha256_source(script.string or "") in policy["script-src"], page
        for style in soup.find_all("style"):
            assert sha256_source(style.string or "") in policy["style-src"], page


VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation",
  (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`), true);
"""


@pytest.fixture(scope="module")
def real_site_url(real_site: Build) -> str:
    with (real_site.root / "mkdocs.yml").open("rb") as handle:
        return yaml_load(handle)["site_url"]


@pytest.fixture
def tab(browser, real_site: Build, real_site_url: str):
    with site_context(browser, real_site, real_site_url) as (context, requests):
        context.add_init_script(VIOLATIONS)
        page = context.new_page()
        page.console = []
        page.on("console", lambda message: page.console.append(message.text))
        yield page


def policy_errors(page) -> list[str]:
    logged = [m for m in page.console if "Content Security Policy" in m or "Refused to" in m]
    return logged + page.evaluate("window.__violations")


@pytest.mark.parametrize(
    ("path", "query"),
    [
        ("", "silent"),
        ("es/", "silencio"),
        ("who-to-call/", "lawyer"),
        ("es/flyers/door/", "puerta"),
        ("red-card/", "silent"),
        ("print/", "flyer"),
        ("404.html", "silent"),
        ("es/404.html", "silencio"),
    ],
)
def test_pages_run_under_the_policy_with_no_violation(
    tab, real_site_url: str, path: str, query: str
):
    tab.goto(real_site_url + path, wait_until="networkidle")
    assert tab.evaluate("typeof __md_get") == "function"  # Material's inline script was allowed
    assert search(tab, query), query  # search loads its worker, index and stemmers
    tab.wait_for_load_state("networkidle")
    assert policy_errors(tab) == []


def test_the_language_switch_works_under_the_policy(tab, real_site_url: str):
    tab.goto(real_site_url + "rights/at-home/", wait_until="networkidle")
    tab.locator(".kyr-lang-switch").get_by_role("link", name="Español").click()
    tab.wait_for_load_state("networkidle")
    assert tab.url == real_site_url + "es/rights/at-home/"
    assert tab.locator("html").get_attribute("lang") == "es"
    assert policy_errors(tab) == []


def test_the_policy_is_enforced_and_violations_are_seen(tab, real_site_url: str):
    """The control for the tests above: an injected inline script is refused and reported."""
    tab.goto(real_site_url, wait_until="networkidle")
    tab.evaluate(
        """() => { const s = document.createElement("script");
        s.textContent = "window.injected = true"; document.body.appendChild(s); }"""
    )
    assert tab.evaluate("window.injected") is None
    assert any("script-src" in v for v in policy_errors(tab))


# --- Links ---


def test_links_to_other_hosts_get_noopener_noreferrer(real_site: Build, real_site_url: str):
    own = urlsplit(real_site_url).netloc
    external = 0
    for page in real_site.pages():
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for link in soup.find_all("a", href=True):
            parts = urlsplit(link["href"])
            if parts.scheme in ("http", "https") and parts.netloc != own:
                external += 1
                assert {"noopener", "noreferrer"} <= set(link.get("rel", [])), (page, link)
    assert external > 100
    # They still lead where the page's sources say.
    sources = yaml.safe_load((REPO / "docs" / "index.md").read_text().split("---")[1])["sources"]
    hrefs = {a["href"] for a in real_site.html("").find_all("a", href=True)}
    assert {source["url"] for source in sources} <= hrefs


LINK_PAGES = {
    "index.md": (
        "---\ntitle: Home\nsources:\n  - url: https://b.example/source\n    title: B\n"
        "    seen: 2026-11-01\n---\n\n# Home\n\nSee [A](https://a.example/page) and "
        "[about](about.md).\n\n```\n[not a link](https://code.example/)\n```\n"
    ),
    "index.es.md": (
        "---\ntitle: Inicio\nsources:\n  - url: https://b.example/source\n    title: B\n"
        "    seen: 2026-11-01\n---\n\n# Inicio\n\nVea [A](https://a.example/page).\n"
    ),
    "about.md": (
        '# About\n\nA [reference][c] and <a href="https://d.example/">raw HTML</a>.\n\n'
        "[c]: https://c.example/\n"
    ),
}


def test_kyr_links_lists_every_external_address_with_its_pages(tmp_path: Path):
    root = make_project(tmp_path / "project", LINK_PAGES)
    (root / "data" / "contacts.yml").unlink()  # pages only
    result = run_kyr(root, "links")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "https://a.example/page",
        "  docs/index.es.md:11 (link)",
        "  docs/index.md:11 (link)",
        "https://b.example/source",
        "  docs/index.es.md:4 (source)",
        "  docs/index.md:4 (source)",
        "https://c.example/",
        "  docs/about.md:5 (link)",
        "https://d.example/",
        "  docs/about.md:3 (link)",
        "4 external address(es), used 6 time(s) in 3 file(s). Nothing was fetched: open each "
        "one to check it still says what the page claims.",
    ]


def test_kyr_links_includes_the_published_contacts(tmp_path: Path):
    root = make_project(tmp_path / "project", {"index.md": "# Home\n"})
    result = run_kyr(root, "links")
    assert result.returncode == 0, result.stderr
    urls = [line for line in result.stdout.splitlines() if line.startswith("http")]
    assert urls == sorted(urls) and "https://www.chirla.org" in urls
    assert re.search(r"^  data/contacts\.yml:\d+ \(contact\)$", result.stdout, re.M)
