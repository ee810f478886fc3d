"""``lawlint compare --format html``: one self-contained page (inline CSS, no scripts, nothing
fetched from the network) that a reviewer can open offline, forward, or print. Every piece of
report text goes through ``html.escape``."""
from __future__ import annotations

import os
from html import escape

from .compare_text import STATUS

FOLD_AT = 200            # longer passages show this many characters, the rest folded

CSS = """
body{font-family:"Microsoft YaHei","PingFang SC","Noto Sans CJK SC","Source Han Sans SC",sans-serif;
 color:#222;line-height:1.65;max-width:62rem;margin:2rem auto;padding:0 1rem}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.25rem;margin:0 0 .5rem}
h3{font-size:1.05rem;margin:1.4rem 0 .4rem;border-left:4px solid #8a1c1c;padding-left:.5rem}
.gen{color:#777;font-size:.85rem}
.pair{border:1px solid #d0d0d0;border-radius:6px;padding:1rem 1.3rem;margin:1.5rem 0}
.files{margin:0;color:#444}.files dt{float:left;clear:left;width:4.5rem;color:#777}.files dd{margin:0 0 0 4.5rem}
.share{display:flex;align-items:center;gap:.8rem;margin:.8rem 0}.share b{font-size:1.5rem}
.meter{flex:1;max-width:24rem;height:.8rem;background:#eee;border-radius:4px;overflow:hidden}
.meter span{display:block;height:100%;background:#b03a2e}
.note{background:#fff6dd;border-left:4px solid #e0a800;padding:.3rem .7rem;margin:.4rem 0}
table{border-collapse:collapse;width:100%;font-size:.95rem}
th,td{border-bottom:1px solid #e2e2e2;padding:.4rem .5rem;text-align:left;vertical-align:top}
th{background:#f5f5f5;font-weight:600;white-space:nowrap}
td.n{white-space:nowrap;color:#555}
.ok{color:#1e7b34;white-space:nowrap}.no{color:#b02a37;white-space:nowrap}
.ev{color:#555;font-size:.9rem}
.quote{font-family:"SimSun","Songti SC","Noto Serif CJK SC",serif}
.empty{color:#777}
summary{cursor:pointer}
@media print{
 body{max-width:none;margin:0;font-size:10.5pt;color:#000}
 .pair{border:none;padding:0;break-after:page}
 .pair:last-of-type{break-after:auto}
 tr,.note{break-inside:avoid}
 .meter span{-webkit-print-color-adjust:exact;print-color-adjust:exact}
 details>summary{list-style:none}
}
"""


def render(run, version) -> str:
    body = [f"<h1>年度报告对比</h1>\n<p class=\"gen\">由 lawlint {escape(version)} 生成</p>"]
    body += [_pair(c) for c in run.comparisons]
    if run.unmatched:
        rows = "".join(f"<tr><td>{'去年' if u['side'] == 'last' else '今年'}</td><td>{escape(u['path'])}</td></tr>"
                       for u in run.unmatched)
        body.append("<section class=\"pair\"><h2>未能配对的报告</h2>"
                    "<p>另一年没有同一报告主体的报告：</p>"
                    f"<table><tr><th>年份</th><th>文件</th></tr>{rows}</table></section>")
    if run.errors:
        items = "".join(f"<li>{escape(e['error'])}</li>" for e in run.errors)
        body.append(f"<section class=\"pair\"><h2>无法读取的文件</h2><ul>{items}</ul></section>")
    if not run.comparisons and not run.unmatched and not run.errors:
        body.append("<p class=\"empty\">没有可对比的报告</p>")
    return ("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            f"<title>年度报告对比 — lawlint</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
            + "\n".join(body) + "\n</body>\n</html>\n")


def _year(y) -> str:
    return f"{y}年度" if y else "年度未识别"


