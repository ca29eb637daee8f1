"""Sanitiser: raw HTML and addresses in Markdown bodies, checked against an allow-list (check stage).

Stage three of the flow (source -> load -> **check** -> render). Session bodies and transcripts
may hold raw HTML (details, figures, tables ...). Each tag is found with its line (the standard
library's tokenizer), then given to nh3, a well-kept allow-list sanitiser: whatever nh3 would
not keep (an element, an attribute, an address) is reported with file and line. Where a
programme says `settings.unsafe_html: strip`, it is removed from the body with a warning instead,
so the rendered page holds only what nh3 kept. Markdown links and images are checked for the
same unsafe addresses (`paths.address_problem`). Elements left open are reported too: an
unclosed <details> would swallow the rest of the page.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import NamedTuple

import nh3
from markdown.blockprocessors import HashHeaderProcessor
from markdown.extensions.attr_list import AttrListTreeprocessor, get_attrs_and_remainder
from markdown.extensions.toc import slugify
from markdown.inlinepatterns import AUTOLINK_RE, AUTOMAIL_RE

from induction.body import IMAGE_REFERENCE, Body, label, read
from induction.body.rich_text import rich_texts
from induction.core.lines import line_of
from induction.core.model import Programme
from induction.core.paths import address_problem, browser_form, canonical_host, host_of, short
from induction.core.problems import CATALOGUE, Problems
from induction.core.settings import FORBIDDEN_HOSTS, VIDEO_HOSTS, Settings
from induction.core.url_syntax import malformed

# What content legitimately needs: Material's collapsible blocks, figures, tables and text-level
# elements. `markdown` lets md_in_html render Markdown inside a block.
TAGS = {
    "details",
    "summary",
    "figure",
    "figcaption",
    "img",
    "a",
    "br",
    "hr",
    "table",
    "caption",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "th",
    "td",
    "colgroup",
    "col",
    "ol",
    "ul",
    "li",
    "dl",
    "dt",
    "dd",
    "span",
    "div",
    "abbr",
    "sup",
    "sub",
    "em",
    "strong",
    "b",
    "i",
    "p",
    "blockquote",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "iframe",
    "kbd",
    "mark",
    "small",
    "s",
    "u",
    "q",
    "cite",
}
ATTRIBUTES = {
    "*": {"class", "markdown", "title", "lang", "dir", "aria-label"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height", "loading"},
    "details": {"open"},
    "iframe": {"src", "width", "height", "allow", "allowfullscreen", "loading", "referrerpolicy"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "col": {"span"},
    "ol": {"start", "type"},
}
URL_ATTRIBUTES = {"href", "src"}
# Elements whose content goes with them when stripped (their text is code or styling, not prose).
WITH_CONTENT = {"script", "style"}
_VOID = {"br", "hr", "img", "col", "input", "meta", "link", "source", "wbr", "area", "base", "embed", "param", "track"}
_OPTIONAL_END = {"li", "p", "td", "th", "tr", "thead", "tbody", "tfoot", "dt", "dd", "colgroup", "option"}
# Table parts vanish when parsed alone, so each is checked inside the context it needs.
_CONTEXT = {
    "tr": ("<table><tbody>", "</tbody></table>"),
    "td": ("<table><tbody><tr>", "</tr></tbody></table>"),
    "th": ("<table><tbody><tr>", "</tr></tbody></table>"),
    "col": ("<table><colgroup>", "</colgroup></table>"),
    **{t: ("<table>", "</table>") for t in ("thead", "tbody", "tfoot", "caption", "colgroup")},
}
_REASONS = {
    "script": "content may not run scripts",
    "style": "the site's look comes from its stylesheets",
    "form": "content may not collect data",
    "input": "content may not collect data",
    "button": "content may not collect data",
    "textarea": "content may not collect data",
    "select": "content may not collect data",
    "object": "content may not embed programs",
    "embed": "content may not embed programs",
    "link": "content may not load other files",
    "meta": "content may not change the page's head",
    "base": "content may not change the page's head",
}
# Python-Markdown's own autolink patterns (<https://...> and <name@host>), asked rather than copied.
AUTOLINKS = (re.compile(AUTOLINK_RE), re.compile(AUTOMAIL_RE))
# Comments that HTML closes where an author would not expect ("<!-->", "<!--->", "--!>"): the
# HTML parser of Python-Markdown 3.10 loops for ever on them, so they are refused, outside code.
# And '<![CDATA[': Python's html.parser (the renderer's, and _Tags) reads on to ']]>', where a
# browser ends it at the first '>', so what follows (a script) is hidden from one and not the other.
_BROKEN_COMMENT = re.compile(r"<!---?>|--!>|<!\[(?:CDATA\[)?", re.I)


@dataclass(frozen=True)
class Policy:
    """What a programme allows: the hosts iframes may load from, the host parts no link may name."""

    video_hosts: tuple[str, ...] = VIDEO_HOSTS
    forbidden_hosts: tuple[str, ...] = FORBIDDEN_HOSTS

    @classmethod
    def of(cls, settings: Settings) -> Policy:
        return cls(settings.video_hosts, settings.forbidden_hosts)

    def video_host(self, url: str) -> bool:
        # Read as the browser reads it (paths.host_of); a player address never carries a user name.
        form = browser_form(url)
        host = host_of(form) or ""
        if not form.lower().startswith("https://") or "@" in form.split("/", 3)[2]:
            return False
        return any(host == h or host.endswith("." + h) for h in (canonical_host(h) or h for h in self.video_hosts))


# Findings that only report (never stripped) stop at this many per kind in a body, as the shortcode
# scan's strays do: a hostile body of 10^5 broken tags is refused by its first hundred, in a second.
MAX_REPORTED = 100


class Finding(NamedTuple):  # a tuple, not a frozen dataclass: a hostile body may hold 10^5 of them
    """One thing in a body that may not be published, where it is, and what strip mode puts there."""

    code: str
    line: int  # within the body, from 1
    message: str
    start: int  # the span that strip mode replaces with `replacement`
    end: int
    replacement: str
    html: bool  # raw HTML (strip mode may remove it) rather than Markdown syntax
    hint: str = ""  # when empty, the code's fix from the catalogue


@functools.lru_cache(maxsize=4096)  # pure, and the live preview checks the same bodies on every rebuild
def scan(body: str, policy: Policy = Policy()) -> tuple[Finding, ...]:
    """Everything in `body` that may not be published, with lines and what strip mode would do."""
    read_body = read(body)
    text = masked = read_body.masked
    for pattern in AUTOLINKS:  # an autolink is no tag: blanked, its address checked below
        masked = pattern.sub(lambda m: "<" + " " * (len(m.group(0)) - 2) + ">", masked)
    tags = _Tags(masked)
    findings = [f for event in tags.events for f in _judge(event, masked, policy)]
    findings += tags.unclosed() + _unterminated(masked) + _attribute_lists(masked)
    findings += _addresses(read_body, policy) + _autolinks(text, policy) + _external_images(read_body, masked, tags)
    findings += _broken_comments(masked) + _malformed_attributes(masked, tags, policy) + _without_alt(masked, tags)
    findings += _theme_heading_ids(masked)
    return tuple(sorted(findings, key=lambda f: (f.start, f.code)))


def strip(body: str, findings: Sequence[Finding]) -> str:
    """`body` with the raw HTML of `findings` replaced by what nh3 keeps of it."""
    out, last = [], 0
    for finding in sorted((f for f in findings if f.html and f.code != "unclosed-html"), key=lambda f: f.start):
        if finding.start < last:  # inside a stretch already removed (a script's content)
            continue
        out += [body[last : finding.start], finding.replacement]
        last = finding.end
    return "".join(out + [body[last:]])


def _broken_comments(masked: str) -> list[Finding]:
    return (
        [
            Finding(
                "broken-comment",
                line_of(masked, m.start()),
                _broken_comment_message(m.group()),
                m.start(),
                m.end(),
                "",
                False,
            )
            for m in _BROKEN_COMMENT.finditer(masked)
        ]
        if "!" in masked
        else []
    )


def _broken_comment_message(mark: str) -> str:
    if mark.startswith("<!["):  # a CDATA section is XML's: in HTML it is a comment that the first '>' ends
        return (
            f"The mark '{mark}' opens no CDATA section in HTML: a browser reads it as a comment that ends "
            "at the first '>'."
        )
    return f"The HTML comment mark '{mark}' is not a comment's end: HTML ends a comment only at '-->'."


def _addresses(body: Body, policy: Policy) -> list[Finding]:
    """Markdown links, images and reference definitions with unsafe addresses (an address inside
    an autolink is the autolink's: `_autolinks`)."""
    inside = _autolink_spans(body.masked)
    found = []
    for start, end, line, kind in body.addresses:
        if kind == "attribute" or any(a < end and start < b for a, b in inside):  # tags are judged whole
            continue
        problem = _address_finding(body.text[start:end], policy.forbidden_hosts)
        if problem:
            found.append(Finding(problem[0], line, problem[1], start, end, "#", False))
            if len(found) == MAX_REPORTED:
                break
    return found


def _autolink_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for pattern in AUTOLINKS for m in pattern.finditer(text)] if "<" in text else []


