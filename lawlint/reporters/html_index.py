"""The overview page of a batch (``index.html``): one row per report, sortable and filterable,
one ✓ / ◐ / ✗ cell per required part."""
from __future__ import annotations

import os
from html import escape

from ..result import SECTION_IDS
from ..result import SEVERITY_NAMES as SEVERITY
from ..scoring import default_profile
from .overview_cells import reused, timeliness
from .html import _asset, _foot, _head


def row(r, href) -> dict:
    """What the overview needs of one report (small: the batch keeps one per report)."""
    return {"href": href, "path": r.path, "title": r.title, "issuer": r.issuer,
            "year": r.report_year, "score": r.score, "grade": r.grade_label, "error": r.error,
            "sections": {sid: (v.display, v.line) for sid, v in r.sections.items()},
            "counts": {s: r.count(s) for s in SEVERITY}, "line_label": r.line_label,
            "timeliness": timeliness(r), "reused": reused(r)}

def index(rows, run) -> str:
    profile = default_profile()
    short, names = profile["section_short"], profile["sections"]
    marks, statuses = profile["status_marks"], profile["statuses"]
    ok = [row for row in rows if row["error"] is None]
    scores = [row["score"] for row in ok if row["score"] is not None]
    lacking = sum(1 for row in ok if any(row["sections"].get(s, ("absent",))[0] == "absent"
                                         for s in SECTION_IDS))
    grades = {g["name"]: sum(1 for row in ok if row["grade"] == g["name"]) for g in profile["grades"]}
    partial = sum(1 for row in ok if row["grade"] == profile["partial_status"])
    if partial:
        grades[profile["partial_status"]] = partial
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
    heads += ['<th data-key="timely">公开及时性</th>', '<th data-key="reused">与上年重复</th>']
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
        span = 6 + len(SECTION_IDS) + len(SEVERITY)
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
        order = {"heading": 2, "body": 1, "absent": 0, "unreached": 0}[status]
        cells.append(f'<td class="part {status}" data-v="{order}" title="{escape(names[sid])}：'
                     f'{escape(statuses[status])}{escape(where)}">{marks[status]}</td>')
    cells += [f'<td class="num" data-v="{row["counts"][s]}">{row["counts"][s]}</td>' for s in SEVERITY]
    cells += [f'<td data-v="{escape(row[k])}">{escape(row[k])}</td>' for k in ("timeliness", "reused")]
    return (f'<tr data-search="{escape(search)}" data-grade="{escape(row["grade"])}" '
            f'data-missing="{missing}">{"".join(cells)}</tr>')
