"""A time limit for one rule's run, so a pathological pattern in a user's rule pack cannot hang a
check. Rule packs are screened at load for nested quantifiers (regexsafety.py); this catches what
a static screen cannot (overlapping alternations such as ``(?:工作|工|作)+``).

POSIX, main thread only: an interval timer raises ``RuleTimeout`` in the running rule (the regex
engine checks for signals while it backtracks). Elsewhere (Windows, a non-main thread) there is no
limit. ``watch`` installs the handler and starts one timer per report; ``arm``/``disarm``
only note when the running rule began (two system calls around each of a hundred rules had cost a
report more than some rules do). When the timer fires, the handler raises in a rule that has run
for the whole limit, and otherwise sets the timer again for what is left of the running rule's
limit (or a whole limit between rules). A timer the caller had set is restored afterwards.
"""
from __future__ import annotations

import signal
import threading
import time
from contextlib import contextmanager


class RuleTimeout(Exception):
    pass


class _Watch:
    def __init__(self, seconds):
        self.seconds = seconds
        self.started = None             # monotonic time the running rule began; None between rules

    def arm(self):
        if self.seconds:
            self.started = time.monotonic()

    def disarm(self):
        self.started = None

    def fired(self, signum, frame):
        started = self.started
        if started is not None:
            ran = time.monotonic() - started
            if ran >= self.seconds:
                self.started = None
                signal.setitimer(signal.ITIMER_REAL, self.seconds)    # the next rule keeps a limit
                raise RuleTimeout()
            signal.setitimer(signal.ITIMER_REAL, self.seconds - ran)
        else:
            signal.setitimer(signal.ITIMER_REAL, self.seconds)


@contextmanager
def watch(seconds: float | None):
    """A context giving ``arm()``/``disarm()`` for a per-rule limit of ``seconds``."""
    usable = (seconds and seconds > 0 and hasattr(signal, "setitimer")
              and threading.current_thread() is threading.main_thread())
    if not usable:
        yield _Watch(None)
        return
    w = _Watch(seconds)
    previous = signal.signal(signal.SIGALRM, w.fired)
    outer, _ = signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield w
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer:                                  # give the caller's timer back
            signal.setitimer(signal.ITIMER_REAL, outer)
