"""Served files: every file the site serves as it is, judged by what it is, not by its name (load stage).

Handouts, the provider's logo and its favicon are copied into site/ byte for byte and opened from
the site's own address, so a file that a browser runs (HTML, SVG with a script, JavaScript)
would run with the site's authority. One checker decides for all of them, and for the files the
importer copies (induction/importer/corpus.py), with one set of problem codes:

- the type, by extension, must be on an allow-list (the logo and favicon: images only), and the
  content must be that type: raster images, PDFs, office documents and media by their first
  bytes (hosts and browsers decide by content too: a `.pdf` that is HTML inside is refused);
- an SVG by the allow-list of induction/load/svg.py;
- plain text (.txt, .csv) must read as text, not as markup or script: the site's `_headers`
  also tells hosts to serve every file with `X-Content-Type-Options: nosniff` (induction/publish/csp.py),
  so a browser never runs a text file as a script, and this check covers hosts without headers;
- a size limit per use, taken from os.stat before anything is read.

Limits: 20 MB for a document, image or text handout (Cloudflare Pages refuses a file over 25 MiB,
and a school's connection should not spend minutes on a worksheet); 100 MB for audio and video
(GitHub refuses a file over 100 MB in a repository); 1 MB for the logo and favicon, which every
page loads (a logo is a few kilobytes; 1 MB leaves room for a detailed raster one).
"""

from __future__ import annotations

import os
import re

from induction.load.svg import svg_problem

MB = 1_000_000
HANDOUT_LIMIT, MEDIA_LIMIT, IMAGE_LIMIT = 20 * MB, 100 * MB, 1 * MB

