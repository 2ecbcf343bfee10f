"""Typed configuration of the `kyr` MkDocs plugin.

There is no `enabled` switch: the generator's templates (kyr/theme) need the plugin (its strings,
filters and page context), and come with it.
"""

from __future__ import annotations

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config


class KyrConfig(Config):
    # Settings for interface strings (gettext catalogs, relative to mkdocs.yml)
    translations_dir = opt.Type(str, default="translations")

    # Settings for advocacy contacts (YAML data file, relative to mkdocs.yml; see kyr.contacts.load)
    contacts_file = opt.Type(str, default="data/contacts.yml")
    # Everyday words readers search for, and the pages they find (see kyr.output.search_words)
    search_words_file = opt.Type(str, default="data/search-words.yml")
    # What readers say or show to agents, with meanings and the family message (see
    # kyr.encounter.phrases): the red card's back, "Say" boxes, the encounter page, its audio
    phrases_file = opt.Type(str, default="data/phrases.yml")
    # Hosts never accepted as a source (YAML, relative to mkdocs.yml; see kyr.checks.source_policy)
    source_policy_file = opt.Type(str, default="data/source-policy.yml")

    # Settings for the translation workflow (see kyr.translation.status and CONTRIBUTING.md)
    # English pages that may have no translation yet (paths relative to docs_dir, e.g. door.md)
    pending_translations = opt.ListOfItems(opt.Type(str), default=[])
    # Languages that publish only some pages (e.g. the red card and "What to say"): any page
    # they lack shows in English with a notice, and is pending rather than missing.
    partial_languages = opt.ListOfItems(opt.Type(str), default=[])
    # Where contributors edit a file on GitHub: https://github.com/OWNER/REPO/edit/BRANCH/
    # (the translation status page links each file there; empty: no links). Not Material's
    # repo_url, which makes every reader's browser call api.github.com.
    edit_url = opt.Type(str, default="")

    # The offline download's file name, without .zip: site/download/<name>.zip (empty: the
    # site name in lower case with dashes, e.g. "Know Your Rights" -> know-your-rights)
    download_name = opt.Type(str, default="")