def _autolinks(text: str, policy: Policy) -> list[Finding]:
    """Autolinks (<https://...>, <name@host>) with unsafe addresses."""
    found = []
    for pattern in AUTOLINKS:
        for match in pattern.finditer(text) if "<" in text else ():
            problem = _address_finding(match.group(1), policy.forbidden_hosts)
            if problem:
                line = line_of(text, match.start(1))
                found.append(Finding(problem[0], line, problem[1], match.start(1), match.end(1), "#", False))
                if len(found) == MAX_REPORTED:
                    return found
    return found


@functools.lru_cache(maxsize=4096)  # a body may repeat one address (or one slip) thousands of times
def _address_finding(address: str, forbidden: tuple[str, ...]) -> tuple[str, str] | None:
    return address_problem(address, forbidden) or _malformed(address)


def _malformed(address: str) -> tuple[str, str] | None:
    """(bad-address, why) for an address that is not a valid URL; None for a valid one, or one that
    a shortcode or template writes (replaced before the page is rendered)."""
    why = None if "{{" in address or "{%" in address else malformed(address)
    return ("bad-address", f"The address '{short(address)}' {why}.") if why else None


def _without_alt(masked: str, tags: _Tags) -> list[Finding]:
    """<img> with no alt attribute: a screen reader reads out the file name (alt="" marks decoration)."""
    return [
        Finding(
            "image-without-alt",
            line_of(masked, start),
            f"The image '{short(dict(attrs).get('src') or '')}' has no alt text: a screen reader reads out "
            "its file name instead.",
            start,
            end,
            "",
            False,
        )
        for kind, tag, attrs, start, end in tags.events
        if tag == "img" and kind != "end" and not any(name == "alt" for name, _ in attrs)
    ]


