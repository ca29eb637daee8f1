"""Pipeline: the whole import, source content folder to destination content folder and report.

corpus -> structure -> markup -> links -> intentions (joined by `conversion`) -> writer -> report.
"""
from __future__ import annotations

import os
import shutil

from ..framework import load_framework
from ..problems import Problems
from .conversion import convert
from .corpus import read_corpus
from .report import ProviderReport, to_json, to_markdown
from .writer import dump, write, write_programme

FRAMEWORK_ID = "ecf-2019"
SITE_TITLE = "Support for early career teachers"


def run_import(source: str, dest: str, framework_file: str, providers: list[str] | None = None,
               ) -> list[ProviderReport]:
    """Import every provider of `source` (or those named) into `dest`; writes the report there too."""
    problems = Problems(root=os.path.dirname(os.path.abspath(framework_file)))
    framework = load_framework(framework_file, problems)
    if framework is None:
        raise ValueError(f"The framework file {framework_file} could not be read.")
    corpus = read_corpus(source, providers)
    reports = []
    for slug, provider in corpus.providers.items():
        report = ProviderReport(slug)
        plan = convert(corpus, provider, framework, report)
        write_programme(plan, dest, FRAMEWORK_ID)
        report.counts.update({
            "pages read": len(provider.pages) + 1,
            "sessions": len(plan.sessions),
            "blocks": len(plan.blocks),
            "weeks": sum(len(b.weeks) for b in plan.blocks.values()),
            "videos": len(plan.videos),
            "transcripts from {details}": sum(v["form"] == "details" for v in plan.videos),
            "transcripts from headed sections": sum(v["form"] == "heading" for v in plan.videos),
            "handouts and images copied": len(plan.targets.used) if plan.targets else 0,
            "intentions from codes": sum(p.method == "code" for s in plan.sessions.values() for p in s.intentions),
            "intentions from text": sum(p.method == "text" for s in plan.sessions.values() for p in s.intentions),
            "timed mentor plans": sum(s.kind == "plan" for s in plan.sessions.values()),
            "training sessions with an agenda": sum(s.kind == "training" and bool(s.phases)
                                                    for s in plan.sessions.values()),
        })
        report.intentions = [p for s in plan.sessions.values() for p in s.intentions]
        reports.append(report)
    used = {url for r in reports for url in _used(dest, r.slug, corpus.assets)}
    if not providers and reports:
        for url in sorted(set(corpus.assets) - used):
            reports[0].add(url.lstrip("/"), 1, "unreferenced-asset", "No page of the corpus refers to this file.",
                           "not copied")
    os.makedirs(os.path.join(dest, "frameworks"), exist_ok=True)
    shutil.copyfile(framework_file, os.path.join(dest, "frameworks", f"{FRAMEWORK_ID}.yaml"))
    write(os.path.join(dest, "site.yaml"), dump({"title": SITE_TITLE, "programmes": list(corpus.providers)}))
    write(os.path.join(dest, "import-report.md"), to_markdown(reports))
    write(os.path.join(dest, "import-report.json"), to_json(reports))
    return reports


def _used(dest: str, slug: str, assets: dict[str, str]) -> list[str]:
    folder = os.path.join(dest, slug, "assets")
    names = set(os.listdir(folder)) if os.path.isdir(folder) else set()
    return [url for url in assets if url.rsplit("/", 1)[-1] in names]
