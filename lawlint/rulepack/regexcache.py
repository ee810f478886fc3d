"""Rule regexes: compiled on first use, skipped where they cannot match, kept across processes.

Compiling costs a fresh ``lawlint check`` more than checking the report does: the rules' few
hundred patterns take sre ≈ 30–60 ms, most of it building bitmaps for the large CJK character
classes (``[\\u4e00-\\u9fff]`` is a Python loop over 21,000 code points, in every pattern that has
one). What sre builds is a list of integers; this module keeps those lists in the on-disk cache
(:mod:`lawlint.rulepack.cache`, as data: :mod:`lawlint.rulepack.regexstore`; keyed by the exact Python version, sre's
format number and this module's code) and hands them back to sre, which validates them again.

A pattern is stored only when what this module built equals what ``re.compile`` builds
(``re.Pattern`` equality compares the compiled code), and anything unexpected falls back to
``re.compile``: the cache can make a start faster, never a pattern different.

Rule patterns are :class:`LazyPattern` s (:func:`compile_all`): compiled when a rule first uses
one (a rule's ``unless``, ``only_if`` … context patterns are needed only when it has a match), and
searching is skipped outright when the text lacks every literal the pattern cannot match without
(:mod:`lawlint.rulepack.literals`; most term patterns match nothing in a given report).
"""
from __future__ import annotations

import re
import sys

import _sre                         # (re imported it: sre's compiler, which the table feeds)

from . import regexstore, splitscan, windowscan
from .literals import absent   # (imports nothing beyond functools)

_table: dict | None = None          # (pattern, flags) -> arguments of _sre.compile, and
                                    # ("literals", pattern) -> literals.required(pattern) or ()
_live: dict = {}                    # (pattern, flags) -> re.Pattern, this process
_added = False
_MAX = 2000                         # entries (≈0.5 kB each); a table grown past this starts over
stats = {"stored": 0, "built": 0}   # patterns compiled from the cache / afresh, this process


def _cache_key() -> str:
    return f"regex\0{sys.version}\0{_sre.MAGIC}\0{_sre.CODESIZE}\0{sys.byteorder}\0hint1"


def _load() -> dict:
    global _table
    if _table is None:
        from . import cache
        _table = regexstore.decode(cache.read("regex", _cache_key(), view=True))
        if not _table:          # an empty cache: the table shipped for this Python, if any,
            from . import prebuilt          # kept in the cache as it is read (no inflating next time)
            data = prebuilt.regex_table(cache.digest("regex", _cache_key()))
            _table = regexstore.decode(data)
            if _table:
                cache.write("regex", _cache_key(), data)
    return _table


def compile(pattern: str, flags: int = 0) -> re.Pattern:
    """``re.compile(pattern, flags)``, from the cross-process cache when it has the pattern."""
    flags = int(flags)
    rx = _live.get((pattern, flags))
    if rx is None:
        rx = _live[(pattern, flags)] = _compile(pattern, flags)
    return rx


def _compile(pattern, flags):
    table = _load()
    args = table.get((pattern, flags))
    if args is not None:
        try:
            cflags, code, *rest = args
            rx = _sre.compile(pattern, cflags, code if type(code) is list else code.tolist(), *rest)
            stats["stored"] += 1
            return rx
        except Exception:       # noqa: BLE001 - a stale or foreign entry: compile afresh
            table.pop((pattern, flags), None)
    stats["built"] += 1
    rx = re.compile(pattern, flags)
    built = _build(pattern, flags)
    if built is not None:
        args, hinted = built
        try:
            same = _sre.compile(pattern, *args) == rx
            if same and hinted is not None:
                rx, args = _sre.compile(pattern, *hinted), hinted
        except Exception:       # noqa: BLE001
            same = False
        if same:
            _remember((pattern, flags), args)
    return rx


def _fact(key, compute):
    """``compute()`` (data: a tuple, empty for "none"), remembered across processes in the table
    beside the compiled code: reading a pattern's parse tree costs about as much as compiling it."""
    table = _load()
    if key in table:
        return table[key]
    got = compute()
    _remember(key, got)
    return got


def required_literals(pattern: str, most: int | None = None):
    """:func:`lawlint.rulepack.literals.required` (None: no string is required); ``most``: its
    bound on the strings, when not the default."""
    def compute():
        from .literals import required
        return (required(pattern) if most is None else required(pattern, 0, most)) or ()
    return _fact(("literals", pattern if most is None else f"\0most{most}\0{pattern}"), compute) or None


def first_class(pattern: str) -> str | None:
    """:func:`lawlint.rulepack.anchors.first_class`: the class of a match's first character."""
    def compute():
        from .anchors import first_class as of
        got = of(pattern)
        return (got,) if got else ()
    got = _fact(("literals", "\0first\0" + pattern), compute)
    return got[0] if got else None


def pairs_of(pattern: str) -> tuple:
    """:func:`lawlint.rulepack.heads.pairs`: the characters a match's first two may be, or ()."""
    def compute():
        from .heads import pairs
        return pairs(pattern)
    return _fact(("literals", "\0heads\0" + pattern), compute)


def stored_code(pattern: str):
    """The sre code of ``pattern`` (flags 0) in the regex table, or None."""
    return (_load().get((pattern, 0)) or (None, None))[1]


def split_scans(pattern: str):
    """:func:`lawlint.rulepack.splitscan.scans` of the pattern's stored code."""
    return splitscan.scans(pattern, _load())


