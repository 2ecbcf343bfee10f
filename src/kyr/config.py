"""Typed configuration of the `kyr` MkDocs plugin."""

from __future__ import annotations

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config


class KyrConfig(Config):
    enabled = opt.Type(bool, default=True)

    # Settings for interface strings (gettext catalogs, relative to mkdocs.yml)
    translations_dir = opt.Type(str, default="translations")
