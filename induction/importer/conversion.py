"""Conversion: one provider's pages turned into a programme plan (years, blocks, weeks, sessions).

Import stage six: it joins the others (structure, markup, links, intentions) and decides every
session's id, role, kind, title, minutes and home; `writer` then writes the plan as files.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import NamedTuple, TypedDict

from induction.core.formats import ECT, MATERIAL, MENTOR, PLAN, READING, ROLE, ROLES, TRAINING, TUTOR
from induction.core.model import Framework
from induction.core.settings import Settings

from . import durations, kinds, plans, titles
from .corpus import Corpus, Page, Provider
from .headings import nest
from .intentions import intentions
from .kinds import ect_kinds
from .links import Targets, rewrite, unlink
from .repairs import repair
from .report import Placed, ProviderReport
from .slugs import Slugs, slug
from .structure import Part, ProviderIndex, Section, parse_block_index, parse_provider_index, term_of

_TUTOR_TITLE = f"{ROLE[TUTOR].name} materials"  # a tutor page headed for mentors is retitled
# An ECT step's kind from a word of its file name, the first that the name holds; else READING.
_STEP_KINDS = [
    ("video", "video"),
    ("reflect", "reflection"),
    ("challenge", "practice"),
    ("practice", "practice"),
    ("quiz", "quiz"),
    ("instruction", "introduction"),
    ("overview", "introduction"),
    ("what-you-will-learn", "introduction"),
    ("introduction", "introduction"),
    ("observation", "task"),
    ("task", "task"),
]
ect_kinds([kind for _, kind in _STEP_KINDS] + [READING])


@dataclass
class SessionPlan:
    id: str
    page: Page
    role: str
    kind: str
    title: str
    minutes: int | None = 0  # None: an untimed mentor plan lasting its year's settings.meeting_minutes
    body: str = ""
    intentions: list[Placed] = field(default_factory=list)
    phases: list[tuple[str, int | None]] = field(default_factory=list)  # a plan's (title, minutes), `plans`

    @property
    def timed(self) -> bool:
        """Whether its phases give their minutes (an untimed plan's minutes are found as any page's)."""
        return any(minutes is not None for _, minutes in self.phases)

    videos: int = 0  # embedded videos, for the duration estimate
    year: int = 1
    block: str = ""  # block id, '' for a year-level page


class Listed(NamedTuple):
    """An entry of a week's or block's or year's list: the session, whether it is a revisit of a
    session homed elsewhere (`see:`), and the index link's own text (a revisit keeps it as its label)."""

    sid: str
    see: bool
    text: str = ""


@dataclass
class WeekPlan:
    first: int
    last: int
    title: str
    line: int
    summary: dict[str, list[str]] = field(default_factory=dict)
    roles: dict[str, list[Listed]] = field(default_factory=dict)  # role -> its entries, in order
    stated: dict[str, list[int]] = field(default_factory=dict)  # role -> minutes the block index gives


@dataclass
class BlockPlan:
    id: str
    title: str
    year: int
    term: str
    half_term: int | None
    page: Page
    summary: dict[str, list[str]] = field(default_factory=dict)
    pages: list[Listed] = field(default_factory=list)
    weeks: list[WeekPlan] = field(default_factory=list)


class YearPlan(TypedDict):
    summary: list[str]  # paragraphs: the index's term lines, then the year's role text
    pages: list[Listed]  # year-level pages


class VideoPlan(TypedDict):
    id: str
    title: str
    url: str
    transcript: str
    audio_described: str
    form: str  # where the transcript came from: "details", "heading" or ""
    session: str  # the session whose page embeds it ...
    line: int  # ... and the file line of its embed


@dataclass
class ProgrammePlan:
    slug: str
    title: str
    summary: str
    index: Page  # the provider's index page
    years: dict[int, YearPlan] = field(default_factory=dict)  # year number -> its summary and pages
    blocks: dict[str, BlockPlan] = field(default_factory=dict)
    sessions: dict[str, SessionPlan] = field(default_factory=dict)
    videos: list[VideoPlan] = field(default_factory=list)
    targets: Targets | None = None
    source_files: dict[str, str] = field(default_factory=dict)  # /assets/... address -> source file
    ids: dict[str, str] = field(default_factory=dict)  # page address -> its session id, unique


