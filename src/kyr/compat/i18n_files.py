"""A faster equivalent of mkdocs-static-i18n's `suffix.create_i18n_file`.

static-i18n calls it for every file of every language, in every language's build (6,000 calls
for 1,000 pages in two languages), and its pathlib arithmetic was the largest share of what a
second language adds to a build. This version does the same with string operations, for plain
paths (no part empty or starting or ending with a dot); any other path goes to the original.
`tests/test_build_speedups.py` compares both on every file name of the docs and on edge cases.
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Callable
from typing import Any
from urllib.parse import quote as urlquote

from mkdocs.structure.files import File

CreateI18nFile = Callable[[File, str, str, list, Any], File]


def _plain(path: str) -> bool:
    return all(part and part[0] != "." and part[-1] != "." for part in path.split("/"))


def _without_suffix(name: str) -> str:
    """`page.es` -> `page`, as PurePath(name).with_suffix("") for a plain name."""
    return name.rsplit(".", 1)[0]


def _join(parent: str, name: str) -> str:
    return f"{parent}/{name}" if parent else name


def fast_create_i18n_file(original: CreateI18nFile, is_locale: Callable[[str], bool]):
    """static-i18n's `create_i18n_file(file, current, default, all, config)`, without pathlib.

    `is_locale` is static-i18n's own test for a language-code suffix it was not told about."""

    def create_i18n_file(
        file: File,
        current_language: str,
        default_language: str,
        all_languages: list,
        config: Any,
    ) -> File:
        if not (_plain(file.src_uri) and _plain(file.dest_uri)):
            return original(file, current_language, default_language, all_languages, config)
        docs_dir, site_dir = config.docs_dir, config.site_dir
        use_directory_urls = config.use_directory_urls
        new = File(
            file.src_uri,
            docs_dir,
            file.dest_path,
            use_directory_urls,
            dest_uri=file.dest_uri,
            inclusion=file.inclusion,
        )
        dest = new.dest_uri
        locale, localization = default_language, None
        site_prefix = current_language if current_language != default_language else ""
        name_parts = new.name.split(".")
        if len(name_parts) > 1 and (name_parts[-1] in all_languages or is_locale(name_parts[-1])):
            # page.es.md: page.es/index.html -> page/index.html; page.es.html -> page.html
            parent, base = posixpath.split(dest)
            stem, extension = posixpath.splitext(base)
            dest = _join(parent, _without_suffix(stem) + extension)
            new.name = _without_suffix(new.name)
            localization = locale = name_parts[-1]
        if use_directory_urls and localization:
            parent, base = posixpath.split(dest)
            if parent:
                grandparent, folder = posixpath.split(parent)
                folder = _without_suffix(folder)
                parent = (
                    grandparent if folder in ("index", "README") else _join(grandparent, folder)
                )
                dest = _join(parent, base)
        if dest.endswith("README.html"):
            dest = _join(posixpath.dirname(dest), "index.html")
        new.dest_uri = _join(site_prefix, dest)
        new.abs_dest_path = os.path.normpath(os.path.join(site_dir, new.dest_path))
        if new.name == "README":
            new.name = "index"
        new.url = new._get_url(use_directory_urls)
        if site_prefix and new.url in (".", "./"):
            new.url = urlquote(site_prefix + "/")
        # static-i18n's own attributes, as its original sets them.
        new.alternates = {current_language: new}
        new.locale = locale
        new.locale_alternate_of = current_language
        new.localization = localization
        new.norm_src_uri = new.src_uri
        if localization:
            new.norm_src_uri = new.src_uri.replace(f".{localization}", "", 1)
        return new

    create_i18n_file.original = original  # type: ignore[attr-defined]
    return create_i18n_file
