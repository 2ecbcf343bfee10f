"""The project model: mkdocs.yml read once, through MkDocs' own config loading.

`kyr` commands call `load_project(root)`; the plugin calls `project_from_config` with the config
MkDocs already loaded. Both give the same `Project`: one language list (static-i18n's), one place
for the contacts file, the translations folder and the edit URL, and one way to show a path.
"""

from __future__ import annotations

import logging
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import yaml
from mkdocs import exceptions

from kyr.compat.coupling import i18n_languages, i18n_nav_labels, with_generator_theme
from kyr.config import KyrConfig
from kyr.errors import KyrError, shown_path, yaml_error
from kyr.languages import Languages

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

CONFIG_FILE = "mkdocs.yml"


@dataclass(frozen=True)
class Project:
    root: Path  # the folder of mkdocs.yml, absolute
    docs_dir: Path
    site_dir: Path
    site_url: str  # the published address (SITE_URL); PDFs are rendered at it
    languages: Languages
    settings: KyrConfig  # the kyr plugin's validated settings (defaults when it is not listed)
    site_name: str = ""
    nav_labels: tuple[str, ...] = ()  # section labels some language translates (nav_translations)
    theme_dirs: tuple[str, ...] = ()  # the theme's folders: overrides/, kyr/theme, Material

    @property
    def config_file(self) -> Path:
        return self.root / CONFIG_FILE

    @property
    def default_language(self) -> str:
        return self.languages.default.code

    @property
    def pending_translations(self) -> list[str]:
        return list(self.settings.pending_translations)

    @property
    def partial_languages(self) -> list[str]:
        return list(self.settings.partial_languages)

    @property
    def edit_url(self) -> str:
        return self.settings.edit_url

    @property
    def download_name(self) -> str:
        """The offline download's name: the `download_name` setting, or the site name as a slug
        ('site' when the name has no Latin letters or digits)."""
        slug = re.sub(r"[^a-z0-9]+", "-", self.site_name.lower()).strip("-")
        return self.settings.download_name or slug or "site"

    @property
    def translations_dir(self) -> Path:
        return self.root / self.settings.translations_dir

    @property
    def contacts_file(self) -> Path:
        return self.root / self.settings.contacts_file

    @property
    def search_words_file(self) -> Path:
        return self.root / self.settings.search_words_file

    @property
    def phrases_file(self) -> Path:
        return self.root / self.settings.phrases_file

    @property
    def source_policy_file(self) -> Path:
        return self.root / self.settings.source_policy_file

    def shown(self, path: str | Path) -> str:
        """A path as a maintainer sees it: relative to the project folder (docs/x.es.md)."""
        return shown_path(path, self.root)


def project_from_config(config: MkDocsConfig, settings: KyrConfig | None = None) -> Project:
    """The project of a loaded MkDocs config (the plugin passes its own validated settings)."""
    if settings is None:
        plugin = config.plugins.get("kyr")
        settings = plugin.config if plugin is not None else _default_settings()
    # Absolute, like MkDocs' own paths, so messages can name files relative to it.
    root = Path(os.path.abspath(config.config_file_path)).parent
    return Project(
        root=root,
        docs_dir=Path(config.docs_dir),
        site_dir=Path(config.site_dir),
        site_url=str(config.site_url or ""),
        languages=i18n_languages(config),
        settings=settings,
        site_name=str(config.site_name or ""),
        nav_labels=i18n_nav_labels(config),
        theme_dirs=tuple(with_generator_theme(config.theme.dirs, config.theme.custom_dir)),
    )


def load_project(root: Path) -> Project:
    """Load `root`/mkdocs.yml as MkDocs does (plugins' settings validated), without building.

    MkDocs logs configuration errors and then aborts; they are collected and reported as one
    message naming mkdocs.yml and the line, as `kyr build` reports them.
    """
    from mkdocs.config import load_config

    root = root.absolute()
    path = root / CONFIG_FILE
    if not path.is_file():
        raise KyrError(path, "not found", hint="Run kyr from the project folder or pass --root.")
    records = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(records)
    try:
        config = load_config(str(path), strict=True)  # as `kyr build` always is
    except exceptions.ConfigurationError as error:
        raise _config_file_error(root, error) from None
    except exceptions.Abort:
        raise _logged_error(root, records.lines) from None
    finally:
        logger.removeHandler(records)
    return project_from_config(config)


class _Collect(logging.Handler):
    """MkDocs' warnings and errors while loading, in the form of its build log."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(f"{record.levelname:<8} -  {record.getMessage()}")


def _default_settings() -> KyrConfig:
    settings = KyrConfig()
    settings.load_dict({})
    settings.validate()
    return settings


def _config_file_error(root: Path, error: exceptions.ConfigurationError) -> KyrError:
    """MkDocs wraps a YAML syntax error in a ConfigurationError, without the line."""
    path = shown_path(root / CONFIG_FILE, root)
    cause = error.__context__
    if isinstance(cause, yaml.YAMLError):
        return yaml_error(path, cause, "this file")
    if isinstance(cause, UnicodeDecodeError):
        return KyrError(path, f"not UTF-8 text ({cause.reason})", hint="Save it as UTF-8.")
    return KyrError(
        path,
        f"not a MkDocs configuration ({error})",
        hint="Compare it with the project's mkdocs.yml in version control.",
    )


def _logged_error(root: Path, lines: list[str]) -> KyrError:
    from kyr.publish.report import summarize

    path = root / CONFIG_FILE
    report = summarize("\n".join(lines), root, root / "docs", path)
    if not report.problems:
        return KyrError(
            path, "MkDocs could not load this file", hint="Run mkdocs build to see why."
        )
    return ProjectError(path, report.problems)


class ProjectError(KyrError):
    """Every problem MkDocs found in mkdocs.yml, one line each (already file:line: message)."""

    def __init__(self, path: Path, problems: list[str]) -> None:
        self.problems = problems
        super().__init__(path, problems[0])

    def __str__(self) -> str:
        return "\n".join(self.problems)
