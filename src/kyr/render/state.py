"""What one build of the site knows and collects, in one object (no MkDocs import).

The plugin makes a `SiteState` when MkDocs reads the config (`start_site`), fills it while
static-i18n builds each language, and hands it to the page view, the marker view and the
files written at the end (kyr.render.files).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from typing import Any

from kyr.checks.glossary import kept_in_english
from kyr.checks.guard import Guard, theme_templates
from kyr.compat.template_cache import SharedTemplateCache
from kyr.contacts.load import Contact, emergency_contact, load_contacts
from kyr.encounter.audio import Clip, clips
from kyr.encounter.phrases import Phrases, load_phrases
from kyr.languages import Language, Languages
from kyr.output.search_index import search_language
from kyr.output.search_words import load_search_words, words_by_page
from kyr.printing.printables import Printable, page_url
from kyr.project import Project
from kyr.translation.views import TranslationFacts

ENCOUNTER_PAGE = "encounter.md"  # the encounter page's file, linked from the help bar


@dataclass
class SiteState:
    project: Project
    guard: Guard
    translations: TranslationFacts
    contacts: list[Contact] | None  # None: the project has no contacts file
    phrases: Phrases | None  # None: the project has no phrases file
    clips: list[Clip]  # the card's audio files (kyr.encounter.audio)
    encounter_url: str | None  # docs/encounter.md's URL, for the help bar; None: no such page
    # {language: the lunr language its search index uses} (kyr.output.search_index)
    search_languages: dict[str, str]
    # {language: {page URL: everyday words}} for the search index (kyr.output.search_words)
    search_words: dict[str, dict[str, list[str]]]
    # {language: English terms its pages keep} (the translated glossary's kept_in_english)
    kept_in_english: dict[str, tuple[str, ...]]
    # Each language's home from any folder: the language selector of pages with no page
    # context (404). Root-relative, from the site address's path.
    language_homes: list[dict[str, str]]
    template_cache: SharedTemplateCache = field(default_factory=SharedTemplateCache)
    # Filled while the languages are built:
    written_in: dict[str, set[str]] = field(default_factory=dict)  # neutral src -> languages
    page_languages: dict[str, set[str]] = field(default_factory=dict)  # neutral URL -> languages
    printables: list[Printable] = field(default_factory=list)
    not_found_pages: dict[str, str] = field(default_factory=dict)  # language -> its 404 HTML
    site_names: dict[str, tuple[str, str]] = field(default_factory=dict)  # name, description
    macro_envs: dict[str, Any] = field(default_factory=dict)  # language -> Jinja environment

    def __post_init__(self) -> None:
        # Shown in messages; worked out once, not for every page (it can touch the disk).
        self.docs_shown = self.project.shown(self.project.docs_dir)
        self.contacts_shown = self.project.shown(self.project.contacts_file)

    def page_shown(self, src_uri: str) -> str:
        """A page file as a maintainer sees it (docs/who-to-call.es.md)."""
        return f"{self.docs_shown}/{src_uri}"

    @property
    def languages(self) -> Languages:
        return self.project.languages

    @property
    def default(self) -> Language:
        return self.project.languages.default

    def translates_a_page(self, code: str) -> bool:
        return any(code in languages for languages in self.written_in.values())

    def hotline(self) -> dict[str, str] | None:
        """The emergency contact's first number, for the call bar on every page."""
        contact = emergency_contact(self.contacts) if self.contacts else None
        if contact is None or not contact.phones:
            return None
        return {"href": contact.phones[0].href, "display": contact.phones[0].display}


def start_site(
    project: Project,
    *,
    theme_dirs: Iterable[str],
    search_modules: Collection[str],
    root_path: str,
    directory_urls: bool,
    policy: bool,
) -> SiteState:
    """Read and check the data files once per build. Raises KyrError on bad input.

    `search_modules` are the languages the theme's search has a lunr module for;
    `root_path` is the site address's path ('/' or '/kyr/'); `policy` is whether pages get a
    security policy (not in the offline download, nor under `mkdocs serve`).
    """
    languages = project.languages
    contacts = None
    if project.contacts_file.is_file():  # a missing file only matters to markers
        contacts = load_contacts(
            project.contacts_file,
            languages=languages.codes,
            shown_as=project.shown(project.contacts_file),
        )
    groups = load_search_words(
        project.search_words_file,
        list(languages),
        project.docs_dir,
        project.shown(project.search_words_file),
    )
    phrases_shown = project.shown(project.phrases_file)
    phrases = load_phrases(project.phrases_file, list(languages), phrases_shown)
    encounter = project.docs_dir / ENCOUNTER_PAGE
    return SiteState(
        project=project,
        guard=Guard(
            project.root,
            project.docs_dir,
            project.site_url,
            languages.default.code,
            list(languages),
            theme_templates(theme_dirs),
            policy=policy,
            pending=project.pending_translations,
        ),
        translations=TranslationFacts(
            root=project.root,
            docs_dir=project.docs_dir,
            languages=languages.names,
            default=languages.default.code,
            pending=project.pending_translations,
            partial=project.partial_languages,
            translations_dir=project.translations_dir,
        ),
        contacts=contacts,
        phrases=phrases,
        search_languages={code: search_language(code, search_modules) for code in languages},
        clips=clips(phrases, list(languages), phrases_shown) if phrases else [],
        encounter_url=page_url(ENCOUNTER_PAGE, directory_urls) if encounter.is_file() else None,
        search_words={
            code: {
                page_url(page, directory_urls): words
                for page, words in words_by_page(groups, code).items()
            }
            for code in languages
        },
        kept_in_english={
            lang.code: tuple(kept_in_english(project.docs_dir, lang.code))
            for lang in languages.others
        },
        language_homes=[
            {"lang": lang.code, "name": lang.name, "href": root_path + lang.prefix}
            for lang in languages.values()
        ],
    )
