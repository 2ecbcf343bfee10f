"""Material for MkDocs' names that our CSS, JavaScript, templates and PDF code use: class names,
CSS custom properties, element ids and other classes, the blocks of Material's templates ours
fill, and the templates we copied from Material (kyr.compat.coupling items 3 to 6).

tests/test_compat.py fails when our code uses a Material name missing here, when a name here is
no longer used, when Material no longer has a listed block, or when the installed Material is not
the version the copies were made from: so this list is the checklist for a Material upgrade, or
for a move to its successor.
"""

from __future__ import annotations

# The Material release the copied templates and the copied `site_meta` block (MATERIAL_BLOCKS)
# come from; re-diff them when it changes.
MATERIAL_VERSION = "9.8.2"

COPIED_TEMPLATES = {
    "partials/search.html": "the search dialog, given an accessible name (axe aria-dialog-name)",
    "partials/alternate.html": "the language selector, with the links kyr computes per page",
}

# Class names: where we use each, and why.
_HIDDEN_IN_PRINT = "kyr.css: hidden when a flyer or card is printed"
CLASSES = {
    "md-banner": _HIDDEN_IN_PRINT,
    "md-container": "kyr.css: room below the page for the bottom help bar",
    "md-content": "kyr.css: no margins when printed",
    "md-content__button": _HIDDEN_IN_PRINT,
    "md-content__inner": "kyr.css (no margins when printed) and printing/pdf.py (the page body "
    "a PDF sheet is built in)",
    "md-dialog": _HIDDEN_IN_PRINT,
    "md-footer": _HIDDEN_IN_PRINT,
    "md-grid": "kyr.css: no margins when printed",
    "md-header": _HIDDEN_IN_PRINT,
    "md-main__inner": "kyr.css: no margins when printed; a smaller top margin on screen",
    "md-nav": _HIDDEN_IN_PRINT,
    "md-search": _HIDDEN_IN_PRINT,
    "md-search__input": "kyr.js: focused once Material's search has loaded",
    "md-sidebar": _HIDDEN_IN_PRINT,
    "md-skip": _HIDDEN_IN_PRINT,
    "md-source": _HIDDEN_IN_PRINT,
    "md-tabs": _HIDDEN_IN_PRINT,
    "md-top": _HIDDEN_IN_PRINT,
    "md-typeset": "kyr.css: text size, tables, Say boxes and contact cards in page text",
    "md-typeset__scrollwrap": "kyr.css: tables stacked on phones",
    "md-typeset__table": "kyr.css: tables stacked on phones",
}

# CSS custom properties: Material's palette, set to the site's red, and its quote icon.
_PALETTE = "kyr.css: the site's colours, set in place of Material's palette"
CUSTOM_PROPERTIES = {
    "--md-accent-fg-color": _PALETTE,
    "--md-accent-fg-color--transparent": _PALETTE,
    "--md-admonition-icon--quote": "kyr.css: the icon of the Say boxes",
    "--md-primary-bg-color": _PALETTE,
    "--md-primary-bg-color--light": _PALETTE,
    "--md-primary-fg-color": _PALETTE,
    "--md-primary-fg-color--dark": _PALETTE,
    "--md-primary-fg-color--light": _PALETTE,
    "--md-typeset-a-color": _PALETTE,
}

# Element ids Material writes (`id="__…"`), and other Material names without the md- prefix.
OTHER_NAMES = {
    "__config": "compat.coupling.set_search_base: the JSON settings script, whose `base` says "
    "where the language's search index is",
    "__drawer": "compat.material_markup: `autocomplete` removed from its checkbox (valid HTML)",
    "__search": "kyr.js: loads Material's bundle when the search toggle is checked; "
    "compat.material_markup: `autocomplete` removed from its checkbox (valid HTML)",
    "__toc": "compat.material_markup: `<label for>` dropped where the checkbox is not written",
    "no-js": "kyr.js: removed from <html>, which shows Material's search button",
}

# Blocks of Material's base.html that our templates fill (blocks named kyr_… are our own).
MATERIAL_BLOCKS = {
    "site_meta": "main.html: Material's block copied, with absolute canonical and hreflang links "
    "and the web app manifest",
    "extrahead": "main.html (kyr.css), flyer.html and redcard.html (the printed page size)",
    "content": "main.html: around Material's (language switch, fallback note, page meta); "
    "404.html replaces Material's 404 text; flyer.html and redcard.html, the printables",
    "scripts": "main.html: replaced by kyr.js, which loads Material's bundle when search opens",
}