def role_and_kind(slug: str) -> tuple[str, str]:
    if "training-session" in slug:
        return TUTOR, TRAINING
    if "induction-tutor" in slug or slug.endswith("tutor-materials"):
        return TUTOR, MATERIAL
    if "mentor" in slug:
        return MENTOR, MATERIAL
    step = slug.split("-ect-", 1)[-1] if "-ect-" in slug else slug
    return ECT, next((kind for key, kind in _STEP_KINDS if key in step), READING)


def _year_of(slug: str) -> int:
    match = re.match(r"year-(\d+)-", slug)
    return int(match.group(1)) if match else 1


def _role_text(part: Part) -> list[str]:
    heading = [f"**{part.heading}**", ""] if part.heading else []
    return heading + [part.text] if part.text else heading


Container = WeekPlan | BlockPlan | tuple[str, int]  # a week, a block's own pages, or ("year", number)


class Listing(NamedTuple):
    """A link of an index page to a page: where the page is listed, for which role, from which line."""

    url: str
    text: str
    role: str
    container: Container
    where: str  # "file:line" of the link


def convert(corpus: Corpus, provider: Provider, framework: Framework, report: ProviderReport) -> ProgrammePlan:
    index = parse_provider_index(provider.index)
    plan = ProgrammePlan(
        provider.slug,
        str(provider.index.meta.get("title", provider.slug)),
        "\n".join(index.intro).strip(),
        provider.index,
    )
    block_urls = _block_urls(index, provider, report)
    short = Counter(re.sub(r"^year-\d+-", "", url.rsplit("/", 1)[-1]) for url in block_urls)
    entries = {entry.url: (year, entry) for year in index.years.values() for entry in year.blocks}
    listings: list[Listing] = []
    for url in block_urls:
        listings += _convert_block(plan, provider, url, short, entries.get(url, (None, None)), report)
    listings += _convert_years(plan, provider, index)
    _name_sessions(plan, provider)
    _place(plan, provider, listings, report)
    _report_duplicates(provider, report)
    _finish(corpus, plan, provider, framework, report)
    return plan


def _block_urls(index: ProviderIndex, provider: Provider, report: ProviderReport) -> list[str]:
    """The blocks in the provider index's order, then any folder of pages it does not list."""
    block_urls = [entry.url for year in sorted(index.years.values(), key=lambda y: y.number) for entry in year.blocks]
    folders = {url.rsplit("/", 1)[0] for url in provider.pages if url.count("/") >= 3}
    for url in sorted(folders):
        if url not in block_urls:
            block_urls.append(url)
            report.add(
                provider.index.path,
                1,
                "unlisted-block",
                f"The block '{url}' is not in the provider index.",
                "imported it after the listed blocks",
            )
    return block_urls


