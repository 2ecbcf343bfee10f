"""The encounter page (docs/encounter.md) in real headless Chromium on the real site: one tap
from home and from the help bar, the card full screen at phone sizes, each statement played,
the message to family, the hotline, nothing sent anywhere, and all of it with the network off."""

from __future__ import annotations

import gzip
import re
from urllib.parse import unquote

import pytest

from kyr.encounter.phrases import load_phrases
from kyr.project import load_project
from tests.helpers import FIXTURES, REPO, Build, make_project, run_kyr

PROJECT = load_project(REPO)
PHRASES = load_phrases(PROJECT.phrases_file, list(PROJECT.languages), "data/phrases.yml")
HOTLINE = ("tel:+18886244752", "(888) 624-4752")  # data/contacts.yml, tagged 'emergency'
SIZES = [(320, 568), (390, 844), (568, 320)]  # small phone, common phone, landscape


def local_only(context, base: str) -> list[str]:
    """Every request the pages make to another host is refused and listed."""
    outside: list[str] = []

    def route(route):
        if route.request.url.startswith(base):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", route)
    return outside


@pytest.mark.parametrize("prefix", ["", "es/"])
def test_one_tap_from_home_and_from_the_help_bar(phone, real_url, prefix):
    page = phone.new_page()
    page.goto(real_url + prefix)
    page.locator(".md-content a.md-button--primary").click()
    assert page.url == real_url + prefix + "encounter/"
    page.goto(real_url + prefix + "rights/at-work/")
    page.locator(".kyr-help-bar a.kyr-help-bar__card").click()
    assert page.url == real_url + prefix + "encounter/"


@pytest.mark.parametrize("prefix", ["", "es/"])
@pytest.mark.parametrize(("width", "height"), SIZES)
def test_the_card_fills_the_screen_and_every_word_is_visible(
    browser, real_url, prefix, width, height
):
    page = browser.new_page(viewport={"width": width, "height": height})
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(real_url + prefix + "encounter/")
    page.locator(".kyr-card__show").click()
    card = page.locator("#kyr-card")
    statements = card.locator("li").all_text_contents()
    assert statements == [PHRASES.texts[i]["en"] for i in PHRASES.card]
    fit = page.evaluate(
        """() => {
          const card = document.getElementById('kyr-card');
          const box = card.getBoundingClientRect();
          const items = [...card.querySelectorAll('li, .kyr-card__close')].map(e => {
            const r = e.getBoundingClientRect();
            return r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth;
          });
          return {
            covers: box.top <= 0 && box.left <= 0 && box.bottom >= innerHeight
              && box.right >= innerWidth,
            overflows: card.scrollHeight > card.clientHeight || card.scrollWidth > card.clientWidth,
            visible: items,
            size: parseFloat(getComputedStyle(card).fontSize),
          };
        }"""
    )
    assert fit["covers"] and not fit["overflows"] and all(fit["visible"]), fit
    assert fit["size"] >= 18, fit  # large type, not squeezed to fit
    # The screen is kept awake where the browser allows it, with no error where it doesn't.
    assert errors == []
    page.locator(".kyr-card__close").click()
    assert "kyr-card--full" not in (card.get_attribute("class") or "")
    page.close()


def played(page, button) -> dict:
    """Click a play button; the file the page's audio element then plays, and its duration."""
    button.click()
    page.wait_for_function(
        "() => { const a = document.querySelector('.kyr-audio');"
        " return a.currentTime > 0 && a.duration > 0; }"
    )
    return page.evaluate(
        "() => { const a = document.querySelector('.kyr-audio');"
        " return {src: a.currentSrc, duration: a.duration, paused: a.paused}; }"
    )


