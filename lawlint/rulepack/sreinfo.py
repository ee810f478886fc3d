"""A search hint for patterns that sre would otherwise try at every position of the text.

sre's compiled code opens with an INFO block. When a pattern begins with a literal or a character
class, the block carries it, and ``search``/``finditer`` skip in C to the next position where the
first character fits before running the pattern there. A pattern that begins with a look-around
(``(?<![\\u4e00-\\u9fff])环保局``, ``(?<![\\d.])\\d+…``, most rule patterns) or with a group of
alternatives gets no hint: sre runs the whole pattern, look-behind first, at every one of the
text's positions. That had been most of the time the rules spent in regexes.

:func:`first_chars` reads the parsed pattern and returns the class of characters every match must
start with: the first character the pattern *consumes*, through look-arounds and anchors (which
consume nothing), groups, repeats (an optional item adds the next item's characters) and
alternatives. :func:`info_block` turns it into the INFO block sre's own compiler would have
written for a pattern that began with that class; when the class is one character, into a literal
prefix instead (with the literals that follow it at the top level), which sre finds by comparing
characters in a tight loop, several times faster than testing a class at every position (its
``prefix_skip`` is 0: no part of the pattern is taken as already matched). sre still runs the
full pattern, look-behind included, at each position the hint lets through, so matches are
exactly those of ``re.compile``
(``tests/test_sreinfo.py`` compares them on every rule pattern and on generated patterns).

In a class hint the Unicode categories ``\\d`` and ``\\s`` are written out as the characters they
hold (sre tests a category through the Unicode database at every position; a listed class is a
table lookup), and a class hint of sre's own that tests one of them is replaced so.

A pattern that opens with ``^`` or ``\\A`` (not multi-line) is left as sre built it: sre tries it
at the search's start position only, where a hint would have it test the first character at every
position of the text (a line's chrome patterns, 「^(?:上一篇|下一篇)…」, searched each block
whole).

Only a pattern that cannot match the empty string and has no literal prefix of its own (nor a
class hint of its own, unless that tests ``\\d`` or ``\\s``) is changed; case-insensitive and
locale patterns, back-references, conditionals, ``.`` and negated classes at the start leave it
as sre built it.
"""
from __future__ import annotations


def build(pattern, flags):
    """What ``re._compiler.compile`` passes to ``_sre.compile``, and the same with the INFO block
    replaced by a first-character hint (:func:`info_block`; None where sre's own is kept);
    None if sre's internals are not the ones this module knows. (:mod:`lawlint.rulepack.regexcache`
    stores what it returns.)"""
    try:
        from . import sreparts as sre
        p = sre.parser.parse(pattern, flags)
        code = [int(op) for op in sre.code(p, flags)]   # opcodes are int subclasses
        groupindex = p.state.groupdict
        indexgroup = [None] * p.state.groups
        for k, i in groupindex.items():
            indexgroup[i] = k
        rest = (p.state.groups - 1, dict(groupindex), tuple(indexgroup))
        own = (flags | p.state.flags, code, *rest)
        block = info_block(p, flags)
        if code[0] != sre.constants.INFO:
            return own, None
        if block is None:
            return own, None
        guarded = None if block[2] & sre.constants.SRE_INFO_PREFIX and block[5] > 1 else \
            _guarded(pattern, flags, p, sre)        # (a prefix of two characters tests the pair)
        body = code[1 + code[1]:] if guarded is None else guarded[1 + guarded[1]:]
        return own, (flags | p.state.flags, [int(x) for x in block] + body, *rest)
    except Exception:           # noqa: BLE001 - another Python's internals: no caching
        return None


def _guarded(pattern, flags, parsed, sre):
    """The code of ``pattern`` behind a look-ahead for the pair of characters its every match
    opens with (:func:`lawlint.rulepack.heads.pairs`): 「(?=[大明不…][幅显断…])(?<!有待)…(?:大幅度?|明显|
    不断|…)」. Where the pattern opens with look-behinds or an alternation, sre runs them at every
    place its first character stands (不, 大, 有: common) before failing on the second; two class
    tests fail there first. The look-ahead holds wherever the pattern matches (every match opens
    with such a pair) and captures nothing, so the matches are the same. None: no guard (the
    pattern opens otherwise, or its pair cannot be told). Only a pattern given a hint gets one."""
    c = sre.constants
    first = parsed[0] if len(parsed) else None
    if first is None or not (first[0] in (c.ASSERT, c.ASSERT_NOT) and first[1][0] < 0 or first[0] is c.BRANCH
                             or first[0] is c.SUBPATTERN and any(op is c.BRANCH for op, _ in first[1][3])):
        return None
    from .heads import pairs
    got = pairs(pattern, flags)
    if not got:
        return None
    guard = sre.parser.parse("".join("[" + "".join("\\x%02x" % ord(ch) if ord(ch) < 256 else "\\u%04x" % ord(ch)
                                                       for ch in chars) + "]" for chars in got))
    again = sre.parser.parse(pattern, flags)
    again.data.insert(0, (c.ASSERT, (1, guard)))
    return [int(op) for op in sre.code(again, flags)]


def first_chars(parsed, c) -> list | None:
    """The class items (``(LITERAL, ch)``, ``(RANGE, (lo, hi))``, ``(CATEGORY, …)``) one of which
    is the first character of every match, or None when that cannot be told."""
    got = _sequence(list(parsed), c)
    if got is None:
        return None
    items, nullable = got
    return None if nullable or not items else items


def _sequence(items, c):
    out = []
    for op, av in items:
        if op in (c.ASSERT, c.ASSERT_NOT, c.AT):      # zero width: the next item consumes first
            continue
        got = _item(op, av, c)
        if got is None:
            return None
        chars, nullable = got
        out.extend(chars)
        if not nullable:
            return out, False
    return out, True


