"""Overlap: where a source page's runs of words ended up in the pages it became.

Part of the conservation check (after import and build). Counting words per page shows that
every word arrived, not where: a paragraph that moved into a collapsed transcript, or that is
published twice, counts the same. So both sides are also read as runs of `RUN` consecutive words
(shingles), each side split into what a reader sees at once and what is collapsed (inside
`<details>`, its `<summary>` aside): a source word is *moved* when the runs that hold it are found
only collapsed in the built pages though the source showed them, and *doubled* when every run
that holds it appears more often in the built pages than in the source.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

RUN = 8  # words: long enough that generated text (captions, links) never repeats a source run


@dataclass
class Side:
    """One side's words, in order: shown at once, and collapsed."""

    shown: list[list[str]] = field(default_factory=list)  # one token list per stretch of text
    collapsed: list[list[str]] = field(default_factory=list)


def _runs(stretches: list[list[str]]) -> Counter:
    return Counter(tuple(tokens[i : i + RUN]) for tokens in stretches for i in range(len(tokens) - RUN + 1))


def _covering(tokens: list[str], index: int) -> list[tuple[str, ...]]:
    first, last = max(0, index - RUN + 1), min(index, len(tokens) - RUN)
    return [tuple(tokens[i : i + RUN]) for i in range(first, last + 1)]


@dataclass
class Placement:
    moved: list[str] = field(default_factory=list)  # the first words of each moved stretch
    moved_words: int = 0
    doubled: list[str] = field(default_factory=list)
    doubled_words: int = 0


def all_runs(side: Side) -> Counter:
    """Every run of the side, shown or collapsed, with how often it occurs."""
    return _runs(side.shown) + _runs(side.collapsed)


def compare(source: Side, built: Side, everywhere: tuple[Counter, Counter] | None = None) -> Placement:
    """Words of `source` that `built` shows collapsed though the source showed them, and words
    that `built` holds more often than `source`. With `everywhere` (the runs of every source page
    and of every page they became), a word is doubled only when the whole site also holds it more
    often than the whole source: text two source pages share, written once by each, is not doubled."""
    built_shown, built_collapsed = _runs(built.shown), _runs(built.collapsed)
    source_all, built_all = all_runs(source), built_shown + built_collapsed
    source_everywhere, built_everywhere = everywhere or (source_all, built_all)
    out = Placement()
    for stretches, shown in ((source.shown, True), (source.collapsed, False)):
        for tokens in stretches:
            moved = doubled = False
            for index in range(len(tokens)):
                runs = _covering(tokens, index)
                if not runs:
                    break
                now_moved = shown and not any(built_shown[r] for r in runs) and any(built_collapsed[r] for r in runs)
                now_doubled = all(
                    built_all[r] > source_all[r] and built_everywhere[r] > source_everywhere[r] for r in runs
                )
                if now_moved and not moved:
                    out.moved.append(" ".join(tokens[index : index + RUN]))
                if now_doubled and not doubled:
                    out.doubled.append(" ".join(tokens[index : index + RUN]))
                out.moved_words += now_moved
                out.doubled_words += now_doubled
                moved, doubled = now_moved, now_doubled
    return out
