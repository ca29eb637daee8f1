"""Editions: one framework edition beside another, through the provider's crosswalk.

A page per crosswalk whose two editions are both on the site, in the folder of the edition it maps
to: each statement of that edition with the sessions citing it, and beside it the statements of the
other edition mapped to it with theirs; then what maps to nothing and what the crosswalk leaves out.
Codes are never compared across editions (the same code is a different statement in each): only
the crosswalk joins them. A table that stacks as cards on a phone (ect-stack), so it reads at 320 px.
"""

from __future__ import annotations

from induction.core import urls
from induction.core.model import Crosswalk, Framework, Statement
from induction.core.placement import Place

from .context import Context, citations, shown_crosswalks
from .text import Page, caption, esc, front_matter, statement_link


def edition_name(framework: Framework) -> str:
    """A framework edition by name: its title and its edition (its id when the file names none), since
    two editions may share a title."""
    return f"{framework.title} ({framework.edition_label or framework.id})"


def _sessions(places: list[Place]) -> str:
    return "none" if not places else f"{len(places)} session{'s' if len(places) != 1 else ''}"


def _cell(framework: Framework, statement: Statement, src: str) -> str:
    return f"{statement_link(framework, statement.id, src)} {esc(statement.text)}"


def _rows(crosswalk: Crosswalk, source: Framework, target: Framework, ctx: Context, src: str) -> list[str]:
    old, new = citations(ctx, source), citations(ctx, target)
    into: dict[str, list[str]] = {sid: [] for sid in target.statements}  # target id -> the source ids mapped to it
    for source_id, target_ids in crosswalk.mapping.items():
        for target_id in target_ids:
            into[target_id].append(source_id)
    out: list[str] = []
    for standard in target.standards:
        out += [
            f"### Standard {standard.number}: {esc(standard.title)}\n",
            '<div class="ect-stack ect-stack--editions" markdown="1">',
            "",
            f"| {esc(edition_name(target))} | Sessions | {esc(edition_name(source))} | Sessions |",
            "| --- | --- | --- | --- |",
        ]
        for statement in standard.statements:
            mapped = [source.statements[sid] for sid in into[statement.id]]
            before = "<br>".join(_cell(source, s, src) for s in mapped) or "No statement is mapped to it"
            counts = "<br>".join(_sessions(old[s.id]) for s in mapped) or "&nbsp;"
            out.append(f"| {_cell(target, statement, src)} | {_sessions(new[statement.id])} | {before} | {counts} |")
        out += ["", "</div>", ""]
    return out


def render_editions(crosswalk: Crosswalk, ctx: Context) -> Page:
    source, target = ctx.site.frameworks[crosswalk.source], ctx.site.frameworks[crosswalk.target]
    src = urls.editions(target, source)
    title = page_title(crosswalk, source, target)
    kinds = {"one": 0, "several": 0, "none": 0}
    for target_ids in crosswalk.mapping.values():
        kinds["none" if not target_ids else "one" if len(target_ids) == 1 else "several"] += 1
    dropped = [source.statements[sid] for sid, targets in crosswalk.mapping.items() if not targets]
    left_out = [s for s in source.statements.values() if s.id not in crosswalk.mapping]
    out = [
        front_matter(title),
        caption(target.title, "Editions side by side"),
        f"# {esc(title)}\n",
        f"The two editions number their statements differently: the same code can be a different statement in "
        f"each. The provider's crosswalk maps each statement of the [{esc(edition_name(source))}]"
        f"({urls.relative(src, urls.framework(source))}) to its counterparts in the "
        f"[{esc(edition_name(target))}]({urls.relative(src, urls.framework(target))}): "
        f"{kinds['one']} to one statement, {kinds['several']} to several, {kinds['none']} to none; "
        f"{len(left_out)} {'is' if len(left_out) == 1 else 'are'} not in the crosswalk yet. Sessions count "
        "the programmes on this site that cite each edition.\n",
        "## By standard\n",
    ]
    out += _rows(crosswalk, source, target, ctx, src)
    out.append(f"## No counterpart in the {esc(edition_name(target))} ({len(dropped)})\n")
    out += [f"- {_cell(source, s, src)}" for s in dropped] or ["The crosswalk maps every statement it lists."]
    out.append(f"\n## Not in the crosswalk ({len(left_out)})\n")
    out += [f"- {_cell(source, s, src)}" for s in left_out] or ["The crosswalk lists every statement."]
    return Page(src, title, "\n".join(out) + "\n", "editions", {"from": source.id, "to": target.id})


def beside_pages(ctx: Context, framework: Framework) -> list[tuple[str, str]]:
    """(title, page) of every side-by-side page that shows `framework` with another edition."""
    out = []
    for crosswalk in shown_crosswalks(ctx.site):
        if framework.id in (crosswalk.source, crosswalk.target):
            source, target = ctx.site.frameworks[crosswalk.source], ctx.site.frameworks[crosswalk.target]
            out.append((page_title(crosswalk, source, target), urls.editions(target, source)))
    return out


def page_title(crosswalk: Crosswalk, source: Framework, target: Framework) -> str:
    return crosswalk.title or f"{edition_name(target)} beside the {edition_name(source)}"
