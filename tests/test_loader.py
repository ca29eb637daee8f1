"""Loader: a content folder becomes the typed model, with the lines every later problem needs."""

from __future__ import annotations

import shutil
from pathlib import Path

from edits import replace_once

from induction.load.loader import load_site


def formatted(problems) -> list[str]:
    return [p.format() for p in problems]


def test_the_minimal_tree_loads_completely(tree):
    site, problems = load_site(str(tree))
    assert formatted(problems) == []
    assert (site.title, [p.id for p in site.programmes], list(site.frameworks)) == ("Test site", ["prog"], ["ecf-2019"])
    assert site.files == 16
    programme = site.programmes[0]
    assert (programme.title, programme.provider, programme.framework_id, programme.settings.coverage) == (
        "Test programme",
        "Test provider",
        "ecf-2019",
        "off",
    )
    year = programme.years[0]
    assert (year.id, year.title, [r.session_id for r in year.pages], [b.id for b in year.blocks]) == (
        "year-1",
        "Year 1",
        ["welcome"],
        ["b1"],
    )
    block = year.blocks[0]
    assert (block.title, block.term, block.half_term, block.term_label) == ("Block one", "autumn", 1, "Autumn 1")
    assert block.summary == {"ect": "What ECTs do.", "mentor": "What mentors do."}
    assert [(w.first, w.last, w.label, w.slug) for w in block.weeks] == [
        (1, 1, "Week 1", "week-1"),
        (2, 3, "Weeks 2 to 3", "week-2-3"),
        (4, 4, "Week 4", "week-4"),
    ]


def test_weeks_keep_their_sessions_per_role_in_order_with_see_references(tree):
    block = load_site(str(tree))[0].programmes[0].blocks["b1"]
    week1, _, week4 = block.weeks
    assert {role: [r.session_id for r in refs] for role, refs in week1.roles.items()} == {
        "ect": ["b1-w1-watch", "b1-w1-read"],
        "mentor": ["b1-w1-mentor"],
        "tutor": ["b1-w1-tutor"],
    }
    assert [(r.session_id, r.see, r.loc.line) for r in week4.roles["ect"]] == [("b1-w1-read", True, 23)]
    assert week4.roles["tutor"] == [] and week4.loc.line == 19


def test_sessions_carry_front_matter_body_and_lines(tree):
    sessions = load_site(str(tree))[0].programmes[0].sessions
    assert len(sessions) == 9
    watch = sessions["b1-w1-watch"]
    assert (watch.role, watch.kind, watch.title, watch.minutes, watch.body_line) == (
        "ect",
        "video",
        "Watch the introduction",
        15,
        12,
    )
    assert [(i.statement_id, i.wording, i.loc.line) for i in watch.intentions] == [
        ("2.1", "", 8),
        ("2b", "Plan so pupils connect new ideas to what they know.", 9),
    ]
    assert watch.lines["id"] == 2 and watch.complete
    plan = sessions["b1-w1-mentor"]
    assert [(p.title, p.minutes, p.loc.line) for p in plan.phases] == [
        ("Review", 10, 9),
        ("Plan", 15, 11),
        ("Theory to practice", 15, 13),
        ("Next steps", 5, 15),
    ]
    read = sessions["b1-w1-read"]
    assert (read.asset_ids, read.asset_lines) == (["sheet"], [7])


def test_videos_have_transcripts_and_handouts_their_sizes(tree):
    programme = load_site(str(tree))[0].programmes[0]
    video = programme.videos["intro"]
    assert (video.title, video.seconds, video.duration, video.loc.line) == ("An introduction", 185, "3:05", 2)
    assert video.transcript.startswith("**Narrator:** Welcome")
    assert video.audio_described == "https://www.youtube.com/watch?v=abcdefghijl"
    asset = programme.assets["sheet"]
    assert (asset.title, asset.file, asset.size) == ("Planning sheet", "assets/sheet.pdf", 24)


def test_transcripts_are_not_taken_for_sessions(tree):
    assert "intro" not in load_site(str(tree))[0].programmes[0].sessions


def test_videos_files_may_sit_in_block_folders_with_transcripts_beside_them(tree):
    block = tree / "prog" / "year-1" / "b1"
    (block / "transcripts").mkdir()
    (block / "transcripts" / "second.md").write_text("Spoken words.\n", encoding="utf-8")
    (block / "videos.yaml").write_text(
        "videos:\n  - id: second\n    title: Second\n    url: https://vimeo.com/123\n    duration: '1:00'\n"
        "    transcript: transcripts/second.md\n",
        encoding="utf-8",
    )
    site, problems = load_site(str(tree))
    assert formatted(problems) == []
    assert site.programmes[0].videos["second"].transcript == "Spoken words.\n"


