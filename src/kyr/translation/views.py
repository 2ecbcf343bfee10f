"""What the templates show about translations (no MkDocs import): the notice on an outdated
translated page, and the translation status page (`template: translation-status.html`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection
from pathlib import Path, PurePosixPath
from urllib.parse import quote, urlencode

from kyr.errors import KyrError
from kyr.pages.front_matter import split_front_matter
from kyr.printing.printables import page_url
from kyr.translation import git as git_info
from kyr.translation.marks import git_blob_hash
from kyr.translation.status import (
    OUTDATED,
    STATES,
    TRANSLATED,
    UNMARKED,
    ProjectStatus,
    collect_status,
    page_state,
)


def edit_links(edit_url: str, file: str) -> dict[str, str]:
    """GitHub links for a repository file: edit it, and create it when it does not exist.

    `edit_url` is the kyr plugin's `edit_url`, such as https://github.com/OWNER/REPO/edit/main/;
    an empty one gives no links.
    """
    if not edit_url:
        return {}
    base = edit_url if edit_url.endswith("/") else edit_url + "/"
    links = {"edit": base + quote(file)}
    if "/edit/" in base:
        folder = PurePosixPath(file).parent.as_posix()
        new_base = base.replace("/edit/", "/new/", 1)
        query = urlencode({"filename": PurePosixPath(file).name})
        links["create"] = f"{new_base}{quote(folder)}?{query}"
    return links


def _title(path: Path) -> str | None:
    try:
        meta = split_front_matter(path.read_text(encoding="utf-8"), path).meta
    except (KyrError, OSError, UnicodeDecodeError):
        return None
    title = meta.get("title")
    return str(title) if title else None


def status_view(
    status: ProjectStatus,
    *,
    root: Path,
    edit_url: str,
    href: Callable[[str, str], str],
) -> list[dict]:
    """One entry per language for the status page.

    `href(neutral_url, code)` gives the link from the status page to a page of the site in a
    language (the plugin supplies it, with MkDocs' relative URLs).
    """
    languages = []
    for lang in status.languages:
        pages = []
        for page in lang.pages:
            exists = page.state in (TRANSLATED, OUTDATED, UNMARKED)
            title = _title(root / page.file) if exists else None
            pages.append(
                {
                    "page": page.page,
                    "title": title or _title(root / page.english_file) or page.page,
                    "title_lang": lang.code if title else status.default,
                    "href": href(page_url(page.page), lang.code),
                    "english_href": href(page_url(page.page), status.default),
                    "state": page.state,
                    "file": page.file,
                    "english_file": page.english_file,
                    "english_hash": page.english_hash,
                    "english_changed": page.english_changed,
                    "links": edit_links(edit_url, page.file),
                    "exists": exists,
                    "review": page.review if exists else None,
                }
            )
        catalog = lang.catalog
        languages.append(
            {
                "code": lang.code,
                "name": lang.name,
                "done_percent": lang.done_percent,
                "translated": lang.count(TRANSLATED),
                "total": len(lang.pages),
                "counts": {state: lang.count(state) for state in STATES},
                "pages": pages,
                # No link to edit the generator's catalog from a site that only installed it.
                "catalog": catalog.counts()
                | {"links": edit_links(edit_url, catalog.file) if catalog.in_project else {}},
            }
        )
    return languages


def outdated_view(changed: dt.date | None, english_href: str, english_code: str) -> dict:
    """The data of the notice on a translated page whose English page changed since."""
    return {"changed": changed, "href": english_href, "lang": english_code}


class TranslationFacts:
    """What one build knows about translations, computed when first asked and kept: English
    hashes, the dates English pages changed (from git), and the status of every language."""

    def __init__(
        self,
        *,
        root: Path,
        docs_dir: Path,
        languages: dict[str, str],
        default: str,
        pending: Collection[str],
        translations_dir: Path,
        partial: Collection[str] = (),
    ) -> None:
        self.root = root
        self.docs_dir = docs_dir
        self.languages = languages
        self.default = default
        self.pending = set(pending)
        self.partial = set(partial)
        self.translations_dir = translations_dir
        self._hashes: dict[str, str] = {}
        self._dates: dict[str, dt.date | None] = {}
        self._status: ProjectStatus | None = None

    def changed_on(self, english: Path) -> dt.date | None:
        key = english.as_posix()
        if key not in self._dates:
            self._dates[key] = git_info.last_commit_date(self.root, english)
        return self._dates[key]

    def outdated_since(self, neutral_src: str, recorded: object) -> tuple[bool, dt.date | None]:
        """(whether a translation recording `recorded` is outdated, when English changed)."""
        english = self.docs_dir / neutral_src
        if neutral_src not in self._hashes:
            if not english.is_file():
                return False, None
            self._hashes[neutral_src] = git_blob_hash(english.read_bytes())
        if page_state(recorded, self._hashes[neutral_src]) != OUTDATED:
            return False, None
        return True, self.changed_on(english)

    def status(self) -> ProjectStatus:
        if self._status is None:
            self._status = collect_status(
                self.root,
                self.docs_dir,
                self.languages,
                self.default,
                pending=self.pending,
                partial=self.partial,
                translations_dir=self.translations_dir,
                changed_on=self.changed_on,
            )
        return self._status
