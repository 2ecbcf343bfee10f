"""Any language end to end, on a fixture site with nine: right to left (Persian, and Arabic
added here with `kyr new-language`), Chinese characters, Korean, Armenian, Vietnamese and Tagalog
(the real site's, kept by the copy), built strictly with PDFs. Pages read in their direction
with phone numbers kept readable, the PDFs carry the glyphs and give back the text, search finds
a word of each language, and the language menu fits a 320 px screen. (The texts are test
sentences, not site content.)"""

from __future__ import annotations

import json
import re
import subprocess
import zipfile
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po

from kyr.project import load_project
from tests.helpers import FIXTURES, make_project, run_kyr, search, serve

# code -> (name given to kyr new-language or None for Babel's, the page's first line, a body
# sentence, a word of that sentence to search for)
LANGUAGES = {
    "fa": (None, "درباره سایت آزمایشی", "گورخرها در سکوت در دشت می‌دوند.", "گورخرها"),
    "ko": (None, "시험 사이트 소개", "얼룩말이 초원에서 조용히 달립니다.", "얼룩말이"),
    "hy": (None, "Փորձնական կայքի մասին", "Զեբրերը լուռ վազում են հարթավայրում։", "զեբրերը"),
    "zh-Hant": (None, "關於測試網站", "斑馬在草原上安靜地奔跑。", "斑馬"),
    "vi": (None, "Giới thiệu trang thử nghiệm", "Ngựa vằn chạy lặng lẽ trên thảo nguyên.", "ngựa"),
    "tl": (
        "Tagalog",
        "Tungkol sa pansubok na site",
        "Tahimik na tumatakbo ang mga sebra.",
        "sebra",
    ),
    "ar": (None, "عن موقع التجربة", "تركض الحمير الوحشية بهدوء في السهل.", "الحمير"),
}
FONTCONFIG_LANG = {"zh-Hant": "zh-tw"}  # fontconfig's name for Traditional Chinese
BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
CARD = """\
---
title: {title}
description: A wallet card.
template: redcard.html
---

# {title}

- {line}
"""


def fill_catalog(po: Path, code: str) -> None:
    """Every interface string 'translated' as its English text: the build requires a complete
    catalog once a language has a page, and these tests are about scripts, not wording."""
    with po.open("rb") as handle:
        catalog = read_po(handle, locale=code.replace("-", "_"))
    for message in catalog:
        if not message.id:
            continue
        if message.pluralizable:
            message.string = tuple(message.id[-1] for _ in range(catalog.num_plurals))
        else:
            message.string = message.id
    with po.open("wb") as handle:
        write_po(handle, catalog)


def page(title: str, sentence: str) -> str:
    return f"---\ntitle: {title}\ndescription: {title}\n---\n\n# {title}\n\n{sentence}\n"


