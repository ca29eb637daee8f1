"""Source: text and YAML that remember their lines; the awkward files authors' editors produce."""

from __future__ import annotations

from pathlib import Path

import pytest

from induction.core.problems import Problems
from induction.core.source import YList, YMap, load_yaml_file, parse_yaml, read_markdown, read_text


def lines(problems: Problems) -> list[str]:
    return [p.format() for p in problems]


def parse(text: str, first_line: int = 1) -> tuple[object, list[str]]:
    problems = Problems()
    return parse_yaml(text, "f.yaml", problems, first_line), lines(problems)


def test_mappings_lists_and_keys_know_their_lines():
    data, found = parse("id: b1\nweeks:\n  - week: 1\n    title: One\n  - week: 2\n    mentor: [a, b]\n")
    assert found == []
    assert isinstance(data, YMap) and data.line == 1 and data.lines == {"id": 1, "weeks": 2}
    weeks = data["weeks"]
    assert isinstance(weeks, YList) and weeks.lines == [3, 5]
    assert weeks[1].line == 5 and weeks[1].line_of("mentor") == 6 and weeks[1]["mentor"].lines == [6, 6]
    assert weeks[0].line_of("missing") == 3 and weeks.line_of(9) == weeks.line


def test_scalars_are_typed_the_safe_way():
    data, _ = parse("n: 5\nf: 2.1\nq: '2.1'\nb: yes\nt: !!python/object:os.system x\n")
    assert (data["n"], data["f"], data["q"], data["b"]) == (5, 2.1, "2.1", True)
    assert data["t"] == "x"  # an unknown tag is kept as text: nothing is ever constructed from it


def test_lines_are_offset_for_front_matter():
    data, found = parse("id: a\nkind: [x\n", first_line=2)
    assert data is None
    assert found == [
        "f.yaml:3: error [yaml-syntax] YAML could not be read: did not find expected ',' or ']'. "
        "Close the bracket or quote opened on this line."
    ]


def test_an_unclosed_quote_is_reported_where_it_opens():
    _, found = parse("id: a\ntitle: 'x\nterm: b\n")
    assert found == [
        "f.yaml:2: error [yaml-syntax] YAML could not be read: found unexpected end of stream. "
        "Close the bracket or quote opened on this line."
    ]


def test_bad_indentation_is_reported_where_it_is_noticed():
    _, found = parse("a:\n  b: 1\n c: 2\n")
    assert found == [
        "f.yaml:3: error [yaml-syntax] YAML could not be read: did not find expected key. "
        "Check the indentation and punctuation on this line and the one before it."
    ]


def test_a_duplicate_key_is_reported_with_both_lines_and_the_first_kept():
    data, found = parse("title: A\nterm: autumn\ntitle: B\n")
    assert data == {"title": "A", "term": "autumn"}
    assert found == [
        "f.yaml:3: error [duplicate-key] The key 'title' is given twice (first on line 1). Delete or merge one of them."
    ]


def test_a_tab_in_the_indentation_gets_the_tab_hint():
    _, found = parse("weeks:\n  - week: 1\n\ttitle: x\n")
    assert found == [
        "f.yaml:3: error [yaml-syntax] YAML could not be read: found a tab character that violates "
        "indentation. Indent with spaces, not tabs."
    ]


def test_a_complex_key_is_a_wrong_type():
    data, found = parse("? [a, b]\n: c\nid: x\n")
    assert data == {"id": "x"}
    assert found == ["f.yaml:1: error [wrong-type] Expected a plain key but found a complex one."]


def test_bom_and_crlf_are_read_as_plain_text_with_the_same_lines(tmp_path: Path):
    path = tmp_path / "s.md"
    path.write_bytes(b"\xef\xbb\xbf---\r\nid: a\r\ntitle: T\r\n---\r\n\r\nBody\r\n")
    problems = Problems()
    document = read_markdown(str(path), problems)
    assert lines(problems) == []
    assert document is not None
    assert document.meta == {"id": "a", "title": "T"} and document.meta.lines == {"id": 2, "title": 3}
    assert (document.body, document.body_line) == ("\nBody\n", 5)


def test_old_mac_line_ends_are_normalised(tmp_path: Path):
    path = tmp_path / "a.yaml"
    path.write_bytes(b"a: 1\rb: 2\r")
    problems = Problems()
    assert read_text(str(path), problems) == "a: 1\nb: 2\n"