def _malformed_attributes(masked: str, tags: _Tags, policy: Policy) -> list[Finding]:
    """href= and src= values of the allowed elements that are not valid URLs (the unsafe ones are
    the allow-list's findings): the browser repairs them its own way, and the page does not validate."""
    found = []
    for kind, tag, attrs, start, end in tags.events:
        if kind == "end" or tag not in TAGS:
            continue
        kept = _kept(tag, tuple((name, value or "") for name, value in attrs), policy)
        for name, value in attrs:
            if name in URL_ATTRIBUTES and value and kept.get(name) == value:  # else the allow-list's finding
                problem = _malformed(value)
                if problem:
                    found.append(Finding(problem[0], line_of(masked, start), problem[1], start, end, "", False))
    return found


def _external_images(body: Body, masked: str, tags: _Tags) -> list[Finding]:
    """Images from another website, in Markdown or in <img>: a request to a third party on page load."""
    found = _markdown_images(masked)
    found += _external_references(body, masked)
    for kind, tag, attrs, start, end in tags.events:
        if tag == "img" and kind in ("start", "void"):
            src = dict(attrs).get("src") or ""
            if re.match(r"(?i)(https?:)?//", src.strip()):
                found.append((src.strip(), start, end))
    return [
        Finding(
            "external-image",
            line_of(masked, start),
            f"The image '{address}' loads from another website when the page opens.",
            start,
            end,
            "",
            False,
        )
        for address, start, end in found
    ]


