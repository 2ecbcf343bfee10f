"""Typed configuration of the `kyr` MkDocs plugin."""

from __future__ import annotations

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config


class KyrConfig(Config):
    enabled = opt.Type(bool, default=True)

    # Settings for interface strings (gettext catalogs, relative to mkdocs.yml)
    translations_dir = opt.Type(str, default="translations")

    # Settings for advocacy contacts (YAML data file, relative to mkdocs.yml; see kyr.contacts)
    contacts_file = opt.Type(str, default="data/contacts.yml")
