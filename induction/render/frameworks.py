"""Frameworks: a page per statement (with every session that teaches it, in programme order), a
page per standard, and the framework's index. Stage four of the flow (render).

The coverage matrix of a programme is `render/matrix.py`, over `induction.check.coverage`.
"""

from __future__ import annotations

from induction.core import urls
from induction.core.model import Framework, Standard, Statement
from induction.core.placement import Place

from .context import Context, citations, used_frameworks
from .editions import beside_pages, edition_name
from .text import Page, attr, caption, esc, front_matter, role_name, statement_link


def _taught_rows(src: str, places: list[Place]) -> list[str]:
    """One programme's sessions citing a statement, as a table in programme order."""
    # In a wrapper that stacks each row as a card on a phone (docs/stylesheets/induction.css).
    out = [
        '<div class="ect-stack ect-stack--taught" markdown="1">',
        "",
        "| Session | Role | Year | Block | Week |",
        "| --- | --- | --- | --- | --- |",
    ]
    for place in places:
        # Block- and year-level pages have no week (and year pages no block): say so rather than leave
        # an empty cell, which a screen reader announces as "blank".
        block = f"{esc(place.block.title)} ({place.block.term_label})" if place.block else "Whole year"
        week = esc(place.week.label) if place.week else ("Whole block" if place.block else "Whole year")
        out.append(
            f"| [{esc(place.session.title)}]({urls.relative(src, urls.session(place))}) | "
            f"{role_name(place.session.role)} | {esc(place.year.title)} | {block} | {week} |"
        )
    return out + ["", "</div>", ""]


def render_statement(framework: Framework, statement: Statement, taught: list[Place], several: bool = False) -> Page:
    """`several`: the site has more than one framework edition, so the same code may have two pages,
    and the page's title (a browser tab, a search result) names the edition too."""
    src = urls.statement(framework, statement.id)
    standard = statement.standard
    title = f"{statement.id} {statement.text}"
    out = [
        front_matter(f"Statement {statement.id}" + (f" of the {edition_name(framework)}" if several else "")),
        caption(framework.title, f"Standard {standard.number}: {standard.title}", statement.kind_label),
        f"# Statement {esc(statement.id)}\n",
        f'<blockquote class="ect-statement" markdown="1">\n\n{esc(statement.text)}\n\n</blockquote>\n',
        '<div class="ect-statement-facts" markdown="1">\n',
        f"- **Framework:** [{esc(framework.title)}]({urls.relative(src, urls.framework(framework))})",
        # Two editions may give this code to different statements: the page says which one it is.
        f"- **Edition:** {esc(framework.edition_label or framework.id)}",
        f"- **Standard:** [{standard.number}. {esc(standard.title)}]"
        f"({urls.relative(src, urls.standard(framework, standard.number))})",
        f"- **Kind:** {statement.kind_label}",
    ]
    if statement.heading:
        out.append(f"- **Group:** {esc(statement.heading)}")
    out += ["", "</div>", "", "## Taught in\n"]
    if not taught:
        out.append("No session cites this statement yet.\n")
    programmes = list(dict.fromkeys(place.programme.id for place in taught))
    for programme_id in programmes:
        places = [place for place in taught if place.programme.id == programme_id]
        name = esc(places[0].programme.title)
        if len(programmes) > 1:
            out.append(f"### {name}\n")
        count = f"{len(places)} session{'s' if len(places) != 1 else ''}"
        out.append(f"{count} of {name} cite{'s' if len(places) == 1 else ''} this statement, in programme order.\n")
        out += _taught_rows(src, places)
    return Page(
        src,
        title,
        "\n".join(out),
        "statement",
        {"framework": framework.id, "statement": statement.id, "taught": [p.session.id for p in taught]},
    )


def render_standard(framework: Framework, standard: Standard, cited: dict[str, list[Place]]) -> Page:
    src = urls.standard(framework, standard.number)
    title = f"Standard {standard.number}: {standard.title}"
    out = [front_matter(title), caption(framework.title), f"# {esc(title)}\n"]
    if standard.teachers_standard:
        out.append(f"Teachers' Standard {standard.number}: {esc(standard.teachers_standard)}.\n")
    heading = None
    for kind, label in (("learn_that", "Learn that"), ("learn_how_to", "Learn how to")):
        items = [s for s in standard.statements if s.kind == kind]
        if not items:
            continue
        out.append(f"## {label}\n")
        for statement in items:
            if kind == "learn_how_to" and statement.heading != heading:
                heading = statement.heading
                out.append(f"\n### {esc(heading)}\n")
            count = len(cited.get(statement.id, []))
            sessions = "not yet taught" if not count else f"{count} session{'s' if count != 1 else ''}"
            out.append(f"- {statement_link(framework, statement.id, src)} {esc(statement.text)} *({sessions})*")
        out.append("")
    return Page(src, title, "\n".join(out), "standard", {"framework": framework.id, "standard": standard.number})


def render_framework(framework: Framework, ctx: Context) -> Page:
    src = urls.framework(framework)
    cited = citations(ctx, framework)
    out = [front_matter(framework.title), caption("Framework"), f"# {esc(framework.title)}\n"]
    if framework.edition_label:
        out.append(f"Edition: {esc(framework.edition_label)}.\n")
    total = len(framework.statements)
    covered = sum(1 for places in cited.values() if places)
    out.append(
        f"{total} statements in {len(framework.standards)} standards; the programmes on this site cite "
        f"{covered} of them.\n"
    )
    matrices = [
        f"[{esc(p.title)}]({urls.relative(src, urls.coverage(p))})"
        for p in ctx.site.programmes
        if p.framework_id == framework.id
    ]
    if matrices:
        out.append(f"Which blocks cover which statements: the coverage matrix of {', '.join(matrices)}.\n")
    out.append("| Standard | Statements | Cited |\n| --- | ---: | ---: |")
    for standard in framework.standards:
        link = urls.relative(src, urls.standard(framework, standard.number))
        n = len(standard.statements)
        c = sum(1 for s in standard.statements if cited.get(s.id))
        out.append(f"| [{standard.number}. {esc(standard.title)}]({link}) | {n} | {c} |")
    out += _beside(framework, ctx, src)
    if framework.attribution:
        out.append(f'\n<p class="ect-attribution">{attr(framework.attribution)}</p>\n')
    return Page(src, framework.title, "\n".join(out) + "\n", "framework", {"framework": framework.id})


def _beside(framework: Framework, ctx: Context, src: str) -> list[str]:
    """Links to this edition shown beside another one, through the provider's crosswalks."""
    links = [f"[{esc(title)}]({urls.relative(src, page)})" for title, page in beside_pages(ctx, framework)]
    return [f"\nAnother edition: {', '.join(links)}.\n"] if links else []


def render_framework_pages(framework: Framework, ctx: Context) -> list[Page]:
    cited = citations(ctx, framework)
    pages = [render_framework(framework, ctx)]
    pages += [render_standard(framework, standard, cited) for standard in framework.standards]
    several = len(used_frameworks(ctx.site)) > 1
    pages += [render_statement(framework, s, cited[s.id], several) for s in framework.statements.values()]
    return pages