def _external_references(body: Body, masked: str) -> list[tuple[str, int, int]]:
    """Images by reference whose definition (body.definitions) is another website's address."""
    if "![" not in masked or "]:" not in masked:
        return []
    found = []
    for match in IMAGE_REFERENCE.finditer(masked):
        address = body.definitions.get(label(match.group(2) or match.group(1)), "")
        if _EXTERNAL_ADDRESS.match(browser_form(address)):
            found.append((address, match.start(), match.end()))
    return found


_EXTERNAL_ADDRESS = re.compile(r"(?i)(?:https?:)?//")


# An inline image's address, when it is another website's (the rest of the image: `_markdown_images`).
_IMAGE_ADDRESS = re.compile(r"\(\s*<?((?:https?:)?//[^\s<>)]+)", re.I)


def _markdown_images(masked: str) -> list[tuple[str, int, int]]:
    """Inline images (`![alt](https://...)`) from another website, in linear time: from each `![`
    to the next `]`, then `_IMAGE_ADDRESS` (a regex `!\\[[^\\]]*\\]\\(` would read to the end of a
    body of `![` with no `]` once per `![`: quadratic)."""
    closers = [m.start() for m in re.finditer(r"\]", masked)]
    found, after = [], 0
    for start in (m.start() for m in re.finditer(r"!\[", masked)):
        index = bisect.bisect_left(closers, start + 2)
        if start < after or index == len(closers):
            continue
        address = _IMAGE_ADDRESS.match(masked, closers[index] + 1)
        if address:
            found.append((address.group(1), address.start(1), address.end(1)))
            after = address.end()
    return found


