"""MkDocs events for the kyr site generator: each wires one moment of the build to pure code.

The per-build state is `kyr.render.state.SiteState`; each page's template context is
`kyr.render.page_context`, its markers `kyr.render.markers`; the files written once every
language is built are `kyr.render.files`. The rules are in `kyr.checks`. Internals of Material
and static-i18n are touched only through `kyr.compat`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from kyr.checks.guard import check_theme_languages
from kyr.checks.typed_phones import typed_phone_problem
from kyr.compat import coupling
from kyr.compat.material_markup import repair_material_markup
from kyr.config import KyrConfig
from kyr.errors import KyrError
from kyr.languages import translations_by_page
from kyr.pages.language_parts import mark_kept_terms
from kyr.printing.printables import find_printables
from kyr.printing.qr import qr_svg, short_url
from kyr.project import project_from_config
from kyr.render.files import write_site_files
from kyr.render.markers import render_page_markers
from kyr.render.page_context import PageRef, page_context
from kyr.render.state import SiteState, start_site
from kyr.translation.catalogs import (
    catalog_path,
    catalog_problems,
    install_language,
    load_catalog,
    translations_for,
)

log = get_plugin_logger(__name__)


@contextmanager
def plugin_errors() -> Iterator[None]:
    """Our errors (file, line, what to do) become MkDocs' PluginError: one line, no traceback."""
    try:
        yield
    except KyrError as error:
        raise PluginError(str(error)) from None


