"""The per-rule time limit for callers off the main thread (a web service, an editor plug-in).

Python's ``re`` cannot be interrupted from another thread: the limit (:mod:`lawlint.timelimit`)
is a POSIX interval timer whose signal only the main thread receives, and sre checks for signals
only there. So when ``lint_text``/``lint_path`` is called off the main thread with a user's rule
pack (built-in patterns are screened and benchmarked; a user's pattern is what may backtrack
catastrophically), the report is linted in a child process, in that process's main thread, where
the limit holds exactly as in the command line. One child (started with ``spawn``, so no lock held
by another thread is copied) serves every such call; calls are serialised through it. Where no
child can be started (no ``setitimer``, or a host that cannot spawn Python) the lint runs in the
calling thread without a limit, with one warning.
"""
from __future__ import annotations

import _thread

_lock = _thread.allocate_lock()         # threading.Lock (threading is imported only when needed)
_pool = None
_warned = False


def needed(config) -> bool:
    if not (config.rule_packs and config.rule_time_limit):
        return False
    import signal
    import threading
    return threading.current_thread() is not threading.main_thread() and hasattr(signal, "setitimer")


def lint_in_child(lint, source, config, year, strict):
    """``lint(source, config, year, strict)`` (a module-level function, so the child can import
    it) run in the child process; None if there is no child to run it."""
    global _pool, _warned
    with _lock:
        try:
            if _pool is None:
                import multiprocessing
                from concurrent.futures import ProcessPoolExecutor
                _pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
                import atexit
                atexit.register(_pool.shutdown)
            future = _pool.submit(lint, source, config, year, strict)
        except Exception:       # noqa: BLE001 - no child: the caller lints in its own thread
            future = None
    if future is None:
        if not _warned:
            _warned = True
            import warnings
            warnings.warn("lawlint: 无法启动子进程，本次在当前线程中检查，rule_time_limit 不生效", stacklevel=3)
        return None
    return future.result()