class _Tags(HTMLParser):
    """The start and end tags of a body, each with its offset (comments and text are skipped)."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.text = text
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.events: list[tuple[str, str, list[tuple[str, str | None]], int, int]] = []
        # After the last '>' no tag or comment can be complete, and html.parser's close() retries
        # each unclosed '<' there to the end of the text (quadratic): those '<' are text, so blank them.
        last = text.rfind(">") + 1
        self.feed(text[:last] + text[last:].replace("<", " "))
        self.close()

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        start = self._offset()
        raw = self.get_starttag_text() or ""
        self.events.append(("start", tag, attrs, start, start + len(raw)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        start = self._offset()
        self.events.append(("void", tag, attrs, start, start + len(self.get_starttag_text() or "")))

    def handle_endtag(self, tag: str) -> None:
        start = self._offset()
        end = self.text.find(">", start)
        self.events.append(("end", tag, [], start, len(self.text) if end < 0 else end + 1))

    def line(self, offset: int) -> int:
        return line_of(self.text, offset)

    def unclosed(self) -> list[Finding]:
        found, stack = [], []  # (tag, start)
        names: Counter[str] = Counter()  # of the stack: asking the stack itself per end tag was quadratic
        for kind, tag, _, start, end in self.events:
            if tag not in TAGS:  # refused whole, open or closed
                continue
            if kind == "start" and tag not in _VOID:
                stack.append((tag, start))
                names[tag] += 1
            elif kind == "end" and tag not in _VOID:
                if not names[tag]:
                    found.append(
                        Finding(
                            "unclosed-html",
                            self.line(start),
                            f"The end tag </{tag}> closes no open <{tag}>.",
                            start,
                            end,
                            "",
                            True,
                            f"Remove it, or open <{tag}> before it.",
                        )
                    )
                    continue
                while stack:
                    open_tag, open_start = stack.pop()
                    names[open_tag] -= 1
                    if open_tag == tag:
                        found += _split_by_a_blank_line(tag, self.text, open_start, start, self.line(open_start))
                        break
                    if open_tag not in _OPTIONAL_END:
                        found.append(_never_closed(open_tag, self.line(open_start), open_start))
        found += [_never_closed(t, self.line(s), s) for t, s in stack if t not in _OPTIONAL_END]
        return found


# A known element's start tag that meets another '<' or the end of the body before its '>': the
# tokenizer drops it as incomplete, but on the page the renderer reads on into what follows (the
# next block, or markup the page puts after the body), which it then swallows as attributes.
_OPEN_TAG = re.compile(r"<([A-Za-z][A-Za-z0-9]*)\b[^<>]*(?=<|\Z)")


@functools.lru_cache(maxsize=256)
def _unterminated_words(tag: str) -> tuple[str, str] | None:
    """(message, hint) for an unterminated <tag, or None for a name HTML does not know (text)."""
    if tag.lower() not in TAGS | _VOID | set(_REASONS):
        return None
    return (
        f"The tag <{tag} is never ended with '>'.",
        f"End it with '>' (<{tag}>), or write &lt; for a '<' that is text.",
    )


def _unterminated(masked: str) -> list[Finding]:
    found: list[Finding] = []
    for m in _OPEN_TAG.finditer(masked):
        words = _unterminated_words(m.group(1))  # worded once per tag name: a body may hold 10^5 of them
        if words:
            found.append(
                Finding("unclosed-html", line_of(masked, m.start()), words[0], m.start(), m.end(), "", True, words[1])
            )
            if len(found) == MAX_REPORTED:
                break
    return found


# Text-level elements: Markdown ends a paragraph at a blank line whatever HTML is open, so one
# of these opened before a blank line and closed after it is left open in one paragraph and
# closed in another (the browser then repairs the page its own way).
_INLINE = {"a", "abbr", "b", "cite", "em", "i", "kbd", "mark", "q", "s", "small", "span", "strong", "sub", "sup", "u"}
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


@functools.lru_cache(maxsize=8)
def _blank_lines(text: str) -> tuple[list[int], list[int]]:
    """(start, end) of every match `_BLANK_LINE.search` could find, overlapping ones included."""
    matches = [m for m in re.finditer(r"\n(?=[ \t]*\n)", text)]
    return [m.start() for m in matches], [text.index("\n", m.end()) + 1 for m in matches]


def _split_by_a_blank_line(tag: str, text: str, start: int, end: int, line: int) -> list[Finding]:
    """Whether a blank line lies between `start` and `end`: `_BLANK_LINE.search(text, start, end)`,
    by bisection over the blank lines found once (a search per element was quadratic)."""
    if tag not in _INLINE:
        return []
    starts, ends = _blank_lines(text)
    index = bisect.bisect_left(starts, start)
    if index == len(starts) or ends[index] > end:
        return []
    return [
        Finding(
            "unclosed-html",
            line,
            f"The <{tag}> opened here is closed only after a blank line, where Markdown ends the paragraph.",
            start,
            start,
            "",
            True,
            f"Close </{tag}> before the blank line, and open it again after it if needed.",
        )
    ]


# attr_list ({: ...} after a block, a heading or an inline element) sets any attribute it is given,
# so it gets its own allow-list: an id and classes (what authors use it for), and the text-only
# title, lang and dir. Not handlers, style, or addresses (href, src), which no check would see.
# The rule for where a list applies is Python-Markdown's (its patterns, asked rather than copied).
ATTR_LIST_KEYS = {"id", ".", "class", "title", "lang", "dir"}
_ATTR_LIST = re.compile(AttrListTreeprocessor.BASE_RE)
_AFTER_INLINE = set("*_)`]>")


def _attribute_lists(masked: str) -> list[Finding]:
    if "{" not in masked:
        return []
    found = []
    for match in _attribute_list_matches(masked):
        if match.group(0).startswith(("{{", "{%", "{#")) or "}}" in match.group(0):
            continue  # a shortcode or template tag, replaced before Markdown reads the body
        line_start = masked.rfind("\n", 0, match.start()) + 1
        line_end = masked.find("\n", match.end())
        own_line = not masked[line_start : match.start()].strip()
        at_line_end = not masked[match.end() : len(masked) if line_end < 0 else line_end].strip()
        after_inline = match.start() > 0 and masked[match.start() - 1] in _AFTER_INLINE
        if not ((at_line_end and (own_line or masked[line_start : line_start + 1] == "#")) or after_inline):
            continue  # braces in text: Python-Markdown leaves them as text
        line = line_of(masked, match.start())
        for key, value in get_attrs_and_remainder(match.group(1))[0]:
            if key not in ATTR_LIST_KEYS:
                found.append(
                    Finding(
                        "unsafe-html",
                        line,
                        _attribute_list_message(key),
                        match.start(),
                        match.end(),
                        "",
                        True,
                        "Remove it from the {: ...} list; attribute lists may set only an "
                        "id, classes, title, lang and dir.",
                    )
                )
            elif key == "id" and value.startswith("__"):
                found.append(
                    Finding(
                        "unsafe-html",
                        line,
                        f"The id '{value}' is the theme's: ids that start with "
                        "'__' name the theme's own elements (its configuration is read from the first "
                        "'#__config').",
                        match.start(),
                        match.end(),
                        "",
                        True,
                        "Choose an id that does not start with '__'.",
                    )
                )
    return found


# Python-Markdown's own heading pattern and the toc extension's slug, asked rather than copied.
_HASH_HEADING = re.compile(HashHeaderProcessor.RE.pattern)


def _theme_heading_ids(masked: str) -> list[Finding]:
    """Headings whose text the toc extension makes into one of the theme's ids ('## __config')."""
    if "#" not in masked or "__" not in masked and "\\_" not in masked:
        return []
    found = []
    for match in _HASH_HEADING.finditer(masked):
        text = match.group("header").strip()
        slug = slugify(text, "-")
        if slug.startswith("__") and "{" not in text:  # an attribute list's id replaces the slug (checked above)
            start = match.start("level")
            found.append(
                Finding(
                    "unsafe-html",
                    line_of(masked, start),
                    f"The heading '{text}' would get the id "
                    f"'{slug}', which is the theme's: ids that start with '__' name the theme's own "
                    "elements.",
                    start,
                    match.end("header"),
                    "",
                    False,
                    "Reword the heading so it does not start with '__', or give it an id: {: #an-id }.",
                )
            )
    return found


