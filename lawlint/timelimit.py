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

from time import monotonic     # (engine's rule loop sets ``started`` with it itself)

try:        # the signal module's C core: the module itself builds enums on import (≈3.4 M
    import _signal as signal    # instructions a start, and contextlib ≈2.9 M more), for three calls
except ImportError:
    import signal


class RuleTimeout(BaseException):
    """A BaseException: code that catches Exception (a fallback around a regex compile, say) must
    not swallow it, or the rule it interrupted would run on without a limit."""


class _Watch:
    def __init__(self, seconds):
        self.seconds = seconds
        self.started = None             # monotonic time the running rule began; None between rules
        self.done = False               # the watch is over: a late signal sets no timer again

    def arm(self):
        if self.seconds:
            self.started = monotonic()

    def disarm(self):
        self.started = None

    def fired(self, signum, frame):
        if self.done:   # (a signal that came as the watch ended is handled after its timer was
            return      # stopped: set again, it would kill the process with the default action)
        started = self.started
        if started is not None:
            ran = monotonic() - started
            if ran >= self.seconds:
                # Raised again shortly while the rule is still running (disarm() clears
                # ``started``): one exception swallowed on its way up must not end the limit.
                signal.setitimer(signal.ITIMER_REAL, 0.05)
                raise RuleTimeout()
            signal.setitimer(signal.ITIMER_REAL, self.seconds - ran)
        else:
            signal.setitimer(signal.ITIMER_REAL, self.seconds)


class watch:
    """A context giving ``arm()``/``disarm()`` for a per-rule limit of ``seconds``."""

    def __init__(self, seconds: float | None):
        self.seconds = seconds
        self.installed = False

    def __enter__(self) -> _Watch:
        seconds = self.seconds
        w = _Watch(seconds)
        if seconds and seconds > 0 and hasattr(signal, "setitimer"):
            try:
                self.previous = signal.signal(signal.SIGALRM, w.fired)
                self.installed = True
            except ValueError:  # not the main thread (signal says so; threading is not imported for it)
                pass
        if not self.installed:
            return _Watch(None)
        self.outer, _ = signal.setitimer(signal.ITIMER_REAL, seconds)
        self.watch = w
        return w

    def __exit__(self, *exc) -> None:
        if self.installed:
            self.installed = False
            self.watch.done = True
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self.previous)
            if self.outer:                             # give the caller's timer back
                signal.setitimer(signal.ITIMER_REAL, self.outer)
