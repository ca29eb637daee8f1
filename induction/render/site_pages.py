"""Site pages: the home page, the accessibility statement and the cookies page (stage four: render).

Generated from the content and site.yaml's provider, so that any content tree (a renamed copy,
an imported programme) publishes pages that name only its own provider, with figures counted
from its own programmes. Nothing here is written for one provider.
"""

from __future__ import annotations

from induction.core import urls
from induction.core.formats import ROLE
from induction.core.model import Programme, Site
from induction.core.problems import plural
from induction.render.figures import programme_figures

from .context import Context
from .media import host_name
from .roles import role_src
from .summaries import summary_markdown
from .text import Page, esc, front_matter
from .thisweek import this_week_panel

HOME_SRC = "index.md"
ACCESSIBILITY_SRC = "about/accessibility.md"
COOKIES_SRC = "about/cookies.md"
PROGRESS_SRC = "about/progress.md"  # hand-written (docs/): the record that docs/javascripts/progress.js fills


def render_site_pages(ctx: Context) -> list[Page]:
    return [render_home(ctx), render_accessibility(ctx.site), render_cookies(ctx.site)]


def _count(n: int, word: str) -> str:
    return f"**{plural(n, word)}**"


def _programme_figures(programme: Programme, ctx: Context) -> str:
    f = programme_figures(ctx.site, programme, ctx.places[programme.id])
    parts = [
        plural(f["ect_steps"], "ECT self-study step"),
        plural(f["mentor_plans"], "mentor session plan"),
        plural(f["tutor_sessions"], "induction tutor session"),
    ]
    if f["videos"]:
        transcribed = f["videos_transcribed"]
        which = (
            "each with a transcript"
            if transcribed == f["videos"]
            else f"{transcribed} of them with a transcript"
            if transcribed
            else "none with a transcript yet"
        )
        parts.append(f"{plural(f['videos'], 'video')} ({which})")
    text = (
        f"{_count(f['weeks'], 'week')} in {_count(f['blocks'], 'block')} over {_count(f['years'], 'year')}: "
        f"{', '.join(parts[:-1])} and {parts[-1]}."
    )
    framework = ctx.framework(programme)
    if framework:
        text += (
            f" Its sessions teach {f['statements_cited']} of the {f['statements']} statements of the "
            f"[{esc(framework.title)}]({urls.relative(HOME_SRC, urls.framework(framework))})."
        )
    return text


def render_home(ctx: Context) -> Page:
    site = ctx.site
    title = site.title or site.provider_name
    out = [front_matter(title, hide=["toc"]), f"# {esc(title)}\n"]
    intro = site.description or (
        "An induction programme for early career teachers (ECTs), their mentors and induction tutors"
    )
    out.append(f"{esc(intro.rstrip('.'))}, published by {esc(site.provider_name)}.\n")
    out.append("## Start here\n")
    for programme in site.programmes:
        if len(site.programmes) > 1:
            out.append(f"### {esc(programme.title)}\n")
        out.append(
            "\n".join(
                f"- [{r.page_title}]({urls.relative(HOME_SRC, role_src(programme, r.id))}): {r.offer}"
                for r in ROLE.values()
            )
            + "\n"
        )
    out += [this_week_panel(ctx, programme, HOME_SRC) for programme in site.programmes]  # "" without a calendar
    out.append('<div class="ect-progress-continue" data-ect-progress-continue></div>\n')  # filled by progress.js
    out.append(
        f"[Your progress]({urls.relative(HOME_SRC, PROGRESS_SRC)}): what you have marked as done, "
        "kept in this browser only.\n"
    )
    for programme in site.programmes:
        link = urls.relative(HOME_SRC, urls.programme(programme))
        out.append(f"## [{esc(programme.title)}]({link})\n")
        if programme.summary:  # under the programme's ## heading on the home page
            out.append(
                summary_markdown(programme.summary, urls.programme(programme), HOME_SRC, 2, programme, ctx) + "\n"
            )
        out.append(_programme_figures(programme, ctx) + "\n")
        years = " · ".join(
            f"[{esc(y.title)}]({urls.relative(HOME_SRC, urls.year(programme, y))})" for y in programme.years
        )
        out.append(f"Years: {years}\n")
    return Page(HOME_SRC, title, "\n".join(out), "home")


