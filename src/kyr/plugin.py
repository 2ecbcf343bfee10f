"""MkDocs events for Know Your Rights L.A.; the logic lives in small modules beside this one."""

from __future__ import annotations

import gzip
import os
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

from kyr.build.offline_download import DOWNLOAD
from kyr.checks.glossary import kept_in_english
from kyr.checks.guard import Guard, check_theme_languages, theme_templates
from kyr.compat import coupling
from kyr.compat.material_markup import repair_material_markup
from kyr.compat.template_cache import SharedTemplateCache
from kyr.config import KyrConfig
from kyr.contacts.export import contact_view, write_contact_files
from kyr.contacts.load import Contact, emergency_contact, emergency_set, load_contacts
from kyr.contacts.select import select_for_marker
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
from kyr.output.search_index import write_split_index
from kyr.output.search_words import load_search_words, words_by_page
from kyr.output.service_worker import MANIFEST, write_offline_files
from kyr.output.sitemap import sitemap_xml
from kyr.pages.language_parts import mark_kept_terms
from kyr.pages.markers import Marker, MarkerError, find_markers, replace_markers
from kyr.pages.phones_in_text import find_phone_numbers
from kyr.printing.printables import (
    Printable,
    find_printables,
    is_local_address,
    page_url,
    printable_view,
)
from kyr.printing.qr import qr_svg, short_url
from kyr.translation.catalogs import (
    catalog_problems,
    install_language,
    load_catalog,
    po_path,
    translations_for,
)
from kyr.translation.views import TranslationFacts, outdated_view, status_view

log = get_plugin_logger(__name__)


