"""Matrix: a programme's coverage page, statements (rows, grouped by standard) by blocks (columns).

Stage four of the flow (render). The counting is `induction.coverage`, shared with the check,
the command and curriculum.json; this module only lays it out: a summary per standard, the key
to the column labels, the matrix as an accessible table, and the statements no session cites.
"""
from __future__ import annotations

import posixpath

from .. import urls
from ..coverage import Column, Coverage
from .text import Page, attr, caption, esc, front_matter, statement_link


def href(source: str, target: str) -> str:
    """A link between published addresses, for raw HTML that MkDocs does not rewrite.

    The matrix is raw HTML because Python-Markdown cannot keep a `<caption>` inside a table it
    parses (md_in_html wraps it in a paragraph), so its links cannot be `.md` paths; like
    curriculum.json, it assumes the site's directory URLs (`use_directory_urls: true`).
    """
    address = urls.address(target)
    link = posixpath.relpath(address or ".", urls.address(source) or ".")
    return link + "/" if address.endswith("/") or not address else link


def _spoken(column: Column) -> str:
    # "Y1 B2" is read letter by letter; a screen reader hears "Year 1 block 2" instead.
    return column.label.replace("Y", "Year ").replace(" B", " block ")


def _cell(count: int) -> str:
    if not count:
        return '<td class="ect-coverage__none"><span class="ect-visually-hidden">0</span></td>'
    return f'<td class="ect-coverage__hit">{count}</td>'


def matrix_table(cov: Coverage, src: str) -> list[str]:
    framework, columns = cov.framework, cov.columns
    span = len(columns) + 2
    out = ['<div class="ect-table-wrap" role="region" aria-labelledby="ect-coverage-caption" tabindex="0">',
           '<table class="ect-coverage">',
           f'<caption id="ect-coverage-caption"><span>Sessions citing each statement of the {attr(framework.title)}, '
           f"by block, in {attr(cov.programme.title)}</span></caption>"]
    head = "".join(f'<th scope="col" title="{attr(c.title)}"><span aria-hidden="true">{attr(c.label)}</span>'
                   f'<span class="ect-visually-hidden">{attr(_spoken(c))}</span></th>' for c in columns)
    out.append(f'<thead><tr><th scope="col">Statement</th>{head}<th scope="col">All blocks</th></tr></thead>')
    for tally in cov.standards():
        standard = tally.standard
        out.append("<tbody>")
        out.append(f'<tr class="ect-coverage__standard"><th scope="rowgroup" colspan="{span}">'
                   f'<a href="{href(src, urls.standard(framework, standard.number))}">'
                   f"Standard {standard.number}: {attr(standard.title)}</a></th></tr>")
        for statement in standard.statements:
            row = cov.counts[statement.id]
            gap = "" if row else ' class="ect-coverage__gap"'
            cells = "".join(_cell(row.get(c.key, 0)) for c in columns)
            out.append(f'<tr{gap}><th scope="row"><a class="ect-coverage__id" '
                       f'href="{href(src, urls.statement(framework, statement.id))}">'
                       f'<span class="ect-visually-hidden">Statement </span>{attr(statement.id)}</a> '
                       f'<span class="ect-coverage__text">{attr(statement.text)}</span></th>'
                       f"{cells}<td>{sum(row.values())}</td></tr>")
        sums = "".join(f"<td>{tally.sessions[c.key]}</td>" for c in columns)
        out.append(f'<tr class="ect-coverage__subtotal"><th scope="row">Standard {standard.number}: '
                   f"covered {tally.covered} of {tally.total}</th>{sums}"
                   f"<td>{sum(tally.sessions.values())}</td></tr>")
        out.append("</tbody>")
    totals = cov.column_totals()
    sums = "".join(f"<td>{totals[c.key]}</td>" for c in columns)
    out.append(f'<tfoot><tr><th scope="row">All standards: covered {len(cov.covered)} of '
               f"{len(framework.statements)}</th>{sums}<td>{sum(totals.values())}</td></tr></tfoot>")
    out += ["</table>", "</div>", ""]
    return out


def render_matrix(cov: Coverage) -> Page:
    programme, framework = cov.programme, cov.framework
    src = urls.coverage(programme)
    total, covered, uncovered = len(framework.statements), len(cov.covered), cov.uncovered
    title = f"Coverage of the {framework.title}"
    out = [front_matter(title), caption(programme.title), f"# {esc(title)}\n",
           f"**Covered {covered} of {total}** statements: sessions of this programme cite {covered} of the "
           f"{total} statements of the [{esc(framework.title)}]({urls.relative(src, urls.framework(framework))})"
           + (f"; [{len(uncovered)} are not covered](#not-covered)." if uncovered else ".")
           + "\n{ .ect-coverage-total }\n",
           "## By standard\n",
           "| Standard | Statements | Covered | Not covered |\n| --- | ---: | ---: | ---: |"]
    for tally in cov.standards():
        link = urls.relative(src, urls.standard(framework, tally.standard.number))
        out.append(f"| [{tally.standard.number}. {esc(tally.standard.title)}]({link}) | {tally.total} | "
                   f"{tally.covered} | {tally.total - tally.covered} |")
    out.append(f"| **All standards** | **{total}** | **{covered}** | **{total - covered}** |\n")
    out += ["## By block\n",
            "Each cell counts the sessions of a block whose learning intentions cite the statement; an empty "
            "cell means none. A session counts once, in the block where it is listed. The columns:\n",
            '<div class="ect-coverage-key" markdown="1">\n']
    out += [f"- **{esc(c.label)}** {esc(c.title)}" for c in cov.columns]
    out += ["", "</div>", ""]
    out += matrix_table(cov, src)
    out.append(f"## Not covered ({len(uncovered)}) {{ #not-covered }}\n")
    if not uncovered:
        out.append("Every statement is cited by at least one session.\n")
    for standard in framework.standards:
        missing = [s for s in standard.statements if not cov.counts[s.id]]
        if missing:
            out.append(f"### Standard {standard.number}: {esc(standard.title)}\n")
            out += [f"- {statement_link(framework, s.id, src)} {esc(s.text)}" for s in missing]
            out.append("")
    return Page(src, title, "\n".join(out) + "\n", "coverage",
                {"programme": programme.id, "covered": covered, "total": total})
