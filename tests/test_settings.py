"""Settings: programme.yaml's settings: as a typed part of the model, with the defaults in one place."""

from __future__ import annotations

from pathlib import Path

from edits import replace_once

from induction.core import settings
from induction.core.settings import FORBIDDEN_HOSTS, Settings
from induction.load.loader import load_site
from induction.publish.csp import PLAYERS


def test_defaults_when_nothing_is_set() -> None:
    assert Settings.of({}) == Settings("off", "error", PLAYERS, FORBIDDEN_HOSTS)
    assert not Settings().strips and Settings().frame_hosts == ()


def test_an_empty_list_keeps_the_default_and_a_listed_host_replaces_it() -> None:
    settings = Settings.of(
        {"coverage": "warn", "unsafe_html": "strip", "video_hosts": ["media.example.org"], "forbidden_hosts": []}
    )
    assert settings == Settings("warn", "strip", ("media.example.org",), FORBIDDEN_HOSTS)
    assert settings.strips and settings.frame_hosts == ("media.example.org",)


def test_the_players_are_never_listed_again_for_the_policy() -> None:
    assert Settings.of({"video_hosts": [*PLAYERS, "media.example.org"]}).frame_hosts == ("media.example.org",)


def test_the_loader_reads_them_into_the_model(tree: Path) -> None:
    replace_once(tree / "prog" / "programme.yaml", "settings:", "settings:\n  video_hosts: [media.example.org]")
    site, problems = load_site(str(tree))
    assert [p.format() for p in problems] == []
    programme = site.programmes[0]
    assert programme.settings.video_hosts == ("media.example.org",)
    assert site.frame_hosts == ["media.example.org"]


def test_the_default_video_hosts_are_the_players_the_policy_lets_pages_frame() -> None:
    # csp.py keeps its own copy (it runs without the project beside an exported site)
    assert settings.PLAYERS == PLAYERS
