"""``existence``: wording that should not be there (Vale's existence type, CJK-aware).

``patterns`` are regexes matched in a ``scope`` (the whole report, the body, the title, the
web-page residue, or one part such as ``shortcomings``); ``{year}``, ``{next_year}`` and
``{prev_year}`` are filled from the report year. ``lead: N`` looks only at the first N sentences
of the scope (a part that *opens* with something), ``unless`` drops a match whose sentence matches
one of its patterns (``unless_followed``: or, for a topic sentence that an enumeration follows
at once, the enumeration's first ``within`` characters: 「各项工作取得积极进展。一是……12件」 is
supported by its items), ``outside_titles`` skips matches inside 《》 (「《…若干措施》」 names a
document), ``per_sentence`` reports a sentence once however many of its words match, and
``once`` reports only the first match (a page's residue is one finding).
The message may use ``{match}``.
"""
from __future__ import annotations

from bisect import bisect_right

from .. import regexcache
from .. import template as tpl
from . import scope as sc

# The {placeholders} this check fills in messages and suggestions (the loader checks them).
FIELDS = ("match", "year", "next_year", "fixed")
PARAMS = {
    "patterns": {"type": "array", "items": {"type": "string"}, "minItems": 1,
                 "description": "不应出现的内容（正则）"},
    "scope": dict(sc.SCOPE_SCHEMA, default="document"),
    "lead": {"type": "integer", "minimum": 1, "description": "只看该范围的前几句"},
    "unless": {"default": [], "type": "array", "items": {"type": "string"},
               "description": "所在句子匹配其一则不报"},
    "once": {"default": False, "type": "boolean", "description": "只报告第一处"},
    "replacement": {"type": "string",
                    "description": "可安全自动修正时的替换文本（可用 \\1、\\g<name> 引用分组）"},
    "translate": {"type": "object", "additionalProperties": False, "required": ["from", "to"],
                  "properties": {"from": {"type": "string"}, "to": {"type": "string"}},
                  "description": "可安全自动修正：把匹配文字中的字符逐一替换（如全角数字→半角）"},
    "per_sentence": {"default": False, "type": "boolean",
                     "description": "一句只报告一处（一句话没有数据是一个问题，不因其中有两个空泛词报两次）"},
    "outside_titles": {"default": False, "type": "boolean",
                       "description": "书名号《》内的不报（文件名称中的“若干措施”不是空泛表述）"},
    "unless_followed": {"type": "object", "additionalProperties": False, "required": ["by", "within"],
                        "properties": {"by": {"type": "string"}, "within": {"type": "integer", "minimum": 1}},
                        "description": "句子之后紧接着以 by（正则）开头的列举时，在列举的前 within 个字符内"
                                       "也查找 unless：总起句的依据在随后的列举中"},
    "unless_around": {"default": [], "type": "array", "items": {"type": "string"},
                      "description": "匹配处前后各 8 个字符匹配其一则不报"},
}
REQUIRED = ("patterns",)   # parameters a rule of this type must give


def compile(rule):
    p = rule.params
    if "translate" in p and len(p["translate"]["from"]) != len(p["translate"]["to"]):
        raise ValueError("translate 的 from 与 to 长度必须相同")
    followed = p.get("unless_followed")
    return tpl.year_memo(lambda year: (regexcache.compile_all(p["patterns"], year),
                                      regexcache.compile_all(p["unless"], year),
                                      regexcache.compile_all(p["unless_around"], year),
                                      regexcache.compile(followed["by"]) if followed else None))


def check(ctx, rule):
    p = rule.params
    patterns, unless, around, followed_by = rule.compiled(ctx.year)
    replacement = p.get("replacement")
    table = str.maketrans(p["translate"]["from"], p["translate"]["to"]) if "translate" in p else None
    text = ctx.doc.text
    where = p["scope"]
    if p.get("lead"):      # what a part opens with: its running text, not its heading
        pieces = [(s.start, s.end)
                  for s in list(sc.sentences(ctx, sc.body_spans(ctx, where)))[:p["lead"]]]
    else:
        pieces = sc.spans(ctx, where)
    covered, sentences_seen = None, set()
    for m in sorted(_matches(text, patterns, pieces), key=lambda m: (m.start(), -m.end())):
        if covered is not None and any(covered[m.start():m.end()]):
            continue
        if unless:
            lo, hi = sc.sentence_at(text, m.start(), m.end())
            if any(u.search(text, lo, hi) for u in unless):
                continue
            if followed_by is not None and _supported_after(text, hi, followed_by, unless,
                                                            p["unless_followed"]["within"]):
                continue
        if p.get("outside_titles") and sc.in_title_marks(text, m.start(), m.end()):
            continue
        if p.get("per_sentence"):
            where_sentence = sc.sentence_at(text, m.start(), m.end(), sc.FULL_STOPS)
            if where_sentence in sentences_seen:
                continue
            sentences_seen.add(where_sentence)
        if around:
            window = text[max(0, m.start() - 8):m.end() + 8]
            if any(a.search(window) for a in around):
                continue
        if covered is None:
            covered = bytearray(len(text))
        covered[m.start():m.end()] = b"\1" * (m.end() - m.start())
        fields = dict(match=m.group(0), year=ctx.year or "",
                      next_year=ctx.year + 1 if ctx.year else "")
        fixed = m.expand(replacement) if replacement is not None else \
            m.group(0).translate(table) if table is not None else None
        if fixed is not None:
            fields["fixed"] = fixed
        yield ctx.diagnostic(rule, m.start(), m.end(), fields=fields, replacement=fixed)
        if p["once"]:
            return


_LEAD_SPACE = " \t\u3000\u00a0\n"


def _supported_after(text, end, by, unless, within) -> bool:
    """Does an enumeration open right after ``end`` (spaces and line breaks aside) and carry an
    ``unless`` pattern in its first ``within`` characters?"""
    start = end
    while start < len(text) and text[start] in _LEAD_SPACE:
        start += 1
    if not by.match(text, start):
        return False
    stop = min(start + within, len(text))
    return any(u.search(text, start, stop) for u in unless)


def _matches(text, patterns, pieces):
    """Non-empty matches lying inside one piece: one scan per pattern over the range the pieces
    cover (scanning piece by piece costs a call per paragraph per pattern)."""
    if not pieces:
        return
    pieces = sorted(pieces)
    starts = [s for s, _ in pieces]
    ends = [e for _, e in pieces]
    lo, hi = starts[0], max(ends)
    for rx in patterns:
        for m in rx.finditer(text, lo, hi):
            i = bisect_right(starts, m.start()) - 1
            if i >= 0 and m.start() < m.end() <= ends[i]:
                yield m