def test_duplicate_block_ids_are_reported_with_the_other_file(tree):
    shutil.copytree(tree / "prog" / "year-1" / "b1", tree / "prog" / "year-1" / "b1-copy")
    for path in (tree / "prog" / "year-1" / "b1-copy").glob("*.md"):
        path.unlink()
    _, problems = load_site(str(tree))
    assert formatted(problems) == [
        "minimal/prog/year-1/b1-copy/block.yaml:1: error [duplicate-id] The block id 'b1' "
        "is also used by minimal/prog/year-1/b1/block.yaml."
    ]


def test_duplicate_video_ids_are_reported(tree):
    text = (tree / "prog" / "videos.yaml").read_text(encoding="utf-8")
    (tree / "prog" / "videos.yaml").write_text(text + text.split("\n", 1)[1], encoding="utf-8")
    _, problems = load_site(str(tree))
    assert formatted(problems) == [
        "minimal/prog/videos.yaml:8: error [duplicate-id] The video id 'intro' is used twice."
    ]


def test_a_missing_content_folder_is_one_problem(tmp_path: Path):
    site, problems = load_site(str(tmp_path / "none"))
    assert formatted(problems) == [
        "none:1: error [missing-file] The content folder does not exist. Give the path of a folder holding site.yaml."
    ]
    assert site.programmes == []


def test_site_yaml_names_programmes_that_exist(tree):
    replace_once(tree / "site.yaml", "programmes: [prog]", "programmes: [prog, other]")
    site, problems = load_site(str(tree))
    assert formatted(problems) == ["minimal/site.yaml:2: error [unknown-reference] No programme has the id 'other'."]
    assert [p.id for p in site.programmes] == ["prog"]


def test_a_session_file_that_fails_is_remembered_so_lists_naming_it_say_nothing_more(tree):
    (tree / "prog" / "year-1" / "b1" / "b1-intro.md").write_text("No front matter.\n", encoding="utf-8")
    site, problems = load_site(str(tree))
    assert "b1-intro" in site.programmes[0].unread
    assert formatted(problems) == [
        "minimal/prog/year-1/b1/b1-intro.md:1: error [missing-key] The file has no front matter. Start it with a "
        "front matter block: ---, id:, role:, kind:, title:, minutes:, then ---."
    ]


def test_a_front_matter_with_problems_marks_its_session_incomplete(tree):
    replace_once(tree / "prog" / "year-1" / "b1" / "b1-w1-mentor.md", "    minutes: 5\n", "    minutes: five\n")
    site, _ = load_site(str(tree))
    plan = site.programmes[0].sessions["b1-w1-mentor"]
    # the phase whose minutes were refused keeps its title; the checks skip an incomplete session's sums
    assert not plan.complete and [p.minutes for p in plan.phases] == [10, 15, 15, None]


def test_structure_problems_mark_the_programme_incomplete(tree):
    replace_once(tree / "prog" / "year-1" / "b1" / "block.yaml", "  - week: 2-3", "  - week: two")
    assert load_site(str(tree))[0].programmes[0].incomplete


def test_a_video_published_without_a_transcript_says_so_instead_of_failing(tmp_path):
    from conftest import make_tree

    from induction.check.pipeline import load_and_check

    tree = make_tree(tmp_path)
    videos = next(tree.rglob("videos.yaml"))
    text = videos.read_text(encoding="utf-8")
    first = next(line for line in text.split("\n") if line.strip().startswith("transcript:"))
    videos.write_text(
        text.replace(first, first.split("transcript:")[0] + "no_transcript: None was published.", 1), encoding="utf-8"
    )
    checked = load_and_check(str(tree))
    assert checked.ok, checked.report()
    assert "None was published." in [v.no_transcript for p in checked.site.programmes for v in p.videos.values()]


def test_a_second_programme_with_the_same_id_is_reported_at_its_own_file(tree):
    shutil.copytree(tree / "prog", tree / "prog2")
    site, problems = load_site(str(tree))
    assert formatted(problems) == [
        "minimal/prog2/programme.yaml:1: error [duplicate-id] The programme id 'prog' is also used by "
        "minimal/prog/programme.yaml."
    ]