def window_plan(pattern: str, rx):
    """:class:`lawlint.rulepack.windowscan.Plan` of ``pattern`` (compiled: ``rx``), or None."""
    return windowscan.cached(pattern, rx, _load(), _remember, compile)


def _build(pattern, flags):
    """:func:`lawlint.rulepack.sreinfo.build` (imported when a pattern is compiled afresh)."""
    from .sreinfo import build
    return build(pattern, flags)


def _remember(key, args):
    global _added
    _table[key] = args
    if not _added:
        _added = True
        import atexit
        atexit.register(save)


def save() -> None:
    """Write the table (merged with what another process wrote meanwhile) if it grew."""
    global _added
    if not _added or _table is None:
        return
    from . import cache
    stored = regexstore.decode(cache.read("regex", _cache_key()))
    merged = stored if len(stored) < _MAX else {}
    merged.update(_table)
    try:
        data = regexstore.encode(merged)
    except Exception:           # noqa: BLE001 - a value the format cannot hold: not stored
        return
    cache.write("regex", _cache_key(), data)
    _added = False


def compile_all(patterns, year=None) -> list:
    """A rule's patterns with ``{year}`` … filled, as LazyPatterns."""
    from .template import expand_year
    return [LazyPattern(expand_year(p, year)) for p in patterns or []]


class LazyPattern:
    """A regex compiled on its first use; reads like the ``re.Pattern`` it stands for."""
    _METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split")

    def __init__(self, pattern: str):
        self.pattern = pattern

    def compiled(self) -> re.Pattern:
        if (rx := self.__dict__.get("_rx")) is None:
            rx = self._rx = compile(self.pattern)
            for name in self._METHODS:          # later calls go straight to the pattern's methods
                setattr(self, name, getattr(rx, name))
            args = _load().get((self.pattern, 0))
            pattern = self.pattern
            if args is not None and splitscan.may_split(args[1]):   # a few first characters: a scan each
                self.finditer = splitscan.finditer_later(rx, lambda: split_scans(pattern))
            if not windowscan.known_without(pattern):
                self.finditer = windowscan.finditer_later(self.finditer, lambda: window_plan(pattern, rx))
            needed = required_literals(self.pattern)
            if needed is not None:
                self._lacks = lacks = _Lacks(needed)
                for name in ("search", "match", "fullmatch", "finditer", "findall"):
                    setattr(self, name, _prefiltered(getattr(self, name), lacks, name))
        return rx

    def may_occur_in(self, text: str) -> bool:
        """False when ``text`` lacks every literal the pattern cannot match without; else True.
        Not compiled yet, its literals answer without compiling it (a fresh process compiles
        only the patterns its report may hold)."""
        own = self.__dict__
        lacks = own.get("_lacks")
        if lacks is None:               # not compiled, or no literal required: the table's answer
            needed = own.get("_needed")     # kept (``()``: none), asked once per pattern
            if needed is None:
                needed = own["_needed"] = required_literals(self.pattern) or ()
            if needed and absent(needed, text, 0, len(text)):
                return False
            self.compiled()
            lacks = own.get("_lacks")
        return lacks is None or not lacks.whole(text)

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        rx = self.compiled()        # (which set the methods: the first call takes them too)
        got = self.__dict__.get(name)
        return getattr(rx, name) if got is None else got

    def __repr__(self):
        return f"LazyPattern({self.pattern!r})"


class _Lacks:
    """Does a text (or a stretch of it) lack every one of a pattern's required literals? The answer
    for the whole text is remembered for the text last asked about: rules scan one report piece by
    piece with the same pattern, and one look at the whole report answers for every piece of a
    report that lacks them (most, for a term)."""

    __slots__ = ("needed", "last")

    def __init__(self, needed):
        self.needed = needed
        self.last = (None, False)       # (text, answer): one object, so threads never mix two

    def whole(self, text: str) -> bool:
        last = self.last
        if text is last[0]:
            return last[1]
        answer = absent(self.needed, text, 0, len(text))
        self.last = (text, answer)
        return answer


_WHOLE_MIN = 2000   # texts longer than this get the whole-text answer remembered (a sentence is shorter)


def _prefiltered(method, lacks, name):
    """``method`` of the compiled pattern, skipped where the text lacks the literals (one closure,
    no further calls: rules ask it for every sentence of a report)."""
    empty = (lambda: None) if name in ("search", "match", "fullmatch") else \
        (lambda: iter(())) if name == "finditer" else list
    needed = lacks.needed
    whole = lacks.whole

    def call(string, pos=0, endpos=sys.maxsize):
        last = lacks.last
        if string is last[0]:
            if last[1]:
                return empty()
        elif len(string) > _WHOLE_MIN and whole(string):     # a report, not one sentence's copy
            return empty()
        if pos <= 0 and endpos >= len(string):     # the whole string (a sentence): ``in`` is
            for s in needed:                        # one C call, ``find`` parses its arguments
                if s in string:
                    return method(string, pos, endpos)
            return empty()
        if pos < 0:               # as re reads them (str.find counts negatives from the end)
            pos = 0
        if endpos < 0:
            endpos = 0
        for s in needed:
            if string.find(s, pos, endpos) != -1:
                return method(string, pos, endpos)
        return empty()

    return call


def force(value):
    """Compile every LazyPattern in ``value`` (nested lists, tuples, dicts) now: a rule pack
    read for the first time is validated at load, so a bad regex fails there, not mid-run."""
    if isinstance(value, LazyPattern):
        value.compiled()
    elif isinstance(value, dict):
        for v in value.values():
            force(v)
    elif isinstance(value, (list, tuple, set)):
        for v in value:
            force(v)
