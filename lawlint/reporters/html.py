"""``--format html``: a self-contained page per report, and an overview page for a batch.

A report page shows the report's own text with every finding highlighted where it is, a panel of
findings grouped by category (click one: the text scrolls to it and it lights up), the coverage of
the nine required parts, the score with its category bars, and each rule's basis. Everything is
inline (CSS and JS from ``assets/``, system fonts): government networks are often offline.

One file gives one page (``render``). A batch is written as a folder (``write_site``): one page per
report plus ``index.html``, a sortable, filterable table with one ✓ / ◐ / ✗ cell per required part.
Pages are written as results arrive and each report's text is dropped once its page is written,
so a batch of any size streams.
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
from ._paths import output_folder   # a folder holding it is lawlint's output, not reports

BASELINE_TAG = '<small class="base">（基线中已有，不影响退出码）</small>'
CATEGORY_ORDER = ("structure", "content", "language", "format")


@lru_cache(maxsize=None)
def _asset(name: str) -> str:
    return (Path(__file__).resolve().parent / "assets" / name).read_text(encoding="utf-8")


def render(results, run) -> str:
    """One report's page (a batch is a folder: see ``write_site``)."""
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
            f'<span class="grade g-{escape(r.grade)}">{escape(r.grade)}</span></div>'
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


# --------------------------------------------------------------------------- batch

def page_name(path: str, taken: set) -> str:
    """A file name for a report's page: the report's own name, made safe; when two reports share
    a name, their folder's name is put in front, then a number."""
    def safe(text):
        return re.sub(r"[^\w\u3400-\u9fff.-]+", "_", text).strip("._-")[-120:]

    p = Path(path)
    stem = safe(p.stem) or "report"
    candidates = [stem, f"{safe(p.parent.name)}_{stem}".lstrip("_")]
    for cand in candidates:
        name = f"{cand}.html"
        if name not in taken and name != "index.html":
            taken.add(name)
            return name
    n = 2
    while f"{stem}-{n}.html" in taken:
        n += 1
    taken.add(f"{stem}-{n}.html")
    return f"{stem}-{n}.html"


def write_site(results, run, outdir):
    """Write one page per result into ``outdir`` and ``index.html`` at the end; yield each result
    (without its text) once its page is written."""
    from ..atomic import write_text_atomic
    out = Path(outdir)
    if out.suffix.lower() in (".html", ".htm"):
        raise LawlintError("检查多份报告时 --output 应是一个目录（将在其中生成 index.html 和每份报告的页面）", outdir)
    output_folder(out, "lawlint HTML 输出目录（lawlint 检查目录时会跳过这里）")
    rows, taken = [], set()
    for r in results:
        name = page_name(r.path, taken)
        _write(write_text_atomic, out / name, page(r, run, back="index.html"))
        r.text = None
        rows.append(_row(r, name))
        yield r
    _write(write_text_atomic, out / "index.html", index(rows, run))


def _write(writer, path, text):
    try:
        writer(path, text)
    except OSError as e:
        raise LawlintError(f"无法写入（{e.strerror or e}）", path) from None


def _row(r, href) -> dict:
    """What the overview needs of one report (small: the batch keeps one per report)."""
    return {"href": href, "path": r.path, "title": r.title, "issuer": r.issuer,
            "year": r.report_year, "score": r.score, "grade": r.grade, "error": r.error,
            "sections": {sid: (v.status, v.line) for sid, v in r.sections.items()},
            "counts": {s: r.count(s) for s in SEVERITY}, "line_label": r.line_label}


