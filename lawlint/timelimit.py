"""A time limit for one rule's run, so a pathological pattern in a user's rule pack cannot hang a
check. Rule packs are screened at load for nested quantifiers (regexsafety.py); this catches what
a static screen cannot (overlapping alternations such as ``(?:工作|工|作)+``).

POSIX, main thread only: an interval timer raises ``RuleTimeout`` in the running rule (the regex
engine checks for signals while it backtracks). Elsewhere (Windows, a non-main thread) there is no
limit. ``watch`` installs the handler once per report; ``arm``/``disarm`` are one system call
each, cheap enough to run around every rule. A timer the caller had set is restored afterwards.
"""
from __future__ import annotations

import signal
import threading
from contextlib import contextmanager


class RuleTimeout(Exception):
    pass


def _raise(signum, frame):
    raise RuleTimeout()


class _Watch:
    def __init__(self, seconds):
        self.seconds = seconds

    def arm(self):
        if self.seconds:
            signal.setitimer(signal.ITIMER_REAL, self.seconds)

    def disarm(self):
        if self.seconds:
            signal.setitimer(signal.ITIMER_REAL, 0)


@contextmanager
def watch(seconds: float | None):
    """A context giving ``arm()``/``disarm()`` for a per-rule limit of ``seconds``."""
    usable = (seconds and seconds > 0 and hasattr(signal, "setitimer")
              and threading.current_thread() is threading.main_thread())
    if not usable:
        yield _Watch(None)
        return
    previous = signal.signal(signal.SIGALRM, _raise)
    outer, _ = signal.setitimer(signal.ITIMER_REAL, 0)
    try:
        yield _Watch(seconds)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer:                                  # give the caller's timer back
            signal.setitimer(signal.ITIMER_REAL, outer)
