"""A live preview's pages of each programme reused while nothing they are made from changed
(induction/render/kept.py): after any edit of any file, the pages are exactly those rendered
afresh, and only the programme an edit touches is rendered again."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import ROOT, make_editions_tree

from induction.check.pipeline import load_and_check
from induction.render import Kept, programme_pages, render_site


def two_programmes(tmp_path: Path) -> Path:
    """The sample content with a second programme beside the first: a copy under another id."""
    tree = tmp_path / "content"
    shutil.copytree(ROOT / "content", tree)
    shutil.copytree(tree / "oakfield", tree / "elmfield")
    programme = tree / "elmfield" / "programme.yaml"
    programme.write_text(programme.read_text(encoding="utf-8").replace("id: oakfield", "id: elmfield", 1), "utf-8")
    site = tree / "site.yaml"
    site.write_text(site.read_text(encoding="utf-8").replace("[oakfield]", "[oakfield, elmfield]", 1), "utf-8")
    return tree


def edited(path: Path, count: int) -> bool:
    """`path` changed as an author might (a title, a statement's wording, a body); False where
    this file has nothing such to change."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".md":
        path.write_text(text + f"\n\nEdited {count}.\n", encoding="utf-8")
        return True
    for key in ("title", "text", "name"):
        match = re.search(rf"^(\s*(?:- )?{key}: )(['\"]?)([^\n'\"]+)\2$", text, re.M)
        if match:
            path.write_text(text[: match.end(3)] + f" (edited {count})" + text[match.end(3) :], encoding="utf-8")
            return True
    return False


def seen(pages) -> list[tuple]:
    return [(p.src, p.title, p.markdown, p.kind, p.meta) for p in pages]


class Counting:
    """programme_pages, counting the programmes it renders."""

    def __init__(self) -> None:
        self.rendered: list[str] = []

    def __call__(self, programme, ctx):
        self.rendered.append(programme.id)
        return programme_pages(programme, ctx)


def programme_of(tree: Path, path: Path) -> str | None:
    top = path.relative_to(tree).parts[0]
    return top if (tree / top / "programme.yaml").is_file() else None


@pytest.mark.parametrize("make", [two_programmes, make_editions_tree], ids=["sample-twice", "editions"])
def test_after_every_edit_the_kept_pages_are_the_pages_rendered_afresh(tmp_path, make):
    tree = make(tmp_path)
    kept, counting = Kept(), Counting()
    checked = load_and_check(str(tree))
    assert checked.ok, checked.report()
    assert len(checked.site.programmes) == 2
    render_site(checked, kept=kept)
    files = sorted(p for p in tree.rglob("*") if p.suffix in (".md", ".yaml"))
    if len(files) > 40:  # the sample twice: every site file, and four of the programmes' files, spread out
        inside = [p for p in files if programme_of(tree, p) is not None]
        files = [p for p in files if programme_of(tree, p) is None] + inside[len(inside) // 8 :: len(inside) // 4]
    edits = 0
    for count, path in enumerate(files):
        if not edited(path, count):
            continue
        edits += 1
        checked = load_and_check(str(tree))
        assert checked.ok, checked.report()
        counting.rendered.clear()
        pages = render_site(checked, kept=_counted(kept, counting))
        assert seen(pages) == seen(render_site(checked)), path
        touched = programme_of(tree, path)
        others = [p.id for p in checked.site.programmes if p.id != touched]
        if touched is not None:  # only the programme edited is rendered again
            assert counting.rendered == [touched], path
        else:  # a site file: every programme may show it
            assert counting.rendered == [p.id for p in checked.site.programmes] or not others, path
    assert edits >= 8
    # What is published with the site, and where, are inputs too.
    checked = load_and_check(str(tree))
    for pdfs, site_url in (({"a.pdf": 1000}, ""), ({"a.pdf": 2000}, ""), ({"a.pdf": 2000}, "https://x.example/")):
        assert seen(render_site(checked, pdfs, site_url, kept)) == seen(render_site(checked, pdfs, site_url))


def _counted(kept: Kept, counting: Counting) -> Kept:
    """`kept`, rendering through `counting`."""

    class Through(Kept):
        def pages(self, programme, ctx, render):
            return kept.pages(programme, ctx, counting)

    return Through()
