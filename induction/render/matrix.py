"""Matrix: a programme's coverage page, statements (rows, grouped by standard) by blocks (columns).

Stage four of the flow (render). The counting is `induction.check.coverage`, shared with the check,
the command and curriculum.json; this module only lays it out: a summary per standard, the key
to the column labels, the matrix as an accessible table, and the statements no session cites.
"""

from __future__ import annotations

import posixpath

from induction.check.coverage import Column, Coverage, StandardTally
from induction.core import urls

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


# Every cell names its headers (its block's column, its standard's row group and its own row):
# a table with a row of group headings inside each body is one a screen reader cannot pair by
# `scope` alone (HTML_CodeSniffer's H43), so the ids and `headers` say it outright.
# The prefixes keep a block's id, a standard's number and a statement's id apart from each other
# and from the table's own headings (a block may well be called "all").
_COLUMN, _GROUP, _ROW = "ect-cov-c-", "ect-cov-s-", "ect-cov-r-"
_STATEMENTS, _ALL, _TOTAL = "ect-cov-statement", "ect-cov-all", "ect-cov-total"


def _headers(*ids: str) -> str:
    return f' headers="{attr(" ".join(ids))}"'


def _cell(count: int, headers: str) -> str:
    if not count:
        return f'<td class="ect-coverage__none"{headers}><span class="ect-visually-hidden">0</span></td>'
    return f'<td class="ect-coverage__hit"{headers}>{count}</td>'


def matrix_table(cov: Coverage, src: str) -> list[str]:
    framework, columns = cov.framework, cov.columns
    out = [
        '<div class="ect-table-wrap" role="region" aria-labelledby="ect-coverage-caption" tabindex="0">',
        '<table class="ect-coverage">',
        f'<caption id="ect-coverage-caption"><span>Sessions citing each statement of the {attr(framework.title)}, '
        f"by block, in {attr(cov.programme.title)}</span></caption>",
    ]
    head = "".join(
        f'<th scope="col" id="{attr(_COLUMN + c.key)}" title="{attr(c.title)}"><span aria-hidden="true">'
        f'{attr(c.label)}</span><span class="ect-visually-hidden">{attr(_spoken(c))}</span></th>'
        for c in columns
    )
    out.append(
        f'<thead><tr><th scope="col" id="{_STATEMENTS}">Statement</th>{head}'
        f'<th scope="col" id="{_ALL}">All blocks</th></tr></thead>'
    )
    keys = [_COLUMN + c.key for c in columns] + [_ALL]
    for tally in cov.standards():
        out += _standard_rows(cov, tally, src, keys)
    totals = cov.column_totals()
    own = _TOTAL
    sums = "".join(
        f"<td{_headers(key, own)}>{count}</td>"
        for key, count in zip(keys, [*(totals[c.key] for c in columns), sum(totals.values())], strict=True)
    )
    out.append(
        f'<tfoot><tr><th scope="row" id="{own}">All standards: covered {len(cov.covered)} of '
        f"{len(framework.statements)}</th>{sums}</tr></tfoot>"
    )
    out += ["</table>", "</div>", ""]
    return out


def _standard_rows(cov: Coverage, tally: StandardTally, src: str, keys: list[str]) -> list[str]:
    """One standard as a <tbody>: its heading row, a row per statement, and its subtotal."""
    framework, columns, span = cov.framework, cov.columns, len(cov.columns) + 2
    standard = tally.standard
    group = f"{_GROUP}{standard.number}"
    out = ["<tbody>"]
    out.append(
        f'<tr class="ect-coverage__standard"><th scope="rowgroup" colspan="{span}" id="{group}">'
        f'<a href="{href(src, urls.standard(framework, standard.number))}">'
        f"Standard {standard.number}: {attr(standard.title)}</a></th></tr>"
    )
    for statement in standard.statements:
        row, own = cov.counts[statement.id], f"{_ROW}{statement.id}"
        gap = "" if row else ' class="ect-coverage__gap"'
        cells = "".join(_cell(row.get(c.key, 0), _headers(_COLUMN + c.key, group, own)) for c in columns)
        out.append(
            f'<tr{gap}><th scope="row" id="{attr(own)}"{_headers(_STATEMENTS, group)}>'
            f'<a class="ect-coverage__id" href="{href(src, urls.statement(framework, statement.id))}">'
            f'<span class="ect-visually-hidden">Statement </span>{attr(statement.id)}</a> '
            f'<span class="ect-coverage__text">{attr(statement.text)}</span></th>'
            f"{cells}<td{_headers(_ALL, group, own)}>{sum(row.values())}</td></tr>"
        )
    own = f"{group}-total"
    sums = "".join(
        f"<td{_headers(key, group, own)}>{count}</td>"
        for key, count in zip(
            keys, [*(tally.sessions[c.key] for c in columns), sum(tally.sessions.values())], strict=True
        )
    )
    out.append(
        f'<tr class="ect-coverage__subtotal"><th scope="row" id="{own}" headers="{group}">'
        f"Standard {standard.number}: covered {tally.covered} of {tally.total}</th>{sums}</tr>"
    )
    out.append("</tbody>")
    return out


def render_matrix(cov: Coverage, beside: list[tuple[str, str]] | None = None) -> Page:
    """The coverage page; `beside`: (title, page) of each page showing this edition beside another."""
    programme, framework = cov.programme, cov.framework
    src = urls.coverage(programme, framework)
    total, covered, uncovered = len(framework.statements), len(cov.covered), cov.uncovered
    title = f"Coverage of the {framework.title}"
    out = [
        front_matter(title),
        caption(programme.title),
        f"# {esc(title)}\n",
        f"**Covered {covered} of {total}** statements: sessions of this programme cite {covered} of the "
        f"{total} statements of the [{esc(framework.title)}]({urls.relative(src, urls.framework(framework))})"
        + (f"; [{len(uncovered)} are not covered](#not-covered)." if uncovered else ".")
        + "\n{ .ect-coverage-total }\n",
        *[f"Another edition: [{esc(name)}]({urls.relative(src, page)}).\n" for name, page in beside or []],
        "## By standard\n",
        "| Standard | Statements | Covered | Not covered |\n| --- | ---: | ---: | ---: |",
    ]
    for tally in cov.standards():
        link = urls.relative(src, urls.standard(framework, tally.standard.number))
        out.append(
            f"| [{tally.standard.number}. {esc(tally.standard.title)}]({link}) | {tally.total} | "
            f"{tally.covered} | {tally.total - tally.covered} |"
        )
    out.append(f"| **All standards** | **{total}** | **{covered}** | **{total - covered}** |\n")
    out += [
        "## By block\n",
        "Each cell counts the sessions of a block whose learning intentions cite the statement; an empty "
        "cell means none. A session counts once, in the block where it is listed. The columns:\n",
        '<div class="ect-coverage-key" markdown="1">\n',
    ]
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
    return Page(
        src, title, "\n".join(out) + "\n", "coverage", {"programme": programme.id, "covered": covered, "total": total}
    )
