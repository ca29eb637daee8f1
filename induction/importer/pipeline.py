"""Pipeline: the whole import, source content folder to destination content folder and report.

corpus -> structure -> markup -> links -> intentions (joined by `conversion`) -> writer ->
validation of what was written (the project's own `load_and_check`) -> the reader's-eye check of
it built (when given a builder: the core does not build) -> report -> swap into place.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections import Counter
from collections.abc import Callable

from induction.check.pipeline import load_and_check
from induction.core.formats import MATERIAL, MENTOR, PLAN, TRAINING
from induction.core.model import Framework
from induction.core.problems import Problems
from induction.load.framework import load_framework
from induction.publish import destinations
from induction.publish.destinations import Guarded
from induction.publish.interrupts import held_signals

from ..reading import read_checked_site
from . import destination
from .conversion import ProgrammePlan, convert
from .corpus import Corpus, Provider, read_corpus
from .origins import Origins
from .report import Defect, ProviderReport, to_json, to_markdown
from .writer import dump, write, write_programme

FRAMEWORK_ID = "ecf-2019"
SITE_TITLE = "Support for early career teachers"
VALIDATION = "validation errors after import"  # the count every report carries


class Imported(list[ProviderReport]):
    """The reports of one import, and whether its output was put in place."""

    written: bool = False

    @property
    def problems(self) -> list[Defect]:
        """Every problem the project's validation found in the output, at its source file and line."""
        return sorted({d for r in self for d in r.defects if d.kind == "would-not-build"})


# Builds a content folder into a site folder; returns '' when built, else why it was not.
Builder = Callable[[str, str], str]


def run_import(
    source: str,
    dest: str,
    framework_file: str,
    providers: list[str] | None = None,
    allow_problems: bool = False,
    guarded: list[Guarded] | None = None,
    build: Builder | None = None,
) -> Imported:
    """Import every provider of `source` (or those named) into `dest`, with the report there too.

    The output is written beside `dest` and validated; it replaces `dest` only when it validates,
    or when `allow_problems` says to write it anyway. `dest` is refused (DestinationRefused)
    when it holds anything but an earlier import, or by the project's rule for output folders
    (`guarded`: the project's folders; the home and root folders when not given), before anything
    is read or written. With `build`, the output is built and what a reader would see amiss on its
    pages (induction/reading/) is in the report, at its source."""
    guarded = destinations.common_folders() if guarded is None else guarded
    destination.check(source, dest, guarded)
    dest = os.path.realpath(dest)  # a link to the destination: the swap replaces the folder it names
    problems = Problems(root=os.path.dirname(os.path.abspath(framework_file)))
    framework = load_framework(framework_file, problems)
    if framework is None:
        raise ValueError(f"The framework file {framework_file} could not be read.")
    corpus = read_corpus(source, providers)
    result = Imported()
    if not corpus.providers:
        return result
    fresh = ""
    try:
        with held_signals(finished=False):  # made and named together: never a folder nobody removes
            fresh = destination.prepare(dest)
        origins = Origins()
        result += _write(corpus, framework, framework_file, fresh, origins, complete=not providers)
        _validate(fresh, origins, result, allow_problems)
        if build is not None and not result.problems:
            _read(fresh, origins, result, build, corpus)
        write(os.path.join(fresh, "import-report.md"), to_markdown(result))
        destinations.mark(fresh, destination.IMPORT, "scripts/import_dfe.py")
        write(os.path.join(fresh, destination.MARKER), to_json(result, destination.written(fresh)))
        if allow_problems or not result.problems:
            with held_signals():  # both renames or neither; a signal in between is raised after
                destination.swap(fresh, dest)
                result.written = True
    finally:
        with held_signals(finished=result.written):  # the removal is never cut short, half left behind
            if fresh:
                shutil.rmtree(fresh, ignore_errors=True)
    return result


def _write(
    corpus: Corpus, framework: Framework, framework_file: str, dest: str, origins: Origins, complete: bool
) -> list[ProviderReport]:
    reports, plans = [], []
    for slug, provider in corpus.providers.items():
        report = ProviderReport(slug)
        plan = convert(corpus, provider, framework, report)
        plans.append(plan)
        write_programme(plan, dest, FRAMEWORK_ID, origins)
        report.counts.update(_counts(plan, len(provider.pages) + 1))
        report.intentions = [p for s in plan.sessions.values() for p in s.intentions]
        reports.append(report)
    for defect in corpus.defects:  # files refused while reading: their provider's report, else the first
        owner = next((r for r in reports if defect.file.split("/")[0] in (r.slug, r.slug + ".md")), reports[0])
        owner.defects.append(defect)
    used = {url for plan in plans for url in (plan.targets.used if plan.targets else ())}
    if complete:
        for url in sorted(set(corpus.assets) - used):
            file = os.path.relpath(corpus.assets[url], corpus.root).replace(os.sep, "/")
            reports[0].add(file, 1, "unreferenced-asset", "No page of the corpus refers to this file.", "not copied")
    os.makedirs(os.path.join(dest, "frameworks"), exist_ok=True)
    shutil.copyfile(framework_file, os.path.join(dest, "frameworks", f"{FRAMEWORK_ID}.yaml"))
    write(os.path.join(dest, "site.yaml"), dump({"title": SITE_TITLE, "programmes": list(corpus.providers)}))
    return reports


