"""kyr.pages.phones_in_text: typed phone numbers found, other numbers left alone."""

from __future__ import annotations

import pytest

from kyr.pages.phones_in_text import PhoneMatch, find_phone_numbers


@pytest.mark.parametrize(
    "number",
    [
        "213-555-0100",
        "(213) 555-0100",
        "213.555.0100",
        "2135550100",
        "+1 213 555 0100",
        "1-213-555-0100",
        "213\u2013555\u20130100",
        "1-888-6-CHIRLA",
        "1-866-DHS-2-ICE",
        "(800) FLOWERS",
    ],
)
def test_typed_numbers_are_found_whole(number: str):
    assert find_phone_numbers(f"Call {number} today.") == [PhoneMatch(1, 6, number)]


@pytest.mark.parametrize(
    "text",
    [
        "Form I-130 and I-485",
        "A-number 123456789",
        "Between 2019-2024 and 2025",
        "ZIP 90012",
        "Fees of $1,200.50 or 12345.6789",
        "Dial *699# or 211",
        "https://example.org/page?id=2135550100",
        "order 21355501001",
        "Date 2026-12-03",
    ],
)
def test_other_numbers_are_left_alone(text: str):
    assert find_phone_numbers(text) == []


def test_lines_and_columns_in_reading_order():
    text = "none here\nA 213-555-0100 and B 310-555-0199\n  (888) 555-0123"
    assert find_phone_numbers(text) == [
        PhoneMatch(2, 3, "213-555-0100"),
        PhoneMatch(2, 22, "310-555-0199"),
        PhoneMatch(3, 3, "(888) 555-0123"),
    ]
