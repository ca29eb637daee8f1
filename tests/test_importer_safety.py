"""The importer never writes or deletes outside its destination, and every source file it cannot
or must not read is a report line naming the file, never a traceback (issue 19, item 7)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import FRAMEWORK
from test_importer_pipeline import PAGES, script, source_tree

from induction.importer.corpus import MAX_PAGE_BYTES
from induction.importer.pipeline import run_import


def snapshot(root: Path, but: Path) -> dict[str, bytes]:
    """Every file below `root` outside `but`, with its bytes (a link as its target's name)."""
    out = {}
    for current, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if Path(current, d) != but]
        for name in files:
            path = Path(current, name)
            out[str(path.relative_to(root))] = os.readlink(path).encode() if path.is_symlink() else path.read_bytes()
    return out


def refused(reports) -> dict[str, tuple[str, str]]:
    return {d.file: (d.kind, d.message) for r in reports for d in r.defects if d.action == "not imported"}


DOTS = ["...md", "p/...md", "p/.md", "p/year-1-a/..md", "p/year-1-a/-.md"]  # "...md" beside "..": a provider


def test_dot_only_names_are_refused_and_nothing_outside_the_destination_changes(tmp_path):
    work = tmp_path / "work"
    source, dest = source_tree(work / "source"), work / "out" / "dest"
    (work / "out").mkdir()
    (work / "out" / "neighbour.txt").write_text("stays")
    for name in DOTS:
        (source / name).write_text('---\ntitle: "Dots"\n---\n\nText.\n')
    before = snapshot(tmp_path, dest)
    reports = run_import(str(source), str(dest), str(FRAMEWORK))
    assert reports.written
    assert snapshot(tmp_path, dest) == before  # nothing outside dest written or deleted
    for name in DOTS:
        assert refused(reports)[name] == (
            "unsafe-path",
            f"The name '{name.rsplit('/', 1)[-1]}' has no letter or digit to make an id from.",
        )
    assert sorted(p.name for p in dest.iterdir()) == [
        ".induction-output",
        "frameworks",
        "import-report.json",
        "import-report.md",
        "p",
        "site.yaml",
    ]


def test_symbolic_links_out_of_the_source_are_refused(tmp_path):
    source, dest = source_tree(tmp_path / "source"), tmp_path / "dest"
    secret = tmp_path / "secret.txt"
    secret.write_text("private")
    (source / "assets" / "materials").mkdir(parents=True)
    (source / "assets" / "materials" / "d.png").symlink_to(secret)
    (source / "p" / "year-1-a" / "autumn-week-3-ect-x.md").symlink_to(secret)
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "page.md").write_text("private")
    (source / "p" / "year-1-a" / "linked").symlink_to(tmp_path / "elsewhere")
    reports = run_import(str(source), str(dest), str(FRAMEWORK))
    assert refused(reports) == {
        "assets/materials/d.png": ("unsafe-path", "It is a symbolic link to a file outside the source folder."),
        "p/year-1-a/autumn-week-3-ect-x.md": (
            "unsafe-path",
            "It is a symbolic link to a file outside the source folder.",
        ),
        "p/year-1-a/linked": ("unsafe-path", "It is a symbolic link to a folder; links are not followed."),
    }
    assert not any("private" in p.read_text(errors="replace") for p in dest.rglob("*") if p.is_file())


def test_unreadable_oversized_and_special_files_are_report_lines_not_tracebacks(tmp_path):
    source, dest = source_tree(tmp_path / "source"), tmp_path / "dest"
    (source / "p" / "year-1-a" / "autumn-week-3-ect-latin1.md").write_bytes(b"---\ntitle: x\n---\n\nCaf\xe9\n")
    (source / "p" / "year-1-a" / "autumn-week-4-ect-big.md").write_bytes(b"a" * (MAX_PAGE_BYTES + 1))
    os.mkfifo(source / "p" / "year-1-a" / "autumn-week-5-ect-pipe.md")  # opening it would wait for ever
    result = script(str(source), str(dest))
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert refused(run_import(str(source), str(tmp_path / "again"), str(FRAMEWORK))) == {
        "p/year-1-a/autumn-week-3-ect-latin1.md": ("unreadable-file", "Byte 22 (0xe9) is not UTF-8."),
        "p/year-1-a/autumn-week-4-ect-big.md": (
            "oversized-file",
            "It is 2,000,001 bytes, over the limit of 2,000,000.",
        ),
        "p/year-1-a/autumn-week-5-ect-pipe.md": ("unsafe-path", "It is not a regular file."),
    }
    line = next(
        d.line
        for r in run_import(str(source), str(tmp_path / "third"), str(FRAMEWORK))
        for d in r.defects
        if d.kind == "unreadable-file"
    )
    assert line == 5


@pytest.mark.parametrize("name", ["year-1-a", "autumn-week-1-ect-reading"])
def test_a_page_address_that_climbs_out_leads_nowhere(tmp_path, name):
    pages = dict(
        PAGES,
        **{
            "p/year-1-a/autumn-week-2-ect-task.md": f"---\ntitle: Task\n---\n\n[Out](/p/../../{name}) "
            "![x](/assets/../../etc/passwd)\n"
        },
    )
    source, dest = source_tree(tmp_path / "source", pages), tmp_path / "dest"
    reports = run_import(str(source), str(dest), str(FRAMEWORK))
    assert reports.written
    body = (dest / "p" / "year-1" / "a" / "a-autumn-week-2-ect-task.md").read_text()
    assert "Out x" in body and "/.." not in body and "passwd" not in body


def test_an_asset_the_site_would_refuse_to_serve_is_a_report_line_with_the_validators_code(tmp_path):
    """The importer copies a source's assets into the content: judged by the checker validation uses
    (induction/load/served.py), with its code and message, so what it writes is what the site may serve."""
    pages = dict(
        PAGES,
        **{
            "p/year-1-a/autumn-week-2-ect-task.md": '---\ntitle: "Task"\n---\n\n'
            "See [the map](/assets/materials/map.svg).\n"
        },
    )
    source, dest = source_tree(tmp_path / "source", pages), tmp_path / "dest"
    (source / "assets" / "materials").mkdir(parents=True)
    (source / "assets" / "materials" / "map.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg"><a><set attributeName="href" to="javascript:x()"/>'
        '<text y="20">Click</text></a></svg>',
        encoding="utf-8",
    )
    (source / "assets" / "materials" / "page.html").write_text("<script>x()</script>", encoding="utf-8")
    reports = run_import(str(source), str(dest), str(FRAMEWORK), allow_problems=True)
    assert refused(reports) == {
        "assets/materials/map.svg": (
            "handout-content",
            "The SVG handout 'assets/materials/map.svg' has a <set> that animates 'href'; an "
            "animation may change how a diagram looks, never a link, a style sheet or an event handler (line 1 of "
            "the file).",
        ),
        "assets/materials/page.html": (
            "handout-type",
            "The handout 'assets/materials/page.html' is of a type the site does not publish "
            "('.html'); it publishes .csv, .doc, .docx, .gif, .jpeg, .jpg, .m4a, .mp3, .mp4, .odp, .ods, .odt, "
            ".pdf, .png, .ppt, .pptx, .svg, .txt, .webp, .xls, .xlsx.",
        ),
    }
    assert not [p for p in dest.rglob("*") if p.suffix in (".svg", ".html")]
