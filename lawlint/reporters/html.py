"""``--format html``: a self-contained page per report, and an overview page for a batch.

A report page shows the report's own text with every finding highlighted where it is, a panel of
findings grouped by category (click one: the text scrolls to it and it lights up), the coverage of
the nine required parts, the score with its category bars, and each rule's basis. Everything is
inline (CSS and JS from ``assets/``, system fonts): government networks are often offline.

One file gives one page (``render``). A batch is written as a folder by ``lawlint.reporters.site`` (one page
per report plus the overview of ``html_index``); reporters only render.
"""
from __future__ import annotations

import datetime as _dt
from bisect import bisect_right
import os
import re
from functools import lru_cache
from html import escape
from pathlib import Path

from ..errors import LawlintError
from ..result import SECTION_IDS, SEVERITY_RANK
from ..result import SEVERITY_NAMES as SEVERITY
from ..scoring import default_profile

BASELINE_TAG = '<small class="base">（基线中已有，不影响退出码）</small>'
CATEGORY_ORDER = ("structure", "content", "language", "format")


@lru_cache(maxsize=None)
def _asset(name: str) -> str:
    return (Path(__file__).resolve().parent / "assets" / name).read_text(encoding="utf-8")


def render(results, run) -> str:
    """One report's page (a batch is a folder: see ``lawlint.reporters.site``)."""
    results = list(results)
    if len(results) != 1:
        raise LawlintError("HTML 格式一次输出一份报告；检查多份报告时请用 --output 指定输出目录")
    return page(results[0], run)


# --------------------------------------------------------------------------- report page

def page(r, run, back: str | None = None) -> str:
    profile = default_profile()
    title = r.title or os.path.basename(r.path)
    head = _head(f"lawlint：{title}", _asset("report.css"))
    if r.error is not None:
        body = (f'<header class="top"><div class="ident">{_back(back)}<h1>{escape(title)}</h1>'
                f'<p class="facts">无法检查：{escape(r.error)}</p></div></header>')
        return head + body + _foot(run) + "</body></html>\n"
    parts = [head, _header(r, run, profile, back), _coverage(r, profile),
             '<main>', _text(r), _panel(r, run, profile), '</main>', _foot(run),
             f"<script>{_asset('report.js')}</script>", "</body></html>\n"]
    return "".join(parts)


def _head(title: str, css: str) -> str:
    return ('<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            '<meta name="generator" content="lawlint">'
            f"<title>{escape(title)}</title><style>{css}</style></head><body>")


def _back(back):
    return f'<a class="back" href="{escape(back)}">← 返回总览</a>' if back else ""


def _facts(r) -> list[str]:
    facts = []
    if r.issuer:
        facts.append(f"报告主体：{r.issuer}")
    facts.append(f"报告年度：{r.report_year}" if r.report_year else "报告年度：未识别")
    for key, label in (("date_published", "发布日期"), ("date_written", "成文日期")):
        if r.meta.get(key):
            facts.append(f"{label}：{r.meta[key]}")
    facts.append(f"文件：{r.path}")
    if r.line_label != "行":
        facts.append(f"位置中的“行”指{r.line_label}落")
    return facts


def _bar_class(score, maximum) -> str:
    share = score / maximum if maximum else 1
    return "" if share >= 0.8 else ("low" if share >= 0.5 else "bad")


def _header(r, run, profile, back) -> str:
    cats = "".join(
        f'<span>{escape(profile["categories"][c]["title"])}</span>'
        f'<span class="bar" role="img" aria-label="{info["score"]}/{info["max"]}">'
        f'<i class="{_bar_class(info["score"], info["max"])}" '
        f'style="width:{0 if not info["max"] else round(100 * info["score"] / info["max"])}%"></i></span>'
        f'<span>{info["score"]}/{info["max"]}</span>'
        for c, info in r.categories.items())
    counts = "".join(f'<span class="pill sev-{s}">{SEVERITY[s]} {r.count(s)}</span>' for s in SEVERITY)
    cap = (f'<p class="grade-cap" role="note">{escape(r.grade_cap["reason"])}</p>'
           if r.grade_cap else "")
    return (f'<header class="top"><div class="ident">{_back(back)}'
            f'<h1>{escape(r.title or os.path.basename(r.path))}</h1>'
            f'<p class="facts">{escape("　".join(_facts(r)))}</p>{cap}</div>'
            f'<div class="score"><span class="num">{r.score}</span><span class="of">/ 100</span>'
            f'<span class="grade g-{escape(r.grade_label)}">{escape(r.grade_label)}</span></div>'
            f'<div class="cats">{cats}</div><div class="counts">{counts}</div></header>')