def contact_lines(site: Site) -> str:
    """The provider's contact details as a Markdown list, or '' when site.yaml gives none."""
    contact = site.provider.contact
    lines = []
    if contact.get("email"):
        lines.append(f"- email: [{esc(contact['email'])}](mailto:{contact['email']})")
    if contact.get("phone"):
        lines.append(f"- telephone: {esc(contact['phone'])}")
    if contact.get("address"):
        lines.append(f"- post: {esc(contact['address'])}")
    if contact.get("website"):
        lines.append(f"- website: [{esc(contact['website'])}]({contact['website']})")
    return "\n".join(lines)


def render_accessibility(site: Site) -> Page:
    name, provider = esc(site.title or site.provider_name), esc(site.provider_name)
    contact = contact_lines(site)
    reach = f"contact your induction tutor or {provider}" + (":\n\n" + contact + "\n" if contact else ".")
    reviewed = site.provider.accessibility_reviewed
    sections = [
        front_matter("Accessibility statement"),
        f"# Accessibility statement for {name}\n",
        f"This accessibility statement applies to the {name} website: its programme, week, session, video "
        "transcript and framework pages. It follows the GOV.UK model accessibility statement for public "
        "sector websites.\n",
        f"This website is run by {provider}. We want as many people as possible to be able to use it. "
        "For example, that means you should be able to:\n",
        "- change colours, contrast levels and fonts using browser or device settings\n"
        "- zoom in up to 400% without the text spilling off the screen\n"
        '- navigate the whole website using just a keyboard, starting with a "Skip to content" link\n'
        "- navigate most of the website using speech recognition software\n"
        "- listen to the website using a screen reader\n"
        + (
            "- read a transcript of every video that has one, directly below it and on a page of its own, and "
            "follow a plain link to the video\n"
            if _has_videos(site)
            else ""
        ),
        "[AbilityNet](https://mcmw.abilitynet.org.uk/) has advice on making your device easier to use if you "
        "have a disability.\n",
        "## How accessible this website is\n",
        "We know some parts of this website are not fully accessible:\n",
        "- some handouts are PDF files that may not work well with screen readers\n"
        "- once you choose to play a video, the player is the video host's, and its controls follow that "
        "host's accessibility\n",
        "## Feedback and contact information\n",
        "If you need information on this website in a different format, such as an accessible PDF, large "
        f"print, easy read, audio recording or braille, {reach}\n",
        "## Reporting accessibility problems with this website\n",
        "We are always looking to improve the accessibility of this website. If you find any problems not "
        f"listed on this page or think we are not meeting accessibility requirements, {reach}\n",
        *_enforcement_and_testing(provider),
    ]
    if reviewed:
        sections += [
            "## Preparation of this accessibility statement\n",
            f"This statement was last reviewed on {esc(reviewed)}.\n",
        ]
    return Page(ACCESSIBILITY_SRC, "Accessibility statement", "\n".join(sections), "about")


def _enforcement_and_testing(provider: str) -> list[str]:
    """The model statement's closing sections: enforcement, compliance, and how the site is tested."""
    return [
        "## Enforcement procedure\n",
        "The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies "
        '(Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018 (the "accessibility '
        'regulations"). If you are not happy with how we respond to your complaint, [contact the Equality '
        "Advisory and Support Service (EASS)](https://www.equalityadvisoryservice.com/).\n",
        "## Technical information about this website's accessibility\n",
        f"{provider} is committed to making its website accessible, in accordance with the accessibility "
        "regulations.\n",
        "### Compliance status\n",
        "This website is partially compliant with the [Web Content Accessibility Guidelines version 2.2]"
        "(https://www.w3.org/TR/WCAG22/) AA standard, due to the non-compliances listed below.\n",
        "### Non-accessible content\n",
        "- Some PDF handouts may not be tagged for screen readers (WCAG 1.3.1 Info and relationships). "
        "Ask us for an accessible version.\n"
        "- Videos hosted by other services, once you choose to play them, are not within the scope of the "
        "accessibility regulations: the player belongs to the host.\n",
        "## How we test this website\n",
        "Every kind of page is checked automatically, on every change, with "
        "[axe-core](https://github.com/dequelabs/axe-core) against the WCAG 2.2 level A and AA rules, in the "
        "Chromium browser. The same tests check that the keyboard reaches the skip link and every video's "
        "play button, and that headings skip no level.\n",
    ]


