"""Paths: file paths and addresses in content that must stay inside the content (load and check stages).

A handout or transcript path may not climb out of its programme folder (`../../`) or name a
place on the author's computer (`/home/...`, `C:\\...`, `file://`): the build would publish or
read files that are not content. A symbolic link may not lead out of the content folder either.
Addresses in bodies are also checked here: schemes that run code or embed data, and hosts that
are never published (staging, local).
"""

from __future__ import annotations

import functools
import ipaddress
import os
import re
from collections.abc import Mapping
from urllib.parse import unquote, urlsplit

from induction.core.problems import Problems
from induction.core.settings import FORBIDDEN_HOSTS

UNSAFE_SCHEMES = ("javascript", "vbscript", "data")
SPECIAL_SCHEMES = ("http", "https", "ws", "wss", "ftp")  # WHATWG's special schemes: a backslash is a slash

_DRIVE = re.compile(r"^[A-Za-z]:[\\/]")
_CONTROL = re.compile(r"[\x00-\x20]")
_FORBIDDEN_IN_HOST = re.compile(r"[\x00-\x20#%/:<>?@\[\\\]^|\x7f]")


def file_path_problem(value: str, base: str, folder: str) -> tuple[str, str] | None:
    """(code, what is wrong) when path `value`, relative to directory `base`, leaves `folder`."""
    if os.path.isabs(value) or _DRIVE.match(value) or value.lower().startswith("file:"):
        return "absolute-path", f"'{value}' is a path on one computer, not a path within the content."
    target = os.path.normpath(os.path.join(base, value))
    if os.path.commonpath([target, os.path.normpath(folder)]) != os.path.normpath(folder):
        return "path-outside", f"'{value}' climbs out of the programme folder."
    return None


@functools.lru_cache(maxsize=4096)  # pure; a body may repeat one address thousands of times
def address_problem(url: str, forbidden: tuple[str, ...] = FORBIDDEN_HOSTS) -> tuple[str, str] | None:
    """(code, what is wrong) for a link or image address in a body, or None if it may be published."""
    # Browsers ignore control characters and spaces inside a scheme ("java\tscript:"): so do we.
    bare = _CONTROL.sub("", url)
    scheme = bare.split(":", 1)[0].lower() if re.match(r"^[A-Za-z][A-Za-z0-9+.\-]*:", bare) else ""
    if scheme in UNSAFE_SCHEMES:
        why = "can run code" if scheme != "data" else "embed content that no check has seen"
        return "unsafe-url", f"The address '{short(url)}' is not allowed: {scheme}: addresses {why}."
    if (
        scheme == "file"
        or _DRIVE.match(bare)
        or (bare.startswith("/") and not bare.startswith("//") and not bare.startswith("/\\"))
    ):
        return "absolute-path", f"The address '{short(url)}' is a path on one computer or server root."
    host = host_of(bare)
    if host is None:
        return "bad-address", f"The address '{short(url)}' names a host that browsers cannot read the same way."
    for part in forbidden:
        if part and host and part.lower() in host:
            return (
                "forbidden-host",
                f"The address '{short(url)}' points at a host that is never published ('{part}' in its name).",
            )
    kind = _private_kind(host)
    if kind:
        return (
            "forbidden-host",
            f"The address '{short(url)}' points at a host that is never published ({host} is a {kind} address).",
        )
    return None


def browser_form(url: str) -> str:
    """`url` as a browser reads it (WHATWG URL): tabs and newlines dropped, the ends trimmed, and in
    http(s) addresses a backslash read as a slash (`https://evil.example\\@host/` goes to evil.example)."""
    text = re.sub(r"[\t\n\r]", "", url).strip(
        "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f"
        "\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f "
    )
    scheme = text.split(":", 1)[0].lower() if ":" in text else ""
    if scheme in SPECIAL_SCHEMES or text.startswith(("//", "\\\\", "/\\", "\\/")):
        text = text.replace("\\", "/")
    return text