def _convert_block(
    plan: ProgrammePlan, provider: Provider, url: str, short: Counter, listed: tuple, report: ProviderReport
) -> list[Listing]:
    """The block at `url` (its id, title, term, summaries and weeks) added to `plan`; its links."""
    page = provider.pages.get(url)
    name = url.rsplit("/", 1)[-1]
    block_id = re.sub(r"^year-\d+-", "", name) if short[re.sub(r"^year-\d+-", "", name)] == 1 else name
    if page is None:
        report.add(
            provider.index.path,
            1,
            "broken-link",
            f"The block index '{url}' does not exist.",
            "imported the block's pages without its index",
        )
        page = Page(url.lstrip("/") + ".md", url, {}, "", 1)
    parsed = parse_block_index(page)
    year_entry, entry = listed
    terms = Counter(term_of(u.rsplit("/", 1)[-1]) for u in provider.pages if u.startswith(url + "/"))
    terms.pop("", None)
    term = (year_entry.terms.get(url) if year_entry else "") or (terms.most_common(1)[0][0] if terms else "")
    if not term:
        report.add(page.path, 1, "unknown-term", "No term is named for the block.", "put it in the autumn term")
    block = BlockPlan(
        block_id,
        entry.title if entry else str(page.meta.get("heading") or name),
        _year_of(name),
        term or "autumn",
        parsed.half_term,
        page,
    )
    plan.blocks[block_id] = block
    intro = "\n".join(parsed.intro).strip()
    described = "\n".join(entry.description).strip() if entry else ""
    block.summary[ECT] = [t for t in (described if described != intro else "", intro) if t]
    listings: list[Listing] = []
    for section in parsed.sections:
        if section.kind == "week":
            listings += _convert_week(block, page, section, report)
            continue
        for part in section.parts:
            text = [f"### {section.heading}", ""] if section.kind != "role" else []
            block.summary.setdefault(part.role, []).extend(text + _role_text(part))
            listings += [
                Listing(link.url, link.text, part.role, block, f"{page.path}:{link.line}") for link in part.links
            ]
    _once(block, described)
    return listings


def _convert_week(block: BlockPlan, page: Page, section: Section, report: ProviderReport) -> list[Listing]:
    if section.problem:
        report.add(
            page.path,
            section.line,
            "week-range",
            f"'{section.heading}': {section.problem}.",
            f"imported as weeks {section.first} to {section.last}",
        )
    week = WeekPlan(section.first, section.last, section.title, section.line)
    if not section.title:
        report.add(
            page.path,
            section.line,
            "untitled-week",
            f"'{section.heading}' has no title.",
            "titled it with its first session's topic (else its label)",
        )
    block.weeks.append(week)
    listings = []
    for part in section.parts:
        week.summary.setdefault(part.role, []).extend(_role_text(part))
        listings += [Listing(link.url, link.text, part.role, week, f"{page.path}:{link.line}") for link in part.links]
        if part.minutes:
            week.stated.setdefault(part.role, []).append(part.minutes)
    return listings


def _convert_years(plan: ProgrammePlan, provider: Provider, index: ProviderIndex) -> list[Listing]:
    """Each year's summary (the index's "Year 1: Autumn term" sections, kept) and its links."""
    listings = []
    for number, year in sorted(index.years.items()):
        year_plan = plan.years.setdefault(number, {"summary": [], "pages": []})
        for term in ("autumn", "spring", "summer"):
            titles = [b.title for b in year.blocks if year.terms.get(b.url) == term]
            if titles:
                year_plan["summary"].append(f"{term.capitalize()} term: {'; '.join(titles)}.")
        for part in year.parts:
            year_plan["summary"].extend(_role_text(part))
            listings += [
                Listing(link.url, link.text, part.role, ("year", number), f"{provider.index.path}:{link.line}")
                for link in part.links
            ]
    return listings


def _report_duplicates(provider: Provider, report: ProviderReport) -> None:
    """The same body published twice: both kept, and said."""
    seen: dict[str, str] = {}
    for _url, page in sorted(provider.pages.items()):
        key = " ".join(page.body.split())
        if len(key) > 200 and key in seen:
            report.add(
                page.path, page.body_line, "duplicate-page", f"The body is the same as {seen[key]}'s.", "imported both"
            )
        seen.setdefault(key, page.path)


def _once(block: BlockPlan, described: str) -> None:
    """The provider index's description of a block left out where the block's own page says the
    same (its words are published once, on the block page, either way)."""
    said = " ".join(described.split())
    if not said:
        return
    own = [" ".join(text.split()) for role, texts in block.summary.items() for text in texts]
    if sum(said in text for text in own) > 1:
        block.summary[ECT].remove(described)


def _session_id(plan: ProgrammePlan, url: str) -> str:
    return plan.ids[url]


