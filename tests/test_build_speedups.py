"""The two build speed-ups give the same results as the code they stand in for.

kyr.compat.i18n_files replaces static-i18n's per-file function; kyr.compat.template_cache shares
compiled templates between the language builds. Both are measured by `make bench`, not here.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from jinja2 import DictLoader, Environment
from mkdocs.structure.files import File
from mkdocs_static_i18n import suffix

from kyr.compat import coupling
from kyr.compat.template_cache import SharedTemplateCache
from tests.helpers import REPO, Build

# Names that take every branch of static-i18n's function, and some that take none.
EDGE_NAMES = [
    "index.md", "index.es.md", "README.md", "README.es.md", "a/README.es.md", "a/index.es.md",
    "a/b.es.md", "a/b.md", "img.es.png", "img.png", "a/img.fr.png", "v1.2/page.es.md",
    "x.y.z.md", "x.y.es.md", "a.b/index.es.md", "page.en.md", "page.xx.md", "page.pt-BR.md",
    "page.pt_BR.md", "page.zh-Hant-TW.md", "page.ES.md", "CNAME", "CNAME.es", "es.md",
    "es/es.es.md", "index/index.es.md", "README/x.es.md", "a/index/b.es.md", "a b/c d.es.md",
    "ñ/página.es.md", "a/.hidden.es.md", "a./b.es.md", ".es.md", "a..b.es.md",
]  # fmt: skip
I18N_ATTRIBUTES = [
    "src_uri", "src_dir", "dest_uri", "dest_path", "abs_dest_path", "url", "name", "inclusion",
    "use_directory_urls", "locale", "locale_alternate_of", "localization", "norm_src_uri",
]  # fmt: skip


def project_file_names() -> list[str]:
    docs = REPO / "docs"
    return sorted(path.relative_to(docs).as_posix() for path in docs.rglob("*") if path.is_file())


@pytest.fixture(scope="module")
def fast_and_original():
    coupling.speed_up_static_i18n()
    fast = suffix.create_i18n_file
    assert fast is not getattr(fast, "original", fast), "static-i18n 1.3.1 is pinned"
    return fast, fast.original


@pytest.mark.parametrize("use_directory_urls", [True, False])
@pytest.mark.parametrize("current", ["en", "es", "fr"])
def test_fast_i18n_file_equals_static_i18n_original(fast_and_original, use_directory_urls, current):
    fast, original = fast_and_original
    config = SimpleNamespace(
        docs_dir="/p/docs", site_dir="/p/site", use_directory_urls=use_directory_urls
    )
    names = project_file_names() + EDGE_NAMES
    assert len(names) > 60
    for name in names:
        file = File(name, "/p/docs", "/p/site", use_directory_urls)
        want = original(file, current, "en", ["en", "es", "fr"], config)
        got = fast(file, current, "en", ["en", "es", "fr"], config)
        for attribute in I18N_ATTRIBUTES:
            assert getattr(got, attribute) == getattr(want, attribute), (name, attribute)
        assert list(got.alternates) == list(want.alternates) == [current]
        assert got.alternates[current] is got


def test_the_real_build_uses_the_fast_function(mini_site: Build):
    # A build in this process installs it, as `mkdocs build` does in its own.
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    suffix.create_i18n_file = getattr(suffix.create_i18n_file, "original", suffix.create_i18n_file)
    config = load_config(str(mini_site.root / "mkdocs.yml"), site_dir=str(mini_site.root / "again"))
    build(config)
    assert hasattr(suffix.create_i18n_file, "original")
    assert (mini_site.root / "again" / "es" / "about" / "index.html").is_file()


def environment(cache: SharedTemplateCache, templates: dict[str, str], **options) -> Environment:
    env = Environment(loader=DictLoader(templates), **options)
    cache.install(env)
    return env


def test_template_cache_compiles_once_for_environments_set_up_alike():
    cache = SharedTemplateCache()
    templates = {"page.html": "{{ greeting }}, {{ name }}!"}
    first = environment(cache, templates)
    assert first.get_template("page.html").render(greeting="Hello", name="Ana") == "Hello, Ana!"
    assert len(cache.compiled) == 1
    second = environment(cache, templates)
    second.globals["greeting"] = "Hola"
    assert second.get_template("page.html").render(name="Ana") == "Hola, Ana!"
    assert len(cache.compiled) == 1


def test_template_cache_recompiles_a_changed_template():
    cache = SharedTemplateCache()
    environment(cache, {"page.html": "old"}).get_template("page.html")
    assert environment(cache, {"page.html": "new"}).get_template("page.html").render() == "new"


def test_template_cache_keeps_environments_set_up_differently_apart():
    cache = SharedTemplateCache()
    templates = {"page.html": "{% for x in items %}\n{{ x }}{% endfor %}"}
    plain = environment(cache, templates).get_template("page.html").render(items=[1, 2])
    trimmed = environment(cache, templates, trim_blocks=True).get_template("page.html")
    assert trimmed.render(items=[1, 2]) == "12" != plain
    i18n = {"t.html": "{% trans %}Hi{% endtrans %}"}
    with_i18n = environment(cache, i18n, extensions=["jinja2.ext.i18n"])
    with_i18n.install_null_translations()
    assert with_i18n.get_template("t.html").render() == "Hi"
    assert len(cache.compiled) == 3


def test_template_cache_is_not_used_when_autoescape_is_decided_per_template():
    cache = SharedTemplateCache()
    env = environment(cache, {"page.html": "x"}, autoescape=lambda name: True)
    assert env.bytecode_cache is None
