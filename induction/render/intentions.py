"""Intentions: a session's learning intentions, grouped as the framework groups them.

"Learn that" statements, then "learn how to" statements under their "…, by:" headings, each with
its id linked to the statement's page and its text in the framework's own words; where the
session words it its own way, that wording comes first and the statement behind it.
"""

from __future__ import annotations

from induction.core.model import Framework, Intention, Statement

from .text import esc, statement_link


def unique(intentions: list[Intention]) -> list[Intention]:
    seen: dict[str, Intention] = {}
    for intention in intentions:
        if intention.statement_id not in seen or (intention.wording and not seen[intention.statement_id].wording):
            seen[intention.statement_id] = intention
    return list(seen.values())


def intentions_section(
    intentions: list[Intention],
    framework: Framework | None,
    page_src: str,
    who: str = "You",
    heading: str = "## Learning intentions",
) -> str:
    known = [
        (i, framework.statements[i.statement_id])
        for i in unique(intentions)
        if framework and i.statement_id in framework.statements
    ]
    if not known:
        return ""
    known.sort(key=lambda pair: pair[1].order)
    out = [heading, "", '<div class="ect-intentions" markdown="1">', ""]
    that = [pair for pair in known if pair[1].kind == "learn_that"]
    how = [pair for pair in known if pair[1].kind == "learn_how_to"]
    if that:
        out += [f"{who} will learn that:", ""]
        out += [_item(i, s, framework, page_src) for i, s in that] + [""]
    if how:
        out += [f"{who} will learn how to:", ""]
        heading_now = None
        for intention, statement in how:
            if statement.heading != heading_now:
                heading_now = statement.heading
                out += ["", f"*{esc(statement.heading)}*", ""]
            out.append(_item(intention, statement, framework, page_src))
        out.append("")
    out += ["</div>", ""]
    return "\n".join(out) + "\n"


def _item(intention: Intention, statement: Statement, framework: Framework | None, page_src: str) -> str:
    assert framework is not None
    ref = statement_link(framework, statement.id, page_src, css="ect-statement-id")
    if intention.wording:
        return (
            f"- {ref} {esc(intention.wording)}  \n"
            f'  <span class="ect-statement-text">Framework: {esc(statement.text)}</span>'
        )
    return f"- {ref} {esc(statement.text)}"