def _name_sessions(plan: ProgrammePlan, provider: Provider) -> None:
    """Every page's session id: its block's id and its own name (both slugs: `slugs.canonical`),
    made unique by `Slugs` where two pages would share one."""
    ids = Slugs()
    for url in sorted(provider.pages):
        parts = url.strip("/").split("/")
        wanted = parts[-1]
        if len(parts) >= 3:
            folder = parts[1]
            block_id = next((b.id for b in plan.blocks.values() if b.page.url.endswith("/" + folder)), folder)
            wanted = f"{block_id}-{parts[-1]}"
        plan.ids[url] = ids.of(url, wanted)


def _place(plan: ProgrammePlan, provider: Provider, listings: list[Listing], report: ProviderReport) -> None:
    """Each listed page becomes a session homed at its first listing in its own block (else its first)."""
    homes: dict[str, int] = {}
    for number, (url, _, _, container, _) in enumerate(listings):
        if url not in provider.pages:
            continue
        own = isinstance(container, (WeekPlan, BlockPlan)) and url.startswith(_block_url(plan, container))
        if url not in homes or (own and not _is_own(plan, listings[homes[url]], url)):
            homes[url] = number
    for number, (url, text, role, container, where) in enumerate(listings):
        file, line = where.rsplit(":", 1)
        page = provider.pages.get(url)
        if page is None:
            report.add(
                file,
                int(line),
                "broken-link",
                f"The index lists '{url}', which is not a page of the corpus.",
                "left it out",
            )
            continue
        sid = _session_id(plan, url)
        see = homes[url] != number
        if not see:
            plan.sessions[sid] = _session_at_home(
                sid, page, text, role, isinstance(container, BlockPlan), (file, int(line)), report
            )
        session = plan.sessions.get(sid)
        if session is None:
            continue
        if isinstance(container, WeekPlan):
            container.roles.setdefault(session.role, []).append(Listed(sid, see, text))
        elif isinstance(container, BlockPlan):
            container.pages.append(Listed(sid, see, text))
        else:
            plan.years.setdefault(container[1], {"summary": [], "pages": []})["pages"].append(Listed(sid, see, text))
        if not see:
            owner = container if not isinstance(container, tuple) else None
            session.block = next((b.id for b in plan.blocks.values() if owner is b or owner in b.weeks), "")
            session.year = (
                plan.blocks[session.block].year
                if session.block
                else container[1]
                if isinstance(container, tuple)
                else 0
            )
    _unlisted(plan, provider, report)


def _session_at_home(
    sid: str, page: Page, text: str, role: str, in_block: bool, where: tuple[str, int], report: ProviderReport
) -> SessionPlan:
    """The session a listed page becomes where it is at home: its role and kind from its name, its
    title from the listing (else its heading); a listing for another role, or a tutor page headed
    for mentors, reported."""
    page_role, kind = role_and_kind(page.slug)
    if page_role != role and role and not in_block:
        report.add(
            where[0],
            where[1],
            "listed-for-another-role",
            f"'{page.slug}' is listed for {role}.",
            f"listed it under {page_role}, the role its name gives",
        )
    title = text or str(page.meta.get("heading") or page.meta.get("title") or page.slug)
    heading = str(page.meta.get("heading") or "")
    if page_role == TUTOR and re.search(r"mentor", heading + " " + title, re.I):
        report.add(
            page.path,
            1,
            "heading-role-mismatch",
            f"An induction tutor page is headed '{heading or title}'.",
            f"titled it '{_TUTOR_TITLE}'" if "mentor" in title.lower() else "kept its title",
        )
        title = _TUTOR_TITLE if "mentor" in title.lower() else title
    return SessionPlan(sid, page, page_role, kind, title)


