"""``repetition``: a word written twice by mistake (「材料材料」).

Candidates come from a cheap character pattern (a run of 2–4 Chinese characters repeated at
once); only when there is one is the sentence segmented (jieba, loaded lazily), and the finding
stands when the repeat is exactly two identical words. Real reduplications (常常, 层层, 一步一步,
研究研究 …) are allowed by list and by pattern, from YAML.
"""
from __future__ import annotations

from bisect import bisect_left
from itertools import chain

from ..rulepack import regexcache
from ..chars import HAN
from .spec import CheckSpec, Param

_STRINGS = {"type": "array", "items": {"type": "string"}}
SPEC = CheckSpec({
    "allow": Param(_STRINGS, [], "允许的叠词"),
    "allow_patterns": Param(_STRINGS, [], "允许的叠词模式（正则）", regex=True, prefilter=False),
}, fields=("match", "word"), derived={"allowed": lambda p: set(p["allow"])})
_CANDIDATE = regexcache.compile(rf"([{HAN}]{{2,4}})\1")


def check(ctx, rule, p):
    """The findings (a list when the report has no candidate repeat)."""
    found = _all_candidates(ctx.doc.text, ctx.doc.body_blocks)
    first = next(found, None)
    return [] if first is None else _judged(ctx, rule, p, first, found)


def _judged(ctx, rule, p, first, rest):
    allow, allow_rx = p.allowed, p.allow_patterns
    bounds: dict = {}       # the last window's word bounds (candidates come in text order)
    for m in chain((first,), rest):
        whole, word = m.group(0), m.group(1)
        if whole in allow or word in allow or any(rx.fullmatch(whole) for rx in allow_rx):
            continue
        if not _two_words(ctx, m.start(), m.end(), word, bounds):
            continue
        yield ctx.diagnostic(rule, m.start(), m.end(), fields={"match": whole, "word": word})


# Candidates without a regex scan of every character (≈490 instructions a character, the most
# costly check of a warm pass): a repeat of L characters starting at i has text[i+j] equal to
# text[i+L+j] for every j < L, so the low bytes of the characters' codes agree too. With the low
# bytes of the whole text as one integer x, x ^ (x >> 8L) has a zero byte wherever they agree at
# distance L; runs of L zero bytes (found with bytes.find) are the only places a repeat of L can
# start, and the pattern is tried there alone, in text order, as finditer would meet them.
_ZEROS = {n: bytes(n) for n in (2, 3, 4)}


def _shifted(text: str):
    """``[(L, bytes)]`` for L = 2, 3, 4: byte k is zero where text[k] and text[k+L] have the same
    low byte; None for a text with characters beyond U+FFFF (two UTF-16 units: no byte a character)."""
    n = len(text)
    units = text.encode("utf-16-le", "surrogatepass")
    if len(units) != 2 * n:
        return None
    x = int.from_bytes(units[0::2], "little")
    return [(k, (x ^ (x >> (8 * k))).to_bytes(n, "little")) for k in (2, 3, 4)]


def _candidates(text: str, start: int, end: int, shifted):
    """``_CANDIDATE.finditer(text, start, end)``: the pattern matched only where a repeat can start."""
    if shifted is None:
        return _CANDIDATE.finditer(text, start, end)
    places, most = set(), 32 + (end - start) // 8
    for n, z in shifted:
        zeros = _ZEROS[n]
        i = z.find(zeros, start, end - n)            # (a repeat of n fits: i + 2n <= end)
        while i != -1:
            places.add(i)
            if len(places) > most:                  # a run of one character, a ruled line …:
                return _CANDIDATE.finditer(text, start, end)    # the scan costs no more
            i = z.find(zeros, i + 1, end - n)
    return _tried(text, sorted(places), start, end)


def _all_candidates(text: str, blocks):
    """``_candidates`` of each block in turn, with the zero runs found in one pass over the text
    the blocks span, not a ``find`` per block and length (≈450 calls a report, nearly all finding
    nothing), and each block's own tried: a block without one yields nothing."""
    if not blocks:
        return
    shifted = _shifted(text)
    lo, hi = blocks[0].start, blocks[-1].end
    found = None if shifted is None else _runs(shifted, lo, hi, 32 + (hi - lo) // 8)
    if found is None:                   # (a character beyond U+FFFF, or zero runs everywhere)
        for b in blocks:
            yield from _candidates(text, b.start, b.end, shifted)
        return
    at = [i for i, _ in found]
    for b in blocks:
        k, j = bisect_left(at, b.start), bisect_left(at, b.end)
        if k == j:
            continue
        places = {i for i, n in found[k:j] if i + 2 * n <= b.end}   # (a repeat of n fits in b)
        if len(places) > 32 + (b.end - b.start) // 8:
            yield from _CANDIDATE.finditer(text, b.start, b.end)
        elif places:
            yield from _tried(text, sorted(places), b.start, b.end)


def _runs(shifted, lo: int, hi: int, most: int):
    """``[(i, n)]`` sorted: where in [lo, hi) a run of n zero bytes of the ``n`` bytes starts (a
    repeat of n may start at i), or None past ``most`` of them."""
    out = []
    for n, z in shifted:
        zeros = _ZEROS[n]
        i = z.find(zeros, lo, hi - n)
        while i != -1:
            if len(out) == most:
                return None
            out.append((i, n))
            i = z.find(zeros, i + 1, hi - n)
    out.sort()
    return out


def _tried(text, places, start, end):
    last = start
    for i in places:
        if i >= last:
            m = _CANDIDATE.match(text, i, end)
            if m is not None:
                yield m
                last = m.end()


_CHUNK = 256


def _window(text, start, end):
    """The stretch segmented for a candidate: its sentence; in a runaway "sentence" (a page that
    lost its punctuation) a fixed chunk around it, shared by every candidate in the chunk, so
    that a long repeated run is segmented once, not once per candidate. The third item says
    whether it is such a chunk."""
    from .scope import sentence_at
    lo, hi = sentence_at(text, start, end)
    if hi - lo > 4 * _CHUNK:
        base = start - start % _CHUNK
        return max(lo, base - _CHUNK), min(hi, base + 2 * _CHUNK), True
    return lo, hi, False


def _two_words(ctx, start, end, word, bounds):
    """Is the second copy a whole word that follows a word boundary? (「申报材料材料」 segments as
    申报材料 / 材料: the first copy may end a longer word.)"""
    lo, hi, chunk = _window(ctx.doc.text, start, end)
    if (lo, hi) not in bounds:
        bounds.clear()      # windows only move forward: keeping them all held a 1M-character run's words
        if chunk:           # a chunk no other check asks for: not kept in the document's word cache
            from ..parse.segment import segment
            words = [(w, lo + off) for w, off in segment(ctx.doc.text[lo:hi])]
        else:
            words = ctx.doc.tokens(lo, hi)
        bounds[(lo, hi)] = ({off: w for w, off in words}, {off + len(w) for w, off in words})
    starts, ends = bounds[(lo, hi)]
    mid = start + len(word)
    return starts.get(mid) == word and mid in ends
