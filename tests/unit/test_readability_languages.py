"""Readability budgets beyond English and Spanish: sentence length in words, or in characters
for Chinese, and page length in characters where words are not spaced (no build)."""

from __future__ import annotations

import pytest

from kyr.checks.content import Rules, length_budget, within_budget
from kyr.checks.readability import Readability, length, measure


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("ko", "얼룩말이 초원에서 조용히 달립니다. 더 많은 글.", ("words per sentence", 3.5)),
        ("fa", "گورخرها در سکوت در دشت می‌دوند؟ متن بیشتر.", ("words per sentence", 4.0)),
        ("hy", "Զեբրերը լուռ վազում են։ Ավելի շատ տեքստ։", ("words per sentence", 3.5)),
        ("zh-Hant", "斑馬在草原上安靜地奔跑。更多文字。", ("characters per sentence", 7.5)),
        ("vi", "Ngựa vằn chạy lặng lẽ.\nThêm chữ!", ("words per sentence", 3.5)),
    ],
)
def test_sentence_length_is_the_measure_where_no_formula_exists(language, text, expected):
    assert measure(text, language) == expected


def test_budgets_follow_the_measure():
    rules = Rules(languages=["en", "zh-Hant", "ko"])
    long_zh = Readability("p.zh-Hant.md", "zh-Hant", 1400, "characters per sentence", 41.0)
    assert not within_budget(long_zh, rules) and length_budget(long_zh, rules) == 1300
    short_ko = Readability("p.ko.md", "ko", 600, "words per sentence", 12.0)
    assert within_budget(short_ko, rules) and length_budget(short_ko, rules) == 650
    assert not within_budget(Readability("p.ko.md", "ko", 10, "words per sentence", 21.0), rules)
    assert length("斑馬 在草原", "zh-Hant") == 5 and length("두 단어", "ko") == 2
