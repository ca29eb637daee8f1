"""Media: videos (privacy-safe embeds with links and transcripts), handouts, and body shortcodes.

A video loads nothing from its host until the reader asks: the page holds a placeholder with
the title and duration, a plain link to the video (and its audio-described version), and the
transcript right below; `video.js` swaps in a privacy-enhanced iframe on request.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from urllib.parse import parse_qs, quote, urlparse

from induction.body import shortcodes
from induction.core import urls
from induction.core.model import Asset, Framework, Programme, Video
from induction.core.placement import ProgrammePlaces

from ..body import read
from .text import attr, demote_headings, esc, statement_link

# The class of an <img> written for directory URLs in raw HTML (the offline build rewrites its address).
RAW_IMAGE = "ect-raw-image"
_YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{6,20}$")


def embed_address(url: str) -> str:
    """The privacy-enhanced player address for a video, or '' when the host is not known."""
    parsed = urlparse(url)
    host = parsed.netloc.lower().removeprefix("www.").removeprefix("m.")
    video_id = ""
    if host in ("youtube.com", "youtube-nocookie.com"):
        if parsed.path == "/watch":
            video_id = parse_qs(parsed.query).get("v", [""])[0]
        elif parsed.path.startswith(("/embed/", "/shorts/", "/live/")):
            video_id = parsed.path.split("/")[2]
    elif host == "youtu.be":
        video_id = parsed.path.strip("/").split("/")[0]
    elif host in ("vimeo.com", "player.vimeo.com"):
        number = re.search(r"(\d+)", parsed.path)
        return f"https://player.vimeo.com/video/{number.group(1)}?dnt=1" if number else ""
    if video_id and _YOUTUBE_ID.match(video_id):
        return f"https://www.youtube-nocookie.com/embed/{video_id}"
    return ""


def host_name(url: str) -> str:
    host = urlparse(url).netloc.lower().removeprefix("www.")
    return {"youtube.com": "YouTube", "youtu.be": "YouTube", "vimeo.com": "Vimeo"}.get(host, host)


def video_block(video: Video, programme: Programme, page_src: str) -> str:
    transcript_link = urls.relative(page_src, urls.video(programme, video.id))
    host = host_name(video.url)
    embed = embed_address(video.url)
    length = f" ({video.duration})" if video.seconds else ""  # an imported video's length may be unknown
    links = [f"[Watch “{esc(video.title)}” on {esc(host)}]({video.url}){length}"]
    if video.audio_described:
        links.append(f"[Audio-described version of “{esc(video.title)}”]({video.audio_described})")
    if not video.transcript:  # published without one: said so, nothing to open
        links.append(esc(video.no_transcript or "No transcript was published with this video."))
    else:
        links.append(f"[Transcript of “{esc(video.title)}” on its own page]({transcript_link})")
    placeholder = ""
    if embed:
        placeholder = (
            f'<div class="ect-video__frame" data-embed="{attr(embed)}" data-title="{attr(video.title)}">\n'
            f'<button type="button" class="ect-video__play">'
            f'<span class="ect-video__label">Play video: {attr(video.title)}</span> '
            + (f'<span class="ect-video__duration">({video.duration})</span>' if video.seconds else "")
            + "</button>\n"
            f'<p class="ect-video__notice">Playing loads the video from {attr(host)}.</p>\n'
            f"</div>\n"
        )
    transcript = demote_headings(video.transcript.strip(), 2)
    figure = (
        f'<figure class="ect-video" markdown="1">\n{placeholder}'
        f'<figcaption markdown="1">\n\n' + "  \n".join(links) + "\n\n</figcaption>\n</figure>\n\n"
    )
    if not transcript:
        return figure
    return (
        figure + '<details class="ect-transcript" markdown="1">\n'
        f"<summary>Transcript: {attr(video.title)}</summary>\n\n{transcript}\n\n</details>\n"
    )


def asset_link(asset: Asset, programme: Programme, page_src: str) -> str:
    target = _address(page_src, programme, asset)
    kind = asset.file.rsplit(".", 1)[-1].upper() if "." in asset.file else "file"
    return f"[{esc(asset.title)}]({target}) ({esc(kind)}, {size(asset.size)})"


def image_tag(asset: Asset, programme: Programme, page_src: str, alt: str) -> str:
    """An image handout shown in place: a Markdown image of the asset's file, relative to the page's
    source, so MkDocs writes its address for the root, a sub-path and the offline copy alike (and
    checks it). The same shortcode works on the session's page, a week's print view and a pack."""
    return f"![{esc(alt or asset.title)}]({_address(page_src, programme, asset)})"


def html_image(asset: Asset, programme: Programme, page_src: str, alt: str) -> str:
    """An image handout inside a raw HTML block (a provider's `<figure>`), where Markdown does not
    run and `![alt](file)` would be shown as text: an `<img>` element. MkDocs does not rewrite an
    address in raw HTML, so it is written between published addresses (directory URLs, as the
    coverage matrix's links are); the offline build's adapter rewrites it for its own layout."""
    asset_src = urls.asset(programme, asset.file)
    address = posixpath.relpath(asset_src, urls.address(page_src) or ".")
    return f'<img class="{RAW_IMAGE}" alt="{attr(alt or asset.title)}" src="{attr(quote(address, safe="/"))}">'


def in_raw_html(body: str) -> Callable[[int], bool]:
    """Whether an offset of `body` is inside a raw HTML block, as Python-Markdown decides (html_blocks)."""
    ranges = read(body).raw_html
    return lambda offset: any(start <= offset < end for start, end in ranges)


def _address(page_src: str, programme: Programme, asset: Asset) -> str:
    """The handout's address from the page, percent-encoded: a file name may hold a space, a quote,
    a bracket or a '<', which would end a Markdown link or an HTML attribute (MkDocs decodes it to
    find the file)."""
    return quote(urls.relative(page_src, urls.asset(programme, asset.file)), safe="/")


def size(n: int) -> str:
    if n < 1024:
        return f"{n} bytes"
    if n < 1024 * 1024:
        return f"{round(n / 1024)} KB"
    return f"{n / 1024 / 1024:.1f} MB"


def expand(body: str, programme: Programme, framework: Framework | None, places: ProgrammePlaces, page_src: str) -> str:
    """A session body with its shortcodes rendered (they were checked before rendering)."""
    codes = read(body).shortcodes
    raw = in_raw_html(body) if any(code.name == "image" for code in codes) else (lambda offset: False)

    def render(code: shortcodes.Shortcode) -> str:
        if code.name == "video" and code.arg in programme.videos:
            return video_block(programme.videos[code.arg], programme, page_src)
        if code.name == "asset" and code.arg in programme.assets:
            return asset_link(programme.assets[code.arg], programme, page_src)
        if code.name == "image" and code.arg in programme.assets and raw(code.start):
            return html_image(programme.assets[code.arg], programme, page_src, code.label)
        if code.name == "image" and code.arg in programme.assets:
            return image_tag(programme.assets[code.arg], programme, page_src, code.label)
        if code.name in ("statement", "ecf") and framework and code.arg in framework.statements:
            return statement_link(framework, code.arg, page_src, css="ect-statement-ref", tooltip=True)
        if code.name == "session" and code.arg in places.homes:
            place = places.homes[code.arg]
            text = esc(code.label) if code.label else esc(place.session.title)  # a label keeps the link's words
            return f"[{text}]({urls.relative(page_src, urls.session(place))})"
        return ""

    return shortcodes.replace(body, codes, render)
