"""A time limit for one rule's run, so a pathological pattern in a user's rule pack cannot hang a
check. Rule packs are screened at load for nested quantifiers (regexsafety.py); this catches what
a static screen cannot (overlapping alternations such as ``(a|aa)+$``).

POSIX, main thread only: an interval timer raises ``RuleTimeout`` in the running rule (the regex
engine checks for signals while it backtracks). Elsewhere (Windows, a non-main thread) there is no
limit. A timer already set by the caller is restored afterwards.
"""
from __future__ import annotations

import signal
import threading
from contextlib import contextmanager


class RuleTimeout(Exception):
    pass


def _available() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


def _raise(signum, frame):
    raise RuleTimeout()


@contextmanager
def limit(seconds: float | None):
    if not seconds or seconds <= 0 or not _available():
        yield
        return
    previous = signal.signal(signal.SIGALRM, _raise)
    outer, _ = signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer:                                  # give the caller's timer its time back
            signal.setitimer(signal.ITIMER_REAL, max(outer - seconds, 0.001))
