"""The argument parser: every command, option and Chinese help text."""
from __future__ import annotations

import argparse

from .._version import __version__
from ..vocabulary import FAIL_ON
from .zhargs import Parser as _Parser


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """Every command's parser, or with ``command`` the options of that command only (the others'
    names and one-line help still listed): a run builds only what it parses, which is most of what
    building the parser cost a start (≈25 M instructions).

    While it is built, argparse's ``_`` returns its text as is: what argparse translates then
    (each parser's group titles) the Parser replaces with Chinese at once, and the first gettext
    look-up (locale's import and a search of the locale folders) costs a start ≈6.5 M. Messages
    argparse writes when parsing go through gettext as before."""
    saved = argparse._
    argparse._ = _as_is
    try:
        return _build(command)
    finally:
        argparse._ = saved


def _as_is(text: str) -> str:
    return text


def _build(command):
    p = _Parser(prog="lawlint", description="法治政府建设年度报告合规检查：结构完整性、法定内容、语言文字和格式规范，并评分。")
    p.add_argument("--version", action="version", version=f"lawlint {__version__}", help="显示版本号并退出")
    p.add_argument("--debug", action="store_true",
                   help="出现意外错误时显示完整的 Python 调用栈（可写在命令行任何位置）")
    sub = _Commands(p.add_subparsers(dest="command", metavar="命令", title="命令", parser_class=_Parser), command)

    c = sub.add_parser("check", help="检查报告文件或目录", description="检查报告文件或目录（目录中的 .txt .md .docx .html 等文件），输出得分和问题。")
    c.add_argument("paths", nargs="+", metavar="路径", help="报告文件或目录；- 表示从标准输入读取")
    c.add_argument("--format", "-f", default=None, metavar="格式",
                   help="输出格式：text（默认；在 GitHub Actions 中默认 github；每处问题下显示所在的原文并标出位置）、"
                        "concise（每处问题一行：路径:行:列: 级别 规则 消息，供编辑器、grep 和钩子使用）、json、sarif、github、junit、gitlab、"
                        "html（可在浏览器中阅读的报告；检查多份报告时生成一个目录，含总览页）、csv（每份报告一行，可用 Excel 打开）、"
                        "docx（报告原文加 Word 批注：每个问题批注在所在文字上，得分和缺少的法定内容批注在标题上；"
                        "须用 --output 指定输出文件，检查多份报告时为输出目录；原文件不改动）")
    c.add_argument("--output", "-o", metavar="文件",
                   help="把指定格式的结果写入文件（终端仍显示文本结果）；html 格式检查多份报告时为输出目录（默认 lawlint-report）；"
                        "docx 格式必须指定，检查多份报告时为输出目录")
    c.add_argument("--fail-on", choices=list(FAIL_ON), default=None,
                   help="存在该级别及以上问题时退出码为 1（默认 error）")
    c.add_argument("--fail-under", type=float, default=None, metavar="分数", help="任一报告得分低于该分数时退出码为 1")
    c.add_argument("--exit-zero", action="store_true", help="只提示，不以问题决定退出码")
    c.add_argument("--select", action="append", default=[], metavar="规则", help="只运行这些规则（可重复；前缀如 section 选中一组）")
    c.add_argument("--ignore", action="append", default=[], metavar="规则", help="不运行这些规则（可重复）")
    c.add_argument("--year", type=int, default=None, metavar="年度", help="报告年度（覆盖自动识别）")
    c.add_argument("--deadline", default=None, metavar="月-日",
                   help="公开期限：报告年度次年的这一天（默认 04-01，即4月1日前公开）")
    c.add_argument("--rules", action="append", default=[], metavar="规则包", help="额外的规则包（YAML 文件或目录，可重复）")
    c.add_argument("--previous", default=None, metavar="去年的报告",
                   help="上一年度的报告（文件，或目录：按报告主体与本次检查的报告配对，同 lawlint compare）；"
                        "大段照抄上一年度报告的，报告一处问题并扣分")
    c.add_argument("--encoding", default=None, metavar="编码", help="指定文件编码（默认自动识别）")
    c.add_argument("--config", default=None, metavar="文件", help="使用指定的配置文件（默认从报告所在目录向上查找 .lawlint.yaml 或 pyproject.toml）")
    c.add_argument("--baseline", default=None, metavar="文件", help="基线文件：其中记录的问题照常显示，但不影响退出码")
    c.add_argument("--write-baseline", default=None, metavar="文件", help="把当前全部问题写入基线文件")
    c.add_argument("--diff-base", default=None, metavar="版本", help="只检查自该 git 版本以来改动过的文件（用于合并请求）")
    c.add_argument("--jobs", "-j", type=int, default=None, metavar="N",
                   help="并行进程数（默认为 CPU 数；--jobs 1 不开子进程）")
    c.add_argument("--no-color", action="store_true", help="不使用颜色")
    c.add_argument("--quiet", "-q", action="store_true",
                   help="终端不显示逐份结果，只显示汇总（批量生成 html、csv 等文件时适用）；也不显示进度条"
                        "（进度条只在终端上、检查多份报告时显示）")

    x = sub.add_parser("fix", help="自动修正可安全修正的问题（半角标点、年份连接号、标题括号等）",
                       description="自动修正可安全修正的问题：中文语境中的半角标点、年份范围的连接号、标题序号的括号、"
                                   "“截止目前”、明确的术语替换等。不改动结构；保留原编码和换行符；原子写入。"
                                   ".docx 的每处修正写成 Word 修订（作者 lawlint），不改动已有修订、域和 Word 自动编号中的文字；"
                                   "文档正在 Word/WPS 中打开时不写入。")
    x.add_argument("paths", nargs="+", metavar="路径",
                   help="报告文件或目录（修改 .txt、.md；.docx 的修正写成 Word 修订，可在 Word/WPS 中逐条接受或拒绝）")
    x.add_argument("--output", "-o", metavar="文件", help="把修正结果写入这个新文件，原文件不改动（只能修正一个文件）")
    x.add_argument("--diff", action="store_true", help="只显示将要做的修改（统一 diff 格式），不写入文件")
    x.add_argument("--check", action="store_true", help="不写入；有可修正的问题时退出码为 1")
    x.add_argument("--select", action="append", default=[], metavar="规则", help="只应用这些规则的修正")
    x.add_argument("--ignore", action="append", default=[], metavar="规则", help="不应用这些规则的修正")
    x.add_argument("--year", type=int, default=None, metavar="年度", help="报告年度（覆盖自动识别）")
    x.add_argument("--rules", action="append", default=[], metavar="规则包", help="额外的规则包")
    x.add_argument("--encoding", default=None, metavar="编码", help="指定文件编码（默认自动识别）")
    x.add_argument("--config", default=None, metavar="文件", help="使用指定的配置文件")

    g = sub.add_parser("config", help="显示合并后的配置及每项的来源", description="显示合并后的配置及每项的来源。")
    g.add_argument("--show", action="store_true", help="显示配置（默认动作）")
    g.add_argument("path", nargs="?", default=".", metavar="路径", help="按此文件或目录查找配置（默认当前目录）")
    g.add_argument("--config", default=None, metavar="文件", help="使用指定的配置文件")

    n = sub.add_parser("init", help="生成带注释的 .lawlint.yaml，并显示 pre-commit 配置片段",
                       description="在当前目录生成带注释的 .lawlint.yaml（已存在时不覆盖），并显示 pre-commit 配置片段。")
    n.add_argument("--dir", default=".", metavar="目录", help="写到哪个目录（默认当前目录）")

    m = sub.add_parser("compare", help="与去年的报告对比：重复的文字、去年工作安排的落实、重复出现的问题",
                       description="对比同一单位前后两年的报告：今年的报告有多少文字与去年相同（并列出最长的重复段落），"
                                   "去年报告中的下一年度工作安排今年是否报告了落实情况，去年的问题是否原样再次出现。")
    m.add_argument("last", metavar="去年", help="去年的报告文件，或存放去年各单位报告的目录")
    m.add_argument("this", metavar="今年", help="今年的报告文件，或存放今年各单位报告的目录（按报告主体与去年的配对）")
    m.add_argument("--format", "-f", choices=["text", "json", "html"], default="text",
                   help="输出格式：text（默认）、json（格式见 docs/compare.md）、html（可离线打开和打印的单个网页）")
    m.add_argument("--output", "-o", metavar="文件", help="把指定格式的结果写入文件（终端仍显示文本结果）")
    m.add_argument("--encoding", default=None, metavar="编码", help="指定文件编码（默认自动识别）")
    m.add_argument("--config", default=None, metavar="文件", help="使用指定的配置文件")

    r = sub.add_parser("rules", help="列出全部规则；--test 运行规则包中的示例",
                       description="列出全部规则。--test 规则包：运行该规则包每条规则的示例（反例必须报告、正例不得报告），"
                                   "有示例未通过时退出码为 1，规则包有错误时为 2。")
    r.add_argument("--format", "-f", choices=["text", "json", "markdown", "checks", "schema"], default="text",
                   help="text（默认）、json、markdown（规则参考文档）、checks（检查类型的参数和占位符文档）"
                        "或 schema（规则文件的 JSON Schema）")
    r.add_argument("--rules", action="append", default=[], metavar="规则包", help="额外的规则包")
    r.add_argument("--test", action="append", default=[], metavar="规则包",
                   help="运行该规则包（YAML 文件或目录，可重复）中每条规则的示例，报告未通过的示例")

    s = sub.add_parser("completion", help="输出 bash 或 zsh 的命令补全脚本",
                       description="输出命令补全脚本（命令、选项、规则编号、文件名）。bash：在 ~/.bashrc 中加入 "
                                   "eval \"$(lawlint completion bash)\"；zsh：在 ~/.zshrc 中加入 eval \"$(lawlint completion zsh)\"。")
    s.add_argument("shell", choices=["bash", "zsh"], metavar="shell", help="bash 或 zsh")

    e = sub.add_parser("explain", help="解释一条规则：检查什么、为什么、依据和示例", description="解释一条规则。")
    e.add_argument("rule", metavar="规则编号")
    e.add_argument("--rules", action="append", default=[], metavar="规则包", help="额外的规则包")
    _serve_parser(sub)
    return p


