"""The one project model: mkdocs.yml read through MkDocs' own loading, for every command and the
plugin alike (no build here, so these run in well under a second each)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kyr.errors import KyrError, shown_path
from kyr.languages import Language, Languages
from kyr.project import load_project
from tests.helpers import REPO


def test_the_real_project_loads_with_static_i18ns_languages():
    project = load_project(REPO)
    assert project.root == REPO.absolute()
    assert project.docs_dir == REPO / "docs"
    assert list(project.languages) == ["en", "es", "ko", "zh-Hant", "vi", "tl", "hy", "fa"]
    assert project.languages.default == Language("en", "English", default=True)
    assert project.languages.names == {
        "en": "English",
        "es": "Español",
        "ko": "한국어",
        "zh-Hant": "中文 (繁體)",
        "vi": "Tiếng Việt",
        "tl": "Tagalog",
        "hy": "Հայերեն",
        "fa": "فارسی",
    }
    assert project.partial_languages == ["ko", "zh-Hant", "vi", "tl", "hy", "fa"]
    assert project.contacts_file == REPO / "data" / "contacts.yml"
    assert project.translations_dir == REPO / "translations"
    assert project.shown(project.contacts_file) == "data/contacts.yml"


def test_languages_keep_the_default_first_and_one_default():
    languages = Languages([Language("es", "Español"), Language("en", "English", default=True)])
    assert languages.codes == ("en", "es")
    assert [lang.code for lang in languages.others] == ["es"]
    assert languages["es"].prefix == "es/" and languages.default.prefix == ""
    assert Languages.of({"en": "English", "fa": "فارسی"}, "en")["fa"].name == "فارسی"
    with pytest.raises(ValueError):
        Languages([Language("en", "English"), Language("es", "Español")])


def write_config(root: Path, text: str) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "docs").mkdir(exist_ok=True)
    (root / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text(text, encoding="utf-8")
    return root


def test_a_site_without_the_i18n_plugin_has_one_language(tmp_path: Path):
    root = write_config(tmp_path, "site_name: X\ntheme:\n  name: material\n  language: es\n")
    project = load_project(root)
    assert project.languages.codes == ("es",)
    assert project.contacts_file == root / "data" / "contacts.yml"  # the plugin's default


def test_a_yaml_error_names_the_file_and_line(tmp_path: Path):
    root = write_config(tmp_path, "site_name: X\nnav: [index.md\ntheme: material\n")
    with pytest.raises(KyrError) as raised:
        load_project(root)
    assert str(raised.value).startswith("mkdocs.yml:2: this file is not valid YAML")


def test_an_unknown_plugin_setting_fails_as_the_strict_build_does(tmp_path: Path):
    text = "site_name: X\ntheme:\n  name: material\nplugins:\n  - kyr:\n      contact_file: x\n"
    root = write_config(tmp_path, text)
    with pytest.raises(KyrError) as raised:
        load_project(root)
    assert str(raised.value).startswith("mkdocs.yml:6: [plugins.kyr.contact_file] unknown setting")


def test_a_missing_config_says_where_to_run(tmp_path: Path):
    with pytest.raises(KyrError) as raised:
        load_project(tmp_path)
    assert "mkdocs.yml: not found" in str(raised.value)
    assert "--root" in str(raised.value)


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/p/docs/a.md", "docs/a.md"),
        ("docs/a.md", "docs/a.md"),
        ("/elsewhere/a.md", "/elsewhere/a.md"),
        (Path("/p/data/contacts.yml"), "data/contacts.yml"),
    ],
)
def test_a_path_is_shown_as_the_maintainer_sees_it(path, expected):
    assert shown_path(path, Path("/p")) == expected
