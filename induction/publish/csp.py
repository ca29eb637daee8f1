"""Content Security Policy: what a published page may load and run (publish stage, after render).

The last stage of the flow (render -> builder writes HTML -> **policy**). Every page gets a
`<meta http-equiv="Content-Security-Policy">` with the hashes of its own inline scripts, and the
site gets a `_headers` file (Netlify, Cloudflare Pages) with one policy for every address: the
union of all pages' hashes, plus `frame-ancestors`, which browsers honour only in a header.

The theme's inline scripts differ by page depth (Material writes the page's base path into
one), so no fixed policy in a template could list their hashes: they are computed from each page.
Only the theme's and the project's scripts are trusted: a page's hashes are taken from the inline
scripts outside its content container (Material's `article.md-content__inner`), and a script inside
it is an error, never hashed. Scripts and container are found in the tree an HTML5 parser builds
(Lexbor, through selectolax), as the browser builds it: a pattern over the text can be made to end
the container early, or to miss a script a browser runs. It runs after the build, over the
written HTML, so it works on any engine's output: `python induction/publish/csp.py SITE_DIR
[--frame-host HOST ...]` (its one dependency is selectolax, so it runs without the project installed).
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import os
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser, LexborNode

# The privacy-enhanced players render/media.py's embed_address produces; induction.js creates their
# iframe only when the reader presses play.
PLAYERS = ("www.youtube-nocookie.com", "player.vimeo.com")

# Types a browser runs (the HTML standard's JavaScript MIME type essences, and modules); any other
# (Material's `application/json` configuration) is a data block, which script-src does not govern.
_RUN = {
    "",
    "module",
    "application/ecmascript",
    "application/javascript",
    "application/x-ecmascript",
    "application/x-javascript",
    "text/ecmascript",
    "text/javascript",
    "text/javascript1.0",
    "text/javascript1.1",
    "text/javascript1.2",
    "text/javascript1.3",
    "text/javascript1.4",
    "text/javascript1.5",
    "text/jscript",
    "text/livescript",
    "text/x-ecmascript",
    "text/x-javascript",
}
_WHITESPACE = " \t\n\f\r"
_HEAD = re.compile(r"<head\b[^>]*>(\s*<meta\s+charset=[^>]*>)?", re.I)
_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="[^"]*">')
# The element that holds what the page's Markdown became (Material's template, which Zensical
# keeps). Everything a content author writes lands inside it; the theme's scripts are outside.
CONTAINER = ("article", "md-content__inner")


def _runs(script: LexborNode) -> bool:
    """Whether the browser runs `script` as inline code (the HTML standard's "prepare the script
    element": its type string, from `type`, else from `language`)."""
    attributes = script.attributes
    if "src" in attributes:
        return False
    kind = attributes.get("type")
    if kind is None or kind == "":
        language = attributes.get("language")
        kind = "" if not language else "text/" + language
    return kind.strip(_WHITESPACE).lower() in _RUN


def _is_container(node: LexborNode) -> bool:
    return node.tag == CONTAINER[0] and CONTAINER[1] in (node.attributes.get("class") or "").split()


def _inside_content(node: LexborNode) -> bool:
    """Whether `node` is in the content container, or after it in the container's parent: the
    template puts nothing there (the container is the last element of Material's `md-content`), so
    what is there is content that closed the container early (a raw '</article>' in a page that no
    cleaner read), which the browser runs as if it were the theme's."""
    current: LexborNode | None = node
    while current is not None:
        if _is_container(current):
            return True
        sibling = current.prev
        while sibling is not None:
            if _is_container(sibling):
                return True
            sibling = sibling.prev
        current = current.parent
    return False


def _scripts(html: str | LexborHTMLParser) -> list[tuple[LexborNode, str]]:
    """Every script element of the tree the browser builds from `html` (an HTML5 parser's, Lexbor's;
    an svg <script> too; or that tree, parsed already), with its text as the browser hashes it: the
    script's child text content."""
    document = LexborHTMLParser(html) if isinstance(html, str) else html
    return [
        (node, "".join(child.text_content or "" for child in node.iter(include_text=True) if child.is_text_node))
        for node in document.css("script")
    ]


def inline_scripts(html: str) -> list[str]:
    """The text of every inline script the browser would run, in page order."""
    return [text for node, text in _scripts(html) if _runs(node)]


def split_scripts(html: str | LexborHTMLParser) -> tuple[list[str], list[str]]:
    """(the inline scripts the browser would run outside the content container: the theme's; every
    script element inside it, of whatever type, which content may not hold), as parsed."""
    outside: list[str] = []
    inside: list[str] = []
    for node, text in _scripts(html):
        if _inside_content(node):
            inside.append(text)
        elif _runs(node):
            outside.append(text)
    return outside, inside


def script_hash(text: str) -> str:
    """A script's CSP source expression: its SHA-256, as browsers compute it over the UTF-8 text."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def script_hashes(html: str) -> list[str]:
    """The distinct hashes of the page's trusted inline scripts (outside its content), in page order."""
    return list(dict.fromkeys(script_hash(text) for text in split_scripts(html)[0]))


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


def policy(hashes: Iterable[str], frames: Iterable[str], header: bool = False, wasm: bool = False) -> str:
    """The policy for pages whose inline scripts have `hashes` and whose videos play from `frames`.
    `header`: for an HTTP header, which may also say who may frame the site. `wasm`: the site's search
    runs WebAssembly (a hosted site's Pagefind, induction/publish/fragment_search.py)."""
    # 'wasm-unsafe-eval' lets Pagefind compile its WebAssembly module (a file of the site, fetched
    # with connect-src 'self'); it allows no eval() of JavaScript and no inline script. Only the
    # sites that search with it get it.
    scripts = ["'self'", *(["'wasm-unsafe-eval'"] if wasm else []), *sorted(hashes)]
    directives = [
        "default-src 'none'",  # whatever is not named below: plugins (object-src), media, manifests
        "script-src " + " ".join(scripts),  # the site's files and the theme's inline scripts
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
    html = _META.sub("", html, count=1)  # a page policied before (a --dirty build) gets today's policy
    head = _HEAD.search(html)
    if head is None:
        return html
    return html[: head.end()] + tag + html[head.end() :]


def headers_file(content: str) -> str:
    """A `_headers` file (Netlify and Cloudflare Pages read it) giving every address the policy, and
    `nosniff`: a browser then runs as a script only what is served as one, never a handout served as
    text (a `.txt` of JavaScript named by a `<script src>`), and shows no file as another type."""
    return f"/*\n  Content-Security-Policy: {content}\n  X-Content-Type-Options: nosniff\n"


@dataclass
class SitePolicy:
    """The policy of one build: each page gets its own meta tag, the header takes every page's hashes."""

    frames: list[str]
    hashes: set[str] = field(default_factory=set)
    wasm: bool = False  # the site's search runs WebAssembly (see policy)

    def page(self, html: str, tree: LexborHTMLParser | None = None) -> str:
        """The page with its meta tag (`tree`: the page as Lexbor parsed it already, if it was); its
        hashes are remembered for the header. Raises ContentScript when the page's content holds a
        script (the page is not written)."""
        theirs, content = split_scripts(html if tree is None else tree)
        if content:
            raise ContentScript("An inline script is inside the page's content.")
        hashes = list(dict.fromkeys(script_hash(text) for text in theirs))
        self.hashes.update(hashes)
        return with_meta(html, policy(hashes, self.frames, wasm=self.wasm))

    def write(self, site_dir: str, path: str, html: str, tree: LexborHTMLParser | None = None) -> bool:
        """Writes the page with its policy to `path` under `site_dir`, as the builder writes a page
        (UTF-8, with character references for what it cannot encode); False, writing nothing, when
        its content holds a script."""
        try:
            policed = self.page(html, tree)
        except ContentScript:
            return False
        target = os.path.join(site_dir, path)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "wb") as handle:
            handle.write(policed.encode("utf-8", errors="xmlcharrefreplace"))
        return True

    def headers(self) -> str:
        return headers_file(policy(self.hashes, self.frames, header=True, wasm=self.wasm))


class ContentScript(Exception):
    """An inline script inside a page's content: content may not run scripts, so no policy is written."""


def publish(site_dir: str, frames: Sequence[str], wasm: bool = False) -> int:
    """Give every .html page under `site_dir` its policy and write `site_dir/_headers`; returns the
    number of pages. Raises ContentScript, having changed nothing, when any page's content holds
    an inline script."""
    return publish_rest(site_dir, SitePolicy(list(frames), wasm=wasm), set())


def publish_rest(site_dir: str, site: SitePolicy, written: set[str]) -> int:
    """Give each .html page under `site_dir` that `written` does not name (paths relative to it, the
    pages `site` gave their policy as they were written) its policy, and write `site_dir/_headers`
    with every page's hashes; returns the number of pages policied here. Raises ContentScript,
    having changed nothing, when any of them holds an inline script in its content."""
    pages = sorted(
        path
        for folder, _, names in os.walk(site_dir)
        for name in names
        if name.endswith(".html")
        and (path := os.path.join(folder, name))
        and os.path.relpath(path, site_dir).replace(os.sep, "/") not in written
    )
    texts = {}
    for path in pages:
        with open(path, encoding="utf-8") as handle:
            texts[path] = handle.read()
    found = [os.path.relpath(path, site_dir) for path, html in texts.items() if split_scripts(html)[1]]
    if found:
        raise ContentScript(
            "An inline script is inside the content of "
            + ", ".join(found)
            + ": content may not run scripts, so no policy was written. Find where it"
            " came from (the page's Markdown source) and remove it."
        )
    for path, html in texts.items():
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(site.page(html))
    with open(os.path.join(site_dir, "_headers"), "w", encoding="utf-8") as handle:
        handle.write(site.headers())
    return len(pages)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Add the Content Security Policy to a built site: a meta "
        "tag in every .html page and SITE_DIR/_headers."
    )
    parser.add_argument("site_dir", help="the built site (any engine's output with Material's template)")
    parser.add_argument(
        "--frame-host",
        action="append",
        default=[],
        metavar="HOST",
        help="a video host pages may frame, besides the privacy-enhanced players (repeatable)",
    )
    args = parser.parse_args(argv)
    if not os.path.isdir(args.site_dir):
        print(f"{args.site_dir}: no such folder; build the site first.", file=sys.stderr)
        return 2
    try:
        count = publish(
            args.site_dir,
            frame_sources(args.frame_host),
            wasm=os.path.isfile(os.path.join(args.site_dir, "pagefind", "pagefind.js")),
        )
    except ContentScript as error:
        print(error, file=sys.stderr)
        return 1
    print(f"Content Security Policy written into {count} pages and {os.path.join(args.site_dir, '_headers')}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
