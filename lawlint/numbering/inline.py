"""Numbered items inside the running text of paragraphs (「。1.……；2.……」「：第一，……」), found
once per report for the numbering aspects that read them (punct and mixed, with ``inline``).

An inline pattern (``inline`` in ``rules/data/numbering.yaml``) written ``(?:^|(?<=[…]))body`` (an
item opens the running text or follows one of 。；：！？…) can start a match only at a paragraph's
start or just past one of those marks. It is tried there alone: at each paragraph's start, and just
past each mark that a search of the whole text finds with an item's body after it, one search a
mark the text holds (led by that one character, which sre skips through a few instructions a
character; a search led by the class tests it at ≈ 100 a character). A pattern of another shape
is scanned through each paragraph whole.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from ..rulepack import regexcache
from ..rulepack.regexcache import required_literals
from .base import data

_OPEN, _CLOSE = "(?:^|(?<=[", "]))"


def items(doc):
    """(family, match, offset of the paragraph text the match is in) of each numbered item."""
    return doc.derived("inline_items", lambda: list(_find(doc)))


def _find(doc):
    text = doc.text
    plan = scanners()
    marks = {lead: _marks(text, finders) for lead, finders in plan["finders"].items()}
    starts = plan["starts"]
    scans = []
    for family, rx, lead in plan["families"]:
        # A pattern scanned whole is scanned only through the paragraphs holding one of the
        # strings each of its matches contains (「第」 for 第一、…).
        needed = None if lead is not None else required_literals(rx.pattern) or None
        scans.append((family, rx, lead, None if needed == ("",) else needed))
    if len(marks) == 1 and all(lead is not None for _, _, lead, _ in scans):
        yield from _find_led(doc, text, *marks.items(), starts, [(f, rx) for f, rx, _, _ in scans])
        return
    for start, end in _paragraphs(doc):
        chunk = text[start:end]
        places = {}             # leading characters -> its marks in the paragraph, or None
        for family, rx, lead, needed in scans:
            if lead is None:
                if needed is None or any(s in chunk for s in needed):
                    for m in rx.finditer(chunk):
                        yield family, m, start
                continue
            got = places.get(lead, 0)
            if got == 0:        # no mark in the paragraph and no item at its start: nothing here
                after = marks[lead]
                i = bisect_left(after, start + 1)
                j = bisect_left(after, end + 1, i)
                got = places[lead] = after[i:j] if i < j or starts[lead].match(chunk) else None
            if got is not None:
                for m in _anchored(rx, chunk, start, got):
                    yield family, m, start


def _find_led(doc, text, led, starts, families):
    """``_find`` when every pattern is led by the same characters (the built-in ones): the marks
    of each paragraph found by walking the marks alongside the paragraphs (both in order)."""
    lead, after = led
    starter = starts[lead].match
    n, k = len(after), 0
    for start, end in _paragraphs(doc):
        while k < n and after[k] <= start:
            k += 1
        j = k
        while j < n and after[j] <= end:
            j += 1
        chunk = text[start:end]
        if j == k and starter(chunk) is None:
            continue        # no mark in the paragraph and no item at its start: nothing here
        for family, rx in families:
            for m in _anchored(rx, chunk, start, after[k:j]):
                yield family, m, start


def _paragraphs(doc):
    """(start, end) of the running text of each paragraph: every body block but a stand-alone
    heading, a run-in heading's from past its title (``Block.body_start``)."""
    for b in doc.body_blocks:
        h = b.heading
        if h is None or h.run_in:
            yield b.body_start, b.end


@lru_cache(maxsize=1)
def scanners() -> dict:
    """``families``: (family, pattern, its leading characters or None) in the data's order;
    ``finders``: leading characters -> [(one of them, a search for it followed by the body of any
    pattern led by them)]; ``starts``: leading characters -> a match of any of those bodies (at a
    paragraph's start)."""
    families, bodies = [], {}
    for family, rx in data()["inline"].items():
        lead = _split(rx.pattern)
        if lead is not None:
            bodies.setdefault(lead[0], []).append((lead[1], rx.flags))
        families.append((family, rx, None if lead is None else lead[0]))
    finders, starts = {}, {}
    for chars, found in bodies.items():
        flags = {f for _, f in found}
        if len(flags) > 1 or any(_refers(b) for b, _ in found):
            families = [(f, rx, None if lead == chars else lead) for f, rx, lead in families]
            continue                 # (bodies that cannot be joined into one: scanned whole)
        body = "|".join(f"(?:{_unnamed(b)})" for b, _ in found)
        flag = flags.pop()
        # A mark with none of the characters a body opens with after it (most 。 of a report) is
        # passed over by one class test, not a try of every body (≈ 700 instructions a mark).
        first = regexcache.first_class(body) if not flag & ~re.UNICODE else None
        ahead = f"(?={first})" if first else ""
        # (each search compiled when a text first holds its mark: a fresh process compiles few)
        finders[chars] = [(c, f"{re.escape(c)}{ahead}(?={body})", flag) for c in chars]
        starts[chars] = regexcache.compile(body, flag)
    return {"families": families, "finders": finders, "starts": starts}


def _split(pattern: str):
    """(the characters of ``[…]``, the body) of a pattern written ``(?:^|(?<=[…]))body``, or None
    (another shape, or a class that is not a plain list of characters)."""
    if not pattern.startswith(_OPEN):
        return None
    end = pattern.find(_CLOSE, len(_OPEN))
    chars = pattern[len(_OPEN):end]
    if end < 0 or not chars or any(c in chars for c in "[]\\-^"):
        return None
    return "".join(dict.fromkeys(chars)), pattern[end + len(_CLOSE):]


def _refers(body: str) -> bool:
    """Does a pattern body refer back to a group (``(?P=name)``, ``\\1``)? (Such bodies are not
    joined: their groups lose their names and numbers.)"""
    if "(?P=" in body:
        return True
    i = body.find("\\")
    while i != -1:
        if body[i + 1:i + 2].isdigit():
            return True
        i = body.find("\\", i + 2)
    return False


def _unnamed(body: str) -> str:
    """The body with each named group ``(?P<name>`` made a plain ``(?:`` (bodies joined in one
    pattern may name the same groups)."""
    out, at = [], 0
    i = body.find("(?P<")
    while i != -1:
        j = body.find(">", i)
        if j == -1:
            break
        out += (body[at:i], "(?:")
        at = j + 1
        i = body.find("(?P<", at)
    out.append(body[at:])
    return "".join(out)


def _marks(text: str, finders) -> list:
    """Offsets just past each mark in ``text`` that has an item's body after it, in order."""
    out = []
    for c, pattern, flags in finders:
        i = text.find(c)
        if i != -1:             # (scanned from its first: each match's end read in C)
            out += map(_END, regexcache.compile(pattern, flags).finditer(text, i))
    out.sort()
    return out


_END = re.Match.end


def _anchored(rx, chunk, base, after):
    """``rx.finditer(chunk)`` for a pattern that can match only at 0 or just past one of its
    leading characters (``after``: the places past those with a body after them, offsets in the
    text ``chunk`` starts at ``base``): tried there alone, each place from where the previous
    match ended (as finditer goes on)."""
    found = []
    end = 0
    m = rx.match(chunk)
    if m is not None:
        found.append(m)
        end = m.end()
    match = rx.match
    for at in after:
        at -= base
        if at >= end:
            m = match(chunk, at)
            if m is not None:
                found.append(m)
                end = m.end()
    if any(m.end() == m.start() for m in found):
        return list(rx.finditer(chunk))      # an empty match: finditer's own rules for those
    return found