def _unlisted(plan: ProgrammePlan, provider: Provider, report: ProviderReport) -> None:
    """Each page no index lists: a page of its folder's block, else of its year."""
    for url, page in sorted(provider.pages.items()):
        sid = _session_id(plan, url)
        if sid in plan.sessions or any(b.page.url == url for b in plan.blocks.values()):
            continue
        role, kind = role_and_kind(page.slug)
        folder = "/".join(url.split("/")[:3])
        block = next((b for b in plan.blocks.values() if b.page.url == folder), None)
        title = str(
            page.meta.get("caption")
            if kind == TRAINING
            else page.meta.get("heading") or page.meta.get("title") or page.slug
        )
        session = SessionPlan(
            sid,
            page,
            role,
            kind,
            title,
            year=block.year if block else _year_of(page.slug),
            block=block.id if block else "",
        )
        plan.sessions[sid] = session
        if block:
            block.pages.append(Listed(sid, False))
        else:
            plan.years.setdefault(session.year, {"summary": [], "pages": []})["pages"].append(Listed(sid, False))
        report.add(
            page.path,
            1,
            "unlisted-page",
            "No index page links to this page.",
            "imported it as a " + ("block page" if block else "year page"),
        )


def _block_url(plan: ProgrammePlan, container: object) -> str:
    block = next((b for b in plan.blocks.values() if container is b or container in b.weeks), None)
    return block.page.url + "/" if block else "\0"


def _is_own(plan: ProgrammePlan, listing: tuple, url: str) -> bool:
    container = listing[3]
    return isinstance(container, (WeekPlan, BlockPlan)) and url.startswith(_block_url(plan, container))


def address(plan: ProgrammePlan, session: SessionPlan) -> str:
    """The published directory of a session's page (directory URLs), relative to the site root."""
    base = f"{plan.slug}/year-{session.year}"
    return f"{base}/{session.block}/{session.id}" if session.block else f"{base}/{session.id}"


def _finish(
    corpus: Corpus, plan: ProgrammePlan, provider: Provider, framework: Framework, report: ProviderReport
) -> None:
    """Bodies repaired and linked, videos and intentions found, minutes decided."""
    plan.targets = _targets(corpus, plan, provider)
    plan.source_files = corpus.assets
    for session in sorted(plan.sessions.values(), key=lambda s: s.id):
        _finish_session(plan, session, framework, report)
    _minutes(plan, report)
    for block in plan.blocks.values():  # an untitled week: the topic of its first session that names one
        for week in block.weeks:
            homed = [sid for role in ROLES for sid, see, _ in week.roles.get(role, []) if not see]
            week.title = (
                week.title
                or next((plan.sessions[sid].title for sid in homed if not titles.generic(plan.sessions[sid].title)), "")
                or titles.first_sentence([line for role in ROLES for line in week.summary.get(role, [])])
            )
    _distinct_weeks(plan)
    _name_steps(plan, report)


def _distinct_weeks(plan: ProgrammePlan) -> None:
    """Weeks of one number and title in several blocks ('Week 1: Module audit') told apart by their
    block, so that their pages and print views do not share a title."""
    weeks = {f"{b}/{n}": (w, block) for b, block in plan.blocks.items() for n, w in enumerate(block.weeks)}
    items = {
        k: (f"{w.first}-{w.last} {w.title}" if w.title else "", [block.title, f"{block.title}, year {block.year}"])
        for k, (w, block) in weeks.items()
    }
    for k, more in titles.told_apart(items).items():
        week = weeks[k][0]
        week.title = week.title.rstrip(" .:;,") + more


def _name_steps(plan: ProgrammePlan, report: ProviderReport) -> None:
    """Pages titled by a step name many pages share ("Video") titled by their topic too: the step
    name, then the first of its week's title, its block and week, ... that tells it apart."""
    places: dict[str, list[str]] = {sid: [f"Year {s.year}"] for sid, s in plan.sessions.items()}
    for block in plan.blocks.values():
        for sid, see, _ in block.pages:
            if not see:
                places[sid] = [block.title, f"{block.title}, year {block.year}"]
        for week in block.weeks:
            label = titles.week_label(week.first, week.last)
            for entries in week.roles.values():
                for sid, see, _ in entries:
                    if not see:
                        places[sid] = [
                            week.title,
                            f"{block.title}, {label}",
                            f"{block.title}, year {block.year}, {label}",
                        ]
    old = {sid: s.title for sid, s in plan.sessions.items()}
    for sid, title in titles.named(old, places).items():
        session = plan.sessions[sid]
        session.title = title
        line = 2 if session.page.body_line > 1 else 1  # the front matter's title, its first key
        report.add(
            session.page.path,
            line,
            "step-title",
            f"The title '{old[sid]}' is a step name that other pages of the programme share.",
            f"titled it '{title}'",
        )
    for video in plan.videos:
        if video["session"] in plan.sessions and video["title"] == old.get(video["session"]):
            video["title"] = plan.sessions[video["session"]].title
    videos = {
        video["id"]: (video["title"], [plan.sessions[video["session"]].title])
        for video in plan.videos
        if video["session"] in plan.sessions
    }
    apart = titles.told_apart(videos)
    for video in plan.videos:  # videos their pages title alike ('6.2') told apart by their page
        if video["id"] in apart:
            video["title"] = video["title"].rstrip(" .:;,") + apart[video["id"]]


