"""kyr new-language names a language in itself, with a country only when the code has one."""

from __future__ import annotations

import pytest

from kyr.translation.new_language import display_name, parse_code


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("fr", "Français"),
        ("tl", "Filipino"),  # Babel reads tl as fil_PH: the country is not the code's
        ("ko", "한국어"),
        ("fa", "فارسی"),
        ("hy", "Հայերեն"),
        ("zh-Hant", "中文 (繁體)"),
        ("pt-BR", "Português (Brasil)"),
    ],
)
def test_language_names_in_their_own_script(code, name):
    assert display_name(parse_code(code), code) == name