def _coverage(r, profile) -> str:
    items = []
    for sid in SECTION_IDS:
        v = r.sections.get(sid)
        status = v.display if v else "absent"
        mark = profile["status_marks"][status]
        name = escape(profile["sections"][sid])
        state = profile["statuses"][status]
        if v is not None and v.line:
            where = f"{state} · 第 {v.line} {r.line_label}"
            if v.title:
                where += f"：{v.title}"
            inner = (f'<a href="#L{v.line}" data-line="{v.line}"><span class="mark">{mark}</span>{name}'
                     f'<small>{escape(where)}</small></a>')
        else:
            inner = f'<span class="mark">{mark}</span>{name}<small>{escape(state)}</small>'
        items.append(f'<li class="{status}" data-part="{sid}" title="{escape(state)}">{inner}</li>')
    return f'<section class="coverage"><h2>法定内容</h2><ol class="parts">{"".join(items)}</ol></section>'


def _spans(r):
    """(start, end, index, severity) of each finding, clamped to the text."""
    n = len(r.text or "")
    out = []
    for i, d in enumerate(r.diagnostics):
        s = max(0, min(d.start, n))
        e = max(s, min(d.end, n))
        out.append((s, e, i, d.severity))
    return out


def _text(r) -> str:
    """The report's text, line by line, each finding wrapped where it is. Overlapping findings
    split the text into segments; a segment carries every finding that covers it."""
    text = r.text or ""
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
    spans = _spans(r)
    by_line: dict[int, list] = {}
    for sp in spans:
        first = _line_of(line_starts, sp[0])
        last = _line_of(line_starts, max(sp[0], sp[1] - 1))
        for ln in range(first, last + 1):
            by_line.setdefault(ln, []).append(sp)
    out = ['<article class="doc" id="doc" aria-label="报告原文">']
    for ln, ls in enumerate(line_starts):
        le = line_starts[ln + 1] - 1 if ln + 1 < len(line_starts) else len(text)
        body = _line_html(text, ls, le, by_line.get(ln, ()))
        out.append(f'<div class="ln" id="L{ln + 1}"><span class="no">{ln + 1}</span>'
                   f'<span class="tx">{body}</span></div>')
    out.append("</article>")
    return "".join(out)


def _line_of(starts, offset) -> int:
    return max(0, bisect_right(starts, offset) - 1)


def _line_html(text, ls, le, spans) -> str:
    if not spans:
        return escape(text[ls:le])
    cuts = {ls, le}
    pins: dict[int, list] = {}
    anchors: dict[int, list] = {}
    for s, e, i, sev in spans:
        if ls <= s <= le:
            anchors.setdefault(s, []).append(i)
        if s == e:                               # a place, not a stretch: show a pin
            if ls <= s <= le:
                pins.setdefault(s, []).append((i, sev))
            continue
        cuts.add(max(ls, s))
        cuts.add(min(le, e))
    points = sorted(c for c in cuts if ls <= c <= le)
    out = []
    for k, a in enumerate(points):
        for i in anchors.get(a, ()):
            out.append(f'<a class="anchor" id="f{i}"></a>')
        if a in pins:
            out.append(_pin(pins[a]))
        if k + 1 == len(points):
            break
        b = points[k + 1]
        chunk = escape(text[a:b])
        cover = [(i, sev) for s, e, i, sev in spans if s < b and e > a and s != e]
        if not cover:
            out.append(chunk)
            continue
        worst = max((sev for _, sev in cover), key=SEVERITY_RANK.get)
        ids = " ".join(str(i) for i, _ in cover)
        sevs = " ".join(sorted({sev for _, sev in cover}))
        classes = " ".join(f"f{i}" for i, _ in cover)
        out.append(f'<mark class="sev-{worst} {classes}" data-f="{ids}" data-sev="{sevs}">{chunk}</mark>')
    return "".join(out)