class KyrPlugin(BasePlugin[KyrConfig]):
    supports_multiple_instances = False

    # --- Hooks ---

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command  # `mkdocs serve` adds its live-reload script to every page

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Read the languages once per build; static-i18n's inner builds keep what we collected."""
        if coupling.is_inner_build(config):
            return config
        # Absolute, like MkDocs' own paths, so messages can name files relative to it.
        self.root = Path(os.path.abspath(config.config_file_path)).parent
        self.translations_dir = self.root / self.config.translations_dir
        self.languages: dict[str, Language] = coupling.i18n_languages(config)
        self.default = next(lang for lang in self.languages.values() if lang.default)
        self.written_in: dict[str, set[str]] = {}
        self.page_languages: dict[str, set[str]] = {}
        self.not_found_pages: dict[str, str] = {}
        self.printables: list[Printable] = []
        self.translations = TranslationFacts(
            root=self.root,
            docs_dir=Path(config.docs_dir),
            languages={code: lang.name for code, lang in self.languages.items()},
            default=self.default.code,
            pending=self.config.pending_translations,
            translations_dir=self.translations_dir,
        )
        self.site_names: dict[str, tuple[str, str]] = {}
        self.template_cache = SharedTemplateCache()
        # Each language's home, from any folder: the language selector of pages with no page
        # context (404). Material shows its selector only when `extra.alternate` is set.
        root_path = urlsplit(config.site_url or "/").path or "/"
        self.language_homes = [
            {"lang": other.code, "name": other.name, "href": root_path + other.prefix}
            for other in self.languages.values()
        ]
        if len(self.languages) > 1:
            config.extra["alternate"] = [
                {"name": home["name"], "link": home["href"], "lang": home["lang"]}
                for home in self.language_homes
            ]
        # kyr writes the sitemap once all languages are built; the theme's would be overwritten.
        config.theme.static_templates.discard("sitemap.xml")
        if coupling.i18n_plugin(config) is not None:
            coupling.speed_up_static_i18n()
        self._load_contacts()
        try:
            groups = load_search_words(
                self.root / self.config.search_words_file,
                list(self.languages),
                Path(config.docs_dir),
                self.config.search_words_file,
            )
            self.kept_in_english = {
                code: kept_in_english(Path(config.docs_dir), code)
                for code in self.languages
                if code != self.default.code
            }
        except KyrError as error:
            raise PluginError(str(error)) from None
        directory_urls = config.use_directory_urls  # off in the offline download's build
        self.search_words = {
            code: {
                page_url(page, directory_urls): words
                for page, words in words_by_page(groups, code).items()
            }
            for code in self.languages
        }
        # Hardening (kyr.checks.guard): sources, pages, translations' links, security policy.
        self.guard = Guard(
            self.root,
            Path(config.docs_dir),
            config.site_url or "",
            self.default.code,
            list(self.languages),
            theme_templates(config.theme.dirs),
            policy=not coupling.offline_plugin_enabled(config)
            and getattr(self, "command", "build") != "serve",
            pending=self.config.pending_translations,
        )
        try:
            check_theme_languages(
                Path(config.config_file_path),
                coupling.theme_languages(config),
                coupling.material_language,
            )
        except KyrError as error:
            raise PluginError(str(error)) from None
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        """Note which languages each page is written in, before static-i18n filters the files."""
        if not coupling.is_inner_build(config):
            self.written_in = translations_by_page(
                (file.src_uri for file in files.documentation_pages()),
                self.languages,
                self.default.code,
            )
            try:
                self.guard.check_sources(file.src_uri for file in files.documentation_pages())
                self.printables = find_printables(
                    Path(config.docs_dir), self.languages, self.default.code
                )
            except KyrError as error:
                raise PluginError(str(error)) from None
        return files

    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment:
        """Install this language's interface strings (compiled in memory) and date formatting."""
        code = coupling.current_language(config)
        try:
            translations = translations_for(self.translations_dir, code, self.default.code)
            # Until a language has a translated page, its missing strings are listed by
            # `kyr status` and `kyr i18n-check` but do not fail the build (`kyr new-language`).
            if code != self.default.code and self._translates_a_page(code):
                path = po_path(self.translations_dir, code)
                for problem in catalog_problems(load_catalog(path, code), path):
                    log.warning(str(problem))
        except KyrError as error:
            raise PluginError(str(error)) from None
        install_language(env, translations, code)
        self.template_cache.install(env)
        env.globals["material_bundle"] = coupling.material_bundle(config.theme.dirs)
        env.globals["kyr_language_homes"] = self.language_homes
        self.site_names[code] = (config.site_name, config.site_description or "")
        env.filters["qr_svg"] = qr_svg
        env.filters["short_url"] = short_url
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
        alternates = [
            {
                "lang": other.code,
                "name": other.name,
                "href": get_relative_url(localized_url(neutral, other), page.url),
            }
            for other in self.languages.values()
        ]
        context["kyr"] = {
            "lang": language.code,
            "file_lang": file_language.code,
            "default_lang": self.default.code,
            "fallback": file_language != language,
            "canonical": absolute_url(config.site_url, localized_url(neutral, file_language)),
            "hreflang": hreflang_alternates(neutral, written_in, self.languages, config.site_url),
            "original_href": get_relative_url(localized_url(neutral, file_language), page.url),
            # This page in every language: Material's selector lists all, our switch the others.
            "alternates": alternates,
            "switch": [alt for alt in alternates if alt["lang"] != language.code],
            "pdfs": self._pdfs_of_page(page, language, neutral),
            "manifest": get_relative_url(language.prefix + MANIFEST, page.url),
            "hotline": self._hotline(),
            "outdated": self._outdated(page, file_language, neutral_src, neutral),
            "translation_status": self._translation_status(page, language),
        }
        return context

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        """Refuse phone numbers typed into a page, then render its contact markers."""
        shown = self._shown_path(page)
        source = page.file.content_string
        try:
            self.guard.check_page(source, shown)
        except KyrError as error:
            raise PluginError(str(error)) from None
        typed = find_phone_numbers(source)
        if typed:
            others = [str(found.line) for found in typed[1:]]
            also = f" (also on line {', '.join(others)})" if others else ""
            raise PluginError(
                str(
                    KyrError(
                        shown,
                        f"a phone number is typed into the page text: '{typed[0].text}'{also}",
                        line=typed[0].line,
                        hint=f"Numbers come only from {self.config.contacts_file}, where they are "
                        "checked and dated: add the contact there and use a marker such as "
                        "<!-- kyr:contacts id=... -->.",
                    )
                )
            )
        try:
            in_source = find_markers(source)
        except MarkerError as error:
            raise PluginError(str(KyrError(shown, error.message, line=error.line))) from None
        if not in_source:
            return markdown
        code = coupling.current_language(config)
        source_lines = iter(in_source)

        def render(marker: Marker) -> str:
            line = next(source_lines, marker).line
            try:
                return self._render_marker(marker, page, code, config)
            except KyrError as error:
                raise PluginError(str(KyrError(shown, error.message, line=line))) from None

        return replace_markers(markdown, render)

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Refuse unsafe HTML in the rendered page; note each translation's links."""
        try:
            self.guard.check_html(
                html,
                self._shown_path(page),
                coupling.current_language(config),
                page.file.src_uri,
                page.file.content_string,
            )
        except KyrError as error:
            raise PluginError(str(error)) from None
        return html

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        language = self.languages[coupling.current_language(config)]
        output = coupling.set_search_base(output, get_relative_url(language.prefix, page.url))
        if language != self.default:  # menus, titles and page text alike; never the <head>
            head, body = output.split("<body", 1)
            terms = self.kept_in_english.get(language.code, ())
            output = head + mark_kept_terms("<body" + body, terms, self.default.code)
        return self.guard.harden(repair_material_markup(output), page.content or "")

    def on_post_template(
        self, output_content: str, *, template_name: str, config: MkDocsConfig
    ) -> str:
        """Static templates (the 404 page) get the same security policy as pages."""
        if not template_name.endswith(".html"):
            return output_content
        return self.guard.harden(repair_material_markup(output_content))

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
        try:
            self.guard.check_translations()
        except KyrError as error:
            raise PluginError(str(error)) from None
        site_dir = Path(config.site_dir)
        root_path = urlsplit(config.site_url or "/").path or "/"
        for code, html in self.not_found_pages.items():
            prefix = self.languages[code].prefix
            target = site_dir / prefix / "404.html"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(coupling.set_search_base(html, root_path + prefix), "utf-8")
        write_split_index(
            site_dir,
            self.languages.values(),
            self.page_languages,
            words=self.search_words,
            as_script=coupling.offline_plugin_enabled(config),
        )
        if self.contacts is not None:
            write_contact_files(site_dir, self.contacts, self.languages.values())
        xml = sitemap_xml(self.page_languages.items(), self.languages, config.site_url)
        (site_dir / "sitemap.xml").write_text(xml, encoding="utf-8")
        # mtime=0 keeps the compressed sitemap identical between builds of the same content.
        with gzip.GzipFile(site_dir / "sitemap.xml.gz", "wb", mtime=0) as handle:
            handle.write(xml.encode("utf-8"))
        # Last: the service worker's version is a hash of everything written before it.
        write_offline_files(site_dir, self.languages.values(), self.site_names)

    on_post_build = CombinedEvent(_keep_not_found_page, _finish_site)

    # --- Translations (kyr.translation.status, kyr.translation.views) ---

    def _translates_a_page(self, code: str) -> bool:
        return any(code in languages for languages in self.written_in.values())

    def _outdated(
        self, page: Page, file_language: Language, neutral_src: str, neutral: str
    ) -> dict | None:
        """The notice's data when this translated page's English page changed since."""
        if file_language.default:
            return None
        outdated, changed = self.translations.outdated_since(
            neutral_src, (page.meta or {}).get("translation_of")
        )
        if not outdated:
            return None
        href = get_relative_url(localized_url(neutral, self.default), page.url)
        return outdated_view(changed, href, self.default.code)

    def _translation_status(self, page: Page, language: Language) -> list[dict] | None:
        """Every language's status, for the page with `template: translation-status.html`."""
        if (page.meta or {}).get("template") != "translation-status.html":
            return None
        return status_view(
            self.translations.status(),
            root=self.root,
            edit_url=self.config.edit_url,
            href=lambda url, code: get_relative_url(
                localized_url(url, self.languages[code]), page.url
            ),
        )

    # --- Printables (kyr.printing.printables; the PDFs themselves are made by `kyr build`) ---

    def _printable_views(
        self, page: Page, language: Language, only: str | None = None
    ) -> list[dict]:
        """Views of every printable (or of the one whose page is `only`), linked from `page`."""

        def href(url: str) -> str:
            return get_relative_url(url, page.url)

        return [
            printable_view(p, language, self.languages, href)
            for p in self.printables
            if only is None or p.neutral_url == only
        ]

    def _pdfs_of_page(self, page: Page, language: Language, neutral: str) -> list[dict]:
        """The PDF links a printable page shows (none for other pages)."""
        views = self._printable_views(page, language, only=neutral)
        return views[0]["pdfs"] if views else []

    def _hotline(self) -> dict[str, str] | None:
        """The emergency contact's first number, for the phone call bar on every page."""
        contact = emergency_contact(self.contacts) if self.contacts else None
        if contact is None or not contact.phones:
            return None
        return {"href": contact.phones[0].href, "display": contact.phones[0].national}

    # --- Contacts (data: kyr.contacts.load; outputs: kyr.contacts.export) ---

    def _load_contacts(self) -> None:
        """Validate the contacts file once per build; a missing file only matters to markers."""
        self.contacts_path = self.root / self.config.contacts_file
        self.contacts: list[Contact] | None = None
        self.macro_envs: dict[str, Environment] = {}
        if not self.contacts_path.is_file():
            log.debug(f"No contacts file at {self.contacts_path}")
            return
        try:
            self.contacts = load_contacts(self.contacts_path, shown_as=self.config.contacts_file)
        except KyrError as error:
            raise PluginError(str(error)) from None

    def _shown_path(self, page: Page) -> str:
        """The page's file as a maintainer sees it (docs/who-to-call.es.md)."""
        if page.file.abs_src_path:
            try:
                return Path(page.file.abs_src_path).relative_to(self.root).as_posix()
            except ValueError:
                pass
        return page.file.src_uri

    def _macros(self, code: str, config: MkDocsConfig, partial: str) -> Any:
        """The macros of partials/<partial>.html, with this language's strings and dates.

        Markers are rendered while pages are read, before `on_env`, so they get their own
        environment from the theme (same templates, same translations).
        """
        env = self.macro_envs.get(code)
        if env is None:
            try:
                translations = translations_for(self.translations_dir, code, self.default.code)
            except KyrError as error:
                raise PluginError(str(error)) from None
            env = config.theme.get_env()
            install_language(env, translations, code)
            self.template_cache.install(env)
            self.macro_envs[code] = env
        return env.get_template(f"partials/{partial}.html").module

    def _render_marker(self, marker: Marker, page: Page, code: str, config: MkDocsConfig) -> str:
        if marker.kind == "printables":
            views = self._printable_views(page, self.languages[code])
            download = get_relative_url(DOWNLOAD, page.url)
            testing = is_local_address(config.site_url or "")
            macros = self._macros(code, config, "printables")
            return str(macros.printables(views, download, testing))
        if self.contacts is None:
            raise KyrError(
                self.config.contacts_file,
                f"{marker.text} needs the contacts file {self.config.contacts_file}, "
                "which does not exist",
            )
        prefix = self.languages[code].prefix

        def view(contact: Contact) -> dict[str, Any]:
            href = get_relative_url(f"{prefix}contacts/{contact.id}.vcf", page.url)
            return {**contact_view(contact, code), "vcard_href": href}

        macros = self._macros(code, config, "contacts")
        kind, selected = select_for_marker(marker, self.contacts)
        if kind == "hotline":
            saved = emergency_set(self.contacts)
            hotline = {
                **view(selected),
                "set_href": get_relative_url(f"{prefix}contacts/emergency.vcf", page.url),
                "set_size": len(saved),
            }
            return str(macros.hotline(hotline))
        if kind == "directory":
            return str(
                macros.directory([(key, [view(c) for c in group]) for key, group in selected])
            )
        return str(macros.cards([view(contact) for contact in selected]))
