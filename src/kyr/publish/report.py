"""Turn MkDocs' build log into one clear line per problem (no MkDocs import).

MkDocs reports a broken link as "Doc file 'x.md' contains a link ..." (no folder, no line),
configuration mistakes as "Config value 'plugins': Plugin 'kyr' option ...", and crashes as a
Python traceback. `kyr build` shows instead, once per problem:

    docs/x.md:12: the link 'nowhere.md' points to a page that does not exist. Fix the link ...

Messages that already name their file (from our plugin) are kept, with paths made relative to
the project folder. Anything not understood is shown as MkDocs wrote it; a crash is reported as
an unexpected error, with its last line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from kyr.compat import mkdocs_log
from kyr.errors import KyrError
from kyr.pages.yaml_lines import line_of

UNEXPECTED = "MkDocs stopped with an unexpected error"

FRAME = "\0frame "  # marks a traceback frame (path:line) among a record's lines

LINK_HINT = (
    "Fix the link (it is relative to this page and ends in .md, e.g. ../rights/at-home.md), "
    "or add the missing page."
)
ANCHOR_HINT = (
    "Use the id of a heading on that page (its words in lowercase, joined by '-'), "
    "or remove the '#...' part."
)


@dataclass
class Report:
    problems: list[str] = field(default_factory=list)
    unexpected: bool = False
    failed_page: str | None = None  # "Error building page 'x': ..." waiting for its traceback

    def add(self, problem: str) -> None:
        if problem not in self.problems:
            self.problems.append(problem)


@dataclass(frozen=True)
class _Project:
    root: Path
    docs_dir: Path
    config_file: Path

    def shown(self, path: Path) -> str:
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return str(path)

    def relative(self, text: str) -> str:
        """Paths under the project folder, written relative to it."""
        for root in {str(self.root.resolve()), str(self.root.absolute())}:
            text = text.replace(root.rstrip("/") + "/", "")
        return text

    def is_ours(self, path: str) -> bool:
        """A file of the project (a template, a page), not of an installed package."""
        relative = self.relative(path)  # MkDocs runs in the project folder: relative is ours
        if relative == path and Path(path).is_absolute():
            return False
        return not relative.startswith((".venv/", "venv/", "site-packages", "<"))

    def page(self, src: str) -> str:
        return self.shown(self.docs_dir / src)

    def line_in_page(self, src: str, needle: str) -> int | None:
        """The first line of a page that holds `needle` as a link target."""
        try:
            text = (self.docs_dir / src).read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None
        lines = text.splitlines()
        for pattern in (f"]({needle}", f"({needle})", f"]: {needle}", f'"{needle}"', needle):
            for number, line in enumerate(lines, start=1):
                if pattern in line:
                    return number
        return None


def _at(path: str, line: int | None) -> str:
    return f"{path}:{line}:" if line else f"{path}:"


def _records(log: str) -> list[tuple[str, list[str]]]:
    """(level, lines) for each log record; a traceback becomes a 'TRACEBACK' record."""
    records: list[tuple[str, list[str]]] = []
    in_traceback = False
    for raw in log.splitlines():
        line = raw.rstrip()
        match = mkdocs_log.RECORD.match(line)
        if mkdocs_log.TRACEBACK_START.match(line):
            records.append(("TRACEBACK", []))
            in_traceback = True
            continue
        if in_traceback:
            if not match:
                frame = mkdocs_log.FRAME_LINE.match(line)
                if frame:
                    records[-1][1].append(f"{FRAME}{frame.group('path')}:{frame.group('line')}")
                elif line and not line.startswith((" ", "^")):
                    records[-1][1].append(line)
                    in_traceback = not mkdocs_log.EXCEPTION_LINE.match(line)
                continue
            in_traceback = False
        if match:
            records.append((match.group(1), [mkdocs_log.PLUGIN_PREFIX.sub("", match.group(2))]))
        elif error := mkdocs_log.COMMAND_ERROR.match(line):
            records.append(("ERROR", [error.group("message")]))
        elif mkdocs_log.ABORTED.match(line):
            continue
        elif records and line.strip():
            records[-1][1].append(line)
    return records


def _config_problem(project: _Project, key: str, rest: str) -> str:
    keys = [key]
    plugin = mkdocs_log.PLUGIN_OPTION.match(rest)
    if plugin:
        keys += [plugin.group("plugin"), plugin.group("option")]
        rest = plugin.group("rest")
    while sub := mkdocs_log.SUB_OPTION.match(rest):
        keys.append(sub.group("option"))
        rest = sub.group("rest")
    received = mkdocs_log.RECEIVED.search(rest)
    config = project.shown(project.config_file)
    line = line_of(project.config_file, keys, value=received.group(1) if received else None)
    if mkdocs_log.UNKNOWN_SETTING.match(rest):
        message = f"unknown setting '{keys[-1]}'"
        hint = "Check its spelling (see the plugin's documentation) or remove it."
    else:
        message = rest.rstrip(".")
        hint = "Correct it in mkdocs.yml."
    return f"{_at(config, line)} [{'.'.join(keys)}] {message}. {hint}"


def _link_at(project: _Project, match: re.Match) -> tuple[str, str]:
    """('docs/page.md:12:', link) for a warning about a link in a page."""
    src, link = match.group("src"), match.group("link")
    return _at(project.page(src), project.line_in_page(src, link)), link


def _problem(project: _Project, level: str, lines: list[str], report: Report) -> None:
    first, more = lines[0], lines[1:]
    if match := mkdocs_log.MISSING_TARGET.match(first):
        at, link = _link_at(project, match)
        report.add(
            f"{at} the link '{link}' points to a page that does not "
            f"exist.{match.group('more').rstrip()} {LINK_HINT}"
        )
    elif match := mkdocs_log.MISSING_ANCHOR_HERE.match(first):
        at, link = _link_at(project, match)
        report.add(
            f"{at} the link '{link}' points to a heading that is not on this page. {ANCHOR_HINT}"
        )
    elif match := mkdocs_log.MISSING_ANCHOR_THERE.match(first):
        at, link = _link_at(project, match)
        report.add(
            f"{at} the link '{link}' points to '{match.group('anchor')}', which is not a heading "
            f"in {project.page(match.group('doc'))}. {ANCHOR_HINT}"
        )
    elif match := mkdocs_log.ABSOLUTE_LINK.match(first):
        at, link = _link_at(project, match)
        report.add(
            f"{at} the link '{link}' starts with '/', which breaks when the site is not at the "
            "root of its host. Link to the page's .md file with a relative path instead."
        )
    elif match := mkdocs_log.UNRECOGNIZED_LINK.match(first):
        at, link = _link_at(project, match)
        report.add(
            f"{at} the link '{link}' is not a link to a page or file in docs/. Link to the "
            "page's .md file (e.g. about.md)."
        )
    elif match := mkdocs_log.NAV_MISSING.match(first):
        target = match.group("target")
        config = project.shown(project.config_file)
        line = line_of(project.config_file, ["nav"], value=target)
        report.add(
            f"{_at(config, line)} [nav] lists '{target}', which is not a page in docs/. "
            f"Add docs/{target}, or remove it from nav."
        )
    elif mkdocs_log.NOT_IN_NAV.match(first):
        for item in more:
            src = item.strip().removeprefix("- ").strip()
            if src:
                report.add(
                    f"{project.page(src)}: this page is not listed in the nav of mkdocs.yml, so "
                    "readers cannot find it. Add it to nav (or delete the page)."
                )
    elif match := mkdocs_log.CONFIG.match(first):
        report.add(_config_problem(project, match.group("key"), match.group("rest")))
    elif match := mkdocs_log.PAGE_ERROR.match(first):
        if match.group("rest").strip():  # not one of our errors: a traceback follows
            report.failed_page = match.group("src")
    elif level == "TRACEBACK":
        _crash(project, lines, report)
    elif level in ("WARNING", "ERROR", "CRITICAL"):
        report.add(project.relative(" ".join(line.strip() for line in lines)))


def _crash(project: _Project, lines: list[str], report: Report) -> None:
    """A traceback: a template error names the template and its line; anything else is an
    unexpected error, named with the page being built and the last project file involved."""
    frames = [line.removeprefix(FRAME) for line in lines if line.startswith(FRAME)]
    messages = [line for line in lines if not line.startswith(FRAME)]
    last = messages[-1] if messages else "(no message)"
    ours = [frame for frame in frames if project.is_ours(frame.rsplit(":", 1)[0])]
    where = project.relative(ours[-1]) if ours else None
    page = project.page(report.failed_page) if report.failed_page else None
    report.failed_page = None
    template = mkdocs_log.TEMPLATE_ERROR.match(last)
    if template and where:
        during = f" (while building {page})" if page else ""
        report.add(
            f"{where}: the template failed{during}: {template.group('kind')}: "
            f"{template.group('message')}. Fix the template, then build again."
        )
        return
    if report.unexpected:
        return  # one unexpected error is enough: the first one caused the rest
    report.unexpected = True
    context = f" while building {page}" if page else ""
    at = f" (last in {where})" if where else ""
    report.add(
        f"{page or where or 'mkdocs.yml'}: {UNEXPECTED}{context}{at}: {project.relative(last)}"
    )


def summarize(log: str, root: Path, docs_dir: Path, config_file: Path) -> Report:
    """Every problem in a MkDocs build log, once, in the order MkDocs met them."""
    project = _Project(root, docs_dir, config_file)
    report = Report()
    for level, lines in _records(log):
        if lines or level == "TRACEBACK":
            _problem(project, level, lines or [""], report)
    if report.failed_page:  # an error without a traceback
        report.unexpected = True
        report.add(f"{project.page(report.failed_page)}: {UNEXPECTED} while building this page.")
    return report


class BuildFailed(KyrError):
    """The build stopped: every problem on its own line, then what happened to the site."""

    def __init__(self, report: Report, site_dir: str | Path) -> None:
        self.report = report
        self.site_dir = str(site_dir)
        super().__init__(site_dir, "the site was not built")

    def __str__(self) -> str:
        problems = self.report.problems or [f"{UNEXPECTED} (MkDocs printed no message)."]
        count = len(problems)
        lines = [*problems, ""]
        lines.append(
            f"The site was not built ({count} problem{'s' if count > 1 else ''}); "
            f"the site folder ({self.site_dir}) was left as it was. Fix the above, then run "
            "kyr build again."
        )
        if self.report.unexpected or not self.report.problems:
            lines.append("To see MkDocs' full output, run: mkdocs build --strict")
        return "\n".join(lines)