# Extension -> (what it is, with its article, the start of its bytes: alternatives; None for a format judged otherwise).
_ZIP, _OLE = (b"PK\x03\x04",), (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",)
TYPES: dict[str, tuple[str, tuple[bytes, ...] | None]] = {
    ".pdf": ("a PDF", (b"%PDF-",)),
    ".png": ("an image", (b"\x89PNG\r\n\x1a\n",)),
    ".jpg": ("an image", (b"\xff\xd8\xff",)),
    ".jpeg": ("an image", (b"\xff\xd8\xff",)),
    ".gif": ("an image", (b"GIF87a", b"GIF89a")),
    ".webp": ("an image", None),
    ".ico": ("an image", (b"\x00\x00\x01\x00",)),
    ".svg": ("an image", None),
    ".docx": ("a Word document", _ZIP),
    ".xlsx": ("a spreadsheet", _ZIP),
    ".pptx": ("a presentation", _ZIP),
    ".odt": ("a document", _ZIP),
    ".ods": ("a spreadsheet", _ZIP),
    ".odp": ("a presentation", _ZIP),
    ".doc": ("a Word document", _OLE),
    ".xls": ("a spreadsheet", _OLE),
    ".ppt": ("a presentation", _OLE),
    ".csv": ("a table", None),
    ".txt": ("text", None),
    ".mp3": ("audio", (b"ID3", b"\xff\xfb", b"\xff\xf3", b"\xff\xf2")),
    ".m4a": ("audio", None),
    ".mp4": ("video", None),
}
IMAGES = (".svg", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".ico")  # what a logo or favicon may be
HANDOUTS = tuple(sorted(set(TYPES) - {".ico"}))  # an icon is the favicon's format, never a handout's
_FTYP = (".mp4", ".m4a")  # ISO media: "ftyp" at byte 4
_MEDIA = (".mp3", ".m4a", ".mp4")
_TEXT = (".csv", ".txt")
_MARKUP = re.compile(r"<\s*[A-Za-z!?/]")
# Text that reads as JavaScript rather than as prose or a table, once spaces are dropped (so that
# `alert (1)` and `alert(1)` are one): a call of a name a script uses, an arrow or function, an
# assignment to a property, or the bracket-and-bang style that spells code without letters. A
# heuristic, and the second line of defence: nosniff in _headers is the first, and no page may
# hold a <script> naming a handout (the page allow-list, induction/check/sanitiser.py).
_SCRIPT = re.compile(
    r"=>|\bfunction[\w$]*\([^)]*\)\{"
    r"|\b(?:eval|alert|confirm|prompt|fetch|import|atob|settimeout|setinterval|require)\((?!s\))"
    r"|\b(?:document|window|globalthis|self|top|parent|this|location|navigator|localstorage|sessionstorage)[.\[]"
    r"|\b(?:eval|alert|confirm|prompt|fetch|atob|settimeout|setinterval)\)"  # (0,eval)(...)
    r"|\blocation=|\.constructor\b|\.(?:call|apply|bind)\(|\[\]\[|!\[\]|\+\[\]"
    r"|[a-z0-9_$\])]\.[a-z_$][\w$]*=[^=>]"
)
_TAGGED = re.compile(r"[\w$\])]`")  # a tagged template, alert`1`: a call without brackets
_NAME = re.compile(r"[#?%\\\x00-\x1f]")


def limit(extension: str, use: str) -> int:
    """The largest file of `extension` the site serves as `use` ('handout', 'logo' or 'favicon')."""
    if use != "handout":
        return IMAGE_LIMIT
    return MEDIA_LIMIT if extension in _MEDIA else HANDOUT_LIMIT


def handout_name_problem(written: str) -> tuple[str, str] | None:
    """(code, what is wrong) when a handout's file name, as assets.yaml gives it, would break its address.
    (The importer names the files it copies by their ids, so it has no use for this.)"""
    if _NAME.search(written):
        return (
            "handout-name",
            f"The handout file name '{written}' holds a character (#, ?, % or a control "
            "character) that ends or changes a web address.",
        )
    return None


def served_problem(path: str, written: str, use: str = "handout") -> tuple[str, str] | None:
    """(code, what is wrong) when the file at `path` (written as `written`) may not be served as `use`:
    'handout' (codes handout-type, handout-content, served-too-large) or 'logo' /
    'favicon' (image-content, served-too-large; their names and types are the loader's)."""
    name = written.replace("\\", "/").rsplit("/", 1)[-1]
    extension = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if use == "handout" and extension not in HANDOUTS:
        kinds = ", ".join(HANDOUTS)
        return (
            "handout-type",
            f"The handout '{written}' is of a type the site does not publish "
            f"('{extension or 'no extension'}'); it publishes {kinds}.",
        )
    size, most = os.stat(path).st_size, limit(extension, use)
    if size > most:
        return (
            "served-too-large",
            f"The {use} '{written}' is {size:,} bytes; the site serves "
            f"{_kind(extension, use)} of at most {most:,} bytes.",
        )
    with open(path, "rb") as handle:
        data = handle.read(most + 1 if extension in (".svg", *_TEXT) else 16)
    why = content_problem(extension, data)
    if why is None:
        return None
    code = "handout-content" if use == "handout" else "image-content"
    return code, why.replace("{file}", f"{'SVG ' if extension == '.svg' else ''}{use} '{written}'")


def _kind(extension: str, use: str) -> str:
    if use != "handout":
        return f"a {use}"
    return "audio and video" if extension in _MEDIA else "a handout"


def content_problem(extension: str, head: bytes) -> str | None:
    """What is wrong with content `head` (all of a text or SVG file, else its first 16 bytes) for its
    `extension`, as a sentence about "The {file}", or None when it is what its name says."""
    kind, magic = TYPES[extension]
    if extension == ".svg":
        found = svg_problem(head)
        return f"The {{file}} {found[0]} (line {found[1]} of the file)." if found else None
    if extension in _TEXT:
        return _text_problem(head)
    if extension in _FTYP:
        ok = head[4:8] == b"ftyp"
    elif extension == ".webp":
        ok = head[:4] == b"RIFF" and head[8:12] == b"WEBP"
    else:
        ok = magic is not None and head.startswith(magic)
    return None if ok else f"The {{file}} is named as {kind} ({extension}) but its content is not one."


def _text_problem(data: bytes) -> str | None:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return "The {file} is not UTF-8 text."
    found = _MARKUP.search(text)
    if found:
        line = text.count("\n", 0, found.start()) + 1
        return f"The {{file}} holds markup ('{found.group()}' on its line {line}), which a browser could run."
    # Whole, since a script may break a line anywhere between a name and its brackets; then line by
    # line, to say where.
    whole = _SCRIPT.search(re.sub(r"\s+", "", text).lower()) or _TAGGED.search(text)
    if whole is None:
        return None
    for number, line_text in enumerate(text.splitlines(), 1):
        code = _SCRIPT.search(re.sub(r"\s+", "", line_text).lower()) or _TAGGED.search(line_text)
        if code:
            return (
                f"The {{file}} reads as JavaScript on its line {number} ('{code.group()}'), which a browser could run."
            )
    return f"The {{file}} reads as JavaScript ('{whole.group()}' across its lines), which a browser could run."
