"""Content Security Policy: what a published page may load and run (publish stage, after render).

The last stage of the flow (render -> builder writes HTML -> **policy**). Every page gets a
`<meta http-equiv="Content-Security-Policy">` with the hashes of its own inline scripts, and the
site gets a `_headers` file (Netlify, Cloudflare Pages) with one policy for every address: the
union of all pages' hashes, plus `frame-ancestors`, which browsers honour only in a header.

The theme's inline scripts differ by page depth (Material writes the page's base path into
one), so no fixed policy in a template could list their hashes: they are computed from each page.
Nothing here knows MkDocs; the adapter calls it on each page's HTML.
"""
from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

# The privacy-enhanced players render/media.py's embed_address produces; induction.js creates their
# iframe only when the reader presses play.
PLAYERS = ("www.youtube-nocookie.com", "player.vimeo.com")

# The HTML tokenizer ends a script's text at the first `</script` followed by a space, `/` or `>`,
# whatever the case: this pattern does the same. A regular expression rather than html.parser,
# which takes 2.3 s over the sample's 8 MB of pages (a third of the build) where this takes 30 ms;
# tests/test_csp.py checks that both find the same scripts in the built sample.
_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script[\s/>]", re.S | re.I)
_TYPE = re.compile(r"""(?:^|\s)type\s*=\s*["']?([^"'\s>]*)""", re.I)
_SRC = re.compile(r"\ssrc\s*=", re.I)
# Types a browser runs; any other (Material's `application/json` configuration) is data, which
# script-src does not govern.
_RUN = {"", "text/javascript", "application/javascript", "module"}
_HEAD = re.compile(r"<head\b[^>]*>(\s*<meta\s+charset=[^>]*>)?", re.I)


def inline_scripts(html: str) -> list[str]:
    """The text of every inline script the browser would run, in page order."""
    found = []
    for match in _SCRIPT.finditer(html):
        attributes, text = match.groups()
        kind = _TYPE.search(attributes)
        if _SRC.search(attributes) or (kind and kind.group(1).lower() not in _RUN):
            continue
        found.append(text)
    return found


def script_hash(text: str) -> str:
    """A script's CSP source expression: its SHA-256, as browsers compute it over the UTF-8 text."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def script_hashes(html: str) -> list[str]:
    """The distinct hashes of the page's inline scripts, in page order."""
    return list(dict.fromkeys(script_hash(text) for text in inline_scripts(html)))


def frame_sources(video_hosts: Iterable[str] = ()) -> list[str]:
    """frame-src: the privacy-enhanced players, and each host a programme lists in settings.video_hosts.
    A listed host also covers its subdomains, as the sanitiser's iframe check allows them
    (sanitiser.Policy.video_host)."""
    sources = [f"https://{host}" for host in PLAYERS]
    for host in video_hosts:
        host = host.strip().lower()
        if host and host not in PLAYERS:
            sources += [f"https://{host}", f"https://*.{host}"]
    return list(dict.fromkeys(sources))


def policy(hashes: Iterable[str], frames: Iterable[str], header: bool = False) -> str:
    """The policy for pages whose inline scripts have `hashes` and whose videos play from `frames`.
    `header`: for an HTTP header, which may also say who may frame the site."""
    directives = [
        "default-src 'none'",  # whatever is not named below: plugins (object-src), media, manifests
        "script-src 'self' " + " ".join(sorted(hashes)),  # the site's files and the theme's inline scripts
        # 'unsafe-inline' for styles (not scripts): Python-Markdown writes table alignment as
        # style="text-align: ..." attributes, and print.js writes the page's running line into a
        # <style> element, text that varies by page. Styles cannot run code.
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",  # Material's stylesheet draws its icons as data: SVG images
        "font-src 'self'",
        "connect-src 'self'",  # the search index, fetched by Material's script
        "worker-src 'self'",  # the search worker, a file of the site
        "frame-src " + " ".join(frames),
        "base-uri 'self'",
        "form-action 'none'",  # the search box is a form that Material's script never submits
    ]
    if header:
        directives.append("frame-ancestors 'none'")  # no other site may show these pages in a frame
    return "; ".join(directives)


def with_meta(html: str, content: str) -> str:
    """`html` with the policy as a meta tag at the top of <head>, before anything it governs.
    Right after <meta charset> when that comes first: the charset must stay in the first 1024 bytes."""
    tag = f'<meta http-equiv="Content-Security-Policy" content="{content}">'
    head = _HEAD.search(html)
    if head is None:
        return html
    return html[:head.end()] + tag + html[head.end():]


def headers_file(content: str) -> str:
    """A `_headers` file (Netlify and Cloudflare Pages read it) giving every address the policy."""
    return f"/*\n  Content-Security-Policy: {content}\n"


@dataclass
class SitePolicy:
    """The policy of one build: each page gets its own meta tag, the header takes every page's hashes."""

    frames: list[str]
    hashes: set[str] = field(default_factory=set)

    def page(self, html: str) -> str:
        """The page with its meta tag; its hashes are remembered for the header."""
        hashes = script_hashes(html)
        self.hashes.update(hashes)
        return with_meta(html, policy(hashes, self.frames))

    def headers(self) -> str:
        return headers_file(policy(self.hashes, self.frames, header=True))
