"""argparse in Chinese: the usage line, section headings, ``-h`` and the error messages argparse
writes in English, each with 「是否要找」 for a mistyped command, option or choice (difflib).

argparse translates through gettext's global domain; setting that would change every other
program's messages in the process, so the few strings are replaced here instead."""
from __future__ import annotations

import argparse
import os
import re
import sys

from ..errors import LawlintError
from ..suggest import hint

TYPES = {"int": "整数", "float": "数字"}


class Formatter(argparse.HelpFormatter):
    def __init__(self, prog, indent_increment=2, max_help_position=24, width=None):
        if width is None:                   # as argparse, without importing shutil for it
            width = _columns() - 2
        super().__init__(prog, indent_increment, max_help_position, width)

    def add_usage(self, usage, actions, groups, prefix=None):
        return super().add_usage(usage, actions, groups, "用法：" if prefix is None else prefix)

    def _format_action(self, action):
        if isinstance(action, argparse._SubParsersAction):      # the commands, without a 「命令」 line
            return "".join(self._format_action(a) for a in action._get_subactions())
        return super()._format_action(action)


def _columns() -> int:
    """``shutil.get_terminal_size().columns``: $COLUMNS, else the terminal's width, else 80 (shutil
    and the compression modules it imports cost a start more than the parser it served)."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns
        except (AttributeError, ValueError, OSError):
            columns = 0
        columns = columns or 80
    return columns


class Parser(argparse.ArgumentParser):
    """Chinese headings and ``-h``; errors raise LawlintError (one line, exit 2) instead of exiting."""

    argv: list | None = None           # the command line, for hints naming the command's own options

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", Formatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "位置参数"
        self._optionals.title = "选项"
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help="显示本帮助并退出")

    def error(self, message):
        raise LawlintError(f"命令行参数错误：{self.translate(message)}（用 {self._help_prog()} -h 查看用法）")

    def _help_prog(self) -> str:
        command = self._command()
        return f"{self.prog} {command}" if command and " " not in self.prog else self.prog

    def _command(self) -> str | None:
        sub = self._subparsers_action()
        if sub is None or not self.argv:
            return None
        return next((a for a in self.argv if a in sub.choices), None)

    def _subparsers_action(self):
        return next((a for a in self._actions if isinstance(a, argparse._SubParsersAction)), None)

    def _options(self) -> list[str]:
        parser, sub, command = self, self._subparsers_action(), self._command()
        if sub is not None and command:
            parser = sub.choices[command]
        return [o for a in parser._actions for o in a.option_strings]

    def translate(self, message: str) -> str:
        m = re.fullmatch(r"the following arguments are required: (.+)", message)
        if m:
            return f"缺少必需的参数：{m[1]}"
        m = re.fullmatch(r"unrecognized arguments: (.+)", message)
        if m:
            words = m[1].split()
            known = self._options()
            tips = "".join(hint(w.split("=")[0], known) for w in words if w.startswith("-"))
            return f"无法识别的参数：{m[1]}{tips}"
        m = re.fullmatch(r"argument (.+?): invalid choice: '?(.*?)'? \(choose from (.+)\)", message, re.S)
        if m:
            choices = [c.strip(" '\"") for c in m[3].split(",")]
            what = f"未知的命令 {m[2]!r}" if m[1] == "命令" else f"参数 {m[1]} 的值 {m[2]!r} 无效"
            return what + hint(m[2], choices, f"（可选：{'、'.join(choices)}）")
        m = re.fullmatch(r"argument (.+?): expected (one|at least one|at most one) argument", message)
        if m:
            return f"参数 {m[1]} " + {"one": "需要一个值", "at least one": "至少需要一个值",
                                      "at most one": "最多只能有一个值"}[m[2]]
        m = re.fullmatch(r"argument (.+?): invalid (\w+) value: '?(.*?)'?", message)
        if m:
            return f"参数 {m[1]} 的值 {m[3]!r} 无效（应为{TYPES.get(m[2], m[2])}）"
        m = re.fullmatch(r"ambiguous option: (\S+) could match (.+)", message)
        if m:
            return f"选项 {m[1]} 有歧义，可能是：{m[2]}"
        m = re.fullmatch(r"argument (.+?): ignored explicit argument '(.*)'", message)
        if m:
            return f"选项 {m[1]} 不带值（多出了 {m[2]!r}）"
        m = re.fullmatch(r"argument (.+?): not allowed with argument (.+)", message)
        if m:
            return f"参数 {m[1]} 不能与 {m[2]} 同时使用"
        return message