def _pair(c) -> str:
    la, lb = escape(c.last_label), escape(c.this_label)
    title = escape(c.issuer or os.path.basename(c.this))
    pct = f"{c.repeated_share:.0%}"
    out = [f"<section class=\"pair\">\n<h2>{title}</h2>",
           "<dl class=\"files\">"
           f"<dt>去年</dt><dd>{escape(c.last)}（{_year(c.last_year)}）</dd>"
           f"<dt>今年</dt><dd>{escape(c.this)}（{_year(c.this_year)}）</dd></dl>",
           f"<div class=\"share\"><span>重复率</span><b>{pct}</b>"
           f"<span class=\"meter\"><span style=\"width:{min(100.0, c.repeated_share * 100):.1f}%\"></span></span></div>",
           "<p class=\"gen\">今年报告的文字中，与去年报告连续多个词相同的部分所占比例。</p>"]
    out += [f"<p class=\"note\">{escape(n)}</p>" for n in c.notes]

    out.append(f"<h3>最长的重复段落（共 {c.passages_total} 处）</h3>")
    if c.passages:
        rows = []
        for i, p in enumerate(c.passages, 1):
            rows.append(f"<tr><td class=\"n\">{i}</td><td class=\"n\">{p.chars} 字</td>"
                        f"<td class=\"n\">去年第{p.last_line}{la}<br>今年第{p.this_line}{lb}</td>"
                        f"<td class=\"quote\">{_passage(p.text)}</td></tr>")
        out.append("<table><tr><th>#</th><th>长度</th><th>位置</th><th>重复的文字</th></tr>"
                   + "".join(rows) + "</table>")
    else:
        out.append("<p class=\"empty\">没有与去年报告相同的段落。</p>")

    if c.sections.get("last_plans"):
        done = sum(1 for p in c.plans if p.status == "reported")
        extra = f"；另有 {c.plans_skipped} 项过于笼统，未核对" if c.plans_skipped else ""
        out.append(f"<h3>去年的工作安排（{len(c.plans)} 项：已报告 {done} 项，"
                   f"未见报告 {len(c.plans) - done} 项{extra}）</h3>")
        rows = []
        for p in c.plans:
            cls = "ok" if p.status == "reported" else "no"
            ev = (f"<div class=\"ev\">今年第{p.evidence_line}{lb}：{escape(p.evidence)}</div>"
                  if p.status == "reported" else "")
            rows.append(f"<tr><td class=\"{cls}\">{escape(STATUS[p.status])}</td>"
                        f"<td class=\"n\">去年第{p.last_line}{la}</td>"
                        f"<td>{escape(p.item)}{ev}</td><td class=\"n\">{p.score:.2f}</td></tr>")
        out.append("<table><tr><th>落实情况</th><th>位置</th><th>去年的安排 / 今年的报告</th><th>吻合度</th></tr>"
                   + "".join(rows) + "</table>")

    if c.sections.get("last_shortcomings") and c.sections.get("this_shortcomings"):
        out.append(f"<h3>重复出现的问题（{len(c.recurring)} 处）</h3>")
        if c.recurring:
            rows = "".join(
                f"<tr><td class=\"n\">去年第{r.last_line}{la}<br>今年第{r.this_line}{lb}</td>"
                f"<td class=\"quote\">{escape(r.text)}</td><td class=\"n\">{r.similarity:.0%}</td></tr>"
                for r in c.recurring)
            out.append("<table><tr><th>位置</th><th>去年写过、今年再次出现的问题</th><th>相似度</th></tr>"
                       + rows + "</table>")
        else:
            out.append("<p class=\"empty\">去年的问题没有原样再次出现。</p>")
    out.append("</section>")
    return "\n".join(out)


def _passage(text: str) -> str:
    if len(text) <= FOLD_AT:
        return escape(text)
    return (f"{escape(text[:FOLD_AT])}<details><summary>……展开全文</summary>"
            f"{escape(text[FOLD_AT:])}</details>")
