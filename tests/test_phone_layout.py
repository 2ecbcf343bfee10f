"""Phones: body text at least 16 px at 390 px and nothing scrolling sideways at 320 px, on every
page of every language (its own file, so that pytest-xdist runs it beside the axe checks)."""

from __future__ import annotations

from tests.helpers import Build, page_urls, serve

# Every visible text of the page's content, with its computed size (px).
TEXT_SIZES = """() => {
  const found = [];
  const walker = document.createTreeWalker(document.querySelector('.md-content'),
                                           NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const element = node.parentElement;
    if (!node.textContent.trim() || !element.getClientRects().length) continue;
    const style = getComputedStyle(element);
    if (style.visibility === 'hidden') continue;
    found.push([parseFloat(style.fontSize), node.textContent.trim().slice(0, 40)]);
  }
  return found;
}"""


def test_body_text_is_16px_at_390_and_nothing_scrolls_sideways_at_320(browser, real_site: Build):
    """Tables, notes, boxes, contact cards and the red card preview included."""
    small, wide = [], []
    with serve(real_site.site) as base:
        phone = browser.new_page(viewport={"width": 390, "height": 844})
        narrow = browser.new_page(viewport={"width": 320, "height": 568})
        for url in page_urls(real_site):
            phone.goto(base + url, wait_until="load")
            sizes = phone.evaluate(TEXT_SIZES)
            assert sizes, url
            small += [f"{url}: {size}px {text!r}" for size, text in sizes if size < 16]
            narrow.goto(base + url, wait_until="load")
            width = narrow.evaluate("document.documentElement.scrollWidth")
            if width > 320:
                wide.append(f"{url}: {width}px")
        phone.close()
        narrow.close()
    assert small == []
    assert wide == []