class _Commands:
    """The subparsers action, adding each command with its name, help and description; a command
    other than ``command`` (when one is given) is listed but its parser not built (each parser and
    option costs argparse a gettext look-up and a formatter)."""

    def __init__(self, action, command):
        self.action, self.command = action, command

    def add_parser(self, name, **kwargs):
        if self.command in (None, name):
            return self.action.add_parser(name, **kwargs)
        # listed (``lawlint -h``) as argparse lists it; no parser built: this run does not parse it
        self.action._choices_actions.append(self.action._ChoicesPseudoAction(name, (), kwargs["help"]))
        self.action.choices[name] = None
        return _Unused()


class _Unused:
    """A command not run this time: its options are not needed."""

    def add_argument(self, *args, **kwargs):
        return None


def _serve_parser(sub):
    s = sub.add_parser("serve", help="启动浏览器页面：上传报告即可检查、批量审核、下载批注版（需 pip install \"lawlint[serve]\"）",
                       description="在本机启动报告检查页面：起草人上传或粘贴报告，查看得分、等级和问题，下载批注版和修订版 Word；"
                                   "审核人批量上传报告或 .zip，查看总览、下载 CSV 和批注版压缩包；对比前后两年的报告。"
                                   "上传的报告和结果只存放在私有临时目录，到期自动删除。")
    s.add_argument("--host", default="127.0.0.1", help="监听地址（默认 127.0.0.1，仅本机可访问；0.0.0.0 对局域网开放）")
    s.add_argument("--port", type=int, default=8000, help="端口（默认 8000）")
    s.add_argument("--token", default=None, metavar="口令",
                   help="访问口令（也可用环境变量 LAWLINT_SERVE_TOKEN）；设置后须用 ?token=口令 的链接打开")
    s.add_argument("--rules", action="append", default=[], metavar="规则包", help="额外的规则包（可重复）")
    s.add_argument("--config", default=None, metavar="文件", help="使用指定的配置文件（默认从启动目录向上查找 .lawlint.yaml）")
    s.add_argument("--max-files", type=int, default=200, metavar="N", help="一次最多上传的文件数（默认 200，压缩包中的文件逐个计数）")
    s.add_argument("--max-upload-mb", type=float, default=200, metavar="MB",
                   help="一次上传（含压缩包解压后）合计的上限（默认 200 MB）；单个文件的上限同配置项 max_file_mb")
    s.add_argument("--keep-minutes", type=float, default=60, metavar="分钟", help="上传的报告和检查结果保留多久（默认 60 分钟）")
    s.add_argument("--jobs", "-j", type=int, default=None, metavar="N", help="检查进程数（默认为 CPU 核数）")
