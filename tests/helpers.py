"""Build real sites with `mkdocs build --strict` (in this process) into a temporary folder and read
their HTML; run `kyr` commands."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from bs4 import BeautifulSoup
from mkdocs.utils.yaml import yaml_load
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from kyr.printing.pdf import CHROMIUM, CHROMIUM_ARGS  # noqa: F401  (one set of Chromium flags)
from kyr.printing.pdf import serve_folder as serve  # noqa: F401
from tests.in_process import kyr_here, mkdocs_build_here

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# Copied next to every fixture site so tests use the project's real icons and data (templates
# and catalogs come with the package: kyr/theme, kyr/locale).
PROJECT_PARTS = ("overrides", "data")
FIXTURE_SITE_URL = "https://example.org/kyr/"
_ONE_AT_A_TIME = threading.Lock()  # in-process `kyr` calls (see run_kyr)


@dataclass
class Build:
    root: Path
    site: Path
    returncode: int
    output: str

    def html(self, url_path: str) -> BeautifulSoup:
        """Parse a built page by its URL path, e.g. 'es/about/' or '404.html'."""
        path = self.site / url_path
        if url_path == "" or url_path.endswith("/"):
            path = path / "index.html"
        return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")

    def pages(self) -> list[Path]:
        return sorted(self.site.rglob("*.html"))


class EnvTag(list):
    """`!ENV [NAME, default]`, written back as it was: a fixture's config still reads it."""


yaml.SafeDumper.add_representer(EnvTag, lambda dumper, tag: dumper.represent_sequence("!ENV", tag))


def project_config() -> dict:
    with (REPO / "mkdocs.yml").open("rb") as handle:
        settings = yaml_load(handle)
    # The offline download's switch stays a switch (kyr build sets it for that build only).
    for plugin in settings["plugins"]:
        if isinstance(plugin, dict) and "offline" in plugin:
            plugin["offline"]["enabled"] = EnvTag(["KYR_OFFLINE", False])
    return settings


def copy_project_parts(root: Path, *, real_docs: bool) -> None:
    """The project's templates, catalogs and data, beside fixture or real docs. The everyday
    search words name pages of the real docs, so fixture sites go without them."""
    for part in PROJECT_PARTS:
        if (REPO / part).exists() and not (root / part).exists():
            shutil.copytree(REPO / part, root / part)
    if not real_docs:
        (root / "data" / "search-words.yml").unlink(missing_ok=True)


def build_site(
    root: Path,
    docs: Path | dict[str, str] | None = None,
    *,
    config: dict | None = None,
    site_subdir: str = "site",
    strict: bool = True,
    in_process: bool = True,
) -> Build:
    """Copy the project's templates and catalogs into `root`, add `docs`, build with mkdocs.

    `docs` is a fixture folder, a {relative path: text} dict, or None for the real docs/.
    `config` keys replace the project's mkdocs.yml keys (nav is dropped for fixture docs).
    `in_process=False` runs `mkdocs build` in a new Python process, as a maintainer does.
    """
    root.mkdir(parents=True, exist_ok=True)
    copy_project_parts(root, real_docs=docs is None)
    docs_dir = root / "docs"
    if docs is None:
        shutil.copytree(REPO / "docs", docs_dir)
    elif isinstance(docs, Path):
        shutil.copytree(docs, docs_dir)
    else:
        for name, text in docs.items():
            target = docs_dir / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
    settings = project_config()
    if docs is not None:
        settings.pop("nav", None)
        settings["site_url"] = FIXTURE_SITE_URL
    settings["site_dir"] = str(root / site_subdir)
    settings.update(config or {})
    (root / "mkdocs.yml").write_text(yaml.safe_dump(settings, allow_unicode=True), "utf-8")
    if not in_process:
        command = [sys.executable, "-m", "mkdocs", "build", "-f", str(root / "mkdocs.yml")]
        if strict:
            command.append("--strict")
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        result = subprocess.run(command, capture_output=True, text=True, env=env, cwd=root)
        return Build(root, root / site_subdir, result.returncode, result.stdout + result.stderr)
    returncode, output = mkdocs_build_here(root / "mkdocs.yml", strict=strict)
    return Build(root, root / site_subdir, returncode, output)


def text_of(soup: BeautifulSoup, selector: str) -> str:
    node = soup.select_one(selector)
    return " ".join(node.get_text(" ").split()) if node else ""