def index(rows, run) -> str:
    profile = default_profile()
    short, names = profile["section_short"], profile["sections"]
    marks, statuses = profile["status_marks"], profile["statuses"]
    ok = [row for row in rows if row["error"] is None]
    scores = [row["score"] for row in ok if row["score"] is not None]
    lacking = sum(1 for row in ok if any(row["sections"].get(s, ("absent",))[0] == "absent"
                                         for s in SECTION_IDS))
    grades = {g["name"]: sum(1 for row in ok if row["grade"] == g["name"]) for g in profile["grades"]}
    mean = f"{sum(scores) / len(scores):.1f}" if scores else "—"
    summary = (f'<section class="summary"><span>报告 <b>{len(rows)}</b> 份</span>'
               f'<span>平均得分 <b>{mean}</b></span>'
               f'<span>缺少法定内容 <b>{lacking}</b> 份</span>'
               + "".join(f'<span>{escape(g)} <b>{n}</b></span>' for g, n in grades.items())
               + (f'<span>无法检查 <b>{len(rows) - len(ok)}</b> 份</span>' if len(rows) > len(ok) else "")
               + "</section>")
    grade_opts = "".join(f'<option value="{escape(g)}">{escape(g)}</option>' for g in grades)
    tools = ('<div class="tools"><input type="search" id="q" placeholder="按报告主体、标题或文件名筛选" '
             'aria-label="筛选"><label>等级 <select id="grade"><option value="">全部</option>'
             f'{grade_opts}</select></label><label><input type="checkbox" id="missing"> 只看缺少法定内容的报告'
             '</label><span>显示 <b id="shown">0</b> 份</span></div>')
    legend = ('<p class="legend">' + "　".join(f"{marks[s]} {statuses[s]}" for s in ("heading", "body", "absent"))
              + "　点击列标题排序。</p>")
    heads = ['<th data-key="report">报告</th>', '<th data-key="issuer">报告主体</th>',
             '<th data-key="year" data-type="num">年度</th>', '<th data-key="score" data-type="num">得分</th>',
             '<th data-key="grade">等级</th>']
    heads += [f'<th data-key="{sid}" title="{escape(names[sid])}">{escape(short[sid])}</th>' for sid in SECTION_IDS]
    heads += [f'<th data-key="{s}" data-type="num">{SEVERITY[s]}</th>' for s in SEVERITY]
    body = "".join(_index_row(row, marks, statuses, names) for row in rows)
    table = (f'<div class="wrap"><table id="reports"><thead><tr>{"".join(heads)}</tr></thead>'
             f'<tbody>{body}</tbody></table></div>')
    header = ('<header class="top"><div class="ident"><h1>法治政府建设年度报告检查总览</h1>'
              f'<p class="facts">共 {len(rows)} 份报告；点击报告名称查看原文和逐条问题。</p></div></header>')
    return (_head("lawlint：报告检查总览", _asset("report.css") + _asset("index.css")) + header + summary
            + tools + legend + table + _foot(run) + f"<script>{_asset('index.js')}</script></body></html>\n")


def _index_row(row, marks, statuses, names) -> str:
    name = row["title"] or os.path.basename(row["path"])
    search = " ".join(str(x) for x in (row["issuer"], row["title"], row["path"]) if x)
    link = (f'<td class="report" data-v="{escape(name)}"><a href="{escape(row["href"])}">{escape(name)}</a>'
            f'<small>{escape(row["path"])}</small></td>')
    if row["error"] is not None:
        span = 4 + len(SECTION_IDS) + len(SEVERITY)
        return (f'<tr class="failed" data-search="{escape(search)}" data-grade="" data-missing="0">{link}'
                f'<td colspan="{span}">无法检查：{escape(row["error"])}</td></tr>')
    missing = sum(1 for s in SECTION_IDS if row["sections"].get(s, ("absent",))[0] == "absent")
    cells = [link, f'<td data-v="{escape(row["issuer"] or "")}">{escape(row["issuer"] or "—")}</td>',
             f'<td class="num" data-v="{row["year"] or ""}">{row["year"] or "—"}</td>',
             f'<td class="num" data-v="{row["score"]}">{row["score"]}</td>',
             f'<td data-v="{escape(row["grade"])}">{escape(row["grade"])}</td>']
    for sid in SECTION_IDS:
        status, line = row["sections"].get(sid, ("absent", None))
        where = f"，第 {line} {row['line_label']}" if line else ""
        order = {"heading": 2, "body": 1, "absent": 0}[status]
        cells.append(f'<td class="part {status}" data-v="{order}" title="{escape(names[sid])}：'
                     f'{escape(statuses[status])}{escape(where)}">{marks[status]}</td>')
    cells += [f'<td class="num" data-v="{row["counts"][s]}">{row["counts"][s]}</td>' for s in SEVERITY]
    return (f'<tr data-search="{escape(search)}" data-grade="{escape(row["grade"])}" '
            f'data-missing="{missing}">{"".join(cells)}</tr>')
