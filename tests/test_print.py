"""Flyers, red cards and their PDFs: built by `kyr build`, checked with pypdf, poppler and zxing."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import zxingcpp
from bs4 import BeautifulSoup
from pypdf import PdfReader

from kyr.contacts.load import load_contacts
from kyr.printing.printables import is_local_address
from tests.helpers import FIXTURE_SITE_URL, REPO, make_project, run_kyr

FLYERS = ["door", "public-work", "detained", "family-plan", "who-to-call"]
LETTER, A4, CARD = (612, 792), (595, 842), (252, 144)
CHROME = ["Skip to content", "Initializing search", "Made with", "Glossary", "Glosario"]


def pdf_of(site: Path, name: str) -> PdfReader:
    return PdfReader(site / "pdf" / name)


def sizes(reader: PdfReader) -> list[tuple[int, int]]:
    return [(round(page.mediabox.width), round(page.mediabox.height)) for page in reader.pages]


def text(reader: PdfReader) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def qr_codes(pdf: Path, page: int = 1) -> list[str]:
    """Rasterize one page at 150 dpi (as a phone camera would see print) and decode QR codes."""
    raster = subprocess.run(
        ["pdftoppm", "-r", "150", "-gray", "-f", str(page), "-l", str(page), str(pdf)],
        capture_output=True, check=True,
    ).stdout  # fmt: skip
    magic, dims, _, pixels = raster.split(b"\n", 3)
    assert magic == b"P5"
    width, height = map(int, dims.split())
    image = memoryview(pixels).cast("B", shape=[height, width])
    return [code.text for code in zxingcpp.read_barcodes(image)]


def smallest_text_pt(pdf: Path) -> float:
    """The smallest word height on the first page (poppler's bounding boxes, in points)."""
    html = subprocess.run(
        ["pdftotext", "-bbox", "-f", "1", "-l", "1", str(pdf), "-"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    words = BeautifulSoup(html, "html.parser").find_all("word")
    return min(float(w["ymax"]) - float(w["ymin"]) for w in words if w.get_text().strip())


@pytest.mark.parametrize("slug", FLYERS)
@pytest.mark.parametrize("lang", ["en", "es"])
def test_flyer_is_one_page_on_letter_and_on_a4(printed: Path, slug: str, lang: str):
    assert sizes(pdf_of(printed, f"{slug}-{lang}-letter.pdf")) == [LETTER]
    assert sizes(pdf_of(printed, f"{slug}-{lang}-a4.pdf")) == [A4]


@pytest.mark.parametrize("slug", FLYERS)
def test_bilingual_flyer_has_english_then_spanish(printed: Path, slug: str):
    reader = pdf_of(printed, f"{slug}-bilingual-letter.pdf")
    assert sizes(reader) == [LETTER, LETTER]
    assert "Know Your Rights L.A." in reader.pages[0].extract_text()
    assert "Conozca sus derechos L.A." in reader.pages[1].extract_text()


@pytest.mark.parametrize("slug", FLYERS)
@pytest.mark.parametrize("lang", ["en", "es"])
def test_flyer_content_language_title_and_no_chrome(printed: Path, slug: str, lang: str):
    reader = pdf_of(printed, f"{slug}-{lang}-letter.pdf")
    body = text(reader)
    site_name = "Know Your Rights L.A." if lang == "en" else "Conozca sus derechos L.A."
    assert site_name in body
    assert "(888) 624-4752" in body  # the rapid-response hotline, from the contacts data
    assert ("Last reviewed" if lang == "en" else "Última revisión") in body
    assert not [word for word in CHROME if word in body]
    assert reader.trailer["/Root"]["/Lang"] == lang
    assert reader.trailer["/Root"].get("/StructTreeRoot") is not None  # tagged
    assert reader.metadata.title.endswith(site_name)


@pytest.mark.parametrize("slug", FLYERS)
@pytest.mark.parametrize("lang", ["en", "es"])
def test_flyer_qr_code_opens_the_page(printed: Path, slug: str, lang: str):
    prefix = "" if lang == "en" else "es/"
    url = f"{FIXTURE_SITE_URL}{prefix}flyers/{slug}/"
    assert qr_codes(printed / "pdf" / f"{slug}-{lang}-letter.pdf") == [url]
    printed_url = url.removeprefix("https://").rstrip("/")
    assert printed_url in text(pdf_of(printed, f"{slug}-{lang}-letter.pdf")).replace(" ", "")


@pytest.mark.parametrize("lang", ["en", "es"])
def test_flyer_type_is_large(printed: Path, lang: str):
    # A 12 pt font gives word boxes of about 13.4 pt in poppler's output (Liberation Sans).
    assert smallest_text_pt(printed / "pdf" / f"door-{lang}-letter.pdf") >= 13.3


@pytest.mark.parametrize("lang", ["en", "es"])
def test_red_card_is_front_and_back_of_a_wallet_card(printed: Path, lang: str):
    reader = pdf_of(printed, f"red-card-{lang}.pdf")
    assert sizes(reader) == [CARD, CARD]
    front, back = (" ".join(page.extract_text().split()) for page in reader.pages)
    assert ("Know your rights" if lang == "en" else "Conozca sus derechos") in front
    assert "5th Amendment" in back and "4th Amendment" in back and "warrant" in back
    assert reader.trailer["/Root"]["/Lang"] == lang


@pytest.mark.parametrize("lang", ["en", "es"])
def test_red_card_sheet_has_ten_cards_per_side(printed: Path, lang: str):
    reader = pdf_of(printed, f"red-card-{lang}-sheet-letter.pdf")
    assert sizes(reader) == [LETTER, LETTER]
    heading = "Know your rights" if lang == "en" else "Conozca sus derechos"
    assert reader.pages[0].extract_text().count(heading) == 10
    assert reader.pages[1].extract_text().count("5th Amendment") == 10


def test_flyer_pages_link_to_their_pdfs(printed: Path):
    for lang, prefix in (("en", ""), ("es", "es/")):
        page = printed / prefix / "flyers/door/index.html"
        links = BeautifulSoup(page.read_text(), "html.parser").select(".kyr-pdfs a")
        targets = {(page.parent / link["href"]).resolve() for link in links}
        expected = {f"door-{lang}-letter.pdf", f"door-{lang}-a4.pdf", "door-bilingual-letter.pdf"}
        assert {path.name for path in targets} == expected
        assert all(path.is_file() for path in targets)


def test_print_page_lists_every_printable_with_preview(printed: Path):
    for prefix in ("", "es/"):
        page = printed / prefix / "flyers/index.html"
        soup = BeautifulSoup(page.read_text(), "html.parser")
        items = soup.select("li.kyr-printable")
        assert len(items) == len(FLYERS) + 1  # and the red card
        for item in items:
            preview = (page.parent / item.select_one("img")["src"]).resolve()
            assert preview.is_file() and preview.suffix == ".jpg"
            pdfs = item.select(":scope div > ul a")
            assert pdfs and all((page.parent / a["href"]).resolve().is_file() for a in pdfs)
            title = item.select_one("h2 a")
            assert (page.parent / title["href"] / "index.html").resolve().is_file()


def test_guidance_pages_have_a_print_button(printed: Path):
    soup = BeautifulSoup((printed / "rights/at-home/index.html").read_text(), "html.parser")
    assert soup.select_one("button.kyr-print-button") is not None


def test_a_contacts_caution_is_printed_wherever_the_screen_shows_it(printed: Path):
    """E.g. "Run by ICE" on the detained flyer: print CSS hides a card's details, not this."""
    cautions = {
        c.id: c.caution
        for c in load_contacts(printed.parent / "data" / "contacts.yml", languages=("en", "es"))
    }
    checked = 0
    for slug in FLYERS:
        for lang in ("en", "es"):
            page = printed / ("" if lang == "en" else "es") / "flyers" / slug
            soup = BeautifulSoup((page / "index.html").read_text(encoding="utf-8"), "html.parser")
            body = text(pdf_of(printed, f"{slug}-{lang}-letter.pdf"))
            for card in soup.select(".kyr-contact[data-contact], .kyr-hotline[data-contact]"):
                caution = cautions[card["data-contact"]]
                if caution:
                    shown = card.select_one(".kyr-contact__caution").get_text(" ", strip=True)
                    assert shown == caution[lang]
                    assert " ".join(caution[lang].split()) in body, (slug, lang)
                    checked += 1
    assert checked, "no flyer shows a contact with a caution (the detained flyer should)"


def test_every_print_page_offers_every_languages_printables_own_language_first(printed: Path):
    """Volunteers printing in English are often printing for Spanish speakers."""
    for prefix, own, other in (("", "en", "es"), ("es/", "es", "en")):
        page = printed / prefix / "flyers/index.html"
        soup = BeautifulSoup(page.read_text(), "html.parser")
        for item in soup.select("li.kyr-printable"):
            hrefs = [a["href"] for a in item.select("a[href$='.pdf']")]
            names = [Path(h).name for h in hrefs]
            mine = [i for i, n in enumerate(names) if f"-{own}" in n]
            theirs = [i for i, n in enumerate(names) if f"-{other}" in n]
            assert mine and theirs, names
            assert max(mine) < min(theirs), names  # its own language first
            assert all((page.parent / h).resolve().is_file() for h in hrefs)
            for link in item.select(f".kyr-printable__others a[hreflang='{other}']"):
                assert f"-{other}" in link["href"]
            label = item.select_one(f".kyr-printable__others [lang='{other}']")
            assert label is not None and label.get_text(strip=True) in ("English", "Español")


@pytest.mark.pdf
@pytest.mark.slow
def test_pdfs_for_this_computer_are_flagged_loudly(tmp_path: Path):
    """Without SITE_URL the QR codes point to 127.0.0.1: `kyr build` warns and the Print page
    says the PDFs are for testing only. With SITE_URL set (the `printed` site), neither."""
    card = (REPO / "docs" / "red-card.md").read_text(encoding="utf-8")
    pages = {
        "index.md": "---\ntitle: Home\n---\n\n# Home\n",
        "print.md": "---\ntitle: Print\n---\n\n# Print\n\n<!-- kyr:printables -->\n",
        "red-card.md": card,
        "who-to-call.md": "---\ntitle: Who to call\n---\n\n# Who to call\n\n<!-- kyr:hotline -->\n",
    }
    root = make_project(tmp_path, pages, {"site_url": "http://127.0.0.1:8000/"})
    result = run_kyr(root, "build")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING: The PDFs point to http://127.0.0.1:8000/, this computer" in result.stderr
    assert "for testing only" in result.stderr and "SITE_URL=" in result.stderr
    note = BeautifulSoup((root / "site/print/index.html").read_text(), "html.parser")
    assert "for testing only" in note.select_one(".kyr-testing-only").get_text()


def test_the_published_build_has_no_testing_note(printed: Path):
    for prefix in ("", "es/"):
        soup = BeautifulSoup((printed / prefix / "flyers/index.html").read_text(), "html.parser")
        assert soup.select_one(".kyr-testing-only") is None


@pytest.mark.parametrize(
    "url, local",
    [
        ("http://127.0.0.1:8000/", True),
        ("http://localhost:8000/", True),
        ("http://[::1]/", True),
        ("http://192.168.1.20/kyr/", True),
        ("", True),
        ("https://example.org/kyr/", False),
        ("https://kyr.github.io/site/", False),
    ],
)
def test_is_local_address(url: str, local: bool):
    assert is_local_address(url) is local


@pytest.mark.parametrize(
    "src, directory, flat",
    [
        ("index.md", "", "index.html"),
        ("rights/index.md", "rights/", "rights/index.html"),
        ("rights/at-work.md", "rights/at-work/", "rights/at-work.html"),
    ],
)
def test_page_url_with_and_without_directory_urls(src: str, directory: str, flat: str):
    from kyr.printing.printables import page_url

    assert page_url(src) == directory
    assert page_url(src, directory_urls=False) == flat