def _counts(plan: ProgrammePlan, pages: int) -> dict[str, int]:
    sessions = plan.sessions.values()
    return {
        "pages read": pages,
        "sessions": len(plan.sessions),
        "blocks": len(plan.blocks),
        "weeks": sum(len(b.weeks) for b in plan.blocks.values()),
        "videos": len(plan.videos),
        "transcripts from {details}": sum(v["form"] == "details" for v in plan.videos),
        "transcripts from headed sections": sum(v["form"] == "heading" for v in plan.videos),
        "handouts and images copied": len(plan.targets.used) if plan.targets else 0,
        "intentions from codes": sum(p.method == "code" for s in sessions for p in s.intentions),
        "intentions from text": sum(p.method == "text" for s in sessions for p in s.intentions),
        "timed mentor plans": sum(s.kind == PLAN and s.timed for s in sessions),
        "untimed mentor plans (coaching structures)": sum(s.kind == PLAN and not s.timed for s in sessions),
        "mentor plans lasting settings.meeting_minutes": sum(s.minutes is None for s in sessions),
        "mentor pages kept as material": sum(s.role == MENTOR and s.kind == MATERIAL for s in sessions),
        "training sessions with an agenda": sum(s.kind == TRAINING and bool(s.phases) for s in sessions),
    }


def _validate(fresh: str, origins: Origins, reports: list[ProviderReport], allow_problems: bool) -> None:
    """The project's own validation of the written output; each error reported at its source."""
    checked = load_and_check(fresh)
    prefix = os.path.basename(fresh) + "/"
    found: Counter = Counter()
    action = (
        "written anyway (--allow-problems)"
        if allow_problems
        else "nothing was written; fix the source, or write it anyway with --allow-problems"
    )
    for problem in checked.problems.errors:
        written = problem.file.removeprefix(prefix)
        source, line = origins.locate(written, problem.line, _text(os.path.join(fresh, written)))
        owner = next((r for r in reports if written.split("/")[0] == r.slug), reports[0])
        message = f"The written {written}:{problem.line} would not build: [{problem.code}] {problem.message}"
        owner.add(source or written, line or problem.line, "would-not-build", message, action)
        found[owner.slug] += 1
    for report in reports:
        report.counts[VALIDATION] = found[report.slug]


def _read(fresh: str, origins: Origins, reports: list[ProviderReport], build: Builder, corpus: Corpus) -> None:
    """The reader's-eye check of the output, built in a folder of its own; each finding at the
    source file and line of the written text it came from."""
    with tempfile.TemporaryDirectory(prefix="import-site-") as site:
        failed = build(fresh, site)
        if failed:
            reports[0].add(
                f"{reports[0].slug}.md",
                1,
                "would-not-build",
                f"The import did not build: {failed}",
                "the reader's-eye check did not run",
            )
            return
        reading = read_checked_site(site, load_and_check(fresh))
    prefix = os.path.basename(fresh) + "/"
    for report in reports:
        report.reading = reading.count(report.slug)
    for problem in reading.problems:
        written = problem.file.removeprefix(prefix)
        text = _text(os.path.join(fresh, written))
        file, line = origins.locate(written, problem.line, text)
        owner = next((r for r in reports if written.split("/")[0] == r.slug), reports[0])
        # A summary is written into the YAML of what it describes, but may come from another page.
        quote = reading.quotes.get((problem.file, problem.line, problem.code), "")
        file, line = _source_line(corpus.providers.get(owner.slug), _line(text, problem.line), quote, file, line)
        owner.add(
            file or written,
            line or problem.line,
            problem.code,
            problem.message,
            "nothing changed: this is what the built page shows",
        )


def _line(text: str, number: int) -> str:
    """The words of a written line: no YAML key, list dash or quotes around them."""
    lines = text.split("\n")
    line = lines[number - 1].strip() if 0 < number <= len(lines) else ""
    return re.sub(r"^(?:[\w-]+:\s*)?(?:- )?[>|]?\s*", "", line).strip("'\"")


def _source_line(provider: Provider | None, written: str, quote: str, file: str, line: int) -> tuple[str, int]:
    """The line of the source page `file`, from `line` on (where the written part begins: a
    week's heading), that holds the written line's words or the page text the finding quotes;
    else the first page of the provider, as the import read it, that holds them; else (file, line)."""
    if provider is None:
        return file, line
    # Links and shortcodes are rewritten by the import: what stays is the text before "](" and the words.
    probes = [p for p in (written[:40], quote[:40], written.split("](", 1)[0][:40]) if len(p.strip("[!*#- ")) >= 6]
    pages = [provider.index, *provider.pages.values()]
    for page in (p for p in pages if p.path == file):
        lines = page.body.split("\n")
        for number in range(max(line - page.body_line, 0), len(lines)):
            if any(probe in lines[number] for probe in probes):
                return file, page.body_line + number
    for probe in probes:
        for page in pages:
            for number, words in enumerate(page.body.split("\n")):
                if probe in words:
                    return page.path, page.body_line + number
    return file, line


def _text(path: str) -> str:
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            return handle.read()
    except OSError:  # a problem about a file that is not there, or a folder
        return ""
