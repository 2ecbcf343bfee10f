"""MkDocs' and Python's log wording that kyr.publish.report turns into one line per problem.

These match the messages of MkDocs 1.6 (link validation, nav, config validation, page errors),
static-i18n/Material plugin prefixes and Python tracebacks. A new MkDocs may word them otherwise:
the corpus test (tests/test_corpus.py) then fails with MkDocs' raw message, and this file is the
one to update.
"""

from __future__ import annotations

import re

RECORD = re.compile(r"^(DEBUG|INFO|WARNING|ERROR|CRITICAL)\s*-\s+(.*)$")
# MkDocs' plugin loggers start messages with "kyr: " (or "[name] " in older versions).
PLUGIN_PREFIX = re.compile(r"^(\[[\w./-]+\]\s+|(kyr|i18n|search|material/\w+): )")
EXCEPTION_LINE = re.compile(r"^[A-Za-z_][\w.]*(Error|Exception|Exit|Interrupt|NotFound)\b.*")
FRAME_LINE = re.compile(r'^\s+File "(?P<path>.+?)", line (?P<line>\d+)')
TEMPLATE_ERROR = re.compile(r"^jinja2\.exceptions\.(?P<kind>\w+): (?P<message>.*)$")

MISSING_TARGET = re.compile(
    r"^Doc file '(?P<src>.+?)' contains a link '(?P<link>.+?)', but the target "
    r"(?:'(?P<target>.+?)' )?is not found among documentation files\.?(?P<more>.*)$"
)
MISSING_ANCHOR_HERE = re.compile(
    r"^Doc file '(?P<src>.+?)' contains a link '(?P<link>#.*?)', but there is no such anchor "
    r"on this page\.?$"
)
MISSING_ANCHOR_THERE = re.compile(
    r"^Doc file '(?P<src>.+?)' contains a link '(?P<link>.+?)', but the doc '(?P<doc>.+?)' "
    r"does not contain an anchor '(?P<anchor>.+?)'\.?$"
)
ABSOLUTE_LINK = re.compile(
    r"^Doc file '(?P<src>.+?)' contains an absolute link '(?P<link>.+?)', it was left as is\.?$"
)
UNRECOGNIZED_LINK = re.compile(
    r"^Doc file '(?P<src>.+?)' contains an unrecognized relative link '(?P<link>.+?)', "
    r"it was left as is\.?(?P<more>.*)$"
)
NAV_MISSING = re.compile(
    r"^A reference to '(?P<target>.+?)' is included in the 'nav' configuration, which is not "
    r"found in the documentation files\.?$"
)
NOT_IN_NAV = re.compile(
    r'^The following pages exist in the docs directory, but are not included in the "nav" '
    r"configuration:"
)
CONFIG = re.compile(r"^Config value '(?P<key>[^']+)': (?P<rest>.*)$")
PLUGIN_OPTION = re.compile(r"^Plugin '(?P<plugin>[^']+)' option '(?P<option>[^']+)': (?P<rest>.*)$")
SUB_OPTION = re.compile(r"^Sub-option '(?P<option>[^']+)': (?P<rest>.*)$")
RECEIVED = re.compile(r"received '([^']+)'")
PAGE_ERROR = re.compile(r"^Error (?:reading|building) page '(?P<src>.+?)':\s*(?P<rest>.*)$")
UNKNOWN_SETTING = re.compile(r"^Unrecognised configuration name")
# Lines that are not log records: Python's traceback header, the error line the command-line
# tool (Click) prints, and MkDocs' closing line in strict mode.
TRACEBACK_START = re.compile(r"^Traceback \(most recent call last\)")
COMMAND_ERROR = re.compile(r"^Error: (?P<message>.*)$")
ABORTED = re.compile(r"^Aborted with")
