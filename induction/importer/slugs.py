"""Slugs: the one rule that turns a source name (a file name, a folder, a page address) into an id.

Used by every import stage that makes an id or a file name, and by `conservation`, which must
find the pages an import made. The rule is the format's id rule (`shapes.ID_PATTERN`: lower-case
letters, digits and single hyphens), reached the same way for any name:

- accents are dropped by Unicode decomposition ("Café" -> "cafe"), and a few letters that do not
  decompose are spelled out ("ß" -> "ss", "æ" -> "ae");
- apostrophes of every kind vanish, so "you'll", "you’ll" and "youll" are one slug (a provider's
  links write the straight one while its file names and front matter write the curly one);
- any other character that is not a letter or digit is a separator; runs of them are one hyphen;
- a letter that has no Latin spelling is kept as its code point ("中" -> "u4e2d"), so two names in
  another script never collide by both becoming empty.

Slugs are stable across runs (a pure function of the name); `Slugs` makes them unique within one
namespace by a suffix taken from the original name, so it does not depend on which other names
exist or in what order they come.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
import urllib.parse

from induction.core.shapes import ID_PATTERN

_APOSTROPHES = re.compile("['\u2018\u2019\u02bc\u02b9`\u00b4\u2032]")
_SPELLED = {
    "ß": "ss",
    "æ": "ae",
    "œ": "oe",
    "ø": "o",
    "đ": "d",
    "ð": "d",
    "ł": "l",
    "þ": "th",
    "ı": "i",
    "ŋ": "ng",
    "ħ": "h",
}
_SEPARATORS = re.compile(r"[^a-z0-9]+")
_ID = re.compile(ID_PATTERN)


def _latin(char: str) -> str:
    if char.isascii():
        return char
    if char in _SPELLED:
        return _SPELLED[char]
    return f"-u{ord(char):04x}-" if char.isalnum() else "-"


def slug(text: str) -> str:
    """`text` as an id of the content format ('' only when it holds no letter or digit at all)."""
    text = unicodedata.normalize("NFKD", _APOSTROPHES.sub("", text.casefold()))
    text = "".join(_latin(char) for char in text if not unicodedata.combining(char))
    return _SEPARATORS.sub("-", text.lower()).strip("-")


def suffix(original: str) -> str:
    """Six hex digits from `original`: what tells apart two names that slug alike."""
    return hashlib.sha256(original.encode("utf-8", "surrogatepass")).hexdigest()[:6]


def is_id(text: str) -> bool:
    return _ID.fullmatch(text) is not None


class Slugs:
    """One namespace of unique slugs: the same original always gets the same slug.

    A name whose slug is already its own spelling keeps it; any other name whose slug is taken gets
    `-<suffix(original)>`, so the result depends on the names, not on the order they are met in.
    """

    def __init__(self, empty: str = "page") -> None:
        self.empty = empty  # the stem of a name with no letter or digit ("..." or "-")
        self.given: dict[str, str] = {}  # original -> slug
        self.owner: dict[str, str] = {}  # slug -> original

    def claim(self, names: list[str]) -> None:
        """Reserve slugs for `names` ahead of use: those already spelled as ids first."""
        for name in sorted(names, key=lambda n: (slug(n) != n, n)):
            self.of(name)

    def of(self, original: str, wanted: str = "") -> str:
        """The slug of `original` (or `wanted`, a slug made from it another way), unique here."""
        if original in self.given:
            return self.given[original]
        wanted = wanted or slug(original) or f"{self.empty}-{suffix(original)}"
        if wanted in self.owner:
            wanted = f"{wanted}-{suffix(original)}"
        self.given[original] = wanted
        self.owner[wanted] = original
        return wanted


def canonical(path: str) -> str:
    """A site-absolute address with each segment slugged: how two spellings of one address meet.

    The corpus writes one page's address as "what-you'll-learn" in a link, "what-you’ll-learn" in
    front matter and in its file name, sometimes percent-encoded: all three name the same page.
    """
    segments = urllib.parse.unquote(path).split("/")
    return "/".join(slug(segment) or segment for segment in segments)
