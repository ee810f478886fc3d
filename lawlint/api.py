"""The library entry points behind ``lawlint.lint_text`` / ``lint_path``."""
from __future__ import annotations

import gc
from functools import lru_cache

from . import engine, offthread, scoring
from .config import Config
from .parse.document import Document, parse
from .errors import LawlintError
from .loaders import load_path
from .result import FileResult
from .loaders.source import Source


@lru_cache(maxsize=8)
def _loaded(packs: tuple):
    from .rulepack.ruleset import load_rules
    return load_rules(list(packs))


@lru_cache(maxsize=8)
def _ruleset(packs: tuple, severities: tuple):
    return _loaded(packs).with_severities(dict(severities))


def ruleset_for(config: Config):
    """The configuration's rules: its packs, with its severity overrides applied to the rules."""
    return _ruleset(tuple(str(p) for p in config.rule_packs), tuple(sorted(config.severity.items())))


def lint_source(source: Source, config: Config | None = None, year: int | None = None, *,
                strict: bool | None = None) -> FileResult:
    """Lint one loaded source. Safe to call from any thread; off the main thread a user's rule
    packs run in a child process so that ``rule_time_limit`` holds (:mod:`lawlint.offthread`)."""
    if config is not None and offthread.needed(config):
        result = offthread.lint_in_child(_in_child, source, config, year, strict)
        if result is not None:
            return result
    return parse_and_lint(source, config, year, strict=strict)[1]


def _in_child(source, config, year, strict):
    return parse_and_lint(source, config, year, strict=strict)[1]


def parse_and_lint(source: Source, config: Config | None = None, year: int | None = None, *,
                   strict: bool | None = None) -> tuple[Document, FileResult]:
    """The parsed Document and its FileResult (``compare`` reuses the parse). The cyclic garbage
    collector is paused meanwhile: a run allocates many small objects and no cycles worth
    collecting, and collections made long reports cost more than linearly."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _lint_source(source, config, year, strict)
    finally:
        if was_enabled:
            gc.enable()


def _lint_source(source: Source, config: Config | None, year: int | None, strict):
    config = config or Config()
    rules = ruleset_for(config)
    doc = parse(source, year=year or config.year)
    out = engine.run(doc, rules, select=config.select, ignore=config.ignore,
                     options=config.options(), strict=strict)
    diagnostics = out.diagnostics
    s = scoring.score(diagnostics, rules, sections=out.sections, partial=out.partial)
    return doc, FileResult(
        path=source.path, report_year=doc.year,
        issuer=doc.script.quote(doc.issuer, 0, 0) if doc.issuer else None,
        title=source.text[doc.title.start:doc.title.end] if doc.title else None,
        score=s["score"], grade=s["grade"],
        categories=s["categories"], sections=out.sections, diagnostics=diagnostics,
        deductions=s["deductions"], grade_cap=s["grade_cap"], line_label=source.line_label, meta=doc.meta,
        rules_run=out.rules_run, text=source.text, partial=_partial(out.partial))


def _partial(found) -> dict | None:
    """The JSON-ready partial status of a text (None for a whole report)."""
    if found is None:
        return None
    from .vocabulary import profile
    return {"status": profile()["partial_status"], "signs": list(found.signs),
            "unreached": list(found.unreached)}


def lint_text(text: str, *, year=None, config=None, path="<text>", kind="txt", strict=None) -> FileResult:
    from .loaders.text import normalise
    text, newline = normalise(text)
    return lint_source(Source(text=text, path=path, kind=kind, newline=newline), config, year,
                       strict=strict)


def lint_path(path, config=None, year=None) -> FileResult:
    """Lint one file. A file that cannot be loaded gives a FileResult with ``error`` set."""
    config = config or Config()
    try:
        source = load_path(path, encoding=config.encoding, limits=config.limits)
    except LawlintError as e:
        return FileResult(path=str(path), error=str(e))
    return lint_source(source, config, year)
