"""The project settings the `kyr` command needs, read from mkdocs.yml without building."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml
from mkdocs.exceptions import ConfigurationError
from mkdocs.utils.yaml import yaml_load

from kyr.errors import KyrError, yaml_error


@dataclass(frozen=True)
class Project:
    root: Path
    docs_dir: Path
    site_dir: Path
    languages: dict[str, str]  # code -> name, default language first
    default_language: str
    pending_translations: list[str]
    plugin_config: dict
    site_url: str = ""  # the published address (SITE_URL); PDFs are rendered at it


def load_project(root: Path) -> Project:
    path = root / "mkdocs.yml"
    try:
        with path.open("rb") as handle:
            config = yaml_load(handle) or {}
    except FileNotFoundError:
        raise KyrError(
            path, "not found", hint="Run kyr from the project folder or pass --root."
        ) from None
    except (yaml.YAMLError, ConfigurationError) as raised:
        # MkDocs wraps YAML errors in a ConfigurationError, without the line.
        error = raised.__context__ if isinstance(raised, ConfigurationError) else raised
        raise yaml_error(path, error or raised, "this file") from None
    except UnicodeDecodeError as error:
        raise KyrError(path, f"not UTF-8 text ({error.reason})", hint="Save it as UTF-8.") from None
    if not isinstance(config, dict) or not isinstance(config.get("plugins", []), list):
        raise KyrError(
            path,
            "not a MkDocs configuration ('key: value' lines, with 'plugins:' a list)",
            hint="Compare it with the project's mkdocs.yml in version control.",
        )
    plugins = {
        name: options or {}
        for item in config.get("plugins", [])
        for name, options in (item.items() if isinstance(item, dict) else [(item, {})])
    }
    i18n = plugins.get("i18n", {})
    languages = {
        item["locale"]: item.get("name", item["locale"])
        for item in sorted(i18n.get("languages", []), key=lambda item: not item.get("default"))
        if item.get("build", True)
    } or {config.get("theme", {}).get("language", "en"): "English"}
    default = next(iter(languages))
    kyr = plugins.get("kyr", {})
    return Project(
        root=root,
        docs_dir=root / config.get("docs_dir", "docs"),
        site_dir=root / config.get("site_dir", "site"),
        languages=languages,
        default_language=default,
        pending_translations=list(kyr.get("pending_translations", [])),
        plugin_config=kyr,
        site_url=str(config.get("site_url") or ""),
    )
