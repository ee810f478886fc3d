"""``--format docx``: the report itself with each finding as a Word comment (批注, author lawlint).

A .docx report is copied with nothing changed but the comments: each one is anchored on exactly
the characters its finding concerns (runs are split at the ends, keeping their formatting),
found through the loader's position map. A systemic defect does not bury the document: one
comment per rule per paragraph, the rest counted. Findings on a missing statutory part and the
score panel go into one summary comment on the title (or the first paragraph). A finding on a
number Word draws itself (automatic numbering) is anchored on the start of its paragraph.
A .txt or .md report becomes a plain .docx, one paragraph per line, with the same comments.

The output needs ``--output``: a file for one report, a folder for several (one copy each).
"""
from __future__ import annotations

import os
import re
from pathlib import Path

from ..chars import is_blank, strip_blank
from ..errors import LawlintError, LoadError, show_path
from ..result import SECTION_IDS
from ..result import SEVERITY_NAMES as SEVERITY
from ..loaders.source import Piece, Source
from ._cap import cap_lowered

AUTHOR, INITIALS = "lawlint", "LL"
_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def render(results, run):
    raise LawlintError("docx 格式输出的是 Word 文档：请用 --output 指定输出文件（检查多份报告时为输出目录）")


# --------------------------------------------------------------------------- one document

def annotate(result, source: Source, data: bytes | None = None) -> tuple[bytes, dict]:
    """The annotated .docx for one report and what was written (comments, summary text).
    ``data`` is the original .docx (None for a text report: a plain document is made)."""
    from docx.text.run import Run

    from ..fix.docxedit import DocxPackage, cuts_of
    if source.text != result.text and result.text is not None:
        raise LoadError("文件在检查期间被改动，未生成批注文档；请重新检查", source.path)
    if data is None:
        data, source = _plain_docx(source)
    pkg = DocxPackage(data, source.path)
    summary, anchors, counts = _plan(result, source)
    title = _title_pieces(result, source)
    cuts = set()
    for pieces, _, _ in anchors:
        cuts |= cuts_of([pieces[0], pieces[-1]])
    if title:
        cuts |= cuts_of([title[0], title[-1]])
    pkg.split(cuts)
    summary_text = _summary_text(result, summary, len(anchors), counts)
    written = 0
    # The drafter reads the comment; the rule id is in its initials (Word shows them in the
    # comment's mark, e.g. [punct.halfwidth1]) and in the summary, for the technical reader.
    for pieces, text, initials in ([(title, summary_text, INITIALS)] if title else []) + anchors:
        first = pkg.elements([pieces[0]])[0]
        last = pkg.elements([pieces[-1]])[-1]
        pkg.document.add_comment([Run(first, pkg.document), Run(last, pkg.document)],
                                 text=_xml_safe(text), author=AUTHOR, initials=initials)
        written += 1
    return pkg.save(), {"comments": written, "summary": summary_text if title else None}


def _plan(result, source):
    """Split the findings into the summary's and the anchored ones, [(pieces, comment text)];
    ``counts``: rule -> (findings, comments)."""
    summary, notes, counts = [], [], {}
    groups: dict[tuple, list] = {}
    for d in sorted(result.diagnostics, key=lambda d: (d.start, d.end)):
        if _document_level(d, result):
            summary.append(d)
            continue
        groups.setdefault((d.rule, d.line), []).append(d)
    for (rule, _), ds in sorted(groups.items(), key=lambda kv: kv[1][0].start):
        d = ds[0]
        pieces, note = _anchor(source, d)
        if not pieces:
            summary.append(d)
            continue
        total, shown = counts.get(rule, (0, 0))
        counts[rule] = (total + len(ds), shown + 1)
        notes.append((pieces, _comment_text(d, len(ds) - 1, note), rule))
    return summary, notes, counts


def _document_level(d, result) -> bool:
    """A missing statutory part, or a finding on the whole report (no title, …)."""
    if d.end > d.start:
        return False
    part = d.rule.split(".", 1)[1] if d.rule.startswith("section.") else None
    if part in SECTION_IDS and getattr(result.sections.get(part), "status", "absent") == "absent":
        return True
    return d.start == 0


def _line_range(source, offset):
    line, _ = source.position(offset)
    start = source.line_start(line)
    return start, start + len(source.line_text(line))


def _anchor(source, d) -> tuple[list[Piece], str]:
    """The document characters a finding is anchored on, and a note when they are not its own
    span (a place between characters: its paragraph; Word's own number: the paragraph start)."""
    ls, le = _line_range(source, d.start)
    if d.end <= d.start:
        return source.pieces_in(ls, le), ""
    pieces = source.pieces_in(d.start, d.end)
    own = source.pieces_in(ls, le)
    note = ""
    if own and d.start < own[0].start and not is_blank(source.text[ls:own[0].start]):
        note = f"所指为 Word 自动编号“{strip_blank(source.text[ls:own[0].start])}”"
    if not pieces and own:
        first = own[0]
        pieces = [Piece(first.start, 1, first.paragraph, first.run, first.offset, first.editable)]
    return pieces, note


def _comment_text(d, more, note) -> str:
    lines = [f"【{SEVERITY.get(d.severity, d.severity)}】{d.message}"]
    if note:
        lines.append(f"（{note}）")
    if d.suggestion:
        lines.append(f"建议：{d.suggestion}")
    if d.basis:
        lines.append(f"依据：{d.basis}")
    tail = ["可用 lawlint fix 自动修正"] if d.replacement is not None else []
    if more:
        tail.append(f"本段另有 {more} 处同类问题")
    if tail:
        lines.append(f"（{'；'.join(tail)}）")
    return "\n".join(lines)


