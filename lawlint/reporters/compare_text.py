"""``lawlint compare`` as a short Chinese report in plain text (terminal, e-mail, a ticket)."""
from __future__ import annotations

SHOW_CHARS = 60          # quoted passages and evidence are cut to this many characters
STATUS = {"reported": "✓ 已报告", "not_found": "✗ 未见报告"}


def render(run, version) -> str:
    out = []
    for c in run.comparisons:
        if out:
            out.append("")
        out.extend(comparison_lines(c))
    if run.unmatched:
        out += ["", "未能配对的报告（另一年没有同一报告主体的报告）："]
        out += [f"  {'去年' if u['side'] == 'last' else '今年'}：{u['path']}" for u in run.unmatched]
    if run.errors:
        out += ["", "无法读取的文件："] + [f"  ✗ {e['error']}" for e in run.errors]
    if not out:
        out = ["没有可对比的报告"]
    return "\n".join(out) + "\n"


def clip(text: str, n: int = SHOW_CHARS) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= n else flat[:n] + "……"


def _year(y) -> str:
    return f"（{y}年度）" if y else "（年度未识别）"


def comparison_lines(c) -> list[str]:
    la, lb = c.last_label, c.this_label
    out = [f"去年：{c.last}{_year(c.last_year)}", f"今年：{c.this}{_year(c.this_year)}"]
    if c.issuer:
        out.append(f"报告主体：{c.issuer}")
    out.append(f"重复率：{c.repeated_share:.0%}（今年报告的文字中，与去年报告连续多个词相同的部分所占比例）")
    out += [f"注意：{n}" for n in c.notes]

    if c.passages:
        shown = f"，列出最长的 {len(c.passages)} 处" if c.passages_total > len(c.passages) else ""
        out += ["", f"最长的重复段落（共 {c.passages_total} 处{shown}）："]
        for i, p in enumerate(c.passages, 1):
            out.append(f"  {i}. {p.chars} 字　去年第{p.last_line}{la} / 今年第{p.this_line}{lb}")
            out.append(f"     “{clip(p.text)}”")
    else:
        out += ["", "最长的重复段落：没有与去年报告相同的段落"]

    if c.sections.get("last_plans"):
        done = sum(1 for p in c.plans if p.status == "reported")
        extra = f"；另有 {c.plans_skipped} 项过于笼统，未核对" if c.plans_skipped else ""
        out += ["", f"去年的工作安排（{len(c.plans)} 项：已报告 {done} 项，未见报告 {len(c.plans) - done} 项{extra}）："]
        for p in c.plans:
            out.append(f"  {STATUS[p.status]}　去年第{p.last_line}{la}：{clip(p.item)}")
            if p.status == "reported":
                out.append(f"      今年第{p.evidence_line}{lb}：{clip(p.evidence)}")

    if c.sections.get("last_shortcomings") and c.sections.get("this_shortcomings"):
        if c.recurring:
            out += ["", f"重复出现的问题（{len(c.recurring)} 处，去年的不足今年几乎原样再写）："]
            for r in c.recurring:
                out.append(f"  去年第{r.last_line}{la} / 今年第{r.this_line}{lb}（相似度 {r.similarity:.0%}）：{clip(r.text)}")
        else:
            out += ["", "重复出现的问题：没有"]
    return out
