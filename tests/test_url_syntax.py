"""URL syntax: the rules `url_syntax` applies are the W3C checker's, asked of the checker itself.

A table of tricky addresses and generated ones go to vnu, one page each, and the validator's
verdict (`malformed`, with `paths.host_of` for the host) must agree with vnu's on every one.
`well_formed` always gives an address both call valid, when one exists.
"""

from __future__ import annotations

import html
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from induction.core.paths import host_of
from induction.core.url_syntax import malformed, well_formed

JAR = ROOT / ".vnu" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

TABLE = {
    "http://bit.ly/ ecf": "has a space in it, which an address may not hold (write %20)",
    "a b.png": "has a space in it, which an address may not hold (write %20)",
    "a%zzb": "has a '%' that is not followed by two hexadecimal digits (write %25 for a '%')",
    "a%2": "has a '%' that is not followed by two hexadecimal digits (write %25 for a '%')",
    "a%20b": None,
    "https://a.example/x|y": "has the character '|' in it, which an address may not hold (write %7C)",
    "https://a.example/x^y": "has the character '^' in it, which an address may not hold (write %5E)",
    "https://a.example/x{y}": "has the character '{' in it, which an address may not hold (write %7B)",
    "https://a.example/x`y": "has the character '`' in it, which an address may not hold (write %60)",
    'https://a.example/x"y': "has the character '\"' in it, which an address may not hold (write %22)",
    "https://a.example/x\\y": "has a backslash in it, which browsers read as '/'",
    "x\\y": "has a backslash in it, which browsers read as '/'",
    "https://a.example/?q=[1]": "has the character '[' in it, which an address may not hold (write %5B)",
    "https://a.example/#a#b": "has a second '#' (write %23 for a '#' in the fragment)",
    "#x y": "has a space in it, which an address may not hold (write %20)",
    "https://münchen.example/ä": None,
    "mailto:a@b.example": None,
    "tel:+44 20": "has a space in it, which an address may not hold (write %20)",
    "https://a.example:99999/": "has a port that is not a number under 65536",
    "https://a.example:8x/": "has a port that is not a number under 65536",
    "https:/a.example": "needs two slashes after 'https:'",
    "https:a.example": "needs two slashes after 'https:'",
    "http://": "has no host",
    "//a.example/x": None,
    "?q=%": "has a '%' that is not followed by two hexadecimal digits (write %25 for a '%')",
    "a<b": "has the character '<' in it, which an address may not hold (write %3C)",
    "https://a.example/x\ty": "has a tab or a line break in it",
    " https://a.example/ ": None,
    "https://user:pw@a.example/": "includes a user name or password",
    "https://[::1]:8080/": None,
    "https://a.example/~x!$&'()*+,;=:@": None,
    "../handouts/sheet.pdf#page=2": None,
    "//": "has no host",
    "\t": "has a tab or a line break in it",
    " ": None,
}

# Generated addresses: a valid start and a tail of the characters the rules are about.
PARTS = [
    "a",
    "/",
    "?",
    "#",
    "%",
    "%2",
    "%41",
    " ",
    "|",
    "^",
    "{",
    "}",
    "[",
    "]",
    "`",
    "\\",
    '"',
    "<",
    ">",
    "~",
    "=",
    "&",
    ":",
    "@",
    ";",
    "ä",
    "\t",
]
ADDRESSES = st.tuples(
    st.sampled_from(["", "https://a.example/", "https://a.example:80/", "mailto:", "../", "#"]),
    st.lists(st.sampled_from(PARTS), max_size=8).map("".join),
).map("".join)


def vnu_verdicts(addresses: list[str], folder: Path) -> list[bool]:
    """For each address, whether the W3C checker calls it valid in an <a href>: one page per address
    (its messages are told apart by file, whatever line breaks an address holds), one run of Java."""
    for i, address in enumerate(addresses):
        (folder / f"{i}.html").write_text(
            "<!DOCTYPE html>\n<html lang=en><head><title>t</title></head><body>\n"
            f'<p><a href="{html.escape(address)}">link</a></p>\n</body></html>\n',
            encoding="utf-8",
        )
    result = subprocess.run(
        ["java", "-jar", str(JAR), "--errors-only", "--format", "json", str(folder)], capture_output=True, text=True
    )
    bad = {
        int(message["url"].rsplit("/", 1)[-1].removesuffix(".html"))
        for message in json.loads(result.stderr)["messages"]
    }
    return [i not in bad for i in range(len(addresses))]


@pytest.mark.parametrize("address", sorted(TABLE))
def test_the_table(address):
    assert malformed(address) == TABLE[address]


@given(ADDRESSES)
def test_the_well_formed_address_is_valid_unless_no_encoding_mends_it(address):
    why = malformed(address)
    if why in (None, "has a tab or a line break in it") or why.startswith(("has a", "has the")):
        assert malformed(well_formed(address)) is None
    if why is None:
        assert well_formed(address) == address.strip(" \t\n\r\f")


needs_vnu = pytest.mark.skipif(not (JAR.is_file() and shutil.which("java")), reason="needs vnu.jar and Java")


@pytest.mark.external
@needs_vnu
def test_the_checker_agrees_with_the_table_and_with_generated_addresses(tmp_path):
    generated: list[str] = []

    @settings(max_examples=1000, database=None, suppress_health_check=list(HealthCheck))
    @given(ADDRESSES)
    def collect(address):
        generated.append(address)

    collect()
    addresses = sorted(TABLE) + generated
    verdicts = vnu_verdicts(addresses, tmp_path)
    # what the validator refuses: a malformed address, or a host that cannot be read (paths.host_of)
    disagree = [
        (address, malformed(address), host_of(address))
        for address, valid in zip(addresses, verdicts, strict=True)
        if valid != (malformed(address) is None and host_of(address) is not None)
    ]
    assert disagree == []
