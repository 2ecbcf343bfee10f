"""The files written once every language is built: each language's 404 page and search index,
the contact files, the sitemap and, last, the service worker (no MkDocs import)."""

from __future__ import annotations

import gzip
from pathlib import Path

from kyr.compat.coupling import set_search_base
from kyr.contacts.export import write_contact_files
from kyr.encounter.audio import audio_cache, write_audio
from kyr.output.search_index import write_split_index
from kyr.output.service_worker import write_offline_files
from kyr.output.sitemap import sitemap_xml
from kyr.render.state import SiteState
from kyr.translation.catalogs import translations_for


def write_site_files(site_dir: Path, state: SiteState, *, root_path: str, offline: bool) -> None:
    """`root_path` is the site address's path ('/'); `offline`: the offline download's build,
    whose search index is a script (pages are opened from files, where fetch is refused)."""
    languages = state.languages
    for code, html in state.not_found_pages.items():
        prefix = languages[code].prefix
        target = site_dir / prefix / "404.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(set_search_base(html, root_path + prefix), "utf-8")
    write_split_index(
        site_dir,
        languages.values(),
        state.page_languages,
        words=state.search_words,
        search_languages=state.search_languages,
        as_script=offline,
    )
    if state.contacts is not None:
        translations_dir, default = state.project.translations_dir, languages.default.code
        write_contact_files(
            site_dir,
            state.contacts,
            languages.values(),
            lambda code: translations_for(translations_dir, code, default).gettext,
        )
    if state.clips:
        write_audio(site_dir, state.clips, audio_cache())
    xml = sitemap_xml(state.page_languages.items(), languages, state.project.site_url)
    (site_dir / "sitemap.xml").write_text(xml, encoding="utf-8")
    # mtime=0 keeps the compressed sitemap identical between builds of the same content.
    with gzip.GzipFile(site_dir / "sitemap.xml.gz", "wb", mtime=0) as handle:
        handle.write(xml.encode("utf-8"))
    # Last: the service worker's version is a hash of everything written before it.
    write_offline_files(site_dir, languages.values(), state.site_names)
