"""End to end on the real corpus (../shared): import, validate, build strictly, conserve every word,
place the coded citations, and import again to the same bytes. One import and one build per test
run, shared with the other files that read them (corpus_support.py)."""

from __future__ import annotations

import glob
import hashlib
import json
import os
import re
from pathlib import Path

import pytest
import yaml
from conftest import CORPUS, FRAMEWORK
from corpus_support import built_corpus, imported_corpus

from induction.check.pipeline import load_and_check
from induction.importer.conservation import measure
from induction.importer.corpus import read_corpus
from induction.importer.pipeline import run_import
from induction.reading import read_checked_site

pytestmark = pytest.mark.corpus  # skipped where the corpus is absent (conftest.py)

# Deliberately simpler than the importer's own pattern: a code opening a list item or table cell,
# followed by a capitalised word. What the importer places is measured against this.
_CITATION = re.compile(r"^\s*(?:[-*]\s+|\|\s*)?(\d{1,2}\.\d{1,2}|\d{1,2}[a-z])\.?\s+[A-Z]")


def tree_hash(root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


@pytest.fixture(scope="module")
def imported(tmp_path_factory) -> Path:
    return imported_corpus(tmp_path_factory)


@pytest.fixture(scope="module")
def built(imported, tmp_path_factory) -> Path:
    return built_corpus(tmp_path_factory)


def test_the_import_validates_with_no_error(imported):
    checked = load_and_check(str(imported))
    assert checked.ok, checked.report()[-3000:]


@pytest.mark.build
def test_it_builds_strictly_and_conserves_every_word_in_its_place(built):
    results = measure(str(built), str(CORPUS))
    assert len(results) == 542  # 159 + 227 + 153 pages below the providers, and their 3 index pages
    short = [(r.source, dict(r.missing.most_common(5))) for r in results if r.found < r.total]
    assert short == []
    assert [(r.source, r.placement.moved[:2]) for r in results if r.placement.moved_words] == []
    # Doubled: nothing (the programme page's overview of each year's summary is marked as one).
    assert [(r.source, r.placement.doubled[:2]) for r in results if r.placement.doubled_words] == []


# Audited by hand from the source tree (find, grep), independently of the importer:
# pages = .md files below the provider + its index; blocks = block folders (each with its index
# page); weeks = "## Week N" / "## Weeks ..." headings of the block index pages; sessions = pages
# that are neither the provider index nor a block index; videos = <iframe> embeds of YouTube or
# Vimeo, each followed by a {details} "Video transcript"/"Video script" (3 more such blocks in EDT
# follow no embed and stay collapsed blocks of their page).
AUDITED = {
    "ambition-institute": {
        "pages read": 160,
        "blocks": 3,
        "weeks": 36,
        "sessions": 156,
        "videos": 36,
        "transcripts from {details}": 36,
        "transcripts from headed sections": 0,
    },
    "education-development-trust": {
        "pages read": 228,
        "blocks": 12,
        "weeks": 74,
        "sessions": 215,
        "videos": 41,
        "transcripts from {details}": 41,
        "transcripts from headed sections": 0,
    },
    "ucl": {
        "pages read": 154,
        "blocks": 12,
        "weeks": 70,
        "sessions": 141,
        "videos": 0,
        "transcripts from {details}": 0,
        "transcripts from headed sections": 0,
    },
}
# The citation and plan counts per provider, each audited on its own:
# - intentions: codes plus text are the page-statement pairs of tests/test_importer_citations.py
#   (FOUND), held there against an independent audit (recall of 98% or more, every pair beyond the
#   audit read by hand: no false link);
# - timed plans and agendas: tests/test_importer_plans.py (PLANS), audited by hand and by a separate
#   pattern; untimed plans: the coaching structures there (COACHED), audited by grep.
AUDITED_CITATIONS_AND_PLANS: dict[str, dict[str, int]] = {
    "ambition-institute": {
        "intentions from codes": 110,
        "intentions from text": 203,
        "timed mentor plans": 0,
        "untimed mentor plans (coaching structures)": 36,
        "training sessions with an agenda": 12,
    },
    "education-development-trust": {
        "intentions from codes": 162,
        "intentions from text": 567,
        "timed mentor plans": 57,
        "untimed mentor plans (coaching structures)": 0,
        "training sessions with an agenda": 28,
    },
    "ucl": {
        "intentions from codes": 227,
        "intentions from text": 349,
        "timed mentor plans": 57,
        "untimed mentor plans (coaching structures)": 0,
        "training sessions with an agenda": 0,
    },
}


@pytest.mark.parametrize("provider", sorted(AUDITED))
def test_counts_per_provider_are_the_audited_figures_and_nothing_fails_validation(imported, provider):
    report = json.loads((imported / "import-report.json").read_text(encoding="utf-8"))
    counts = next(p["counts"] for p in report["providers"] if p["provider"] == provider)
    expected = {**AUDITED[provider], **AUDITED_CITATIONS_AND_PLANS.get(provider, {})}
    assert {key: counts[key] for key in expected} == expected
    assert counts["validation errors after import"] == 0


def _statement_ids() -> set[str]:
    data = yaml.safe_load(FRAMEWORK.read_text(encoding="utf-8"))
    found: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if "id" in node and "text" in node:
                found.add(str(node["id"]))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(data)
    return found


@pytest.mark.parametrize("provider", ["education-development-trust", "ambition-institute", "ucl"])
def test_coded_citations_land_as_intentions_of_their_session(imported, provider):
    ids = _statement_ids()
    cited = placed = 0
    for page in read_corpus(str(CORPUS), [provider]).providers[provider].pages.values():
        codes = {m.group(1) for line in page.body.split("\n") if (m := _CITATION.match(line)) and m.group(1) in ids}
        if not codes:
            continue
        parts = page.path[: -len(".md")].split("/")
        names = {parts[-1], f"{parts[1]}-{parts[-1]}", f"{re.sub(r'^year-[0-9]+-', '', parts[1])}-{parts[-1]}"}
        files = [
            f
            for f in glob.glob(str(imported / provider / "**" / "*.md"), recursive=True)
            if os.path.basename(f)[:-3] in names
        ]
        assert len(files) == 1, page.path
        meta = yaml.safe_load(Path(files[0]).read_text(encoding="utf-8").split("\n---\n", 1)[0].lstrip("-\n"))
        have = {str(i) for i in meta.get("intentions") or []}
        cited += len(codes)
        placed += len(codes & have)
    assert cited > 50
    assert placed / cited >= 0.95


def test_a_second_import_is_byte_identical(imported, tmp_path):
    again = tmp_path / "content"
    run_import(str(CORPUS), str(again), str(FRAMEWORK))
    run_import(str(CORPUS), str(again), str(FRAMEWORK))  # over its own output: a re-run changes nothing
    assert tree_hash(again) == tree_hash(imported)


# The reader's-eye check (induction/reading/) on the built import: pages with a finding, per code.
# Today's figures, pinned so that each fix of a cause lowers them here (the goal is none at all).
# The figures left. No shared title (101, 157 and 98 before: step names are titled by their topic,
# `titles.named`); no meeting under 10 minutes (Ambition's 36 coaching plans last the programme's usual
# meeting, UCL's mentor pages to read are estimated at 10 minutes at least); no empty phase (EDT's
# "Activities" headings over nothing are bold lines); no image not shown (image() in raw HTML blocks).
READER_FINDINGS = {
    "ambition-institute": {},
    # syntax-as-text is gone: lists run into one line in table cells become HTML lists, a list after a
    # paragraph gets its blank line, an escaped bold is bold (importer/cells.py).
    "education-development-trust": {},
    "ucl": {},
}


def test_what_a_reader_sees_on_each_provider_is_pinned(imported, built):
    reading = read_checked_site(str(built), load_and_check(str(imported)))
    assert {provider: reading.count(provider) for provider in READER_FINDINGS} == READER_FINDINGS
    assert not reading.problems.errors  # warnings by default: settings.reading_errors names none
