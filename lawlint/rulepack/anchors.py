"""What a pattern's matches are anchored on, as data (:mod:`lawlint.rulepack.windowscan` uses it).

:func:`plan` reads the parsed pattern. For an item of its top-level sequence (groups that hold a
plain sequence written out) whose text always begins with one of a few strings (the *anchor*), it
records the strings, the most characters the items before it can take (none: no bound) and a
class holding every character they can take (none: any); and a class holding the pattern's first
character. Classes are written as regex source (``\\uXXXX`` escapes, ``\\d`` ``\\s`` ``\\w`` and their
negations), so the plan is plain strings, kept in the regex cache beside the pattern's literals.
Every class may hold more than the pattern takes, never less; a pattern or item this module
cannot read gets no plan or no option (case-insensitive and locale patterns, group references,
conditionals, ``.`` before an anchor without a bound).
"""
from __future__ import annotations

from .literals import class_chars

MAX_STRINGS = 10        # an anchor of more alternatives is not worth the finds
MAX_NEED_STRINGS = 16   # :func:`needs`: a set of more strings is not worth the finds
MAX_NEEDS = 3
NEED_LENGTH = 6         # :func:`needs`: characters a string may grow to past its item's
MAX_OPTIONS = 3         # anchors tried per text (the finds cost about a fast scan each)
_UNBOUNDED = 1 << 30
SEP = "\0"                  # between an option's fields
_CATS = {"DIGIT": "d", "NOT_DIGIT": "D", "SPACE": "s", "NOT_SPACE": "S", "WORD": "w", "NOT_WORD": "W"}
                        # sre's categories, as the escape letters that write them


def plan(pattern: str, flags: int = 0) -> tuple:
    """The stored form of a pattern's plan: ``(first, *options)`` of strings, each option
    ``width \\0 back \\0 string \\0 string …`` (width ``-`` for no bound, back the source of a
    character class or empty for any); ``()`` when the pattern has none."""
    try:
        from .sreparts import constants as c, parser as _parser
        from .sreinfo import first_chars

        parsed = _parser.parse(pattern, flags)
        if (flags | parsed.state.flags) & (c.SRE_FLAG_IGNORECASE | c.SRE_FLAG_LOCALE):
            return ()
        items = _flat(list(parsed), c)
        first = first_chars(parsed, c)
        first_src = _class_src(first, c) if first is not None else None
        options = []
        for k, (op, _av) in enumerate(items):
            if op in (c.ASSERT, c.ASSERT_NOT, c.AT) or (op is c.LITERAL and k and items[k - 1][0] is c.LITERAL):
                continue        # (a literal run is anchored at its start)
            strings = _lead(items[k:], c)
            if not strings or any(SEP in s for s in strings):
                continue
            width, classes = _taken(items[:k], c)
            back = None if classes is None or width == 0 else "|".join(classes)
            if back is None and width is None:
                continue        # anything, any number: no window
            options.append((len(strings), -min(map(len, strings)), k,
                            SEP.join(["-" if width is None else str(width), back or "", *sorted(strings)])))
    except Exception:           # noqa: BLE001 - another Python's parser, or an odd pattern
        return ()
    if not options:
        return ()
    return (first_src or "", *(o[-1] for o in sorted(options)[:MAX_OPTIONS]))


def first_class(pattern: str, flags: int = 0) -> str | None:
    """The source of a class holding the first character of every match of ``pattern`` (as a
    plan's ``first``), or None when that cannot be told (a match may be empty, a case-insensitive
    or locale pattern, a negated class or ``.`` first …)."""
    try:
        from .sreparts import constants as c, parser as _parser
        from .sreinfo import first_chars

        parsed = _parser.parse(pattern, flags)
        if (flags | parsed.state.flags) & (c.SRE_FLAG_IGNORECASE | c.SRE_FLAG_LOCALE):
            return None
        first = first_chars(parsed, c)
        return _class_src(first, c) if first is not None else None
    except Exception:           # noqa: BLE001 - another Python's parser, or an odd pattern
        return None


def needs(pattern: str, flags: int = 0) -> tuple:
    """What every match of ``pattern`` holds, as data: ``(set, …)``, each set strings joined by SEP
    one of which occurs in the match (the leads of its top-level items, :func:`_lead`), at most
    MAX_NEEDS sets of at most MAX_NEED_STRINGS strings, fewest strings first; ``()`` when nothing
    is known. A text lacking every string of one set holds no match (checks.existence skips a rule
    so)."""
    try:
        from .sreparts import constants as c, parser as _parser

        parsed = _parser.parse(pattern, flags)
        if (flags | parsed.state.flags) & (c.SRE_FLAG_IGNORECASE | c.SRE_FLAG_LOCALE):
            return ()
        items = _flat(list(parsed), c)
        found = set()
        for k, (op, _av) in enumerate(items):
            if op in (c.ASSERT, c.ASSERT_NOT, c.AT) or (op is c.LITERAL and k and items[k - 1][0] is c.LITERAL):
                continue
            strings = _lead(items[k:], c, MAX_NEED_STRINGS, NEED_LENGTH)
            if strings and all(strings) and not any(SEP in s for s in strings):
                found.add(tuple(sorted(strings)))
    except Exception:           # noqa: BLE001 - another Python's parser, or an odd pattern
        return ()
    return tuple(SEP.join(s) for s in sorted(found, key=lambda s: (len(s), -min(map(len, s)), s))[:MAX_NEEDS])