def resolve_href(build: Build, page: str, href: str) -> Path:
    """The built file or folder a link on `page` points to (relative or root-relative)."""
    if href.startswith("/"):
        site_path = urlsplit(FIXTURE_SITE_URL).path
        return (build.site / href.removeprefix(site_path)).resolve()
    return (build.site / page / href).resolve()


@contextmanager
def site_context(browser, build: Build, site_url: str = FIXTURE_SITE_URL, **options):
    """A browser context in which `site_url` is answered from the built files.

    Every request the pages make is recorded; requests to any other host are blocked, so a
    test can assert the site never reaches a third party.
    """
    requests: list[str] = []
    site = urlsplit(site_url)
    root = build.site

    def answer(route) -> None:
        url = urlsplit(route.request.url)
        requests.append(route.request.url)
        if (url.scheme, url.netloc) != (site.scheme, site.netloc):
            route.abort()
            return
        path = root / url.path.removeprefix(site.path)
        if path.is_dir() and not url.path.endswith("/"):
            # As static hosts do: /es/about -> /es/about/
            route.fulfill(status=301, headers={"Location": url.path + "/"})
            return
        if path.is_dir():
            path = path / "index.html"
        if path.is_file():
            route.fulfill(path=str(path))
        else:
            route.fulfill(status=404, path=str(root / "404.html"))

    context = browser.new_context(**{"viewport": {"width": 390, "height": 844}, **options})
    context.route("**/*", answer)
    try:
        yield context, requests
    finally:
        context.close()


