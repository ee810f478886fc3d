"""Skip a rule's patterns on a report that lacks what each needs: a few ``in`` tests, no scan.

Most rules of a type such as existence find nothing in a given report, and finding that out costs
a call per pattern through its scope, its scans and their filters, ≈ 25 k instructions a rule on
even a 40-character report. :func:`lawlint.rulepack.anchors.needs` tells, per pattern, sets of
strings one of each of which its every match holds (「(?:19|20)\\d{2}年?\\s*(?:[-－–~～]|——)…」: one
of 19, 20 and one of the dashes); kept in the regex table beside the pattern's literals, they are
read once per rule pack (:func:`needs`). :func:`possible` asks, per report, which patterns the
report may hold a match of: a rule none of whose patterns can match is not run, and of a rule
that is run, the patterns the report is already known to lack a set for are not scanned.

An ``in`` test of a string the report lacks reads the whole report (≈ 1.5 instructions a character
for one character, 4–5 for more), and many rules ask about the same strings (19, 20, 十四五 …):
each string is tested once per report (``seen``, kept by the caller per report). A set is read
without the strings that hold another of its strings (a report lacking X lacks X0), shortest first.

A string of two or more characters is asked, before itself, about its *keys*: its characters that
are rare in reports (not ASCII, not among the KEY_RANK most frequent of ``rules/data/frequent.yaml``),
rarest first, at most two (:func:`keys`). A report lacking a key lacks the string, and a
one-character ``in`` test costs a quarter of a longer one's (sre's ``memchr`` scan): 请予审批, 请予审定,
请予批准 and 请予批复 are all answered by 予, 待填写 and 此处填写 by 填. A key the report holds is found
where it first stands (a frequent one at once). Keys are kept in ``seen`` like the strings.
A string whose keys the report holds is looked for from its keys' first places on (less their
places in the string; ``at``, per report): the text before them is not read again, and a longer
string's scan costs ≈ 7 instructions a character where a key's memchr costs well under one.
"""
from __future__ import annotations

from . import regexcache

_SEP = "\0"         # anchors.SEP (anchors is not imported on a warm start)


KEY_RANK = 200      # a character among this many most frequent ones is no key (see the module)
KEYS: dict = {}     # string -> its keys (rule-pack data, read with the needs), this process
stats = {"keyed": 0, "late": 0}     # strings found lacking by a key (their own test not run) /
                                    # looked for from past a key's first place, this process


def needs_of(pattern: str) -> tuple:
    """:func:`lawlint.rulepack.anchors.needs` of ``pattern``, each set read as :func:`fewest`, led
    by the keys of its strings (``string SEP keys`` pairs joined by SEP), remembered in the regex
    table (a fresh process reads them, it does not work them out)."""
    def compute():
        from .anchors import needs
        from .resources import load_data
        sets = tuple(_SEP.join(fewest(s.split(_SEP))) for s in needs(pattern))
        chars = "".join(load_data("frequent.yaml")["characters"].split())
        rank = {ch: i for i, ch in reversed(list(enumerate(chars)))}
        strings = sorted({t for s in sets for t in s.split(_SEP)})
        return (_SEP.join(f"{t}{_SEP}{k}" for t in strings for k in [keys(t, rank)] if k), *sets)
    return regexcache._fact(("literals", "\0needs3\0" + pattern), compute)


def keys(s: str, rank: dict) -> str:
    """The characters of ``s`` (two or more) a report is asked about first: not ASCII, not among
    the KEY_RANK most frequent (``rank``: place in ``frequent.yaml``; unlisted: rarest), rarest
    first, at most two; "" for none."""
    if len(s) < 2:
        return ""
    most = len(rank)
    chars = sorted({c for c in s if not c.isascii() and rank.get(c, most) >= KEY_RANK},
                   key=lambda c: (-rank.get(c, most), s.index(c)))
    return "".join(chars[:2])


def needs(patterns):
    """Per pattern (LazyPatterns or re.Patterns), the sets of strings its every match holds one
    of each (``()`` for a pattern with none: it is always scanned); None when no pattern has any.
    The strings' keys go to :data:`KEYS`."""
    out = []
    for rx in patterns:
        got = needs_of(rx.pattern)
        if not got:                     # (a pattern with no set)
            out.append(())
            continue
        if got[0]:
            pairs = got[0].split(_SEP)
            KEYS.update(zip(pairs[::2], pairs[1::2]))
        out.append(tuple(tuple(s.split(_SEP)) for s in got[1:]))
    return tuple(out) if any(out) else None


def fewest(strings) -> tuple:
    """``strings`` less those that hold another of them, shortest first: a text lacking every one
    of those left lacks every one of ``strings``."""
    keep = {s for s in strings if not any(t != s and t in s for t in strings)}
    return tuple(sorted(keep, key=lambda s: (len(s), s)))


SHORT = 2000       # a text shorter than this is tested afresh: its tests cost less than the table


def possible(needs, text: str, cache: dict):
    """The indices of the patterns that may match in ``text`` (those for which ``text`` holds a
    string of each set), or None for all of them. ``cache``: the report's, where the strings
    tested are kept (string -> whether ``text`` holds it), for a text of SHORT characters or more.
    Past the first pattern that may match (the rule is run), a string not yet tested counts as
    held: a pattern is left out only by what the report is already known to lack (testing more
    can cost more than scanning the pattern)."""
    if len(text) < SHORT:
        for sets in needs:
            for strings in sets:
                for s in strings:
                    if s in text:
                        break
                else:
                    break
            else:
                return None
        return []
    seen = cache.get("needs_seen")
    if seen is None:
        seen = cache["needs_seen"] = {}
    at = cache.get("needs_at")
    if at is None:
        at = cache["needs_at"] = {}
    out = []
    for i, sets in enumerate(needs):
        for strings in sets:
            for s in strings:
                got = seen.get(s)
                if got is None:
                    if out:
                        break       # (not known: held)
                    got = seen[s] = _holds(s, text, seen, at) if s in KEYS else s in text
                if got:
                    break
            else:
                break           # a set none of whose strings is here: this pattern cannot match
        else:
            out.append(i)       # every set has one here: the pattern may match
    return None if len(out) == len(needs) else out


def _holds(s: str, text: str, seen: dict, at: dict | None = None) -> bool:
    """``s in text``, asked first of the string's keys (each once per report, kept in ``seen``;
    where each first stands in ``at``, the report's too). ``s`` cannot start before a key's first
    place less the key's place in ``s``: it is looked for from there on (a longer string's scan
    costs ≈ 7 instructions a character, a key's ``memchr`` well under 1)."""
    keyed = KEYS.get(s)
    if not keyed:
        return s in text
    if at is None:
        at = {}
    lo = 0
    for c in keyed:
        i = at.get(c)
        if i is None:
            if seen.get(c) is False:
                i = -1
            else:
                i = at[c] = text.find(c)
                seen[c] = i >= 0
        if i < 0:
            stats["keyed"] += 1
            return False
        i -= s.index(c)
        if i > lo:
            lo = i
    if lo > FAR:
        stats["late"] += 1
        return text.find(s, lo) >= 0
    return s in text


FAR = 300           # a start nearer than this is not worth ``find``'s call over ``in``