def _attribute_list_matches(masked: str) -> Iterator[re.Match]:
    """`_ATTR_LIST`'s matches, each line searched only up to its last '}': the pattern reads to the
    end of the line from every '{', so a line of unclosed braces would take time quadratic in its length."""
    start = 0
    for line in masked.split("\n"):
        close = line.rfind("}")
        if close > 0 and "{" in line[:close]:
            yield from _ATTR_LIST.finditer(masked, start, start + close + 1)
        start += len(line) + 1


def _attribute_list_message(key: str) -> str:
    if key.lower().startswith("on"):
        return f"The attribute '{key}' in an attribute list is not allowed: content may not run scripts."
    if key.lower() == "style":
        return "The attribute 'style' in an attribute list is not allowed: use a class instead."
    return f"The attribute '{key}' in an attribute list is not allowed."


def _never_closed(tag: str, line: int, start: int) -> Finding:
    return Finding(
        "unclosed-html",
        line,
        f"The <{tag}> opened here is never closed.",
        start,
        start,
        "",
        True,
        f"Add </{tag}> where it ends.",
    )


def _judge(event: tuple, masked: str, policy: Policy) -> list[Finding]:
    kind, tag, attrs, start, end = event
    line = line_of(masked, start)
    if kind == "end":  # the end tag of a removed element goes with it; it needs no message of its own
        return [] if tag in TAGS else [Finding("unsafe-html", line, "", start, end, "", True)]
    if tag not in TAGS:
        stop = end
        if tag in WITH_CONTENT and kind == "start":
            close = re.compile(rf"</{tag}\s*>", re.I).search(masked, end)
            stop = close.end() if close else len(masked)
        reason = _REASONS.get(tag, "it is not on the allow-list")
        return [Finding("unsafe-html", line, f"The element <{tag}> is not allowed: {reason}.", start, stop, "", True)]
    kept = _kept(tag, tuple((name, value or "") for name, value in attrs), policy)
    replacement = _rebuild(tag, kept, kind)
    return [
        Finding(code, line, message, start, end, replacement, True)
        for name, value in attrs
        if kept.get(name) != (value or "")
        for code, message in [_why(tag, name, value or "", policy)]
    ]


