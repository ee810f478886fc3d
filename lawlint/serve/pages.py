"""The server's own pages: the upload forms, progress, errors, and the bar of downloads put on top
of the report pages ``reporters.html`` renders. Plain HTML and inline CSS; no script, no external
resource, usable at phone width. Every piece of user text goes through ``html.escape``."""
from __future__ import annotations

import datetime as dt
from html import escape
from urllib.parse import quote

from ..result import SEVERITY_NAMES as SEVERITY

CSS = """
.ll-bar,.ll-page{font-family:"Microsoft YaHei","PingFang SC","Noto Sans CJK SC",sans-serif;color:#222;
 line-height:1.6;box-sizing:border-box}
.ll-page{max-width:52rem;margin:0 auto;padding:1rem}
.ll-page h1{font-size:1.5rem;margin:.3rem 0 .8rem}.ll-page h2{font-size:1.15rem;margin:0 0 .5rem}
.ll-card{border:1px solid #d6d6d6;border-radius:8px;padding:1rem;margin:1rem 0;background:#fff}
.ll-card label{display:block;margin:.5rem 0 .2rem;font-weight:600}
.ll-card input[type=file],.ll-card select,.ll-card textarea{width:100%;box-sizing:border-box;font-size:1rem}
.ll-card textarea{min-height:8rem}
.ll-btn{display:inline-block;margin:.6rem .4rem 0 0;padding:.5rem 1rem;border:0;border-radius:6px;
 background:#8a1c1c;color:#fff;font-size:1rem;text-decoration:none;cursor:pointer}
.ll-btn.alt{background:#eee;color:#222;border:1px solid #ccc}
.ll-note{color:#666;font-size:.9rem}.ll-err{background:#fdecea;border-left:4px solid #b02a37;padding:.6rem .8rem}
.ll-bar{background:#f7f3ea;border-bottom:1px solid #ddd;padding:.6rem 1rem}
.ll-bar .ll-btn{margin:.2rem .3rem .2rem 0;padding:.35rem .8rem;font-size:.95rem}
.ll-bar details{margin:.4rem 0}.ll-bar form{margin:.4rem 0}
.ll-bar ul,.ll-page ul{margin:.3rem 0;padding-left:1.3rem}
progress{width:100%;height:1.2rem}
@media (max-width:40rem){.ll-page{padding:.6rem}.ll-btn{display:block;text-align:center}}
"""


def _doc(title: str, body: str, refresh: int | None = None) -> str:
    meta = f'<meta http-equiv="refresh" content="{refresh}">' if refresh else ""
    return ('<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'{meta}<title>{escape(title)}</title><style>{CSS}</style></head>'
            f'<body><div class="ll-page">{body}</div></body></html>\n')


def _years() -> str:
    this = dt.date.today().year
    opts = "".join(f'<option value="{y}">{y} 年度</option>' for y in range(this, 2014, -1))
    return f'<select name="year" id="{{id}}"><option value="">按文中写明的年度（自动识别）</option>{opts}</select>'


def home(settings, message: str | None = None) -> str:
    mb = settings.max_file_bytes / 1024 / 1024
    err = f'<p class="ll-err" role="alert">{escape(message)}</p>' if message else ""
    accept = ".docx,.txt,.md,.html,.htm,.pdf"
    body = f"""<h1>法治政府建设年度报告检查</h1>{err}
<section class="ll-card"><h2>检查一份报告（起草人）</h2>
<form action="/check" method="post" enctype="multipart/form-data">
<label for="file">选择报告文件（.docx .txt .md .html .pdf）</label><input type="file" id="file" name="file" accept="{accept}">
<label for="text">或粘贴报告全文</label><textarea id="text" name="text" placeholder="在此粘贴报告全文"></textarea>
<label for="year1">报告年度（文中未写明时选择）</label>{_years().replace("{id}", "year1")}
<button class="ll-btn" type="submit">开始检查</button></form></section>
<section class="ll-card"><h2>批量检查（审核人）</h2>
<form action="/batch" method="post" enctype="multipart/form-data">
<label for="files">选择多份报告，或各单位报告的 .zip 压缩包</label>
<input type="file" id="files" name="files" multiple accept="{accept},.zip">
<label for="year2">报告年度（文中未写明时选择）</label>{_years().replace("{id}", "year2")}
<button class="ll-btn" type="submit">批量检查</button></form></section>
<section class="ll-card"><h2>对比同一单位前后两年的报告</h2>
<form action="/compare" method="post" enctype="multipart/form-data">
<label for="last">去年的报告（或各单位报告的 .zip，按报告主体配对）</label>
<input type="file" id="last" name="last" accept="{accept},.zip">
<label for="this">今年的报告（或 .zip）</label><input type="file" id="this" name="this" accept="{accept},.zip">
<button class="ll-btn" type="submit">开始对比</button></form></section>
<p class="ll-note">每个文件不超过 {mb:g} MB，一次最多 {settings.max_files} 份。上传的报告和检查结果只存放在本机的临时目录，
{settings.keep_minutes:g} 分钟后自动删除。</p>"""
    return _doc("lawlint 报告检查", body)


