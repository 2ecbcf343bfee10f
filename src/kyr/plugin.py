"""MkDocs events for Know Your Rights L.A.; the logic lives in small modules beside this one."""

from __future__ import annotations

import gzip
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from babel.dates import format_date
from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from kyr import coupling
from kyr.catalogs import catalog_problems, load_catalog, po_path, translations_for
from kyr.config import KyrConfig
from kyr.errors import KyrError
from kyr.languages import (
    Language,
    absolute_url,
    hreflang_alternates,
    localized_url,
    neutral_source,
    neutral_url,
    source_language,
    translations_by_page,
)
from kyr.search_index import write_split_index
from kyr.sitemap import sitemap_xml

log = get_plugin_logger(__name__)


class KyrPlugin(BasePlugin[KyrConfig]):
    supports_multiple_instances = False

    # --- Hooks ---

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Read the languages once per build; static-i18n's inner builds keep what we collected."""
        if coupling.is_inner_build(config):
            return config
        self.root = Path(config.config_file_path).parent
        self.translations_dir = self.root / self.config.translations_dir
        self.languages: dict[str, Language] = coupling.i18n_languages(config)
        self.default = next(lang for lang in self.languages.values() if lang.default)
        self.written_in: dict[str, set[str]] = {}
        self.page_languages: dict[str, set[str]] = {}
        self.not_found_pages: dict[str, str] = {}
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        """Note which languages each page is written in, before static-i18n filters the files."""
        if not coupling.is_inner_build(config):
            self.written_in = translations_by_page(
                (file.src_uri for file in files.documentation_pages()),
                self.languages,
                self.default.code,
            )
        return files

    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment:
        """Install this language's interface strings (compiled in memory) and date formatting."""
        code = coupling.current_language(config)
        try:
            translations = translations_for(self.translations_dir, code, self.default.code)
            if code != self.default.code:
                path = po_path(self.translations_dir, code)
                for problem in catalog_problems(load_catalog(path, code), path):
                    log.warning(str(problem))
        except KyrError as error:
            raise PluginError(str(error)) from None
        env.add_extension("jinja2.ext.i18n")
        env.install_gettext_translations(translations, newstyle=True)
        env.filters["format_date"] = lambda value, fmt="long": format_date(
            value, format=fmt, locale=code
        )
        return env

    def on_page_context(
        self, context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any
    ) -> dict[str, Any]:
        """Give templates the page's real language, absolute hreflang links and switch links."""
        language = self.languages[coupling.current_language(config)]
        neutral_src = neutral_source(page.file.src_uri, self.languages)
        written_in = self.written_in.get(neutral_src, {self.default.code})
        file_language = self.languages[
            source_language(page.file.src_uri, self.languages, self.default.code)
        ]
        neutral = neutral_url(page.url, language)
        self.page_languages[neutral] = written_in
        context["kyr"] = {
            "lang": language.code,
            "file_lang": file_language.code,
            "fallback": file_language != language,
            "canonical": absolute_url(config.site_url, localized_url(neutral, file_language)),
            "hreflang": hreflang_alternates(neutral, written_in, self.languages, config.site_url),
            "original_href": get_relative_url(localized_url(neutral, file_language), page.url),
            "switch": [
                {
                    "code": other.code,
                    "name": other.name,
                    "href": get_relative_url(localized_url(neutral, other), page.url),
                }
                for other in self.languages.values()
                if other != language
            ],
        }
        return context

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        language = self.languages[coupling.current_language(config)]
        return coupling.set_search_base(output, get_relative_url(language.prefix, page.url))

    @event_priority(0)  # before static-i18n (-100) starts the next language's build
    def _keep_not_found_page(self, config: MkDocsConfig) -> None:
        """Each language build writes /404.html over the last; keep each language's copy."""
        path = Path(config.site_dir) / "404.html"
        if path.is_file():
            code = coupling.current_language(config)
            self.not_found_pages[code] = path.read_text(encoding="utf-8")

    @event_priority(-200)  # after static-i18n has built every language and merged the search
    def _finish_site(self, config: MkDocsConfig) -> None:
        """Once all languages are built: per-language 404 and search index, and the sitemap."""
        if coupling.is_inner_build(config):
            return
        site_dir = Path(config.site_dir)
        root_path = urlsplit(config.site_url or "/").path or "/"
        for code, html in self.not_found_pages.items():
            prefix = self.languages[code].prefix
            target = site_dir / prefix / "404.html"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(coupling.set_search_base(html, root_path + prefix), "utf-8")
        write_split_index(site_dir, self.languages.values())
        xml = sitemap_xml(self.page_languages.items(), self.languages, config.site_url)
        (site_dir / "sitemap.xml").write_text(xml, encoding="utf-8")
        # mtime=0 keeps the compressed sitemap identical between builds of the same content.
        with gzip.GzipFile(site_dir / "sitemap.xml.gz", "wb", mtime=0) as handle:
            handle.write(xml.encode("utf-8"))

    on_post_build = CombinedEvent(_keep_not_found_page, _finish_site)
