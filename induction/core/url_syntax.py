"""URL syntax: whether a link or image address is a valid URL, and the valid form of one that is not.

Browsers repair a malformed address as they follow it (a space becomes %20, a backslash a slash),
so a link such as `href="handout 1.pdf"` works in one browser and the page still fails the W3C
checker, which the tests run over every built page. The rules here are those the checker (the
WHATWG URL standard's "valid URL string") applies to the addresses content writes; a test feeds a
table of addresses and generated ones to the checker itself and compares its verdicts with these.
Hosts are judged by `paths.host_of` (a host no browser can read is a `bad-address` already).
"""

from __future__ import annotations

import re
from urllib.parse import quote

from induction.core.paths import SPECIAL_SCHEMES

# Printable ASCII that a URL may not hold unencoded anywhere (brackets are allowed in an IPv6 host only).
_ILLEGAL = set(' "<>`{}|^[]')
_WHITESPACE = " \t\n\r\f"  # HTML trims these from the ends of an attribute value
_BAD_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")


def _split(text: str) -> tuple[str, str, str]:
    """(scheme with its ':' and '//' and authority, the rest) of `text`, and the scheme in lower case."""
    match = _SCHEME.match(text)
    scheme = match.group(1).lower() if match else ""
    head = match.group(0) if match else ""
    rest = text[len(head) :]
    if rest.startswith("//") and (scheme in SPECIAL_SCHEMES or not scheme):
        end = re.search(r"[/?#\\]|$", rest[2:]).start() + 2  # type: ignore[union-attr]
        head, rest = head + rest[:end], rest[end:]
    return head, rest, scheme


def malformed(url: str) -> str | None:
    """Why `url` is not a valid URL (a phrase that follows "The address '...' "), or None if it is one."""
    text = url.strip(_WHITESPACE)
    if re.search(r"[\t\n\r]", text) or (not text and "\t" in url):  # the checker's verdict on a lone tab too
        return "has a tab or a line break in it"
    head, rest, scheme = _split(text)
    if scheme in SPECIAL_SCHEMES and not text[len(scheme) + 1 :].startswith("//"):
        return f"needs two slashes after '{scheme}:'"
    if "\\" in text:
        return "has a backslash in it, which browsers read as '/'"
    authority = head.split("//", 1)[1] if "//" in head else None
    if authority is not None:
        if "@" in authority:
            return "includes a user name or password"
        if authority.startswith("["):
            host, _, port = authority.partition("]")
            port = port[1:]
        else:
            host, _, port = authority.partition(":")
        if not host and (scheme in SPECIAL_SCHEMES or not scheme):  # "//" alone: a web address with no host
            return "has no host"
        if port and (not port.isdigit() or int(port) > 65535):
            return "has a port that is not a number under 65536"
    if _BAD_PERCENT.search(text):
        return "has a '%' that is not followed by two hexadecimal digits (write %25 for a '%')"
    if "#" in rest and "#" in rest.split("#", 1)[1]:
        return "has a second '#' (write %23 for a '#' in the fragment)"
    for char in (head.split("//", 1)[0] if authority is not None else "") + rest:
        if char in _ILLEGAL:
            shown = "a space" if char == " " else f"the character '{char}'"
            return f"has {shown} in it, which an address may not hold (write {quote(char)})"
    return None


def well_formed(url: str) -> str:
    """`url` as the valid URL a browser would follow: what can be percent-encoded is (a space as
    %20, a stray '%' as %25), tabs and line breaks are dropped, a backslash in a web or relative
    address is the slash browsers read. A user name, a port or a host cannot be repaired so."""
    text = re.sub(r"[\t\n\r]", "", url.strip(_WHITESPACE))
    head, rest, scheme = _split(text)
    if scheme in SPECIAL_SCHEMES or not scheme:
        head, rest = head.replace("\\", "/"), rest.replace("\\", "/")
    else:  # a backslash is a character of a mailto: or tel: address, written encoded
        rest = rest.replace("\\", "%5C")
    rest = _BAD_PERCENT.sub("%25", rest)
    if "#" in rest:
        before, fragment = rest.split("#", 1)
        rest = before + "#" + fragment.replace("#", "%23")
    return head + "".join(quote(c) if c in _ILLEGAL else c for c in rest)