def _targets(corpus: Corpus, plan: ProgrammePlan, provider: Provider) -> Targets:
    """Where the links of the provider's pages lead: sessions, generated index pages and handouts."""
    targets = Targets(
        {url: _session_id(plan, url) for url in provider.pages if _session_id(plan, url) in plan.sessions}, {}, {}
    )
    for block in plan.blocks.values():
        targets.indexes[block.page.url] = f"{plan.slug}/year-{block.year}/{block.id}/index.md"
        targets.weeks[block.page.url] = [
            (
                w.first,
                w.last,
                w.title,
                f"{plan.slug}/year-{block.year}/{block.id}/week-{w.first}"
                + (f"-{w.last}" if w.last != w.first else "")
                + "/index.md",
            )
            for w in block.weeks
        ]
    for other in corpus.providers.values():
        targets.indexes[other.index.url] = f"{other.slug}/index.md"
    asset_ids = Slugs(empty="asset")
    for url, path in sorted(corpus.assets.items()):
        stem, extension = os.path.splitext(os.path.basename(path))
        asset_id = asset_ids.of(url, slug(stem))
        targets.asset_ids[url] = asset_id
        # the file is named by its id too: a source name may hold '#', '?', '%' or spaces
        targets.files[url] = f"{plan.slug}/assets/{asset_id}{'.' + slug(extension) if slug(extension) else ''}"
    return targets


def _finish_session(plan: ProgrammePlan, session: SessionPlan, framework: Framework, report: ProviderReport) -> None:
    """One session's body repaired and linked, its kind, title, videos and intentions found."""
    targets = plan.targets
    assert targets is not None
    page = session.page

    def defect(kind: str, line: int, message: str, action: str) -> None:
        report.add(page.path, page.body_line + line - 1, kind, message, action)

    def video_id_of(n: int) -> str:
        return f"{session.id}-video" + (f"-{n + 1}" if n else "")

    result = repair(page.body, video_id_of)
    for kind, line, message, action in result.defects:
        defect(kind, line, message, action)
    # headings under the page's own title, the page's outline kept (`headings.nest`)
    session.body = nest(rewrite(result.body, targets, address(plan, session), defect))
    session.videos = len(result.videos)
    if session.role != ECT and session.kind in (MATERIAL, TRAINING):
        plans.adopt(session, defect)
    elif session.role == ECT:  # the page's own words; its file name only when they name no kind
        own = [str(page.meta.get(key) or "") for key in ("title", "heading")]
        session.kind = kinds.step_kind(own, page.body) or session.kind
    if titles.generic(session.title) and titles.topic(page.body):
        session.title = titles.topic(page.body)
        session.body = titles.without_topic(session.body, session.title)
    for number, video in enumerate(result.videos):
        transcript = nest(unlink(video.transcript, defect, video.transcript_line))
        plan.videos.append(
            {
                "id": video_id_of(number),
                "title": video.title or session.title,
                "url": video.url,
                "transcript": transcript,
                "audio_described": video.audio_described,
                "form": video.transcript_form,
                "session": session.id,
                "line": page.body_line + video.line - 1,
            }
        )
    found, problems = intentions(page.body, framework)
    for kind, line, message, action in problems:
        defect(kind, line, message, action)
    session.intentions = [
        Placed(page.path, page.body_line + f.line - 1, session.id, f.statement, f.method, f.confidence) for f in found
    ]