def error(message: str) -> str:
    return _doc("无法完成", f'<h1>无法完成</h1><p class="ll-err" role="alert">{escape(message)}</p>'
                           '<p><a class="ll-btn alt" href="/">返回首页</a></p>')


def progress(job) -> str:
    what = {"single": "正在检查报告", "batch": "正在批量检查", "compare": "正在对比"}[job.kind]
    body = (f'<h1>{what}……</h1><progress id="progress" max="{max(job.total, 1)}" value="{job.done}"></progress>'
            f'<p id="count">已完成 {job.done} / {job.total or "…"} 份</p>'
            '<p class="ll-note">本页每秒自动刷新，完成后显示结果。</p>')
    return _doc(what, body, refresh=1)


def _link(job, name, label) -> str:
    return f'<a class="ll-btn" href="/job/{job.id}/out/{quote(name)}" download>{escape(label)}</a>'


LABELS = {"annotated": "下载批注版 Word（问题批注在原文上）", "fixed": "下载修订版 Word（修正写成修订）",
          "text": "下载修正后的文本"}


def single_bar(job) -> str:
    item = job.items[0]
    parts = ['<div class="ll-bar"><style>' + CSS + "</style>"]
    parts += [_link(job, n, LABELS[w]) for n, w in item["files"].items() if w in LABELS]
    if item["files"].get("fix_count") is not None:
        parts.append(f'<span class="ll-note">可自动修正 {item["files"]["fix_count"]} 处</span>')
    if item["files"].get("problem"):
        parts.append(f'<p class="ll-err">未能生成 Word 文档：{escape(item["files"]["problem"])}</p>')
    parts.append(_changes(job))
    parts.append(f'<form action="/check" method="post" enctype="multipart/form-data">'
                 f'<input type="hidden" name="prev" value="{job.id}"><input type="hidden" name="year" value="{job.year or ""}">'
                 '<label>修改后重新上传，查看变化：'
                 '<input type="file" name="file" accept=".docx,.txt,.md,.html,.htm,.pdf"></label>'
                 '<button class="ll-btn" type="submit">重新检查</button>'
                 '<a class="ll-btn alt" href="/">检查另一份报告</a></form></div>')
    return "".join(parts)


def _changes(job) -> str:
    if job.prev and job.changes is None:
        return '<p class="ll-note" id="changes">上次检查的结果已过期删除，无法对比变化。</p>'
    if not job.changes:
        return ""
    c = job.changes
    (s0, s1), (g0, g1) = c["score"], c["grade"]

    def items(fs):
        return "".join(f"<li>第 {f[3]} 行 · {SEVERITY.get(f[2], f[2])} · {escape(f[4])}</li>" for f in fs[:50])
    return (f'<details id="changes" open><summary>与上次检查相比：得分 {s0} → {s1}，等级 {escape(str(g0))} → '
            f'{escape(str(g1))}；已解决 {len(c["gone"])} 条，新出现 {len(c["new"])} 条，仍存在 {c["kept"]} 条'
            f'</summary><p>已解决：</p><ul class="gone">{items(c["gone"]) or "<li>无</li>"}</ul>'
            f'<p>新出现：</p><ul class="new">{items(c["new"]) or "<li>无</li>"}</ul></details>')


def with_bar(page_html: str, bar: str) -> str:
    """A reporter's page with the server's bar on top (the page itself unchanged)."""
    return page_html.replace("<body>", "<body>" + bar, 1)


def batch(job) -> str:
    ok = sum(1 for i in job.items if not i["error"])
    skipped = "".join(f"<li>{escape(n)}：{escape(why)}</li>" for n, why in job.skipped)
    failed = "".join(f"<li>{escape(i['name'])}：{escape(i['error'])}</li>" for i in job.items if i["error"])
    nfail = len(job.skipped) + len(job.items) - ok
    body = (f'<h1>批量检查完成</h1><p id="summary">已检查 {ok} 份报告' + (f"，{nfail} 份未能检查" if nfail else "")
            + "。</p>"
            f'<p><a class="ll-btn" href="/job/{job.id}/out/index.html">查看总览（可排序、筛选）</a>'
            + _link(job, "报告检查结果.csv", "下载 CSV（Excel 可打开）")
            + _link(job, "批注版报告.zip", "下载批注版 Word（.zip，可发回各单位）") + "</p>"
            + (f'<section class="ll-card"><h2>未能检查的文件</h2><ul id="skipped">{skipped}{failed}</ul></section>'
               if skipped or failed else "")
            + '<p><a class="ll-btn alt" href="/">返回首页</a></p>')
    return _doc("批量检查完成", body)


def compare_bar(job) -> str:
    return ('<div class="ll-bar"><style>' + CSS + '</style><a class="ll-btn alt" href="/">返回首页</a></div>')
