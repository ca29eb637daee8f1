"""Examples: a session's sets of examples as the page shows them (stage four: render).

Each set (induction/check/lenses.py finds them) becomes a `<div data-ect-examples>` holding one open
`<details>` per example, its summary naming the phase or subject: with JavaScript off every example
shows, labelled; docs/javascripts/lens.js puts the reader's own first and folds the others.
"""

from __future__ import annotations

from induction.check.lenses import example_sets, lens_options
from induction.core.model import Programme

from .text import attr, esc


def with_examples(markdown: str, programme: Programme) -> str:
    """`markdown` (a session body as rendered) with each set of examples made into labelled,
    open `<details>` in a `<div data-ect-examples>`; a body without examples is returned as it is."""
    if "example-" not in markdown:
        return markdown
    sets = example_sets(markdown)
    if not sets:
        return markdown
    labels = {lens.id: lens.label for lens in programme.lenses}
    lines = markdown.splitlines()
    out: list[str] = []
    done = 0  # lines (from 0) already copied
    options = attr(lens_options(programme))
    for examples in sets:
        out += lines[done : examples[0].line - 1]
        out.append(f'\n<div class="ect-examples" data-ect-examples="" data-ect-lenses="{options}" markdown="1">\n')
        for example in examples:
            label = labels.get(example.lens_id, example.lens_id)
            content = "\n".join(lines[example.line : example.end - 1]).strip()
            # "example": Material's look for an example block (its icon and colour), open without script
            out.append(
                f'<details class="ect-example example" data-ect-lens="{attr(example.lens_id)}" open '
                f'markdown="1">\n<summary markdown="span"><span class="ect-example__lens">{esc(label)}</span>'
                f"{': ' + example.title if example.title else ''}</summary>\n\n{content}\n\n</details>\n"
            )
        out.append("</div>\n")
        done = examples[-1].end - 1
    out += lines[done:]
    return "\n".join(out)