@pytest.fixture(scope="module")
def eight(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_project(tmp_path_factory.mktemp("eight") / "site", FIXTURES / "mini" / "docs")
    docs = root / "docs"
    (docs / "card.md").write_text(CARD.format(title="Know your rights", line="Stay silent."))
    published = set(load_project(root).languages)  # the real site's, which the copy keeps
    for code, (name, title, sentence, _) in LANGUAGES.items():
        if code not in published:
            args = ["new-language", code] + (["--name", name] if name else [])
            result = run_kyr(root, *args)
            assert result.returncode == 0, result.stdout + result.stderr
            assert "WARNING" not in result.stdout + result.stderr  # e.g. Babel on plural forms
            rtl = "right to left" if code in ("fa", "ar") else "left to right"
            assert f"Set up for you: pages {rtl}" in result.stdout, result.stdout
            fill_catalog(root / "translations" / code / "LC_MESSAGES" / "messages.po", code)
        (docs / f"about.{code}.md").write_text(page(title, sentence), encoding="utf-8")
        card = CARD.format(title=title, line=sentence)
        (docs / f"card.{code}.md").write_text(card, encoding="utf-8")
    result = run_kyr(root, "build")
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


def html(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def test_persian_reads_right_to_left_with_numbers_kept_left_to_right(eight: Path):
    text = html(eight, "fa/about")
    assert re.search(r'<html lang="fa"', text) and re.search(r'<body dir="rtl"', text)
    # The hotline's number in the help bar keeps its own order inside right-to-left text.
    assert re.search(r'class="kyr-help-bar__number" dir="ltr"', text)
    # The card's back is English for the agent: left to right on a Persian page.
    assert re.search(r'kyr-redcard__back" lang="en" dir="ltr"', html(eight, "fa/card"))
    assert re.search(r'<body dir="ltr"', html(eight, "ko/about"))
    # Arabic, new to the site, is set up right to left by `kyr new-language` alone.
    assert re.search(r'<body dir="rtl"', html(eight, "ar/about"))


def test_a_right_to_left_card_puts_its_bullets_on_the_right(browser, eight: Path):
    with serve(eight) as base:
        page = browser.new_page(viewport={"width": 390, "height": 844})
        page.goto(f"{base}fa/card/")
        margins = page.evaluate(
            "() => { const s = getComputedStyle(document.querySelector("
            "'.kyr-redcard__front ul')); return [s.marginLeft, s.marginRight]; }"
        )
        page.close()
    assert margins[0] == "0px" and margins[1] != "0px", margins


@pytest.mark.parametrize("code", ["fa", "ar", "ko", "hy", "zh-Hant"])
def test_red_cards_print_with_real_glyphs_and_give_back_their_text(eight: Path, code: str):
    pdf = eight / "pdf" / f"card-{code}.pdf"
    assert pdf.is_file(), sorted(p.name for p in (eight / "pdf").iterdir())
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    # pdftotext marks right-to-left runs with bidi controls, and keeps the text without them.
    flat = " ".join(BIDI_CONTROLS.sub("", text).split())
    _, title, sentence, _ = LANGUAGES[code]
    for expected in (title, sentence):
        assert expected in flat, (code, flat)
    # The system has a font for the script (the README's commands install Debian's Noto), and
    # the PDF embeds more than the Latin text font: the script's glyphs, named or as Type 3.
    assert subprocess.run(
        ["fc-list", f":lang={FONTCONFIG_LANG.get(code, code)}"], capture_output=True, text=True
    ).stdout.strip(), code
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
    others = [line for line in fonts.splitlines()[2:] if "Liberation" not in line]
    assert others, fonts


@pytest.mark.parametrize("code", list(LANGUAGES))
def test_search_finds_a_page_by_a_word_of_its_language(browser, eight: Path, code: str):
    *_, word = LANGUAGES[code]
    with serve(eight) as base:
        page = browser.new_page(viewport={"width": 390, "height": 844})
        page.goto(f"{base}{code}/about/")
        found = search(page, word)
        page.close()
    assert any(link.endswith(f"{code}/about/") for link in found), (code, word, found)


def test_the_language_menu_fits_a_320_px_screen(browser, eight: Path):
    with serve(eight) as base:
        page = browser.new_page(viewport={"width": 320, "height": 568})
        page.goto(f"{base}fa/about/")
        page.locator(".md-content .kyr-lang-menu summary").click()
        names = page.locator(".md-content .kyr-lang-switch a[hreflang]").all_text_contents()
        assert len(names) == len(LANGUAGES) + 1 and "한국어" in names
        assert names[:2] == ["English", "Español"]
        width = page.evaluate("document.documentElement.scrollWidth")
        boxes = page.evaluate(
            "() => [...document.querySelectorAll('.md-content .kyr-lang-switch a')].map(a => {"
            " const r = a.getBoundingClientRect(); return [r.left, r.right]; })"
        )
        page.close()
    assert width <= 320 and all(left >= 0 and right <= 320 for left, right in boxes), boxes


def test_every_language_has_its_404_sitemap_entries_offline_pages_and_download(eight: Path):
    codes = ["en", "es", *LANGUAGES]
    prefixes = {code: "" if code == "en" else f"{code}/" for code in codes}
    for code, prefix in prefixes.items():
        assert (eight / prefix / "404.html").is_file(), code
        assert (eight / prefix / "search" / "search_index.json").is_file(), code
    sitemap = (eight / "sitemap.xml").read_text(encoding="utf-8")
    for code in LANGUAGES:
        assert f'hreflang="{code}"' in sitemap and f"/{code}/about/" in sitemap, code
    worker = (eight / "sw.js").read_text(encoding="utf-8")
    pages = json.loads(re.search(r"const PAGES = (\{.*?\n\});", worker, re.S).group(1))
    assert sorted(pages) == sorted(codes)
    for code in LANGUAGES:
        assert f"{code}/about/" in pages[code], code
    with zipfile.ZipFile(eight / "download" / "know-your-rights-la.zip") as archive:
        names = set(archive.namelist())
    for code in LANGUAGES:
        assert any(name.endswith(f"{code}/about.html") for name in names), code