def host_of(url: str) -> str | None:
    """The host a browser would contact for `url`: lower-case ASCII (IDNA), an IPv4 address in
    dotted form however it was written (`127.1`, `2130706433`, `0x7f.0.0.1`), an IPv6 address in
    brackets (an IPv4-mapped one as its IPv4 address). '' when `url` names no host (a relative
    link); None when it names one that cannot be read (an unclosed bracket, an empty label)."""
    text = browser_form(url)
    if "//" not in text.split("?", 1)[0].split("#", 1)[0]:
        return ""
    try:
        netloc = urlsplit(text).netloc
    except ValueError:  # an unclosed IPv6 bracket
        return None
    raw = netloc.rsplit("@", 1)[-1]
    raw = raw if raw.startswith("[") else raw.split(":", 1)[0]
    if raw.startswith("["):
        raw = raw.split("]", 1)[0] + "]"
    return canonical_host(raw) if raw else ""


def canonical_host(raw: str) -> str | None:
    """A URL's host as browsers compare it, or None if browsers would refuse it."""
    if raw.startswith("["):
        try:
            address = ipaddress.IPv6Address(raw[1:-1])
        except ValueError:
            return None
        return str(address.ipv4_mapped) if address.ipv4_mapped else f"[{address.compressed}]"
    name = unquote(raw).rstrip(".") if raw.rstrip(".") else raw
    if _FORBIDDEN_IN_HOST.search(name):  # WHATWG: such a host is a failure, whatever IDNA says
        return None
    try:
        name = name.encode("idna").decode("ascii").lower() if name else ""
    except UnicodeError:  # an empty or over-long label, or characters IDNA refuses
        return None
    number = _ipv4(name)
    if number is False:
        return None
    return name if number is None else str(number)


def _ipv4(name: str) -> ipaddress.IPv4Address | bool | None:
    """WHATWG's IPv4 parser: None if `name` is not an IPv4 form, False if it is one that fails."""
    parts = name.split(".")
    if not parts[-1] or not re.fullmatch(r"0[xX][0-9A-Fa-f]*|\d+", parts[-1]):
        return None
    numbers = []
    for part in parts:
        match = re.fullmatch(r"0[xX]([0-9A-Fa-f]*)|(0[0-7]+)|(\d+)", part)
        if not match:
            return False
        hexa, octal, decimal = match.groups()
        numbers.append(int(hexa or "0", 16) if hexa is not None else int(octal, 8) if octal else int(decimal))
    if len(numbers) > 4 or any(n > 255 for n in numbers[:-1]) or numbers[-1] >= 256 ** (5 - len(numbers)):
        return False
    value = numbers[-1] + sum(n << (8 * (3 - i)) for i, n in enumerate(numbers[:-1]))
    return ipaddress.IPv4Address(value)


def _private_kind(host: str) -> str:
    """What kind of never-published address an IP host is ('' for a name or a public address)."""
    if not host[:1].isdigit() and not host.startswith("["):  # a name (host_of writes IPv4 in dotted form)
        return ""
    try:
        address = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return ""
    for kind in ("loopback", "unspecified", "link_local", "private", "reserved", "multicast"):
        if getattr(address, f"is_{kind}"):
            return kind.replace("_", "-")
    return ""


def symlinks_stay_inside(root: str, links: Mapping[str, str], problems: Problems) -> None:
    """Report every symbolic link below `root` that leads outside it (`links`: each link's real target,
    as the loader found them)."""
    real_root = os.path.realpath(root)
    for path, target in links.items():
        if os.path.commonpath([target, real_root]) != real_root:
            problems.add(
                "symlink-outside",
                path,
                1,
                f"'{os.path.basename(path)}' is a link to a place outside the content folder.",
                "Copy the file into the content folder instead of linking to it.",
            )


def short(text: str) -> str:
    shown = _CONTROL_SHOWN.sub(lambda m: f"\\x{ord(m.group()):02x}", text)  # a tab hidden in a scheme, shown
    return shown if len(shown) <= 60 else shown[:57] + "..."


_CONTROL_SHOWN = re.compile(r"[\x00-\x1f\x7f]")
