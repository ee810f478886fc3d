"""User-facing errors. Each carries a Chinese message and names the file (and line).

The CLI turns these into one line on stderr and exit code 2; nothing else should reach the user
as a traceback. A path in a message is shown with :func:`show_path`: a control character in a file
name (a newline, which would start a new line that CI reads as a command such as ``::error::``)
or a byte that is not UTF-8 appears escaped.
"""
import os
import re

# compiled when a path is first shown (most runs show none): sre's compile is most of the cost
_UNSAFE = "[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"


def _escape(m) -> str:
    o = ord(m.group())
    if 0xDC80 <= o <= 0xDCFF:          # a byte os.fsdecode could not decode (surrogateescape)
        return f"\\x{o - 0xDC00:02x}"
    return f"\\x{o:02x}" if o < 0x100 else f"\\u{o:04x}"


def show_path(path) -> str:
    """``path`` as a message may print it: one line, valid UTF-8, nothing a terminal or a CI
    runner would act on (control characters, undecodable bytes and bidi overrides escaped)."""
    if isinstance(path, bytes):
        path = os.fsdecode(path)
    return re.sub(_UNSAFE, _escape, str(path))


def one_line(message) -> str:
    """A whole stderr message made safe the same way (it may quote a name, a rule id, a pattern)."""
    return show_path(message)


def debugging() -> bool:
    """``--debug`` (``LAWLINT_DEBUG=1``): let an unforeseen exception show its traceback."""
    return bool(os.environ.get("LAWLINT_DEBUG"))


def unforeseen(exc: BaseException, path=None) -> str:
    """The one line shown for an exception lawlint did not foresee (a bug, or an input nobody
    imagined): what it was, and how to see more."""
    where = f"{show_path(path)}: " if path is not None else ""
    detail = show_path(str(exc))[:200]
    return (f"{where}处理时出现意外错误（{type(exc).__name__}{'：' + detail if detail else ''}），已跳过；"
            "加 --debug 可查看详细信息，欢迎报告此问题")


class LawlintError(Exception):
    """Base class: ``str(err)`` is the complete one-line message shown to the user."""

    exit_code = 2

    def __init__(self, message, path=None, line=None):
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line
        super().__init__(self.__str__())

    def __str__(self):
        where = show_path(self.path) if self.path else ""
        if where and self.line:
            where = f"{where}:{self.line}"
        return f"{where}: {self.message}" if where else self.message


class LoadError(LawlintError):
    """A report file could not be read or decoded."""


class RuleError(LawlintError):
    """A rule pack is malformed (bad YAML, unknown key, bad regex, unknown check type)."""


class ConfigError(LawlintError):
    """A configuration file or command-line option is invalid."""