@pytest.mark.parametrize("prefix", ["", "es/"])
def test_each_statement_plays_in_english_and_in_the_readers_language(phone, real_url, prefix):
    outside = local_only(phone, real_url)
    page = phone.new_page()
    page.goto(real_url + prefix + "encounter/")
    code = "es" if prefix else "en"
    items = page.locator(".kyr-practise > li")
    assert items.count() == len(PHRASES.card)
    for index, phrase_id in enumerate(PHRASES.card):
        buttons = items.nth(index).locator("button.kyr-play")
        # Headless Chromium has no speech voices: the build's audio files play.
        english = played(page, buttons.first)
        assert english["src"].endswith(f"audio/en/{phrase_id}.mp3")
        assert 1 < english["duration"] < 15
        if code != "en":
            meaning = played(page, buttons.nth(1))
            assert meaning["src"].endswith(f"audio/{code}/{phrase_id}.mp3")
            assert 1 < meaning["duration"] < 15
        else:
            assert buttons.count() == 1
    assert outside == []


@pytest.mark.parametrize("prefix", ["", "es/"])
def test_the_family_message_and_the_hotline(real_site: Build, prefix):
    soup = real_site.html(prefix + "encounter/")
    code = "es" if prefix else "en"
    expected = PHRASES.family_message[code].replace("{hotline}", HOTLINE[1])
    assert soup.select_one(".kyr-family__text").get_text(strip=True) == expected
    sms = soup.select_one("a.kyr-family__sms")["href"]
    assert sms.startswith("sms:?&body=") and unquote(sms.split("body=", 1)[1]) == expected
    whatsapp = soup.select_one("a.kyr-family__whatsapp")["href"]
    assert unquote(whatsapp.split("text=", 1)[1]) == expected
    assert soup.select_one("a.kyr-encounter__call")["href"] == HOTLINE[0]
    # Nothing is collected: no form, no location, no contact list.
    html = str(soup)
    assert soup.select(".md-content form, .md-content input") == []
    assert not re.search(r"geolocation|navigator\.contacts", html)


def test_the_encounter_page_works_in_airplane_mode_after_a_first_visit(
    phone, real_url, real_site: Build
):
    page = phone.new_page()
    page.goto(real_url + "es/", wait_until="networkidle")
    page.locator(".kyr-toast").wait_for(timeout=30_000)  # every Spanish page is saved
    phone.set_offline(True)
    response = page.goto(real_url + "es/encounter/")
    assert response is not None and response.ok
    page.locator(".kyr-card__show").click()
    assert page.locator("#kyr-card.kyr-card--full").is_visible()
    page.locator(".kyr-card__close").click()
    buttons = page.locator(".kyr-practise > li").first.locator("button.kyr-play")
    assert played(page, buttons.first)["duration"] > 1  # English, for the agent
    assert played(page, buttons.nth(1))["duration"] > 1  # Spanish, to practise
    assert page.locator("a.kyr-encounter__call").get_attribute("href") == HOTLINE[0]
    # Safari plays audio only from byte ranges: the saved file answers one (206).
    answer = page.evaluate(
        """async () => {
          const response = await fetch('../../audio/es/remain-silent.mp3',
                                       {headers: {Range: 'bytes=10-109'}});
          const body = await response.arrayBuffer();
          return [response.status, response.headers.get('Content-Range'), body.byteLength];
        }"""
    )
    size = (real_site.site / "audio" / "es" / "remain-silent.mp3").stat().st_size
    assert answer == [206, f"bytes 10-109/{size}", 100]


def test_the_help_bar_fits_a_320_px_screen(browser, real_url):
    page = browser.new_page(viewport={"width": 320, "height": 568})
    for path in ("", "es/", "es/rights/at-home/", "encounter/"):
        page.goto(real_url + path)
        boxes = page.evaluate(
            "() => [...document.querySelectorAll('.kyr-help-bar > *')].map(e => {"
            " const r = e.getBoundingClientRect(); return [e.className, r.left, r.right]; })"
        )
        assert boxes and all(left >= 0 and right <= 320 for _, left, right in boxes), (path, boxes)
    page.close()


