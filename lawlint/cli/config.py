"""``lawlint config`` (the merged configuration and where each value comes from) and ``lawlint init``."""
from __future__ import annotations

from ..errors import LawlintError
from .exitcodes import EXIT_OK


def cmd_config(args) -> int:
    """Each key as written in a configuration file, its value (JSON) and where it came from, in
    aligned columns; ``overrides`` listed from the file."""
    import json
    from ..plain import asdict
    from pathlib import Path

    from ..config.load import _KEY_TO_FIELD, find, load, resolve
    cfg, origin = resolve(args.path if args.path != "." else str(Path.cwd() / "_"), {}, args.config)
    source = args.config or find(Path(args.path).resolve() if args.path != "." else Path.cwd())
    print(f"配置文件：{source or '（未找到，使用默认值）'}")
    key_of = {field: key for key, field in _KEY_TO_FIELD.items()}
    rows = [(key_of.get(name, name), json.dumps(value, ensure_ascii=False), origin[name])
            for name, value in asdict(cfg).items()]
    if source:
        cf = load(Path(source))
        for i, ov in enumerate(cf.data.get("overrides", [])):
            rows.append((f"overrides[{i}]", json.dumps(ov, ensure_ascii=False),
                         f"{cf.path}:{cf.lines.get('overrides')}"))
    kw = max(_width(k) for k, _, _ in rows)
    vw = min(40, max(_width(v) for _, v, _ in rows))
    for key, value, where in rows:
        print(f"{_pad(key, kw)} = {_pad(value, vw)}  # {where}")
    return EXIT_OK


def _width(s: str) -> int:
    """Columns ``s`` takes in a terminal: CJK characters take two."""
    import unicodedata
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def _pad(s: str, width: int) -> str:
    return s + " " * max(0, width - _width(s))

INIT_TEMPLATE = """\
# lawlint 配置（lawlint init 生成）。从被检查文件所在目录向上查找，最近的一个生效。
# 也可写在 pyproject.toml 的 [tool.lawlint] 中（两处不要设置同一项）。

# 额外的规则包（YAML 文件或目录，相对本文件）
# rules: [lawlint-rules/本省要求.yaml]

# 只运行 / 不运行哪些规则（规则编号或前缀，lawlint rules 可列出全部规则）
# select: [section, numbering]
# ignore: [time.relative]

# 调整规则级别：error / warning / info
# severity:
#   punct.halfwidth: info

# 退出码：存在该级别及以上的问题时为 1（error / warning / info / never）
fail_on: error
# 任一报告得分低于该分数时退出码为 1
# fail_under: 75

# 报告年度无法自动识别时使用
# year: 2024
# 公开期限（报告年度次年的“月-日”）
# deadline: "04-01"
# 单个文件（或标准输入）大小上限（MB）
# max_file_mb: 20
# 一份报告的文字上限（字符）
# max_chars: 1000000
# .docx 解压后 XML 的大小上限（MB）
# max_docx_mb: 20
# PDF 页数上限
# max_pdf_pages: 300
# 单条规则在一份报告上的运行时限（秒；超时的规则报错并中止，其余规则照常）
# rule_time_limit: 10
# 单条规则在一份报告中逐一列出的问题数上限（其余合为一条，注明另有多少处；0 为不限）
# max_findings_per_rule: 10000

# 按路径覆盖（glob 相对本文件）
# overrides:
#   - files: ["部门/*.txt"]
#     ignore: [section.leadership]
"""

PRECOMMIT_SNIPPET = """\
# .pre-commit-config.yaml：提交时用本环境中已安装的 lawlint 检查报告
repos:
  - repo: local
    hooks:
      - id: lawlint
        name: lawlint
        entry: lawlint check
        language: system
        files: \\.(txt|md|docx)$
        require_serial: true
"""
PRECOMMIT_NOTE = ("项目环境中没有安装 lawlint 时，改用远程仓库 + 提交号（repo: lawlint 仓库地址，rev: main 分支的提交号），"
                  "见 docs/install.md。")

def cmd_init(args) -> int:
    from pathlib import Path
    target = Path(args.dir) / ".lawlint.yaml"
    if target.exists():
        raise LawlintError("文件已存在，未覆盖", target)
    from ..fix.atomic import write_text_atomic
    try:
        write_text_atomic(target, INIT_TEMPLATE)
    except OSError as e:
        raise LawlintError(f"无法写入（{e.strerror or e}）", target) from None
    print(f"已生成 {target}")
    print("\npre-commit 配置片段：\n")
    print(PRECOMMIT_SNIPPET)
    print(PRECOMMIT_NOTE)
    return EXIT_OK