def _item(op, av, c):
    if op is c.LITERAL:
        return [(c.LITERAL, av)], False
    if op is c.IN:
        if any(o not in (c.LITERAL, c.RANGE, c.CATEGORY) for o, _ in av):   # NEGATE, cased ranges
            return None
        return list(av), False
    if op is c.SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        if (add_flags | del_flags) & (c.SRE_FLAG_IGNORECASE | c.SRE_FLAG_LOCALE | c.SRE_FLAG_ASCII):
            return None
        return _sequence(list(sub), c)
    if op is getattr(c, "ATOMIC_GROUP", None):        # 3.11+
        return _sequence(list(av), c)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None)):
        lo, hi, sub = av
        if hi == 0:
            return [], True
        got = _sequence(list(sub), c)
        if got is None:
            return None
        return got[0], got[1] or lo == 0
    if op is c.BRANCH:
        out, nullable = [], False
        for alt in av[1]:
            got = _sequence(list(alt), c)
            if got is None:
                return None
            out.extend(got[0])
            nullable = nullable or got[1]
        return out, nullable
    return None                 # ANY, NOT_LITERAL, GROUPREF, GROUPREF_EXISTS …


def info_block(parsed, flags: int) -> list | None:
    """An INFO block with a first-character hint for ``parsed``, or None to keep sre's own."""
    from . import sreparts as sre
    from .sreparts import constants as c

    flags = parsed.state.flags | flags
    if flags & (c.SRE_FLAG_IGNORECASE | c.SRE_FLAG_LOCALE | c.SRE_FLAG_ASCII):
        return None
    first = parsed[0] if len(parsed) else None
    if first is not None and first[0] is c.AT and (first[1] is c.AT_BEGINNING_STRING or (
            first[1] is c.AT_BEGINNING and not flags & c.SRE_FLAG_MULTILINE)):
        return None     # ^ or \A first: sre tries it at the start position only; a hint would scan the text
    own: list = []
    sre.compile_info(own, parsed, flags)
    lo, hi = own[3], own[4]
    if lo == 0 or own[2] not in (0, c.SRE_INFO_CHARSET):   # can match "", or sre has a prefix
        return None
    chars = first_chars(parsed, c)
    if chars is None:
        return None
    if own[2] != 0:                   # sre's own class: replaced only where it tests \d or \s
        if not any(op is c.CATEGORY and av in _LISTED for op, av in chars):
            return None
    chars = _listed(chars, c)
    if len(chars) == 1 and chars[0][0] is c.LITERAL:    # one character: a literal prefix
        prefix = [chars[0][1]] + _literals_after(list(parsed), c)
        code = [c.INFO, 0, c.SRE_INFO_PREFIX, lo, hi, len(prefix), 0, *prefix,
                *sre.generate_overlap_table(prefix)]
        code[1] = len(code) - 1
        return code
    charset, hascased = sre.optimize_charset(chars)
    if hascased:
        return None
    code = [c.INFO, 0, c.SRE_INFO_CHARSET, lo, hi]
    sre.compile_charset(charset, flags, code)
    code[1] = len(code) - 1
    return code


def _literals_after(items, c) -> list:
    """The literal characters that follow the first one when the pattern (past look-arounds and
    anchors) opens with a run of plain literals: 「(?<![\u4e00-\u9fff])环保局」 → 保局."""
    for i, (op, _av) in enumerate(items):
        if op in (c.ASSERT, c.ASSERT_NOT, c.AT):
            continue
        if op is not c.LITERAL:
            return []
        out = []
        for op2, av2 in items[i + 1:]:
            if op2 is not c.LITERAL:
                break
            out.append(av2)
        return out
    return []


def _listed(chars, c) -> list:
    """``chars`` with the Unicode digit and space categories written as the characters they hold
    (sre tests a category per character through the Unicode database; a listed class is a table
    lookup). Digits beyond the Basic Multilingual Plane are covered by the whole range above it:
    a hint may let through more than the pattern takes, never less."""
    out = []
    for op, av in chars:
        if op is c.CATEGORY and av in _LISTED:
            out.extend((c.RANGE, r) for r in _ranges(_LISTED[av]))
        else:
            out.append((op, av))
    return out


_LISTED: dict = {}


def _ranges(test: str) -> tuple:
    """The Basic Multilingual Plane's characters that ``str.<test>`` accepts, as ranges: sre's
    Unicode digit category is ``Py_UNICODE_ISDECIMAL`` (``str.isdecimal``) and its space category
    ``Py_UNICODE_ISSPACE`` (``str.isspace``); tests/test_sreinfo_prefix.py checks them against re
    on every BMP character. Computed on a cold cache only."""
    got = _RANGES.get(test)
    if got is None:
        ranges: list = []
        if not _RANGES:
            _RANGES["bmp"] = "".join(map(chr, range(0x10000)))
        for ch in filter(getattr(str, test), _RANGES["bmp"]):
            cp = ord(ch)
            if ranges and ranges[-1][1] == cp - 1:
                ranges[-1][1] = cp
            else:
                ranges.append([cp, cp])
        if test == "isdecimal":
            ranges.append([0x10000, 0x10FFFF])   # (the BMP holds every space character)
        got = _RANGES[test] = tuple(map(tuple, ranges))
    return got


_RANGES: dict = {}


def _init_listed():
    from .sreparts import constants as c
    for name, test in (("DIGIT", "isdecimal"), ("SPACE", "isspace")):
        _LISTED[getattr(c, f"CATEGORY_{name}")] = test        # \d, \s as parsed (str: Unicode)
        _LISTED[getattr(c, f"CATEGORY_UNI_{name}")] = test


_init_listed()
