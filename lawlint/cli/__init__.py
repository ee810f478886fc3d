"""Command line: ``lawlint check|fix|compare|rules|explain|config|init|completion|serve``.

Exit codes: 0 passed; 1 findings at or above ``--fail-on`` or a score under ``--fail-under``;
2 a usage, configuration, rule or input error. User errors are one Chinese line on stderr, never a
traceback; ``sys.exit`` happens only in :func:`main`.

The package: ``parser`` (arguments and help), ``exitcodes``, ``common`` (shared by commands), and
one module per command; a command's module is imported only when it runs.
"""
from __future__ import annotations

import os
import sys

from ..errors import LawlintError, debugging, one_line, unforeseen
from .exitcodes import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK  # noqa: F401 - part of the interface

# command → (module, function)
COMMANDS = {"check": ("check", "cmd_check"), "fix": ("fix", "cmd_fix"), "config": ("config", "cmd_config"),
            "init": ("config", "cmd_init"), "compare": ("compare", "cmd_compare"),
            "rules": ("rules", "cmd_rules"), "explain": ("rules", "cmd_explain"),
            "completion": ("completion", "cmd_completion"), "serve": ("serve", "cmd_serve")}


def command(name):
    module, func = COMMANDS[name]
    # (__import__: the importlib package would cost a start its import)
    return getattr(__import__(f"{__name__}.{module}", fromlist=[func]), func)


_gc_paused = False


def resume_gc() -> None:
    """Turn the collector back on if :func:`run` paused it; what start-up made lives as long as the
    process, so it is frozen first (never traversed again)."""
    global _gc_paused
    if _gc_paused:
        import gc
        _gc_paused = False
        gc.freeze()
        gc.enable()


def run() -> None:
    """The ``lawlint`` command (and ``python -m lawlint``): :func:`main`, then exit.

    Tearing the interpreter down (a last garbage collection, every module's objects freed one by
    one) costs a warm ``lawlint check`` ≈7% of its run and gives nothing back: with no other thread
    left, the exit handlers run (the regex cache is saved by one), output is flushed and the
    process ends at once. ``check`` starts with the cyclic garbage collector off (imports and rule
    loading allocate a million objects and leave no cycle; its passes cost a warm check ≈3%):
    :func:`lawlint.cli.check.cmd_check` turns it on once the rules are loaded (:func:`resume_gc`)."""
    global _gc_paused
    if sys.argv[1:2] == ["check"]:
        import gc
        gc.disable()
        _gc_paused = True
    code = main()
    threading = sys.modules.get("threading")        # not imported: no thread was started
    if threading is None or threading.active_count() == 1:
        import atexit
        atexit._run_exitfuncs()
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (BrokenPipeError, ValueError):   # a closed pipe or stream: nobody to tell
                pass
            except OSError as exc:                  # a full disk: the output is cut short
                if stream is sys.stdout:
                    try:
                        sys.stderr.write(f"lawlint: 无法写完输出（{exc.strerror or exc}），结果不完整\n")
                        sys.stderr.flush()
                    except (OSError, ValueError):
                        pass
                    code = 2
        os._exit(code)
    raise SystemExit(code)


def main(argv=None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if "--debug" in argv:               # anywhere on the line: `lawlint check --debug x.txt` too
        argv = [a for a in argv if a != "--debug"]
        os.environ["LAWLINT_DEBUG"] = "1"      # worker processes inherit it
    from ..rulepack import startregex
    startregex.prime()              # (before argparse, whose gettext compiles a regex on import)
    from .parser import build_parser
    try:
        parser = build_parser(next((a for a in argv if not a.startswith("-")), None))
        parser.argv = list(sys.argv[1:] if argv is None else argv)      # for hints naming the command
        args = parser.parse_args(argv)
        if args.command is None:
            build_parser().print_help()
            return EXIT_ERROR
        return command(args.command)(args)
    except LawlintError as e:
        print("lawlint: " + one_line(e), file=sys.stderr)
        return e.exit_code
    except KeyboardInterrupt:
        print("lawlint: 已中断", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as e:              # noqa: BLE001 - never a traceback unless asked for
        if debugging():
            raise
        print("lawlint: " + one_line(unforeseen(e)), file=sys.stderr)
        return EXIT_ERROR
