"""axe-core (WCAG 2.2 AA and best practices), phone and desktop, on every page that
helpers.page_urls lists."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.helpers import Build, page_urls, serve

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
VIEWPORTS = {"phone": (390, 844), "desktop": (1280, 800)}


# axe.run on the page, returning only what the test reads: the number of rules that passed
# (proof axe ran) and each violation's rule, impact and first three targets. Why: axe's full
# result (every node of every passing rule, with its HTML) is most of the time spent per page.
AXE_RUN = """options => axe.run(document, options).then(result => ({
  passes: result.passes.length,
  violations: result.violations.map(v => ({
    id: v.id, impact: v.impact, targets: v.nodes.slice(0, 3).map(n => n.target),
  })),
}))"""


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_no_axe_violations_on_any_page(browser, real_site: Build, viewport: str):
    width, height = VIEWPORTS[viewport]
    problems: list[str] = []
    with serve(real_site.site) as base:
        context = browser.new_context(viewport={"width": width, "height": height})
        # axe-core is sent to the browser once and runs in every page the context opens.
        context.add_init_script(Axe().axe_script)
        page = context.new_page()
        urls = page_urls(real_site)
        assert len(urls) > 60 and "es/rights/at-home/" in urls
        options = {"runOnly": {"type": "tag", "values": TAGS}, "resultTypes": ["violations"]}
        for url in urls:
            page.goto(base + url, wait_until="load")
            result = page.evaluate(AXE_RUN, options)
            assert result["passes"], f"axe did not run on {url}"
            for violation in result["violations"]:
                targets = violation["targets"]
                problems.append(f"{url}: {violation['id']} ({violation['impact']}) {targets}")
        context.close()
    assert problems == []


def test_axe_catches_a_real_violation(browser, real_site: Build):
    """The check above would fail if a page had an unnamed image link."""
    with serve(real_site.site) as base:
        context = browser.new_context()
        context.add_init_script(Axe().axe_script)  # as the check above runs axe
        page = context.new_page()
        page.goto(base + "rights/at-home/")
        page.evaluate(
            "document.querySelector('article').insertAdjacentHTML('beforeend',"
            ' \'<a href="#"><img src="x.png"></a>\')'
        )
        options = {"runOnly": {"type": "tag", "values": TAGS}, "resultTypes": ["violations"]}
        result = page.evaluate(AXE_RUN, options)
        assert {v["id"] for v in result["violations"]} & {"image-alt", "link-name"}
        assert all(v["targets"] for v in result["violations"])
        context.close()
