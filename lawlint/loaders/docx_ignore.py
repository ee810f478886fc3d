"""Word comments that silence a finding: a comment whose text is 「忽略」 or ``lawlint-ignore``
(optionally followed by rule ids: 「忽略 punct.halfwidth」) marks the text it is anchored on, and
the next check does not report findings there (``lawlint.parse.directives.apply_spans``), as
``lawlint-disable-next-line`` does in a .txt or .md.

A drafter works in Word: selecting the words and adding a comment is how they say "this is
intended". The span is read from the comment's ``w:commentRangeStart``/``w:commentRangeEnd`` and
mapped to the loaded text through the same position map the loader built (``Source.pieces``)."""
from __future__ import annotations

import re

from .docx_structure import _W

KEYWORD = re.compile(r"^\s*(?:忽略|lawlint-ignore)(?:[\s:：,，]+(?P<ids>[\w.*,，\s-]*))?\s*$", re.I)


def ignore_spans(document, pieces, paragraphs, text_runs) -> list[tuple[int, int, tuple]]:
    """[(start, end, rule ids)] of the 「忽略」 comments' ranges in the loaded text (no ids: all)."""
    wanted = _ignore_comments(document)
    if not wanted:
        return []
    where: dict[tuple[int, int], list[int]] = {}
    for p in pieces:
        span = where.setdefault((p.paragraph, p.run), [p.start, p.start + p.length])
        span[0], span[1] = min(span[0], p.start), max(span[1], p.start + p.length)
    starts, ends, pending, last_end = {}, {}, [], None
    for p_index, p in enumerate(paragraphs):
        runs = {id(r): k for k, (r, _) in enumerate(text_runs(p))}
        for el in p.iter():
            if el.tag == _W + "commentRangeStart" and el.get(_W + "id") in wanted:
                pending.append(el.get(_W + "id"))
            elif el.tag == _W + "commentRangeEnd" and el.get(_W + "id") in wanted and last_end is not None:
                ends[el.get(_W + "id")] = last_end
            elif el.tag == _W + "r" and id(el) in runs and (p_index, runs[id(el)]) in where:
                first, last_end = where[(p_index, runs[id(el)])]
                for cid in pending:
                    starts[cid] = first
                pending = []
    return [(starts[c], ends[c], wanted[c]) for c in starts if c in ends and ends[c] > starts[c]]


def _ignore_comments(document) -> dict[str, tuple]:
    """comment id → the rule ids it names, for each 「忽略」 comment."""
    if not any(rel.reltype.endswith("/comments") for rel in document.part.rels.values()):
        return {}              # (document.comments would make an empty part)
    out = {}
    try:
        for c in document.comments:
            m = KEYWORD.match(c.text or "")
            if m:
                out[str(c.comment_id)] = tuple(i for i in re.split(r"[\s,，]+", m.group("ids") or "") if i)
    except Exception:          # noqa: BLE001 - a comments part python-docx cannot read: no comments
        return {}
    return out
