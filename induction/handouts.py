"""Handouts: which files the site may publish as they are (load stage).

A handout is copied into site/ byte for byte and opened by the reader's browser from the site's
own address, so a file that a browser runs (HTML, SVG with a script, JavaScript) would run with
the site's authority, and an executable is never what a school hands out. So a handout must be
of a type on an allow-list, and its first bytes must be that type's (a `.pdf` that is HTML
inside is refused too: browsers and hosts decide by content as well as by name). An SVG is
published only when it holds no script, event handler, foreign object or outside reference.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree

# Extension -> (what it is, the start of its bytes: alternatives; None for a text format).
_ZIP, _OLE = (b"PK\x03\x04",), (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",)
TYPES: dict[str, tuple[str, tuple[bytes, ...] | None]] = {
    ".pdf": ("PDF", (b"%PDF-",)),
    ".png": ("image", (b"\x89PNG\r\n\x1a\n",)), ".jpg": ("image", (b"\xff\xd8\xff",)),
    ".jpeg": ("image", (b"\xff\xd8\xff",)), ".gif": ("image", (b"GIF87a", b"GIF89a")), ".webp": ("image", (b"RIFF",)),
    ".svg": ("image", None),
    ".docx": ("Word document", _ZIP), ".xlsx": ("spreadsheet", _ZIP), ".pptx": ("presentation", _ZIP),
    ".odt": ("document", _ZIP), ".ods": ("spreadsheet", _ZIP), ".odp": ("presentation", _ZIP),
    ".doc": ("Word document", _OLE), ".xls": ("spreadsheet", _OLE), ".ppt": ("presentation", _OLE),
    ".csv": ("table", None), ".txt": ("text", None),
    ".mp3": ("audio", (b"ID3", b"\xff\xfb", b"\xff\xf3", b"\xff\xf2")), ".m4a": ("audio", None),
    ".mp4": ("video", None),
}
_FTYP = (".mp4", ".m4a")  # ISO media: "ftyp" at byte 4
_MARKUP = re.compile(rb"<\s*[A-Za-z!?/]")
_SVG_UNSAFE = {"script", "foreignObject", "iframe", "embed", "object", "handler", "listener"}
_NAME = re.compile(r"[#?%\\\x00-\x1f]")


def handout_problem(path: str, written: str) -> tuple[str, str] | None:
    """(code, what is wrong) when the handout at `path` (written as `written`) may not be published."""
    name = written.replace("\\", "/").rsplit("/", 1)[-1]
    if _NAME.search(written):
        return "handout-name", f"The handout file name '{written}' holds a character (#, ?, % or a control " \
                               "character) that ends or changes a web address."
    extension = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in TYPES:
        kinds = ", ".join(sorted(TYPES))
        return "handout-type", f"The handout '{written}' is of a type the site does not publish " \
                               f"('{extension or 'no extension'}'); it publishes {kinds}."
    with open(path, "rb") as handle:
        head = handle.read(2_097_152 if extension in (".svg", ".csv", ".txt") else 16)
    return _content_problem(written, extension, head)


def _content_problem(written: str, extension: str, head: bytes) -> tuple[str, str] | None:
    kind, magic = TYPES[extension]
    if extension in _FTYP:
        ok = head[4:8] == b"ftyp"
    elif extension == ".svg":
        return _svg_problem(written, head)
    elif magic is None:  # text: it must not be markup a browser could be led to run
        ok = not _MARKUP.search(head)
    else:
        ok = head.startswith(magic)
    if ok:
        return None
    return "handout-content", f"The handout '{written}' is named as a {kind} ({extension}) but its content is not one."


def _svg_problem(written: str, data: bytes) -> tuple[str, str] | None:
    if b"<!ENTITY" in data or b"<!DOCTYPE" in data.upper():
        return "handout-content", f"The SVG handout '{written}' declares a document type or entities."
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError:
        return "handout-content", f"The SVG handout '{written}' is not well-formed SVG."
    for element in root.iter():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag in _SVG_UNSAFE:
            return "handout-content", f"The SVG handout '{written}' holds a <{tag}> element, which can run code."
        for attribute, value in element.attrib.items():
            local = attribute.rsplit("}", 1)[-1].lower()
            if local.startswith("on") or (local == "href" and not value.strip().startswith("#")):
                return "handout-content", f"The SVG handout '{written}' has a '{local}' attribute, which can run " \
                                          "code or load another file."
    return None
