"""The build's guards, in one object the plugin calls from its events (no MkDocs import).

- Source files: every page is UTF-8 text under the size limit (kyr.pages.text_files), and every
  translation has its original (`x.es.md` needs `x.md`).
- Each page: front matter, field types, templates, unsafe content, phone links (kyr.checks.page);
  then the HTML it became (kyr.checks.safe_content.unsafe_tags).
- Translations: no phone link or web address their original lacks (kyr.checks.link_parity).
- Each built page: Content-Security-Policy and rel="noopener noreferrer"
  (kyr.output.security_policy).

Every method raises KyrError; the plugin turns it into MkDocs' PluginError.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kyr.checks.link_parity import PageLinks, page_links, parity_problems
from kyr.checks.page import page_problem
from kyr.checks.safe_content import HINT as UNSAFE_HINT
from kyr.checks.safe_content import unsafe_tags
from kyr.errors import KyrError, shown_path
from kyr.languages import neutral_source, source_language
from kyr.output.security_policy import add_rel_noopener, harden_page
from kyr.pages.html_tags import start_tags
from kyr.pages.text_files import read_page
from kyr.pages.yaml_lines import line_of


def theme_templates(theme_dirs: Iterable[str | Path]) -> set[str]:
    """Every template a page may name in `template:` (paths relative to a theme folder)."""
    found: set[str] = set()
    for folder in theme_dirs:
        base = Path(folder)
        found |= {path.relative_to(base).as_posix() for path in base.rglob("*.html")}
    return found


@dataclass
class Guard:
    root: Path
    docs_dir: Path
    site_url: str
    default: str
    codes: list[str]
    templates: Collection[str] | None = None
    # The offline download is opened from files, where Material's search runs its worker in an
    # about:blank frame with an inline script (iframe-worker): it carries no policy.
    policy: bool = True
    pending: Collection[str] = ()  # neutral pages allowed without every language (kyr config)
    links: dict[tuple[str, str], PageLinks] = field(default_factory=dict)

    def shown(self, path: Path) -> str:
        return shown_path(path, self.root)

    def check_sources(self, src_uris: Iterable[str]) -> None:
        """Before any page is read: readable text, size limit, no orphan translation."""
        src_uris = sorted(src for src in src_uris if src.endswith(".md"))
        for src in src_uris:
            path = self.docs_dir / src
            read_page(path, self.shown(path))
        known = set(src_uris) | set(self.pending)
        for src in src_uris:
            language = source_language(src, self.codes, self.default)
            original = neutral_source(src, self.codes)
            if language != self.default and original not in known:
                raise KyrError(
                    self.shown(self.docs_dir / src),
                    f"this translation has no original: docs/{original} does not exist",
                    hint=f"Add the {self.default} page docs/{original}, rename this file to "
                    f"match its original's name, or list {original} in the kyr plugin's "
                    "pending_translations.",
                )

    def check_page(self, source: str, shown: str) -> None:
        problem = page_problem(source, shown, self.templates)
        if problem is not None:
            raise problem

    def check_html(self, html: str, shown: str, code: str, src_uri: str, source: str = "") -> None:
        """The page's rendered content is safe; a page written in `code` has its links noted."""
        tags = start_tags(html)  # one parse for both rules
        unsafe = unsafe_tags(tags)
        if unsafe:
            raise KyrError(shown, f"unsafe content after rendering: {unsafe[0]}", hint=UNSAFE_HINT)
        if source_language(src_uri, self.codes, self.default) == code:
            neutral = neutral_source(src_uri, self.codes)
            self.links[(code, neutral)] = page_links(shown, source, tags)

    def check_translations(self) -> None:
        problems = parity_problems(self.links, self.default)
        if problems:
            raise problems[0]

    def harden(self, html: str, content: str = "") -> str:
        if not self.policy:
            return add_rel_noopener(html, self.site_url)
        return harden_page(html, self.site_url, content)


def check_theme_languages(
    config_file: Path, languages: dict[str, str | None], known: Callable[[str], str | None]
) -> None:
    """Each `theme.language` (setting -> code) must be set, and be one the theme has strings
    for; `known(code)` returns the theme's name for a code, or None. A missing one would give a
    language's pages the theme's English text and `<html lang="en">`; an unknown one would crash
    the build half-way with a missing template."""
    for setting, code in languages.items():
        if code is None:
            keys = setting.split(".")  # plugins.i18n.languages.<locale>.theme.language
            locale = keys[-3]
            raise KyrError(
                config_file.name,
                f"the language {locale!r} has no theme language",
                line=line_of(config_file, keys[:-3], value=locale),
                key=setting,
                hint=f"Add 'theme: {{language: {locale}}}' under it, as `kyr new-language` does.",
            )
        if known(code) != code:
            suggestion = known(code)
            hint = f"Use '{suggestion}'." if suggestion else "Use a code such as 'en' or 'es'."
            keys = setting.split(".")
            raise KyrError(
                config_file.name,
                f"the theme has no interface language {code!r}",
                line=line_of(config_file, keys[:-1], value=code),
                key=setting,
                hint=hint,
            )