def _title_pieces(result, source) -> list[Piece]:
    """The title's paragraph (or the first paragraph with text) for the summary comment."""
    key = strip_blank(result.title or "")[:12]
    first = None
    for line in range(1, source.line_count + 1):
        ls = source.line_start(line)
        pieces = source.pieces_in(ls, ls + len(source.line_text(line)))
        if not pieces:
            continue
        if first is None:
            first = pieces
        if key and key in source.line_text(line):
            return pieces
    return first or []


def _summary_text(result, summary, n_comments, counts) -> str:
    from ..scoring import default_profile
    profile = default_profile()
    out = [f"lawlint 检查结果：{result.score} 分，{result.grade_label}"]
    if cap_lowered(result):
        out.append(f"等级上限：{result.grade_cap['reason']}")
    cats = "；".join(f"{profile['categories'][c]['title']} {v['score']}/{v['max']}"
                    for c, v in result.categories.items())
    if cats:
        out.append(f"分项：{cats}")
    parts = []
    for sid in SECTION_IDS:
        v = result.sections.get(sid)
        status = v.display if v else "absent"
        parts.append(f"{profile['status_marks'][status]}{profile['sections'][sid]}")
    out.append("法定内容：" + "　".join(parts))
    for d in summary:
        out.append(f"【{SEVERITY.get(d.severity, d.severity)}】{d.message}（{d.rule}）")
    n = len(result.diagnostics)
    sev = "、".join(f"{SEVERITY[s]} {result.count(s)}" for s in SEVERITY)
    out.append(f"共 {n} 处问题（{sev}），逐处批注 {n_comments} 条（另有本条总评）。")
    crowded = [(rule, total, shown) for rule, (total, shown) in counts.items() if total > shown]
    if crowded:
        crowded.sort(key=lambda x: -x[1])
        out.append("同类问题每段只批注一处：" + "；".join(
            f"{rule} 共 {total} 处（批注 {shown} 处）" for rule, total, shown in crowded))
    out.append("每条批注的规则编号在批注的缩写中。某处不需修改时，在该处文字上加一条批注“忽略”（或 lawlint-ignore），"
               "下次检查不再报告该处问题。")
    return "\n".join(out)


def _xml_safe(text: str) -> str:
    return _XML_BAD.sub("\ufffd", text)


def _plain_docx(source: Source) -> tuple[bytes, Source]:
    """A plain .docx of a text report, one paragraph per line, and its loaded Source (the same
    text, character for character)."""
    import io

    import docx

    from ..loaders.docx import load_docx
    d = docx.Document()
    for line in source.text.split("\n"):
        d.add_paragraph(_xml_safe(line))
    buf = io.BytesIO()
    d.save(buf)
    data = buf.getvalue()
    loaded = load_docx(data, path=source.path)
    if len(loaded.text) != len(source.text):
        raise LoadError("内部错误：生成的 Word 文档与原文不一致，未写入", source.path)
    return data, loaded


# --------------------------------------------------------------------------- the command

def output_name(path: str, taken: set) -> str:
    """The annotated copy's name in an output folder: the report's own name as .docx."""
    from ._paths import page_name
    return page_name(path, taken)[:-len(".html")] + ".docx"


def write_copies(results, output, inputs, load):
    """Write one annotated copy per result (``output`` a file for one report, else a folder);
    yield (result, problem): problem is None, or why no copy was written. ``load(path)`` loads
    a .docx report again for its position map (results keep only the text)."""
    from ..fix.atomic import write_bytes_atomic
    from ..fix.apply import refuse_if_open
    from ._paths import output_folder
    out = Path(output)
    single = len(inputs) == 1 and not os.path.isdir(inputs[0]) and not out.is_dir() \
        and out.suffix.lower() == ".docx"
    if not single:
        if out.suffix.lower() == ".docx":
            raise LawlintError("检查多份报告时 --output 应是一个目录（每份报告在其中生成一份批注文档）", output)
        output_folder(out, "lawlint 批注文档输出目录（lawlint 检查目录时会跳过这里）")
    taken: set = set()
    for r in results:
        problem = None
        if r.error is None:
            target = out if single else out / output_name(r.path, taken)
            try:
                if os.path.exists(target) and os.path.exists(r.path) and os.path.samefile(target, r.path):
                    raise LawlintError("输出文件就是被检查的报告；check 不改动原文件，请换一个输出文件名", target)
                data = None
                if r.path.lower().endswith(".docx"):
                    source = load(r.path)
                    with open(r.path, "rb") as fh:
                        data = fh.read()
                else:
                    source = Source(text=r.text or "", path=r.path)
                blob, info = annotate(r, source, data)
                refuse_if_open(target)
                Path(target).parent.mkdir(parents=True, exist_ok=True)     # -o 新目录/报告.docx
                write_bytes_atomic(target, blob)
                r.meta = dict(r.meta, docx_output=str(target), docx_comments=info["comments"])
            except LawlintError as e:
                problem = str(e)
            except OSError as e:
                problem = f"{show_path(target)}: 无法写入（{e.strerror or e}）"
        r.text = None
        yield r, problem
