"""Settings: a programme's `settings:` in programme.yaml, as checked, with every default here.

The loader makes one `Settings` per programme (`Settings.of`); the checks, the sanitiser, the
Content Security Policy and the export read its fields and never the YAML again.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

# Parts of host names that are never a published address; settings.forbidden_hosts replaces them.
FORBIDDEN_HOSTS = ("staging", "localhost", "127.0.0.1", "0.0.0.0", "[::1]", ".local", ".internal")
# The privacy-enhanced players that video.js loads on request; settings.video_hosts replaces them.
# They are csp.PLAYERS, the players the Content Security Policy lets pages frame, written twice
# because csp.py runs on its own beside an exported site (tests/test_settings.py holds them equal).
PLAYERS = ("www.youtube-nocookie.com", "player.vimeo.com")
VIDEO_HOSTS = PLAYERS
# The usual length of a mentor meeting, year by year: what an untimed mentor plan lasts when neither
# its page nor its source states a length (settings.meeting_minutes replaces it). Schools protect an
# hour a week for the mentor; the meeting is most of it, the rest preparation.
MEETING_MINUTES = (45, 45)


@dataclass(frozen=True)
class Settings:
    coverage: str = "off"  # off, warn or error: what an uncited statement is
    unsafe_html: str = "error"  # error, or strip: raw HTML the allow-list refuses is removed with a warning
    video_hosts: tuple[str, ...] = VIDEO_HOSTS  # the hosts an <iframe> may load from
    forbidden_hosts: tuple[str, ...] = FORBIDDEN_HOSTS  # parts of host names no link may point at
    # The reader's-eye check's codes that are errors (induction/reading/); the others are warnings,
    # reported without failing the build, since a finding is about how a page reads, not whether it is safe.
    reading_errors: tuple[str, ...] = ()
    meeting_minutes: tuple[int, ...] = MEETING_MINUTES  # year 1's, year 2's, ...: a later year takes the last

    @classmethod
    def of(cls, data: Mapping[str, Any]) -> Settings:
        """From the checked `settings:` mapping; a key left out, or an empty list, keeps its default."""
        default = cls()
        return cls(
            data.get("coverage") or default.coverage,
            data.get("unsafe_html") or default.unsafe_html,
            tuple(data.get("video_hosts") or default.video_hosts),
            tuple(data.get("forbidden_hosts") or default.forbidden_hosts),
            tuple(data.get("reading_errors") or default.reading_errors),
            tuple(data.get("meeting_minutes") or default.meeting_minutes),
        )

    def meeting(self, year: int) -> int:
        """The usual length of a mentor meeting in year `year` (from 1)."""
        return self.meeting_minutes[min(max(year, 1), len(self.meeting_minutes)) - 1]

    @property
    def strips(self) -> bool:
        """Whether the programme publishes its bodies with what the allow-list refuses removed."""
        return self.unsafe_html == "strip"

    @property
    def frame_hosts(self) -> tuple[str, ...]:
        """The video hosts the Content Security Policy must add to the players it always allows."""
        return tuple(host for host in self.video_hosts if host not in PLAYERS)
