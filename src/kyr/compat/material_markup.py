"""Repairs to Material's markup so that every page is valid HTML (no MkDocs import).

The Nu Html Checker (vnu) reports two errors in what Material 9.8 writes on every page; both are
listed in kyr.compat.coupling (item 4) and removed here, after the page is rendered:

- `autocomplete="off"` on its two checkbox toggles (`__drawer`, `__search`): the attribute is
  not allowed on checkboxes. (Material adds it so Firefox does not restore a toggle on "back";
  the toggles are closed on load anyway.)
- `<label for="__toc">` in the table of contents of a section's index page, where the
  `__toc` checkbox it names is not written. A label that names no element loses its `for`.
"""

from __future__ import annotations

import re

_CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input\b[^>]*\btype="checkbox"[^>]*?)\s+autocomplete="off"')
_LABEL_FOR = re.compile(r'(<label\b[^>]*?)\s+for="([^"]+)"')
# Starts with a literal so `re` can skip ahead: `\bid=` made this scan most of a page's cost.
_ID = re.compile(r'id="([^"]+)"')


def repair_material_markup(html: str) -> str:
    html = _CHECKBOX_AUTOCOMPLETE.sub(r"\1", html)
    ids = {found[1] for found in _ID.finditer(html) if html[found.start() - 1].isspace()}

    def keep_if_target(match: re.Match[str]) -> str:
        return match.group(0) if match.group(2) in ids else match.group(1)

    return _LABEL_FOR.sub(keep_if_target, html)
