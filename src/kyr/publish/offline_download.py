"""The offline download: the whole site as a ZIP that works when opened from files.

A second MkDocs build with Material's offline plugin (file URLs like `about.html`, search without
a web server through the vendored iframe-worker shim), packed as a reproducible ZIP.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import zipfile
from pathlib import Path

from kyr.errors import KyrError
from kyr.publish.mkdocs_run import mkdocs_build

DOWNLOAD_DIR = "download"
# mkdocs.yml lists Material's offline plugin with `enabled: !ENV [KYR_OFFLINE, false]`.
OFFLINE_SWITCH = "KYR_OFFLINE"
# Zip entries carry this time unless SOURCE_DATE_EPOCH says otherwise (the ZIP format's epoch).
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)


def build_offline_site(project_root: Path, output: Path) -> None:
    """Build the file-URL variant of the site into `output`: the same mkdocs.yml, with the
    offline plugin switched on (the kyr plugin then adds the search shim)."""
    returncode, log = mkdocs_build(
        project_root / "mkdocs.yml", strict=True, site_dir=output, env={OFFLINE_SWITCH: "true"}
    )
    if returncode != 0:
        problems = [line for line in log.splitlines() if not line.startswith("INFO")]
        raise KyrError(
            "mkdocs.yml",
            "the offline download did not build:\n  " + "\n  ".join(problems[-20:]),
        )
    # Without the switch the "offline" site would need a web server: say so, publish nothing.
    if not (output / "search" / "search_index.js").is_file():
        raise KyrError(
            "mkdocs.yml",
            "the offline download needs Material's offline plugin",
            key="plugins",
            hint=f"List '- offline: {{enabled: !ENV [{OFFLINE_SWITCH}, false]}}' before i18n.",
        )


def zip_folder(folder: Path, target: Path, top: str) -> None:
    """A ZIP with sorted entries and fixed times, identical for identical content."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    stamp = ZIP_EPOCH
    if epoch:
        import time

        stamp = max(ZIP_EPOCH, time.gmtime(int(epoch))[:6])
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(f"{top}/{path.relative_to(folder).as_posix()}", stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())


def download_path(name: str) -> str:
    """Where the ZIP named `name` (Project.download_name) sits in the site."""
    return f"{DOWNLOAD_DIR}/{name}.zip"


def make_offline_download(project_root: Path, site_dir: Path, name: str) -> Path:
    """Build the offline variant and put its ZIP (with the site's PDFs) in `site_dir`; its files
    sit in a folder `name`."""
    with tempfile.TemporaryDirectory(prefix="kyr-offline-") as temp:
        offline = Path(temp) / "site"
        build_offline_site(project_root, offline)
        if (site_dir / "pdf").is_dir():
            shutil.copytree(site_dir / "pdf", offline / "pdf")
        target = site_dir / download_path(name)
        zip_folder(offline, target, top=name)
    return target