def _why(tag: str, name: str, value: str, policy: Policy) -> tuple[str, str]:
    """Why nh3 dropped attribute `name` from a <tag>: the code and message to report."""
    if name.startswith("on"):
        return "unsafe-html", f"The attribute '{name}' on <{tag}> is not allowed: content may not run scripts."
    if name == "style":
        return "unsafe-html", f"The attribute 'style' on <{tag}> is not allowed: use a class instead."
    if name in URL_ATTRIBUTES and name in ATTRIBUTES.get(tag, set()):
        problem = address_problem(value, policy.forbidden_hosts)
        if problem:
            return problem
        if tag == "iframe":
            return "unsafe-html", (
                f"An <iframe> may only load https:// addresses on {', '.join(policy.video_hosts)}; "
                f"this one loads '{value}'."
            )
        return "unsafe-url", f"The address '{value}' in <{tag} {name}> is not allowed."
    return "unsafe-html", f"The attribute '{name}' is not allowed on <{tag}>."


@functools.lru_cache(maxsize=4096)
def _kept(tag: str, attrs: tuple[tuple[str, str], ...], policy: Policy) -> dict[str, str]:
    """The attributes nh3 keeps when it cleans this start tag (in the context the tag needs)."""
    parts = "".join(f' {name}="{nh3.escape(value)}"' for name, value in attrs)
    before, after = _CONTEXT.get(tag, ("", ""))
    cleaned = _cleaner(policy).clean(f"{before}<{tag}{parts}>{'' if tag in _VOID else f'</{tag}>'}{after}")
    for kind, name, kept, _, _ in _Tags(cleaned).events:
        if name == tag and kind in ("start", "void"):
            return {key: value or "" for key, value in kept}
    return {}


def _rebuild(tag: str, kept: dict[str, str], kind: str) -> str:
    parts = "".join(f' {key}="{nh3.escape(value)}"' for key, value in kept.items())
    return f"<{tag}{parts}{' /' if kind == 'void' else ''}>"


def cleaner_filter(policy: Policy) -> Callable[[str, str, str], str | None]:
    """nh3's attribute filter: no unsafe address, and iframes only from the policy's video hosts."""

    def allowed(element: str, attribute: str, value: str) -> str | None:
        if attribute in URL_ATTRIBUTES and address_problem(value, policy.forbidden_hosts):
            return None
        if element == "iframe" and attribute == "src" and not policy.video_host(value):
            return None
        return value

    return allowed


@functools.lru_cache(maxsize=32)
def _cleaner(policy: Policy) -> nh3.Cleaner:
    return nh3.Cleaner(
        tags=TAGS,
        clean_content_tags=WITH_CONTENT,
        attributes=ATTRIBUTES,
        attribute_filter=cleaner_filter(policy),
        link_rel=None,
        url_schemes={"http", "https", "mailto", "tel"},
        strip_comments=False,
    )


def bodies_are_safe(programme: Programme, problems: Problems) -> None:
    """Check every session body, transcript and rich-text field (a summary) of `programme` (reports
    only: `pipeline.cleaned` strips)."""
    policy = Policy.of(programme.settings)
    strips = stripping(programme)
    for text, file, line in programme.bodies():
        _checked(text, file, line, policy, strips, problems)
    for field in rich_texts(programme):  # Markdown as in a body, at the lines of the YAML text
        _checked(field.text, field.file, field.line, policy, strips, problems)
    for video in programme.videos.values():
        for url in (video.url, video.audio_described):
            problem = address_problem(url, policy.forbidden_hosts) if url else None
            if problem:
                problems.add(problem[0], video.loc.file, video.loc.line, problem[1], CATALOGUE[problem[0]].fix)


def stripping(programme: Programme) -> bool:
    """Whether the programme publishes its bodies with what the allow-list refuses removed."""
    return programme.settings.strips


def _checked(body: str, file: str, first_line: int, policy: Policy, strips: bool, problems: Problems) -> None:
    findings = scan(body, policy)
    for finding in findings:
        if not finding.message:
            continue
        line = first_line + finding.line - 1
        if strips and finding.html and finding.code != "unclosed-html":
            problems.warn(finding.code, file, line, finding.message + " It was removed (settings.unsafe_html: strip).")
        else:
            problems.add(finding.code, file, line, finding.message, finding.hint or CATALOGUE[finding.code].fix)
