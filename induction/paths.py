"""Paths: file paths and addresses in content that must stay inside the content (load and check stages).

A handout or transcript path may not climb out of its programme folder (`../../`) or name a
place on the author's computer (`/home/...`, `C:\\...`, `file://`): the build would publish or
read files that are not content. A symbolic link may not lead out of the content folder either.
Addresses in bodies are also checked here: schemes that run code or embed data, and hosts that
are never published (staging, local).
"""
from __future__ import annotations

import os
import re
from urllib.parse import urlsplit

from .problems import Problems

# Parts of host names that are never a published address; settings.forbidden_hosts replaces them.
FORBIDDEN_HOSTS = ("staging", "localhost", "127.0.0.1", "0.0.0.0", "[::1]", ".local", ".internal")
UNSAFE_SCHEMES = ("javascript", "vbscript", "data")

_DRIVE = re.compile(r"^[A-Za-z]:[\\/]")
_CONTROL = re.compile(r"[\x00-\x20]")


def file_path_problem(value: str, base: str, folder: str) -> tuple[str, str] | None:
    """(code, what is wrong) when path `value`, relative to directory `base`, leaves `folder`."""
    if os.path.isabs(value) or _DRIVE.match(value) or value.lower().startswith("file:"):
        return "absolute-path", f"'{value}' is a path on one computer, not a path within the content."
    target = os.path.normpath(os.path.join(base, value))
    if os.path.commonpath([target, os.path.normpath(folder)]) != os.path.normpath(folder):
        return "path-outside", f"'{value}' climbs out of the programme folder."
    return None


def address_problem(url: str, forbidden: tuple[str, ...] = FORBIDDEN_HOSTS) -> tuple[str, str] | None:
    """(code, what is wrong) for a link or image address in a body, or None if it may be published."""
    # Browsers ignore control characters and spaces inside a scheme ("java\tscript:"): so do we.
    bare = _CONTROL.sub("", url)
    scheme = bare.split(":", 1)[0].lower() if re.match(r"^[A-Za-z][A-Za-z0-9+.\-]*:", bare) else ""
    if scheme in UNSAFE_SCHEMES:
        why = "can run code" if scheme != "data" else "embed content that no check has seen"
        return "unsafe-url", f"The address '{_short(url)}' is not allowed: {scheme}: addresses {why}."
    if scheme == "file" or _DRIVE.match(bare) or (bare.startswith("/") and not bare.startswith("//")):
        return "absolute-path", f"The address '{_short(url)}' is a path on one computer or server root."
    host = host_of(bare)
    for part in forbidden:
        if part and host and part.lower() in host:
            return "forbidden-host", f"The address '{_short(url)}' points at a host that is never published " \
                                     f"('{part}' in its name)."
    return None


def host_of(url: str) -> str:
    try:
        return (urlsplit(url if "//" in url else "").hostname or "").lower()
    except ValueError:  # a malformed address, such as an unclosed IPv6 bracket
        return url.split("//", 1)[-1].split("/", 1)[0].lower()


def symlinks_stay_inside(root: str, problems: Problems) -> None:
    """Report every symbolic link below `root` that leads outside it."""
    real_root = os.path.realpath(root)
    for current, dirs, names in os.walk(root):
        dirs.sort()
        for name in sorted(dirs + names):
            path = os.path.join(current, name)
            if not os.path.islink(path):
                continue
            target = os.path.realpath(path)
            if os.path.commonpath([target, real_root]) != real_root:
                problems.add("symlink-outside", path, 1,
                             f"'{name}' is a link to a place outside the content folder.",
                             "Copy the file into the content folder instead of linking to it.")


def _short(text: str) -> str:
    shown = _CONTROL_SHOWN.sub(lambda m: f"\\x{ord(m.group()):02x}", text)  # a tab hidden in a scheme, shown
    return shown if len(shown) <= 60 else shown[:57] + "..."


_CONTROL_SHOWN = re.compile(r"[\x00-\x1f\x7f]")