def _has_videos(site: Site) -> bool:
    return any(p.videos for p in site.programmes)


# Every key the site's scripts write, each starting "ect-": what, why (the script that keeps it).
# Keep true: each script's header comment says what it stores.
STORED_KEYS = (
    (
        "ect-progress",
        "your progress: each step, plan, check or training session you tick with the date and time "
        "you ticked it, the step to continue from, and the coaching log a mentor and ECT type on a mentor "
        "session plan (last week's step, the drop-in observation, this week's agreed step)",
        'so that ticks, counts, "continue where you left off", the coaching log and the printed record work',
    ),
    (
        "ect-me",
        "what you tell the site about yourself: your role, cohort, name, and the pair's meeting day and time",
        "so that pages can show your week and your meeting, and a saved file can carry your name",
    ),
    (
        "ect-route",
        "the route you chose in each block (core, stretch or a short check)",
        "so that pages show the route you are on",
    ),
    ("ect-lens", "the phase and subject you chose", "so that pages show the examples for your setting first"),
)


def _stored(site: Site) -> list[str]:
    keys = "\n".join(
        f"- `{key}`: {what}; {why}. Written only when you use that part of the site." for key, what, why in STORED_KEYS
    )
    progress = urls.relative(COOKIES_SRC, PROGRESS_SRC)
    return [
        "## Stored in your browser\n",
        "The site sets no cookies. It keeps a few things in this browser's local storage for this site, "
        "and only when you use the part of the site that needs them. Each is under a key starting `ect-`:\n",
        keys + "\n",
        "Nothing is stored until you tick a box, type in a coaching log, open a saved file or choose "
        "something a page asks you to.\n",
        "- **Where:** in this browser only, on this device. It is never sent to us or anyone else: no page "
        "sends anything anywhere, and the site has no server that could receive it. Another browser or "
        "device does not see it.\n"
        f"- **How long:** until you clear it. [Your progress]({progress}) has a **Clear my progress** button, "
        "which clears every key above; clearing this site's data in your browser's settings does the same. "
        "Private or incognito windows discard it when they close.\n",
        "## Keeping it: save your progress to a file\n",
        f"On [Your progress]({progress}), **Save my progress** downloads one file (plain JSON) with "
        "everything above and the name you give it. It is made in your browser and saved on your device: "
        "nothing is uploaded. **Open a saved file** on another device or browser merges it with what is "
        "there, the newest of each item winning. Hand the file to your mentor or induction tutor only "
        "if you choose to: it holds what you typed in the coaching log.\n",
        "**On an iPhone or iPad, and in Safari on a Mac,** Safari deletes everything a website's scripts "
        "have stored when you have not opened that website for seven days of using Safari: a half-term "
        "away can empty your progress. Save your progress to a file before a break, and open it again "
        "when you are back. A site added to the Home Screen is not affected.\n",
        'Nothing else is stored. "This week" is worked out from your device\'s clock each time a page '
        "opens, and is not kept. While you search, the search index is held in your browser's memory and "
        'is gone when you close the page. A saved file opened on the "Your pairs" page is read in the '
        "browser's memory only and is gone when you close the page.\n",
    ]


def render_cookies(site: Site) -> Page:
    hosts = sorted({host_name(v.url) for p in site.programmes for v in p.videos.values() if v.url})
    out = [
        front_matter("Cookies"),
        "# Cookies\n",
        f"This website, published by {esc(site.provider_name)}, does not use cookies, and it does not use "
        "analytics or advertising services.\n",
        "## Nothing loads from other websites until you ask\n",
        "Pages load no fonts, scripts or images from other websites.",
    ]
    if hosts:
        out[-1] += (
            " A video is a placeholder until you press its play button: only then does your browser "
            f"load the player from the video host ({esc(', '.join(hosts))}). That host may then set "
            "cookies of its own under its own policy. Every video also has a plain link, so you never "
            "need to play it here."
        )
    out[-1] += "\n"
    out += _stored(site)
    return Page(COOKIES_SRC, "Cookies", "\n".join(out), "about")