def test_first_view_and_audio_stay_within_budget(real_site: Build):
    """The encounter page's first view (page, styles, scripts) under 30 KB compressed; all the
    audio a language's reader may play (English and their own) under 300 KB."""
    for prefix, code in (("", "en"), ("es/", "es")):
        page = real_site.site / prefix / "encounter" / "index.html"
        html = page.read_text(encoding="utf-8")
        assets = re.findall(r'(?:href|src)="([^"]+\.(?:css|js))"', html)
        files = [page] + [(page.parent / a.split("?")[0]).resolve() for a in assets]
        size = sum(len(gzip.compress(f.read_bytes(), 9)) for f in files)
        assert size < 30_000, (prefix, size)
        audio = {
            *real_site.site.glob("audio/en/*.mp3"),
            *real_site.site.glob(f"audio/{code}/*.mp3"),
        }
        assert len(audio) == len(PHRASES.card) * (1 if code == "en" else 2)
        assert sum(a.stat().st_size for a in audio) < 300_000


@pytest.mark.parametrize("prefix", ["", "es/"])
def test_card_and_say_boxes_take_their_words_from_the_one_phrases_file(real_site: Build, prefix):
    code = "es" if prefix else "en"
    card = [PHRASES.texts[i]["en"] for i in PHRASES.card]
    back = real_site.html(prefix + "red-card/").select(".kyr-redcard__back p")
    assert [p.get_text(strip=True) for p in back] == card
    shown = real_site.html(prefix + "encounter/").select("#kyr-card li")
    assert [li.get_text(strip=True) for li in shown] == card
    said = {texts["en"]: texts.get(code, "") for texts in PHRASES.texts.values()}
    boxes = real_site.html(prefix + "what-to-say/").select(".md-content .admonition.say")
    assert len(boxes) == 5
    for box in boxes:
        paragraphs = box.select(":scope > p:not(.admonition-title)")
        step = 2 if code != "en" else 1
        for index in range(0, len(paragraphs), step):
            english = paragraphs[index].get_text(strip=True).strip('"')
            assert english in said, english
            if code != "en":
                assert paragraphs[index + 1].get_text(strip=True) == said[english]


def test_kyr_parity_refuses_a_meaning_that_adds_a_number(tmp_path):
    root = make_project(tmp_path / "site", FIXTURES / "mini" / "docs")
    phrases = root / "data" / "phrases.yml"
    text = phrases.read_text(encoding="utf-8")
    assert "es: Quiero hablar con un abogado." in text
    phrases.write_text(
        text.replace("es: Quiero hablar con un abogado.", "es: Quiero un abogado, llame al 911."),
        encoding="utf-8",
    )
    result = run_kyr(root, "parity")
    assert result.returncode == 1
    assert "data/phrases.yml:" in result.stderr and "[phrases.want-lawyer.es]" in result.stderr
    assert "Traceback" not in result.stderr


# A stand-in for the Screen Wake Lock API, recording what the page asks of it.
FAKE_WAKE_LOCK = """
window.wakeCalls = [];
Object.defineProperty(Navigator.prototype, 'wakeLock', {configurable: true, get: () => ({
  request: type => {
    wakeCalls.push(type);
    return Promise.resolve({
      release: () => { wakeCalls.push('release'); return Promise.resolve(); },
      addEventListener: () => {},
    });
  },
})});
"""


def test_the_screen_stays_awake_while_the_card_is_shown(browser, real_url):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    context.add_init_script(FAKE_WAKE_LOCK)
    page = context.new_page()
    page.goto(real_url + "encounter/")
    page.locator(".kyr-card__show").click()
    page.wait_for_function("() => wakeCalls.length === 1")
    page.locator(".kyr-card__close").click()
    page.wait_for_function("() => wakeCalls.length === 2")
    assert page.evaluate("wakeCalls") == ["screen", "release"]
    context.close()


def test_without_wake_lock_the_card_still_shows_with_no_error(browser, real_url):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    context.add_init_script("delete Navigator.prototype.wakeLock;")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(real_url + "encounter/")
    assert page.evaluate("'wakeLock' in navigator") is False
    page.locator(".kyr-card__show").click()
    assert page.locator("#kyr-card.kyr-card--full").is_visible()
    assert errors == []
    context.close()
