"""Which web hosts may never be cited as a source (no MkDocs import).

The list lives in the site's data (`data/source-policy.yml`), so an editor can add a host by pull
request. A legal claim must rest on a statute, a court, an agency or an established legal or news
organization, never on an AI "fact-check" or a site that reposts other people's articles.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from kyr.errors import KyrError, yaml_error
from kyr.pages.text_files import decode_text


@dataclass(frozen=True)
class RefusedHost:
    host: str
    why: str


def load_source_policy(path: Path, shown: str | None = None) -> tuple[RefusedHost, ...]:
    """The refused hosts; no file means none. Bad entries are errors naming the file."""
    shown = shown or str(path)
    if not path.is_file():
        return ()
    text = decode_text(path.read_bytes(), shown)
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as error:
        raise yaml_error(shown, error, "this file") from None
    entries = data.get("not_acceptable") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise KyrError(
            shown, "needs a list 'not_acceptable:' of {host, why}", hint="See its header comment."
        )
    refused = []
    for number, entry in enumerate(entries, start=1):
        if (
            not isinstance(entry, dict)
            or not isinstance(entry.get("host"), str)
            or not isinstance(entry.get("why"), str)
            or "/" in entry["host"]
        ):
            raise KyrError(
                shown,
                f"entry {number} of not_acceptable needs 'host' (a name like example.com) and "
                "'why' (a sentence)",
            )
        refused.append(RefusedHost(entry["host"].lower().removeprefix("www."), entry["why"]))
    return tuple(refused)


def refused_host(url: str, policy: tuple[RefusedHost, ...]) -> RefusedHost | None:
    """The policy entry that refuses `url` (the host or any of its subdomains), if any."""
    host = (urlsplit(url).hostname or "").lower()
    for entry in policy:
        if host == entry.host or host.endswith("." + entry.host):
            return entry
    return None
