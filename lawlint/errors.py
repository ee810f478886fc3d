"""User-facing errors. Each carries a Chinese message and names the file (and line).

The CLI turns these into one line on stderr and exit code 2; nothing else should reach the user
as a traceback.
"""


class LawlintError(Exception):
    """Base class: ``str(err)`` is the complete one-line message shown to the user."""

    exit_code = 2

    def __init__(self, message, path=None, line=None):
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line
        super().__init__(self.__str__())

    def __str__(self):
        where = self.path or ""
        if where and self.line:
            where = f"{where}:{self.line}"
        return f"{where}: {self.message}" if where else self.message


class LoadError(LawlintError):
    """A report file could not be read or decoded."""


class RuleError(LawlintError):
    """A rule pack is malformed (bad YAML, unknown key, bad regex, unknown check type)."""


class ConfigError(LawlintError):
    """A configuration file or command-line option is invalid."""