def test_text_that_is_not_utf8_is_reported_on_its_line(tmp_path: Path):
    path = tmp_path / "a.md"
    path.write_bytes("---\nid: a\n---\n\nCaf\xe9\n".encode("latin-1"))
    problems = Problems(root=str(tmp_path))
    assert read_markdown(str(path), problems) is None
    assert lines(problems) == ["a.md:5: error [not-utf8] Byte 0xe9 is not UTF-8 text. Re-save the file as UTF-8."]


def test_a_missing_file_is_a_problem(tmp_path: Path):
    problems = Problems(root=str(tmp_path))
    assert read_text(str(tmp_path / "nope.md"), problems) is None
    assert lines(problems) == ["nope.md:1: error [missing-file] The file is missing."]


def test_front_matter_splits_from_the_body_and_the_body_knows_its_first_line(tmp_path: Path):
    path = tmp_path / "s.md"
    path.write_text("---\nid: a\nrole: ect\n---\n\nFirst line.\n", encoding="utf-8")
    document = read_markdown(str(path), Problems())
    assert document is not None
    assert document.meta == {"id": "a", "role": "ect"} and document.meta.lines == {"id": 2, "role": 3}
    assert document.body == "\nFirst line.\n"
    assert document.body_line == 5  # the blank line after ---; "First line." is on line 6


def test_a_file_without_front_matter_is_all_body(tmp_path: Path):
    path = tmp_path / "t.md"
    path.write_text("# Title\n\n---\n\ntext\n", encoding="utf-8")
    document = read_markdown(str(path), Problems())
    assert document is not None and document.meta is None and document.body_line == 1
    assert document.body.startswith("# Title")


def test_an_empty_front_matter_has_no_meta(tmp_path: Path):
    path = tmp_path / "t.md"
    path.write_text("---\n---\nBody\n", encoding="utf-8")
    document = read_markdown(str(path), Problems())
    assert document is not None and document.meta is None and document.body == "Body\n"


def test_an_unclosed_front_matter_is_reported(tmp_path: Path):
    path = tmp_path / "t.md"
    path.write_text("---\nid: a\n\nBody\n", encoding="utf-8")
    problems = Problems(root=str(tmp_path))
    assert read_markdown(str(path), problems) is None
    assert lines(problems) == [
        "t.md:1: error [yaml-syntax] The front matter is not closed. End the front matter with a line holding only ---."
    ]


def test_a_broken_front_matter_is_not_mistaken_for_none(tmp_path: Path):
    path = tmp_path / "t.md"
    path.write_text("---\nid: a\ntitle: [x\n---\nBody\n", encoding="utf-8")
    problems = Problems(root=str(tmp_path))
    assert read_markdown(str(path), problems) is None
    assert [p.line for p in problems] == [3]  # the line with the unclosed [


def test_an_empty_yaml_file_is_reported(tmp_path: Path):
    path = tmp_path / "e.yaml"
    path.write_text("  \n\n", encoding="utf-8")
    problems = Problems(root=str(tmp_path))
    assert load_yaml_file(str(path), problems) is None
    assert lines(problems) == ["e.yaml:1: error [empty-file] The file is empty."]


def test_an_alias_is_expanded_and_keeps_its_lines():
    data, found = parse("a: &x [1, 2]\nb: *x\n")
    assert found == [] and data["b"] == [1, 2]


def test_a_file_that_grows_while_read_is_read_no_further_than_the_limit(tmp_path, monkeypatch):
    """stat says small, the read finds more (a file being written, or a device stat cannot size):
    at most one byte past the limit is read, then the file is reported."""
    import os as os_module

    from induction.core import source

    path = tmp_path / "growing.md"
    path.write_bytes(b"x" * (source.MAX_BYTES + 10))
    real_stat = os_module.stat

    def small(target, *args, **kwargs):
        result = real_stat(target, *args, **kwargs)
        if str(target) == str(path):
            return os_module.stat_result((result.st_mode, *result[1:6], 10, *result[7:]))
        return result

    monkeypatch.setattr(source.os, "stat", small)
    problems = Problems(str(tmp_path))
    assert source.read_text(str(path), problems) is None
    assert [p.format() for p in problems] == [
        "growing.md:1: error [file-too-large] The file grew past the limit while it was read; a content file may "
        "hold at most 2,097,152. Split it, or move large material into a handout (assets.yaml)."
    ]
    with pytest.raises(source.TooLarge):
        source.read_bounded(str(path), 100)