def _minutes(plan: ProgrammePlan, report: ProviderReport) -> None:
    """Each session's minutes: its plan's phases, else what its page states, else an estimate from its
    words and videos (`durations`); a week's stated length is shared in proportion to the estimates."""
    decided: set[str] = {sid for sid, session in plan.sessions.items() if session.timed}
    for block in plan.blocks.values():
        for week in block.weeks:
            for role, entries in week.roles.items():
                homed = [sid for sid, see, _ in entries if not see]
                stated = week.stated.get(role, [])
                if stated:
                    _week_minutes(plan, block.page.path, week, [plan.sessions[sid] for sid in homed], stated[0], report)
                    decided.update(homed)
    for session in plan.sessions.values():
        if session.id not in decided:
            session.minutes = _own_minutes(session, report)


def _own_minutes(session: SessionPlan, report: ProviderReport) -> int | None:
    """What the page states; else, for a mentor plan, None (its year's usual meeting, the programme's
    settings.meeting_minutes); else an estimate, never under a meeting's least for a mentor's page."""
    given = durations.stated(session.page.body)
    if given:
        return given
    if session.role == MENTOR and session.kind == PLAN:
        report.add(
            session.page.path,
            1,
            "minutes-estimated",
            "No duration is given for this mentor meeting.",
            f"left its minutes out: it lasts year {session.year}'s usual meeting, "
            f"{Settings().meeting(session.year)} minutes (settings.meeting_minutes in programme.yaml)",
        )
        return None
    meeting = session.role == MENTOR
    estimate = durations.estimate(session.page.body, session.videos, meeting)
    floor = f", at least {durations.SHORTEST_MEETING} for a mentor meeting" if meeting else ""
    report.add(
        session.page.path,
        1,
        "minutes-estimated",
        "No duration is given for this page.",
        f"estimated {estimate} minutes from its {durations.words(session.page.body)} words "
        f"({durations.WORDS_A_MINUTE} a minute) and {session.videos} videos "
        f"({durations.VIDEO_MINUTES} minutes each){floor}",
    )
    return estimate


def _week_minutes(
    plan: ProgrammePlan, index: str, week: WeekPlan, sessions: list[SessionPlan], total: int, report: ProviderReport
) -> None:
    """The week's stated `total` for one role: timed plans and pages that state their length keep it,
    the others share what is left in proportion to their estimates (all share it, when that overruns)."""
    given = {s.id: s.minutes if s.timed else durations.stated(s.page.body) for s in sessions}
    fixed: dict[str, int] = {sid: m for sid, m in given.items() if m}
    rest = [s for s in sessions if s.id not in fixed]
    for session in sessions:
        if session.id in fixed:
            session.minutes = fixed[session.id]
    left = total - sum(fixed.values())
    if rest and left >= len(rest):
        estimates = [durations.estimate(s.page.body, s.videos) for s in rest]
        for session, minutes, estimate in zip(rest, durations.share(left, estimates), estimates, strict=True):
            session.minutes = minutes
            report.add(
                session.page.path,
                1,
                "minutes-estimated",
                "No duration is given for this page.",
                f"gave it {minutes} of the week's {total} minutes, in proportion to its estimate of "
                f"{estimate} (words at {durations.WORDS_A_MINUTE} a minute, "
                f"{durations.VIDEO_MINUTES} minutes a video)",
            )
    elif rest or left < 0:  # the pages' own lengths overrun the week: the week's total wins, shared
        weights = [fixed.get(s.id) or durations.estimate(s.page.body, s.videos) for s in sessions]
        for session, minutes in zip(sessions, durations.share(total, weights), strict=True):
            session.minutes = minutes
        report.add(
            index,
            week.line,
            "week-minutes-mismatch",
            f"The index gives {total} minutes for the week's "
            f"{sessions[0].role} pages but their own lengths and estimates add up to {sum(weights)}.",
            f"shared the week's {total} minutes in proportion to them",
        )
