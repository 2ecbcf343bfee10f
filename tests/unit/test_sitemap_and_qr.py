"""kyr.output.sitemap and kyr.printing.qr (no build)."""

from __future__ import annotations

from kyr.languages import Languages
from kyr.output.sitemap import sitemap_xml
from kyr.printing.qr import qr_svg, short_url

LANGS = Languages.of({"en": "English", "es": "Español"}, "en")


def test_sitemap_lists_each_written_language_with_its_alternates():
    xml = sitemap_xml([("about/", {"en"}), ("", {"en", "es"})], LANGS, "https://e.org/k/")
    url = "https://e.org/k/"
    assert xml == (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
        f"  <url>\n    <loc>{url}</loc>\n"
        f'    <xhtml:link rel="alternate" hreflang="en" href="{url}"/>\n'
        f'    <xhtml:link rel="alternate" hreflang="es" href="{url}es/"/>\n'
        f'    <xhtml:link rel="alternate" hreflang="x-default" href="{url}"/>\n'
        "  </url>\n"
        f"  <url>\n    <loc>{url}es/</loc>\n"
        f'    <xhtml:link rel="alternate" hreflang="en" href="{url}"/>\n'
        f'    <xhtml:link rel="alternate" hreflang="es" href="{url}es/"/>\n'
        f'    <xhtml:link rel="alternate" hreflang="x-default" href="{url}"/>\n'
        "  </url>\n"
        f"  <url>\n    <loc>{url}about/</loc>\n"
        f'    <xhtml:link rel="alternate" hreflang="en" href="{url}about/"/>\n'
        f'    <xhtml:link rel="alternate" hreflang="x-default" href="{url}about/"/>\n'
        "  </url>\n"
        "</urlset>\n"
    )


def test_sitemap_escapes_urls():
    xml = sitemap_xml([("a&b/", {"en"})], LANGS, "https://e.org/")
    assert "<loc>https://e.org/a&amp;b/</loc>" in xml
    assert 'href="https://e.org/a&amp;b/"' in xml


def test_short_url():
    assert short_url("https://example.org/kyr/es/about/") == "example.org/kyr/es/about"
    assert short_url("http://example.org/") == "example.org"


def test_qr_svg_is_an_accessible_inline_svg():
    svg = qr_svg("https://example.org/kyr/", "QR code: example.org/kyr")
    assert svg.startswith('<svg role="img" ')
    assert 'class="kyr-qr"' in svg
    assert "<title>QR code: example.org/kyr</title>" in svg
    assert "width=" not in svg.split(">", 1)[0]  # sized by CSS


def test_qr_svg_follows_the_url_and_only_the_url():
    one = qr_svg("https://example.org/a/", "t")
    assert one == qr_svg("https://example.org/a/", "t")
    assert one != qr_svg("https://example.org/b/", "t")
