"""``reuse``: large passages of the previous year's report written again.

Runs only when the previous year's reports are given (``lawlint check --previous PATH``: one
file, or a folder whose reports are paired with this one by issuer as ``lawlint compare`` pairs
two folders). The overlap is ``lawlint compare``'s (:mod:`lawlint.compare.repeated`: word
n-grams shared with last year's text). One finding, at this year's longest repeated passage, when
the share of repeated text reaches ``min_share`` or one passage reaches ``min_passage_chars``
characters (and at least one passage is long enough to be listed: shared stock phrases alone are
not a passage); its message states the share and where last year's text was. A rule with
``when: below`` reports the other reports that were compared, so that every output of a compared
report states how much of it is last year's (``reuse.share``, an info that costs nothing).
"""
from __future__ import annotations

from functools import lru_cache

from .spec import CheckSpec, Param

SPEC = CheckSpec({
    "min_share": Param({"type": "number", "minimum": 0, "maximum": 1}, 0.2,
                       "与上一年度报告相同的文字占全文的比例达到多少时报告"),
    "min_passage_chars": Param({"type": "integer", "minimum": 1}, 150,
                               "或者：最长的一段相同文字达到多少字时报告"),
    "when": Param({"enum": ["above", "below"]}, "above",
                  "above：达到上述程度时报告；below：比较了但未达到时报告（只说明重复比例）"),
}, fields=("previous", "share", "chars", "last_line", "passages", "year"))


def _load(path: str):
    """A previous year's report, loaded and checked once per process and file version."""
    import os
    try:
        st = os.stat(path)
    except OSError:
        return None
    return _load_version(path, st.st_mtime_ns, st.st_size)


@lru_cache(maxsize=256)
def _load_version(path: str, mtime: int, size: int):
    from ..compare.load import load_report
    from ..errors import LawlintError
    try:
        return load_report(path)
    except LawlintError:
        return None


def previous_for(ctx, paths: tuple):
    """The previous year's report that pairs with this one, or None. ``paths``: one file, used
    as it is, or one folder, whose reports are paired with this one by issuer, then file name."""
    import os

    from ..compare.load import issuer_key, name_key
    from ..loaders.walk import expand_paths
    folder = len(paths) == 1 and os.path.isdir(paths[0])
    if folder:
        paths = tuple(p for p in expand_paths(list(paths)) if isinstance(p, str))
    this_path = os.path.abspath(getattr(ctx.doc.source, "path", "") or "")
    reports = [r for r in (_load(p) for p in paths if os.path.abspath(p) != this_path) if r is not None]
    if ctx.year:                    # only earlier reports, the latest first
        reports = [r for r in reports if not r.result.report_year or r.result.report_year < ctx.year]
        reports.sort(key=lambda r: -(r.result.report_year or 0))
    if not folder:
        return reports[0] if reports else None
    mine = issuer_key(ctx.doc.issuer)
    same = [r for r in reports if mine and issuer_key(r.result.issuer) == mine]
    if not same and mine:
        same = [r for r in reports if len(mine) >= 2 and issuer_key(r.result.issuer)
                and (issuer_key(r.result.issuer).endswith(mine) or mine.endswith(issuer_key(r.result.issuer)))]
        same = same if len(same) == 1 else []
    if not same:
        same = [r for r in reports if name_key(this_path) and name_key(r.source.path) == name_key(this_path)]
    return same[0] if same else None


def check(ctx, rule, p):
    paths = ctx.options.get("previous")
    if not paths:
        return
    last = previous_for(ctx, tuple(paths))
    if last is None:
        return
    from ..compare.model import Report
    from ..compare.repeated import repeated_text
    this = Report(ctx.doc.source, None, ctx.doc)
    share, passages, total = repeated_text(last, this)
    longest = passages[0] if passages else None
    fields = dict(previous=_shown_path(last.source.path), share=f"{share:.0%}",
                  chars=longest.chars if longest else 0, last_line=longest.last_line if longest else 0,
                  passages=total, year=last.result.report_year or "")
    above = longest is not None and (share >= p.min_share or longest.chars >= p.min_passage_chars)
    if above != (p.when == "above"):
        return
    if above:
        start = max(this.text.find(longest.text), 0)
        yield ctx.diagnostic(rule, start, start + len(longest.text), fields=fields)
    else:
        at = ctx.doc.body_blocks[0].start if ctx.doc.body_blocks else 0
        yield ctx.diagnostic(rule, at, at, fields=fields)


def _shown_path(path: str) -> str:
    import os
    rel = os.path.relpath(path)
    return path if rel.startswith("..") else rel