def _flat(items, c) -> list:
    """The top-level sequence with its groups that hold a sequence (no alternatives) written out:
    what a match takes is the same, and an anchor inside one (「([一二…十]{1,2}是)、」) is found."""
    out = []
    for op, av in items:
        if op is c.SUBPATTERN and not (av[1] | av[2]) and not any(o is c.BRANCH for o, _ in av[3]):
            out.extend(_flat(list(av[3]), c))
        else:
            out.append((op, av))
    return out


def _lead(items, c, most=MAX_STRINGS, grow=0):
    """Strings one of which the text the sequence ``items`` matches always begins with, or None.
    ``grow``: how many characters the strings may take past the first item's (0: that item's own,
    what :func:`plan` anchors on; :func:`needs` lets 「一(?P<b>(?:19|20)…)」 give 一19, 一20)."""
    i = 0
    while i < len(items) and items[i][0] in (c.ASSERT, c.ASSERT_NOT, c.AT):
        i += 1
    if i == len(items):
        return None
    op, av = items[i]
    rest = items[i + 1:] if grow else []
    if op is c.LITERAL:
        run = [chr(av)]
        j = i + 1
        while j < len(items) and items[j][0] is c.LITERAL:
            run.append(chr(items[j][1]))
            j += 1
        return _then({"".join(run)}, items[j:] if grow else [], c, most, grow)
    if op is c.IN:
        chars = class_chars(av, c, most)
        return _then(chars, rest, c, most, grow) if chars is not None and len(chars) <= most else None
    if op is c.SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        if (add_flags | del_flags) & (c.SRE_FLAG_IGNORECASE | c.SRE_FLAG_LOCALE):
            return None
        return _lead(list(sub) + rest, c, most, grow)
    if op is getattr(c, "ATOMIC_GROUP", None):
        return _lead(list(av) + rest, c, most, grow)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None)):
        lo, hi, sub = av
        if lo < 1:
            return None
        more = [] if not grow or hi == 1 else [(op, (lo - 1, hi if hi >= c.MAXREPEAT else hi - 1, sub))]
        return _lead(list(sub) + more + rest, c, most, grow)
    if op is c.BRANCH:
        out: set = set()
        for alt in av[1]:
            got = _lead(list(alt) + rest, c, most, grow)
            if not got:
                return None
            out |= got
        return out if len(out) <= most else None
    return None


def _then(heads, rest, c, most, grow):
    """``heads`` each followed by one of the strings ``rest`` begins with, while the strings stay
    within ``grow`` characters and ``most`` alternatives; else ``heads`` as they are."""
    room = grow - max(map(len, heads))
    if room <= 0 or not rest:
        return heads
    try:
        tail = _lead(rest, c, most, room)
    except RecursionError:
        tail = None
    if not tail or len(heads) * len(tail) > most:
        return heads
    return {h + t[:room] for h in heads for t in tail}


def _taken(items, c):
    """(the most characters ``items`` can take or None, the sources of classes that hold every
    character they can take or None for any)."""
    width, classes = 0, []
    for op, av in items:
        if op in (c.ASSERT, c.ASSERT_NOT, c.AT):
            continue
        if op is c.LITERAL:
            w, cl = 1, [_class_src([(c.LITERAL, av)], c)]
        elif op is c.NOT_LITERAL:
            w, cl = 1, ["[^" + _char(av) + "]"]
        elif op is c.IN:
            w, src = 1, _class_src(av, c)
            cl = None if src is None else [src]
        elif op is c.SUBPATTERN:
            if (av[1] | av[2]) & (c.SRE_FLAG_IGNORECASE | c.SRE_FLAG_LOCALE):
                return None, None
            w, cl = _taken(list(av[3]), c)
        elif op is getattr(c, "ATOMIC_GROUP", None):
            w, cl = _taken(list(av), c)
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None)):
            lo, hi, sub = av
            w, cl = _taken(list(sub), c)
            w = None if w is None or (hi >= _UNBOUNDED and w) else w * hi
        elif op is c.BRANCH:
            w, cl = 0, []
            for alt in av[1]:
                aw, acl = _taken(list(alt), c)
                w = None if w is None or aw is None else max(w, aw)
                cl = None if cl is None or acl is None else cl + acl
        else:                   # ANY, a group reference, a conditional …
            w, cl = None, None
        width = None if width is None or w is None or width + w >= _UNBOUNDED else width + w
        classes = None if classes is None or cl is None else classes + [x for x in cl if x not in classes]
    return width, classes


def _char(cp: int) -> str:
    return f"\\U{cp:08x}" if cp > 0xFFFF else f"\\u{cp:04x}"


def _class_src(items, c):
    """The items of a parsed class as a class's source, or None when one cannot be written."""
    out, negate = [], False
    for op, av in items:
        if op is c.NEGATE:
            negate = True
        elif op is c.LITERAL:
            out.append(_char(av))
        elif op is c.RANGE:
            out.append(_char(av[0]) + "-" + _char(av[1]))
        elif op is c.CATEGORY and _category(av) in _CATS:
            out.append("\\" + _CATS[_category(av)])
        else:
            return None
    return ("[^" if negate else "[") + "".join(out) + "]" if out else None


def _category(av) -> str:
    return getattr(av, "name", "").replace("CATEGORY_", "").replace("UNI_", "")
