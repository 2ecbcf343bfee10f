"""`kyr build`: the strict MkDocs build plus the PDFs, written atomically.

Everything is built into a temporary folder beside the output; the output is replaced only when
every step succeeded, so a failed build never leaves a broken or half-written site behind.
When MkDocs fails, its log is summarized as one line per problem (kyr.publish.report).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from kyr.printing.pdf import RenderReport, render_pdfs
from kyr.printing.printables import all_pdf_files, find_printables, is_local_address
from kyr.printing.reproducible import content_date
from kyr.project import Project
from kyr.publish.mkdocs_run import mkdocs_build
from kyr.publish.offline_download import make_offline_download
from kyr.publish.report import UNEXPECTED, BuildFailed, summarize


@dataclass(frozen=True)
class BuildResult:
    site_dir: Path
    pdfs: RenderReport
    log: str
    warnings: tuple[str, ...] = ()


def local_pdf_warning(site_url: str) -> str:
    shown = site_url or "no address"
    return (
        f"The PDFs point to {shown}, this computer, not to the published site: their QR codes "
        "and links will not open for anyone else. They are for testing only; do not print "
        "them to hand out. Build with SITE_URL set to the published address, e.g. "
        "SITE_URL=https://example.org/ kyr build."
    )


def build_site(project: Project, *, pdfs: bool = True, offline: bool = True) -> BuildResult:
    """Build into a temporary sibling of the site folder, then swap it in."""
    site_dir = project.site_dir
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-building-", dir=site_dir.parent))
    staging.chmod(0o755)  # mkdtemp makes it private; a web server must be able to read the site
    try:
        log = _mkdocs_build(project, staging)
        report = RenderReport([], 0.0)
        if pdfs:
            languages = project.languages
            printables = find_printables(project.docs_dir, languages, languages.default.code)
            report = render_pdfs(
                staging,
                all_pdf_files(printables, languages),
                site_url=project.site_url or None,
                created=content_date(project.docs_dir),
            )
        if offline:
            make_offline_download(project.root, staging, project.download_name)
        _swap_in(staging, site_dir)
        warnings = ()
        if pdfs and report.files and is_local_address(project.site_url):
            warnings = (local_pdf_warning(project.site_url),)
        return BuildResult(site_dir, report, log, warnings)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def build_problems(project: Project) -> list[str]:
    """The strict build's problems, one line each, as `kyr build` shows them (none: the site
    builds). Built into a temporary folder that is then removed; `kyr check` runs this so that a
    rule only MkDocs can judge (nav, links, anchors, templates) is still written once."""
    with tempfile.TemporaryDirectory(prefix="kyr-check-") as temp:
        try:
            _mkdocs_build(project, Path(temp) / "site")
        except BuildFailed as failed:
            return failed.report.problems or [f"{UNEXPECTED} (MkDocs printed no message)."]
    return []


def _mkdocs_build(project: Project, output: Path) -> str:
    returncode, log = mkdocs_build(project.root / "mkdocs.yml", strict=True, site_dir=output)
    if returncode != 0:
        report = summarize(log, project.root, project.docs_dir, project.root / "mkdocs.yml")
        raise BuildFailed(report, project.shown(project.site_dir))
    return log


def _swap_in(staging: Path, site_dir: Path) -> None:
    """Replace `site_dir` with `staging` using renames on the same file system."""
    previous = None
    if site_dir.exists():
        previous = site_dir.with_name(f".{site_dir.name}-previous-{os.getpid()}")
        shutil.rmtree(previous, ignore_errors=True)
        site_dir.rename(previous)
    staging.rename(site_dir)
    if previous is not None:
        shutil.rmtree(previous, ignore_errors=True)