class KyrPlugin(BasePlugin[KyrConfig]):
    supports_multiple_instances = False
    state: SiteState  # made by on_config, kept through static-i18n's inner builds

    # --- Hooks ---

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command  # `mkdocs serve` adds its live-reload script to every page

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Read the project and its data once per build; static-i18n's inner builds keep it."""
        config.theme.dirs = coupling.with_generator_theme(
            config.theme.dirs, config.theme.custom_dir
        )
        if coupling.is_inner_build(config):
            return config
        project = project_from_config(config, self.config)
        root_path = urlsplit(config.site_url or "/").path or "/"
        offline = coupling.offline_plugin_enabled(config)
        if offline:  # the offline download: search must run from file:// pages
            config.extra["polyfills"] = [coupling.OFFLINE_POLYFILL]
        with plugin_errors():
            self.state = start_site(
                project,
                theme_dirs=config.theme.dirs,
                search_modules=coupling.search_languages(config.theme.dirs),
                root_path=root_path,
                directory_urls=config.use_directory_urls,  # off in the offline download
                policy=not offline and getattr(self, "command", "build") != "serve",
            )
            check_theme_languages(
                Path(config.config_file_path),
                coupling.theme_languages(config),
                coupling.material_language,
            )
        # Material shows its language selector only when `extra.alternate` is set.
        if len(project.languages) > 1:
            config.extra["alternate"] = [
                {"name": home["name"], "link": home["href"], "lang": home["lang"]}
                for home in self.state.language_homes
            ]
        # kyr writes the sitemap once all languages are built; the theme's would be overwritten.
        config.theme.static_templates.discard("sitemap.xml")
        if coupling.i18n_plugin(config) is not None:
            coupling.speed_up_static_i18n()
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        """Note which languages each page is written in, before static-i18n filters the files."""
        state = self.state
        if coupling.is_inner_build(config):
            return files
        sources = [file.src_uri for file in files.documentation_pages()]
        state.written_in = translations_by_page(sources, state.languages, state.default.code)
        with plugin_errors():
            state.guard.check_sources(sources)
            state.printables = find_printables(
                state.project.docs_dir, state.languages, state.default.code
            )
        return files

    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment:
        """Install this language's interface strings (compiled in memory) and date formatting."""
        state = self.state
        code = coupling.current_language(config)
        self._install_language(env, code)
        # Until a language has a translated page, its missing strings are listed by
        # `kyr status` and `kyr i18n-check` but do not fail the build (`kyr new-language`).
        if code != state.default.code and state.translates_a_page(code):
            path = catalog_path(state.project.translations_dir, code)
            with plugin_errors():
                for problem in catalog_problems(load_catalog(path, code), path):
                    log.warning(str(problem))
        env.globals["material_bundle"] = coupling.material_bundle(config.theme.dirs)
        env.globals["kyr_language_homes"] = state.language_homes
        state.site_names[code] = (config.site_name, config.site_description or "")
        env.filters["qr_svg"] = qr_svg
        env.filters["short_url"] = short_url
        return env

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        """Refuse unsafe or typed-in content in the page file, then render its markers."""
        state = self.state
        shown = self._shown(page)
        source = page.file.content_string
        code = coupling.current_language(config)
        with plugin_errors():
            state.guard.check_page(source, shown)
            problem = typed_phone_problem(source, shown, state.contacts_shown)
            if problem is not None:
                raise problem
            return render_page_markers(
                markdown,
                source,
                state=state,
                code=code,
                shown=shown,
                href=lambda url: get_relative_url(url, page.url),
                macros=lambda partial: self._macros(code, config, partial),
            )

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Refuse unsafe HTML in the rendered page; note each translation's links."""
        with plugin_errors():
            self.state.guard.check_html(
                html,
                self._shown(page),
                coupling.current_language(config),
                page.file.src_uri,
                page.file.content_string,
            )
        return html

    def on_page_context(
        self, context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any
    ) -> dict[str, Any]:
        """Give templates the page's real language, absolute hreflang links and switch links."""
        ref = PageRef(
            page.file.src_uri, page.url, page.meta or {}, coupling.current_language(config)
        )
        context["kyr"] = page_context(self.state, ref, lambda url: get_relative_url(url, page.url))
        return context

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        """Search base per language, English terms marked in translations, security policy."""
        state = self.state
        language = state.languages[coupling.current_language(config)]
        output = coupling.set_search_base(output, get_relative_url(language.prefix, page.url))
        if not language.default:  # menus, titles and page text alike; never the <head>
            head, body = output.split("<body", 1)
            terms = state.kept_in_english.get(language.code, ())
            output = head + mark_kept_terms("<body" + body, terms, state.default.code)
        return state.guard.harden(repair_material_markup(output), page.content or "")

    def on_post_template(
        self, output_content: str, *, template_name: str, config: MkDocsConfig
    ) -> str:
        """Static templates (the 404 page) get the same security policy as pages."""
        if not template_name.endswith(".html"):
            return output_content
        return self.state.guard.harden(repair_material_markup(output_content))

    @event_priority(0)  # before static-i18n (-100) starts the next language's build
    def _keep_not_found_page(self, config: MkDocsConfig) -> None:
        """Each language build writes /404.html over the last; keep each language's copy."""
        path = Path(config.site_dir) / "404.html"
        if path.is_file():
            code = coupling.current_language(config)
            self.state.not_found_pages[code] = path.read_text(encoding="utf-8")

    @event_priority(-200)  # after static-i18n has built every language and merged the search
    def _finish_site(self, config: MkDocsConfig) -> None:
        """Once all languages are built: check translations' links, then write the site files."""
        state = self.state
        if coupling.is_inner_build(config):
            return
        with plugin_errors():
            state.guard.check_translations()
        write_site_files(
            Path(config.site_dir),
            state,
            root_path=urlsplit(config.site_url or "/").path or "/",
            offline=coupling.offline_plugin_enabled(config),
        )

    on_post_build = CombinedEvent(_keep_not_found_page, _finish_site)

    # --- Helper functions ---

    def _shown(self, page: Page) -> str:
        """The page's file as a maintainer sees it (docs/who-to-call.es.md)."""
        if page.file.abs_src_path:
            return self.state.page_shown(page.file.src_uri)
        return page.file.src_uri

    def _install_language(self, env: Environment, code: str) -> None:
        """This language's strings and dates in `env`, and the templates compiled once."""
        with plugin_errors():
            translations = translations_for(
                self.state.project.translations_dir, code, self.state.default.code
            )
        install_language(env, translations, code)
        self.state.template_cache.install(env)

    def _macros(self, code: str, config: MkDocsConfig, partial: str) -> Any:
        """The macros of partials/<partial>.html, with this language's strings and dates.

        Markers are rendered while pages are read, before `on_env`, so they get their own
        environment from the theme (same templates, same translations).
        """
        env = self.state.macro_envs.get(code)
        if env is None:
            env = config.theme.get_env()
            self._install_language(env, code)
            self.state.macro_envs[code] = env
        return env.get_template(f"partials/{partial}.html").module
