"""Addresses read as browsers read them (WHATWG URL): the host a link or player really goes to.

Each row is a tricky form; the host is what Chromium's address bar would show (IDNA, IPv4 in
dotted form), and the verdicts are those of address_problem and the iframe allow-list.
"""

from __future__ import annotations

import pytest

from induction.check.sanitiser import Policy
from induction.core.paths import address_problem, host_of

YT = "www.youtube-nocookie.com"
TABLE = [  # (address, host, address_problem code or None, allowed as a player iframe)
    (f"https://{YT}/embed/abc", YT, None, True),
    (f"https://evil.example\\@{YT}/embed/abc", "evil.example", None, False),  # a backslash is a slash
    (f"https://evil.example\\\\@{YT}/", "evil.example", None, False),
    (f"https://user:pw@{YT}/embed/abc", YT, None, False),  # a player never carries a user name
    (f"https://{YT}@evil.example/embed/abc", "evil.example", None, False),
    (f"https://{YT}.evil.example/embed/abc", f"{YT}.evil.example", None, False),
    ("HTTPS://WWW.YouTube-NoCookie.COM/embed/abc", YT, None, True),
    (f"https://{YT}./embed/abc", YT, None, True),  # the root's trailing dot
    ("https://www.ｙｏｕｔｕｂｅ-nocookie.com/embed/abc", YT, None, True),  # full-width letters: IDNA maps them
    ("https://www.youtube-nocookie\u3002com/embed/abc", YT, None, True),  # an ideographic full stop
    ("https://bücher.example/", "xn--bcher-kva.example", None, False),
    (f"\thttps://{YT}/embed/abc", YT, None, True),
    (f"https://{YT}%2Fembed/abc", None, "bad-address", False),  # a host with a slash in it: refused
    ("http://127.1:8000/", "127.0.0.1", "forbidden-host", False),
    ("http://2130706433/", "127.0.0.1", "forbidden-host", False),
    ("http://0x7f.0.0.1/", "127.0.0.1", "forbidden-host", False),
    ("http://0177.0.0.1/", "127.0.0.1", "forbidden-host", False),
    ("http://127.0.0.2/", "127.0.0.2", "forbidden-host", False),
    ("http://10.0.0.5/intranet", "10.0.0.5", "forbidden-host", False),
    ("http://[::1]:8000/", "[::1]", "forbidden-host", False),
    ("http://[::ffff:127.0.0.1]/", "127.0.0.1", "forbidden-host", False),
    ("http://[::ffff:7f00:1]/", "127.0.0.1", "forbidden-host", False),
    ("http://0/", "0.0.0.0", "forbidden-host", False),
    ("http://LOCALHOST./", "localhost", "forbidden-host", False),
    ("http://[::1/", None, "bad-address", False),
    ("http://1.2.3.4.5/", None, "bad-address", False),  # too many parts for an IPv4 form
    ("https://8.8.8.8/", "8.8.8.8", None, False),
    ("https://example.org/a\\b", "example.org", None, False),
    ("../week-2/", "", None, False),
    ("#top", "", None, False),
]


@pytest.mark.parametrize("address, host, code, player", TABLE, ids=[row[0] for row in TABLE])
def test_tricky_addresses_are_read_as_a_browser_reads_them(address, host, code, player):
    assert host_of(address) == host
    problem = address_problem(address)
    assert (problem[0] if problem else None) == code
    assert Policy().video_host(address) is player


def test_a_private_address_says_what_kind_it_is():
    assert address_problem("http://[fe80::1]/") == (
        "forbidden-host",
        "The address 'http://[fe80::1]/' points at a host that is never published ([fe80::1] is a link-local address).",
    )