def _pin(items) -> str:
    worst = max((sev for _, sev in items), key=SEVERITY_RANK.get)
    ids = " ".join(str(i) for i, _ in items)
    classes = " ".join(f"f{i}" for i, _ in items)
    sevs = " ".join(sorted({sev for _, sev in items}))
    return (f'<span class="pin sev-{worst} {classes}" data-f="{ids}" data-sev="{sevs}" '
            f'title="此处有问题"></span>')


def _panel(r, run, profile) -> str:
    filters = "".join(
        f'<label><input type="checkbox" data-sev="{s}" checked> '
        f'<span class="pill sev-{s}">{SEVERITY[s]} {r.count(s)}</span></label>' for s in SEVERITY)
    groups: dict[str, dict[str, list]] = {}
    for i, d in enumerate(r.diagnostics):
        groups.setdefault(d.category, {}).setdefault(d.rule, []).append((i, d))
    out = [f'<aside class="panel" id="panel" aria-label="问题"><h2>问题（共 {len(r.diagnostics)} 处）</h2>'
           f'<div class="filters">{filters}</div>']
    if not r.diagnostics:
        out.append('<p class="empty">未发现问题。</p>')
    cats = [c for c in CATEGORY_ORDER if c in groups] + sorted(set(groups) - set(CATEGORY_ORDER))
    for cat in cats:
        rules = groups[cat]
        info = r.categories.get(cat, {})
        cat_title = profile["categories"].get(cat, {}).get("title", cat)
        n = sum(len(v) for v in rules.values())
        lost = round(info.get("max", 0) - info.get("score", 0), 1) if info else 0
        out.append(f'<details class="cat" open><summary>{escape(cat_title)}'
                   f'<span class="meta">{n} 处 · 扣 {lost:g} 分</span></summary>')
        ordered = sorted(rules.items(), key=lambda kv: (-SEVERITY_RANK[kv[1][0][1].severity], kv[0]))
        for rule_id, items in ordered:
            out.append(_rule_block(r, run, rule_id, items))
        out.append("</details>")
    out.append("</aside>")
    return "".join(out)


def _rule_block(r, run, rule_id, items) -> str:
    rule = run.ruleset.get(rule_id) if run.ruleset is not None else None
    first = items[0][1]
    title = rule.title if rule else first.message
    basis = first.basis or (rule.basis if rule else "")
    suggestion = first.suggestion or (rule.suggestion if rule else "")
    points = r.deductions.get(rule_id, 0)
    cost = f'<span class="cost">扣 {points:g} 分</span>' if points else ""
    finds = "".join(
        f'<li><a class="find sev-{d.severity}" href="#f{i}" data-f="{i}" data-sev="{d.severity}">'
        f'<span class="loc">{d.line}:{d.column}</span><span>{escape(d.message)}'
        f'{BASELINE_TAG if d.baseline else ""}</span></a></li>'
        for i, d in items)
    extra = ""
    if suggestion:
        extra += f"<p><b>建议：</b>{escape(suggestion)}</p>"
    if basis:
        extra += f"<p><b>依据：</b>{escape(basis)}</p>"
    return (f'<div class="rule" data-rule="{escape(rule_id)}" data-sev="{first.severity}">'
            f'<h3><span class="pill sev-{first.severity}">{SEVERITY[first.severity]}</span>'
            f'{escape(title)} <code>{escape(rule_id)}</code>{cost}</h3>{extra}'
            f'<ol class="finds">{finds}</ol></div>')


def _foot(run) -> str:
    stamp = _dt.datetime.now().strftime("%Y-%m-%d %H:%M")
    return (f'<footer>由 lawlint {escape(run.version)} 生成于 {stamp}。得分 = 100 − 各规则扣分'
            f'（每条规则有上限，每类有预算）；lawlint explain 规则编号 可查看规则说明。</footer>')
