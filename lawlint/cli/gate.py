"""Why a ``check`` gate failed, said in its last line: which reports scored under ``--fail-under``
and how many findings reached ``--fail-on`` (baseline findings never count)."""
from __future__ import annotations

from ..vocabulary import SEVERITY_NAMES, SEVERITY_RANK

SHOW = 5          # reports named in the line; the rest are counted


class Gate:
    def __init__(self):
        self.below: dict[float, list] = {}      # threshold → [(path, score)]
        self.hits: dict[str, int] = {}          # fail_on level → findings at or above it

    def add(self, r, config) -> None:
        if r.error is not None:
            return
        if config.fail_on != "never":
            rank = SEVERITY_RANK[config.fail_on]
            n = sum(1 for d in r.diagnostics if not d.baseline and SEVERITY_RANK[d.severity] >= rank)
            if n:
                self.hits[config.fail_on] = self.hits.get(config.fail_on, 0) + n
        if config.fail_under is not None and r.score < config.fail_under:
            self.below.setdefault(config.fail_under, []).append((r.path, r.score))

    def line(self) -> str:
        """「未通过：1 份报告低于 75 分：a.txt（57.5）；错误级问题 7 处」, or "" when nothing failed."""
        parts = []
        for threshold, items in sorted(self.below.items()):
            named = "、".join(f"{p}（{s:g}）" for p, s in items[:SHOW])
            more = f" 等 {len(items)} 份" if len(items) > SHOW else ""
            parts.append(f"{len(items)} 份报告低于 {threshold:g} 分：{named}{more}")
        for level in ("error", "warning", "info"):
            if self.hits.get(level):
                scope = "错误级" if level == "error" else f"{SEVERITY_NAMES[level]}及以上"
                parts.append(f"{scope}问题 {self.hits[level]} 处")
        return "未通过：" + "；".join(parts) if parts else ""
