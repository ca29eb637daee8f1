"""Disclosure markers: the source's `{details}` ... `{/details}`, in any case and spacing.

Providers write the marker that opens a collapsed block (a transcript, the answer to an activity)
as `{details}`, `{Details}`, `{ DETAILS }`, `{/details}` or `{ / Details }`: one form to the
reader of the source, so one form here. Every stage that reads them (markup repairs, transcripts,
durations, word conservation) takes them from this module, so no stage sees a marker another
one missed (an answer shown openly, or its braces reported as an attribute list).
"""

from __future__ import annotations

import re

_H = r"[ \t]*"
_OPEN = rf"\{{{_H}details{_H}\}}"
_CLOSE = rf"\{{{_H}/{_H}details{_H}\}}"

ANY = re.compile(rf"{_OPEN}|{_CLOSE}", re.I)  # either marker, anywhere in a line
OPEN_LINE = re.compile(rf"^{_H}{_OPEN}{_H}$", re.I)  # a line that is an opening marker alone
CLOSE_LINE = re.compile(rf"^{_H}{_CLOSE}{_H}$", re.I)
LINE = re.compile(rf"^{_H}(?:{_OPEN}|{_CLOSE}){_H}$", re.I)
CLOSE_AFTER_TEXT = re.compile(rf"(\S)[ \t]*({_CLOSE})[ \t]*$", re.M | re.I)  # text, then `{/details}`
OPEN_BEFORE_TEXT = re.compile(rf"^({_H}{_OPEN})[ \t]*(\S)", re.M | re.I)  # `{details}`, then text


def closes(line: str) -> bool:
    """Whether a marker line (LINE matched it) is the closing one."""
    return bool(CLOSE_LINE.match(line))
