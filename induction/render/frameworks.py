"""Frameworks: a page per statement (with every session that teaches it), per standard, per
framework, and each programme's coverage matrix of statements by blocks.
"""
from __future__ import annotations

from .. import urls
from ..model import Block, Framework, Programme, Standard, Statement
from ..placement import Place
from .context import Context, citations
from .text import Page, attr, caption, esc, front_matter, role_name


def _place_label(place: Place) -> str:
    parts = [place.programme.title, place.year.title]
    if place.block is not None:
        parts.append(place.block.title)
    if place.week is not None:
        parts.append(place.week.label)
    parts.append(role_name(place.session.role))
    return " · ".join(esc(p) for p in parts)


def render_statement(framework: Framework, statement: Statement, taught: list[Place]) -> Page:
    src = urls.statement(framework, statement.id)
    standard = statement.standard
    title = f"{statement.id} {statement.text}"
    out = [front_matter(f"Statement {statement.id}"),
           caption(framework.title, f"Standard {standard.number}: {standard.title}", statement.kind_label),
           f"# Statement {esc(statement.id)}\n",
           f'<blockquote class="ect-statement" markdown="1">\n\n{esc(statement.text)}\n\n</blockquote>\n',
           "| | |\n| --- | --- |",
           f"| Framework | [{esc(framework.title)}]({urls.relative(src, urls.framework(framework))}) |",
           f"| Standard | [{standard.number}. {esc(standard.title)}]"
           f"({urls.relative(src, urls.standard(framework, standard.number))}) |",
           f"| Kind | {statement.kind_label} |"]
    if statement.heading:
        out.append(f"| Group | {esc(statement.heading)} |")
    out.append("")
    out.append("## Taught in\n")
    if taught:
        for place in taught:
            out.append(f"- [{esc(place.session.title)}]({urls.relative(src, urls.session(place))})"
                       f" · {_place_label(place)}")
        out.append("")
    else:
        out.append("No session cites this statement yet.\n")
    return Page(src, title, "\n".join(out), "statement",
                {"framework": framework.id, "statement": statement.id, "taught": [p.session.id for p in taught]})


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
            out.append(f"- [{esc(statement.id)}]({urls.relative(src, urls.statement(framework, statement.id))})"
                       f" {esc(statement.text)} *({sessions})*")
        out.append("")
    return Page(src, title, "\n".join(out), "standard", {"framework": framework.id, "standard": standard.number})


def render_framework(framework: Framework, ctx: Context) -> Page:
    src = urls.framework(framework)
    cited = citations(ctx, framework)
    out = [front_matter(framework.title), caption("Framework"), f"# {esc(framework.title)}\n"]
    total = len(framework.statements)
    covered = sum(1 for places in cited.values() if places)
    out.append(f"{total} statements in {len(framework.standards)} standards; the programmes on this site cite "
               f"{covered} of them.\n")
    out.append("| Standard | Statements | Cited |\n| --- | ---: | ---: |")
    for standard in framework.standards:
        link = urls.relative(src, urls.standard(framework, standard.number))
        n = len(standard.statements)
        c = sum(1 for s in standard.statements if cited.get(s.id))
        out.append(f"| [{standard.number}. {esc(standard.title)}]({link}) | {n} | {c} |")
    if framework.attribution:
        out.append(f"\n<p class=\"ect-attribution\">{attr(framework.attribution)}</p>\n")
    return Page(src, framework.title, "\n".join(out) + "\n", "framework", {"framework": framework.id})


def coverage_counts(programme: Programme, framework: Framework, ctx: Context) -> dict[str, dict[str, int]]:
    """Statement id -> block id -> how many sessions of that block cite it (year pages under '')."""
    counts: dict[str, dict[str, int]] = {sid: {} for sid in framework.statements}
    for place in ctx.places[programme.id].in_order():
        key = place.block.id if place.block is not None else ""
        for sid in dict.fromkeys(i.statement_id for i in place.session.intentions):
            if sid in counts:
                counts[sid][key] = counts[sid].get(key, 0) + 1
    return counts


def render_coverage(programme: Programme, framework: Framework, ctx: Context) -> Page:
    src = urls.coverage(programme)
    counts = coverage_counts(programme, framework, ctx)
    blocks: list[tuple[str, Block]] = []
    for year_index, year in enumerate(programme.years, 1):
        for block_index, block in enumerate(year.blocks, 1):
            blocks.append((f"Y{year_index} B{block_index}", block))
    has_year_pages = any("" in c for c in counts.values())
    columns = [(label, block.id, f"{block.title} ({block.term_label})") for label, block in blocks]
    if has_year_pages:
        columns.append(("Year", "", "Year-level pages"))
    total = len(framework.statements)
    covered = [sid for sid, c in counts.items() if c]
    uncovered = [framework.statements[sid] for sid in framework.statements if not counts[sid]]
    title = f"Coverage of the {framework.title}"
    out = [front_matter(title), caption(programme.title), f"# {esc(title)}\n",
           f'<p class="ect-coverage-total"><strong>Covered {len(covered)} of {total}</strong> statements.</p>\n',
           "Each cell counts the sessions of a block whose learning intentions cite the statement.\n",
           "| Column | Block |\n| --- | --- |"]
    out += [f"| {label} | {esc(name)} |" for label, _, name in columns]
    out.append("")
    out.append('<div class="ect-table-wrap" markdown="1">\n')
    out.append('<table class="ect-coverage">')
    out.append(f"<caption>Sessions citing each statement of the {attr(framework.title)}, by block, "
               f"in {attr(programme.title)}</caption>")
    head = "".join(f'<th scope="col"><abbr title="{attr(name)}">{attr(label)}</abbr></th>'
                   for label, _, name in columns)
    out.append(f'<thead><tr><th scope="col">Statement</th>{head}<th scope="col">Total</th></tr></thead>')
    for standard in framework.standards:
        n = len(standard.statements)
        c = sum(1 for s in standard.statements if counts[s.id])
        out.append("<tbody>")
        out.append(f'<tr class="ect-coverage__standard"><th scope="rowgroup" colspan="{len(columns) + 2}">'
                   f"Standard {standard.number}: {attr(standard.title)} · covered {c} of {n}</th></tr>")
        for statement in standard.statements:
            row = counts[statement.id]
            link = urls.relative(src, urls.statement(framework, statement.id))
            cells = "".join(f"<td>{row[key]}</td>" if row.get(key) else '<td class="ect-coverage__none">'
                            '<span class="ect-visually-hidden">0</span></td>' for _, key, _ in columns)
            out.append(f'<tr><th scope="row" markdown="span">[{esc(statement.id)}]({link} "{attr(statement.text)}")'
                       f"</th>{cells}<td>{sum(row.values())}</td></tr>")
        out.append("</tbody>")
    out.append("</table>\n\n</div>\n")
    out.append(f"## Not covered ({len(uncovered)})\n")
    if uncovered:
        out += [f"- [{esc(s.id)}]({urls.relative(src, urls.statement(framework, s.id))}) {esc(s.text)}"
                for s in uncovered]
    else:
        out.append("Every statement is cited by at least one session.")
    return Page(src, title, "\n".join(out) + "\n", "coverage",
                {"programme": programme.id, "covered": len(covered), "total": total})


def render_framework_pages(framework: Framework, ctx: Context) -> list[Page]:
    cited = citations(ctx, framework)
    pages = [render_framework(framework, ctx)]
    pages += [render_standard(framework, standard, cited) for standard in framework.standards]
    pages += [render_statement(framework, s, cited[s.id]) for s in framework.statements.values()]
    return pages