def make_project(root: Path, docs: Path | dict[str, str], config: dict | None = None) -> Path:
    """A project folder for `kyr` commands: `docs` (a fixture folder or {path: text}), the
    project's templates, catalogs and data, and mkdocs.yml (no nav, the fixture's address)."""
    root.mkdir(parents=True, exist_ok=True)
    if isinstance(docs, Path):
        shutil.copytree(docs, root / "docs")
    else:
        for name, text in docs.items():
            (root / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
            (root / "docs" / name).write_text(text, encoding="utf-8")
    copy_project_parts(root, real_docs=False)
    write_project_config(root, config or {})
    return root


def write_project_config(root: Path, changes: dict) -> None:
    settings = project_config()
    settings.pop("nav", None)
    settings["site_url"] = FIXTURE_SITE_URL
    settings.update(changes)
    (root / "mkdocs.yml").write_text(yaml.safe_dump(settings, allow_unicode=True), "utf-8")


def run_kyr(
    root: Path, *args: str, env: dict[str, str] | None = None, in_process: bool = True
) -> subprocess.CompletedProcess:
    """Run the `kyr` command in a project folder, as a maintainer would.

    By default in this process (click's CliRunner on `kyr.cli.main.main`, from `root`, with
    `env` set and SITE_URL unset for the call only): the command's work without Python's
    start-up. Calls from several threads (the corpus runs cases two at a time) take turns, as
    CliRunner swaps sys.stdout and the cwd, which threads share. `in_process=False`, or `kyr
    build` with PDFs (its Playwright cannot start inside the `browser` fixture's), runs
    `python -m kyr.cli` in a new process instead.
    """
    prints = args[:1] == ("build",) and "--no-pdf" not in args
    if not in_process or prints:
        settings = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        settings.pop("SITE_URL", None)  # mkdocs.yml holds the fixture's address
        settings.update(env or {})
        return subprocess.run(
            [sys.executable, "-m", "kyr.cli", *args],
            capture_output=True, text=True, cwd=root, env=settings,
        )  # fmt: skip
    changes: dict[str, str | None] = {"NO_MKDOCS_2_WARNING": "1", "SITE_URL": None, **(env or {})}
    with _ONE_AT_A_TIME:
        returncode, stdout, stderr = kyr_here(root, args, changes)
    return subprocess.CompletedProcess(
        [sys.executable, "-m", "kyr.cli", *args], returncode, stdout, stderr
    )


def git_identity(date: str) -> dict[str, str]:
    """Environment for test commits: a fixed author and a fixed date."""
    return {
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.org",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.org",
        "GIT_AUTHOR_DATE": date,
        "GIT_COMMITTER_DATE": date,
    }


# Material's search in Chromium, as a reader uses it (test_search.py, test_many_languages.py).
def search(page, query: str) -> list[str]:
    """Type `query` into Material's search and return the result links, once the results shown
    are those of the whole query (not of a prefix typed so far)."""
    # Open search as a reader does. (The phone layout's field counts as visible even while
    # search is closed, so the toggle says whether it is open.)
    if not page.evaluate("document.getElementById('__search').checked"):
        page.locator("label.md-header__button[for=__search]").click()
    field = page.locator("input.md-search__input")
    field.fill("")
    # Ready: the search code is loaded (kyr.js loads it when search opens, or is open already)
    # and the empty field shows Material's placeholder, not results.
    page.wait_for_function(
        """() => {
          const config = JSON.parse(document.getElementById('__config').textContent);
          const meta = document.querySelector('.md-search-result__meta').textContent.trim();
          return !document.querySelector('.md-search-result__list li')
            && meta === config.translations['search.result.placeholder'];
        }"""
    )
    # The last character is typed as a reader would: Material searches on a key event. A key
    # typed while the worker still builds its index (lunr's Korean or Armenian pipeline, a
    # busy machine) goes unanswered: then the reader types it again.
    field.fill(query[:-1])
    for attempt in range(10):
        if attempt:
            field.press("Backspace")
        field.press_sequentially(query[-1])
        try:
            page.wait_for_function(
                """q => {
                  const meta = document.querySelector('.md-search-result__meta');
                  return document.querySelector('.md-search__input').value === q
                    && (document.querySelector('.md-search-result__list li')
                        || /\\b0\\b|no |ning/i.test(meta.textContent));
                }""",
                arg=query,
                timeout=2000,
            )
            break
        except PlaywrightTimeout:
            if attempt == 9:
                raise
    # Material shows ten results, then four more each time the list is scrolled to its end from
    # above: the pages must be among the fourteen a reader sees after scrolling once. Return once
    # they have not changed for 250 ms (the prefix typed before had results of its own).
    page.wait_for_function(
        """() => {
          const meta = document.querySelector('.md-search-result__meta').textContent;
          const total = parseInt((meta.match(/\\d+/) || ['0'])[0], 10);
          const items = document.querySelectorAll('.md-search-result__item');
          const wrap = document.querySelector('.md-search__scrollwrap');
          if (items.length < Math.min(total, 14)) {
            const end = wrap.scrollHeight - wrap.clientHeight;
            wrap.scrollTop = wrap.scrollTop >= end - 16 ? 0 : end;
          }
          const links = [...document.querySelectorAll('a.md-search-result__link')];
          const shown = meta + links.map(a => a.href).join();
          if (window.kyrResults !== shown) {
            window.kyrResults = shown;
            window.kyrSince = performance.now();
            return false;
          }
          return performance.now() - window.kyrSince >= 250;
        }""",
        polling=50,
    )
    links = page.locator("a.md-search-result__link")
    return [a.get_attribute("href") for a in links.all()]


def page_urls(build: Build) -> list[str]:
    """Every page of a built site, each language's 404 page included (accessibility tests).

    Of a language in `partial_languages`, its own pages and two of the English pages it shows
    with the not-translated notice: the others are the same English page in the same chrome."""
    partial: set[str] = set()
    config = yaml_load((build.root / "mkdocs.yml").open("rb"))
    for plugin in config.get("plugins", []):
        if isinstance(plugin, dict) and "kyr" in plugin:
            partial = set((plugin["kyr"] or {}).get("partial_languages", []))
    found = [p.relative_to(build.site).parent.as_posix() for p in build.site.rglob("index.html")]
    urls = sorted("" if path == "." else path + "/" for path in found)
    samples = ("about/", "rights/at-home/")

    def shown_in_english(url: str, code: str) -> bool:
        page = (build.site / url / "index.html").read_text(encoding="utf-8")
        return "kyr-untranslated" in page and url.removeprefix(code + "/") not in samples

    kept = [
        url
        for url in urls
        if not ((code := url.split("/")[0]) in partial and shown_in_english(url, code))
    ]
    return kept + sorted(p.relative_to(build.site).as_posix() for p in build.site.rglob("404.html"))


def only(folder: Path, pattern: str) -> Path:
    """The one file in `folder` matching `pattern`."""
    found = sorted(folder.glob(pattern))
    assert len(found) == 1, found
    return found[0]
