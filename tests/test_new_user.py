"""A new user's first hour (issue 24), each item run as a user runs it: the command line, its
output and its exit code."""
import json
import shutil
import subprocess

from helpers import SEEDS, run_cli

SEED = SEEDS / "2024-henan-nanyang-dengzhou.txt"
LOW = SEEDS / "2021-henan-zhengzhou-zhongyuan.txt"      # scores under 75 with error findings


def out(r):
    return r.stdout.decode(), r.stderr.decode()


# --- 2. never succeed silently ---------------------------------------------------------------

def test_empty_folder_is_an_error_saying_where_and_what(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "data.csv").write_text("a,b\n", encoding="utf-8")
    (tmp_path / "other" / "README.md").write_text("说明\n", encoding="utf-8")
    for folder in ("empty", "other"):
        for fmt in ("text", "json", "github"):
            r = run_cli("check", "--format", fmt, folder, cwd=tmp_path)
            stdout, stderr = out(r)
            assert r.returncode == 2, (folder, fmt)
            assert f"{folder}: 没有找到报告文件" in stderr and ".docx" in stderr and ".txt" in stderr
            assert "None" not in stdout and "Traceback" not in stderr
    r = run_cli("check", "typo/", cwd=tmp_path)
    assert r.returncode == 2 and "路径不存在" in out(r)[1]


def test_diff_base_with_nothing_changed_says_so(tmp_path):
    def git(*a):
        subprocess.run(["git", *a], cwd=tmp_path, check=True, capture_output=True)
    git("init", "-q")
    git("config", "user.email", "t@t")
    git("config", "user.name", "t")
    shutil.copy(SEED, tmp_path / "a.txt")
    git("add", ".")
    git("commit", "-qm", "x")
    r = run_cli("check", "--diff-base", "HEAD", ".", cwd=tmp_path)
    assert r.returncode == 0
    assert "没有改动过的报告文件" in out(r)[1] and "HEAD" in out(r)[1]
    r = run_cli("check", "--format", "json", "--diff-base", "HEAD", ".", cwd=tmp_path)
    assert r.returncode == 0 and json.loads(r.stdout)["files"] == []


def test_fix_with_nothing_to_fix_says_so(tmp_path):
    clean = tmp_path / "clean.txt"
    clean.write_text("2023年度法治政府建设情况报告\n\n一、主要举措和成效\n", encoding="utf-8")
    r = run_cli("fix", clean)
    assert r.returncode == 0 and out(r)[0].strip() == "没有可修正的问题"
    r = run_cli("fix", "--check", clean)
    assert r.returncode == 0 and "没有可修正的问题" in out(r)[0]


def test_failed_gate_says_why_in_its_last_line():
    r = run_cli("check", "-q", "--fail-under", "75", LOW, SEED)
    last = out(r)[1].strip().splitlines()[-1]
    assert r.returncode == 1
    assert last.startswith("lawlint: 未通过：1 份报告低于 75 分：")
    score = json.loads(run_cli("check", "--format", "json", LOW).stdout)["files"][0]["score"]
    assert score < 75 and f"zhongyuan.txt（{score}）" in last and "dengzhou" not in last
    assert "错误级问题" in last
    r = run_cli("check", "-q", "--fail-on", "never", "--fail-under", "50", LOW)
    assert r.returncode == 0 and "未通过" not in out(r)[1]
    r = run_cli("check", "-q", "--fail-on", "warning", "--fail-under", "10", SEED)
    assert r.returncode == 1 and "警告及以上问题" in out(r)[1].strip().splitlines()[-1]


# --- 9. messages at the edges ----------------------------------------------------------------

def test_grade_cap_line_only_when_it_lowered_the_grade():
    r = run_cli("check", "--format", "json", LOW)
    data = json.loads(r.stdout)["files"][0]
    assert data["grade_cap"] and data["grade"] == "不合格"      # the cap applies, the score is lower still
    text = out(run_cli("check", LOW))[0]
    assert "等级上限" not in text and f"得分 {data['score']} / 100　等级：不合格" in text


def test_single_item_message_quotes_the_numbers(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text("关于2022年度法治政府建设情况的报告\n一、主要举措和成效\n全年办理行政复议案件32件。\n"
                      "下一步，我县将继续推进法治政府建设。\n", encoding="utf-8")
    stdout = out(run_cli("check", "--select", "numbering.single", report))[0]
    assert "同级只有“一、”一项，没有“二、”" in stdout


def test_compare_quotes_keep_their_opening_bracket(tmp_path):
    body = ("关于{y}年度法治政府建设情况的报告\n一、主要举措和成效\n（一）加强党的领导。区委常委会专题研究法治政府建设工作，"
            "全面落实第一责任人职责，推动各项任务落实见效。\n二、存在的不足\n执法力量不足。\n")
    (tmp_path / "a.txt").write_text(body.format(y=2021), encoding="utf-8")
    (tmp_path / "b.txt").write_text(body.format(y=2022), encoding="utf-8")
    r = run_cli("compare", "a.txt", "b.txt", cwd=tmp_path)
    assert r.returncode == 0
    assert "“（一）加强党的领导" in out(r)[0] and "“一）" not in out(r)[0]


def test_config_show_names_keys_as_written_aligned_with_overrides(tmp_path):
    (tmp_path / ".lawlint.yaml").write_text(
        "fail_under: 70\nrules: []\noverrides:\n  - files: [\"部门/*.txt\"]\n    ignore: [section.leadership]\n",
        encoding="utf-8")
    r = run_cli("config", "--show", ".", cwd=tmp_path)
    lines = out(r)[0].splitlines()[1:]
    assert r.returncode == 0
    keys = [line.split(" = ")[0].strip() for line in lines]
    assert "rules" in keys and "rule_packs" not in keys and "overrides[0]" in keys
    assert len({line.index(" = ") for line in lines}) == 1          # one column of "="
    assert any("section.leadership" in line and ".lawlint.yaml:3" in line for line in lines)


def test_write_baseline_exits_zero(tmp_path):
    base = tmp_path / "baseline.json"
    r = run_cli("check", "-q", "--write-baseline", base, LOW)
    assert r.returncode == 0 and base.is_file() and "已把" in out(r)[1]


# --- 7. CI-format polish ---------------------------------------------------------------------

def test_sarif_schema_url_help_without_placeholders_and_help_uri():
    import re
    r = run_cli("check", "--format", "sarif", SEED)
    log = json.loads(r.stdout)
    assert r.returncode == 1
    assert log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    single = next(x for x in rules if x["id"] == "numbering.single")
    assert "同级只有“…”一项" in single["help"]["text"]
    for rule in rules:
        visible = rule["help"]["text"] + rule["fullDescription"]["text"]
        assert not re.search(r"\{[a-z_]+\}", visible), rule["id"]
        # run from this checkout: the rule's heading in docs/rules.md
        assert rule["helpUri"].startswith("file://") and rule["helpUri"].endswith("docs/rules.md#" + rule["id"].replace(".", "").lower())
    from helpers import ROOT
    headings = {line[3:].strip() for line in (ROOT / "docs" / "rules.md").read_text(encoding="utf-8").splitlines()
                if line.startswith("## ")}
    assert {x["id"] for x in rules} <= headings


def test_help_uri_from_a_git_install():
    from lawlint.reporters import _docs_url
    _docs_url.rules_doc.cache_clear()
    import importlib.metadata as md
    real = md.distribution

    class Dist:
        def read_text(self, name):
            return json.dumps({"url": "https://github.com/example/lawlint.git",
                               "vcs_info": {"vcs": "git", "commit_id": "abc123", "requested_revision": "main"}})
    try:
        md.distribution = lambda name: Dist()
        assert _docs_url.help_uri("punct.halfwidth") == \
            "https://github.com/example/lawlint/blob/abc123/docs/rules.md#puncthalfwidth"
    finally:
        md.distribution = real
        _docs_url.rules_doc.cache_clear()


def test_every_output_file_says_where_and_its_folder_is_made(tmp_path):
    for fmt in ("json", "sarif", "junit", "gitlab", "github", "csv", "html", "docx"):
        target = tmp_path / fmt / "new" / f"out.{fmt}"
        r = run_cli("check", "-q", "--format", fmt, "-o", target, SEED)
        assert r.returncode == 1, (fmt, out(r)[1])
        assert target.is_file(), fmt
        assert str(target) in out(r)[1], fmt
    r = run_cli("compare", "-f", "json", "-o", tmp_path / "cmp" / "c.json", SEED, SEED)
    assert r.returncode == 0 and "c.json" in out(r)[1] and (tmp_path / "cmp" / "c.json").is_file()


# --- 5. typos and language -------------------------------------------------------------------

def test_mistyped_rule_ids_get_close_matches(tmp_path):
    r = run_cli("explain", "punct.halfwidht")
    assert r.returncode == 2 and "是否要找：punct.halfwidth）" in out(r)[1] and "numbering.punct" not in out(r)[1]
    for option in ("--select", "--ignore"):
        r = run_cli("check", option, "punct.halfwidht", SEED)
        assert r.returncode == 2 and "是否要找：punct.halfwidth" in out(r)[1]
    (tmp_path / ".lawlint.yaml").write_text("severity:\n  numbering.singel: info\n", encoding="utf-8")
    shutil.copy(SEED, tmp_path / "r.txt")
    r = run_cli("check", "r.txt", cwd=tmp_path)
    assert r.returncode == 2 and "severity" in out(r)[1] and "是否要找：numbering.single" in out(r)[1]
    (tmp_path / ".lawlint.yaml").write_text("fial_on: warning\n", encoding="utf-8")
    r = run_cli("check", "r.txt", cwd=tmp_path)
    assert r.returncode == 2 and "是否要找：fail_on" in out(r)[1] and ".lawlint.yaml:1" in out(r)[1]


def test_mistyped_commands_options_and_choices():
    cases = [(["chek", "x"], "未知的命令 'chek'（是否要找：check）", "lawlint -h"),
             (["check", "--fial-on", "error", "x"], "--fial-on（是否要找：--fail-on）", "lawlint check -h"),
             (["check", "--fail-on", "eror", "x"], "'eror' 无效（是否要找：error）", "lawlint check -h"),
             (["check", "--format", "jsn", "x"], "'jsn'（是否要找：json）", None),
             (["fix", "--selct", "a", "x"], "--selct（是否要找：--select）", "lawlint fix -h"),
             (["check", "--jobs", "x", "y"], "'x' 无效（应为整数）", "lawlint check -h"),
             (["explain"], "缺少必需的参数：规则编号", "lawlint explain -h")]
    for argv, said, usage in cases:
        r = run_cli(*argv)
        stderr = out(r)[1]
        assert r.returncode == 2 and said in stderr, (argv, stderr)
        assert "lawlint lawlint" not in stderr and "Traceback" not in stderr
        if usage:
            assert f"（用 {usage} 查看用法）" in stderr


def test_help_is_chinese_throughout():
    for argv in ([], ["check"], ["fix"], ["compare"], ["explain"], ["rules"], ["config"], ["init"]):
        r = run_cli(*argv, "-h")
        text = out(r)[0]
        assert r.returncode == 0 and text.startswith("用法：lawlint")
        for english in ("usage:", "options:", "positional arguments", "show this help", "show program"):
            assert english not in text, (argv, english)
        assert "显示本帮助并退出" in text


def test_bash_completion_script_completes_commands_options_and_rule_ids(tmp_path):
    r = run_cli("completion", "bash")
    assert r.returncode == 0
    script = tmp_path / "lawlint.bash"
    script.write_bytes(r.stdout)
    probe = ('source "$1"; shift; for w in "$@"; do COMP_WORDS=($w); COMP_CWORD=$((${#COMP_WORDS[@]}-1)); '
             '_lawlint; echo "${COMPREPLY[*]}"; done')
    got = subprocess.run(["bash", "-c", probe, "_", str(script), "lawlint ch", "lawlint check --fa",
                          "lawlint explain punct.half", "lawlint check --select numbering.sin"],
                         capture_output=True, text=True, check=True).stdout.splitlines()
    assert got == ["check", "--fail-on --fail-under", "punct.halfwidth punct.halfwidth.period", "numbering.single"]
    zsh = run_cli("completion", "zsh")
    assert zsh.returncode == 0 and b"bashcompinit" in zsh.stdout and b"complete -o filenames -F _lawlint lawlint" in zsh.stdout


# --- 3. the terminal output ruff and Vale users expect ---------------------------------------

def _report(tmp_path, body):
    p = tmp_path / "r.txt"
    p.write_text("关于2022年度法治政府建设情况的报告\n" + body, encoding="utf-8")
    return p


def test_concise_is_one_line_per_finding(tmp_path):
    import re
    report = _report(tmp_path, "一、主要举措和成效\n全年办理行政复议案件32件,审结30件。\n")
    r = run_cli("check", "--format", "concise", report, tmp_path / "missing.txt")
    lines = out(r)[0].splitlines()
    assert r.returncode == 2                                      # the missing file
    pattern = re.compile(r"^(.+):(\d+):(\d+): (错误|警告|提示) ([a-z_]+\.[a-z_.]+) (\S.*)$")
    found = [pattern.match(line) for line in lines if not line.startswith(str(tmp_path / "missing.txt"))]
    assert found and all(found), lines
    assert f"{report}:3:14: 警告 punct.halfwidth 中文语境中使用了半角“,”，应为全角“，”" in lines
    assert any(line.startswith(f"{tmp_path / 'missing.txt'}: 错误 ") for line in lines)
    assert "得分" not in out(r)[0]


def test_text_shows_the_line_with_the_span_marked(tmp_path):
    report = _report(tmp_path, "一、主要举措和成效\n全年办理行政复议案件32件,审结30件。截止目前，已全部办结。\n")
    stdout = out(run_cli("check", report))[0]
    lines = stdout.splitlines()
    i = next(n for n, line in enumerate(lines) if "“截止”后接时间点" in line)
    assert lines[i + 1] == "        3 │ 全年办理行政复议案件32件,审结30件。截止目前，已全部办结。"
    # 「截止」 follows 15 wide characters (2 columns each) and 5 narrow ones: 35 columns in; 2 characters, 4 columns
    assert lines[i + 2] == "          │ " + " " * 35 + "^^^^"


def test_long_lines_are_cut_around_the_span_and_systemic_findings_stay_folded(tmp_path):
    filler = "本年度持续推进依法行政工作，不断提升法治政府建设水平，"
    line = filler * 12 + "截止目前已办结" + filler * 12 + "。"
    text = "一、主要举措和成效\n" + line + "\n" + "".join(f"全年办理案件{n}件,审结{n}件。\n" for n in range(10, 30))
    stdout = out(run_cli("check", _report(tmp_path, text)))[0]
    lines = stdout.splitlines()
    i = next(n for n, x in enumerate(lines) if "“截止”后接时间点" in x)
    shown, marks = lines[i + 1], lines[i + 2]
    assert shown.split("│ ")[1].startswith("…") and shown.endswith("…") and "截止目前" in shown
    from lawlint.reporters.snippet import width
    assert width(shown.split("│ ")[1]) <= 72
    assert width(shown.split("│ ")[1][:shown.split("│ ")[1].index("截止")]) == marks.split("│ ")[1].index("^")
    # 20 half-width commas: one grouped entry with one example line, not 20 snippets
    assert sum("punct.halfwidth" in x for x in lines) == 1
    assert sum("│ 全年办理案件" in x for x in lines) == 1


# --- 4. batches of hundreds ------------------------------------------------------------------

def _run_with_tty_stderr(*args):
    """Run lawlint with stderr on a pseudo-terminal (stdout a pipe), as in a terminal with > out.json."""
    import os
    import pty
    import sys
    master, slave = pty.openpty()
    env = dict(os.environ, NO_COLOR="1", COLUMNS="100")
    env.pop("GITHUB_ACTIONS", None)
    proc = subprocess.Popen([sys.executable, "-m", "lawlint", *map(str, args)], stdout=subprocess.PIPE,
                            stderr=slave, env=env)
    os.close(slave)
    chunks = []

    def drain():                 # the terminal side, while the pipe side is read below
        while True:
            try:
                chunk = os.read(master, 4096)
            except OSError:      # EIO: every writer has closed the terminal
                return
            if not chunk:
                return
            chunks.append(chunk)
    import threading
    reader = threading.Thread(target=drain)
    reader.start()
    stdout = proc.stdout.read()
    proc.wait(timeout=120)
    reader.join(timeout=60)
    os.close(master)
    seen = b"".join(chunks)
    return proc.returncode, stdout.decode(), seen.decode(errors="replace")


def test_progress_bar_on_a_terminal_only(tmp_path):
    for n in range(5):
        shutil.copy(SEED, tmp_path / f"r{n}.txt")
    code, stdout, tty = _run_with_tty_stderr("check", "--format", "json", tmp_path)
    assert code == 1 and len(json.loads(stdout)["files"]) == 5
    assert "检查报告" in tty and "5/5" in tty
    code, _, tty = _run_with_tty_stderr("check", "-q", "--format", "json", tmp_path)
    assert code == 1 and "检查报告" not in tty and "未通过" in tty
    r = run_cli("check", "--format", "json", tmp_path)                  # stderr a pipe (CI): no bar
    assert r.returncode == 1 and "检查报告" not in out(r)[1]


def test_jobs_defaults_to_the_cpu_count():
    import os
    r = run_cli("check", "-h")
    assert "默认为 CPU 数" in out(r)[0]
    from lawlint.cli.parser import build_parser
    assert build_parser().parse_args(["check", "x"]).jobs is None        # resolved to os.cpu_count()
    assert os.cpu_count() >= 1
    serial = run_cli("check", "--jobs", "1", "--format", "json", "seeds/")
    parallel = run_cli("check", "--format", "json", "seeds/")
    assert serial.returncode == parallel.returncode == 1 and serial.stdout == parallel.stdout


# --- 6. drafters in Word -----------------------------------------------------------------------

def _word_report(path):
    import docx
    d = docx.Document()
    for text in ("关于2022年度法治政府建设情况的报告", "一、主要举措和成效", "全年办理行政复议案件32件,审结30件。",
                 "截止目前，全年办理案件12件,审结10件。", "二、存在的不足和原因", "执法力量不足，原因是编制紧张。",
                 "三、2023年工作安排", "继续推进执法队伍建设。"):
        d.add_paragraph(text)
    d.save(path)
    return path


def _comment_on(path, paragraph, text):
    """What a drafter does in Word: select a paragraph's words, add a comment."""
    import docx
    d = docx.Document(path)
    d.add_comment(d.paragraphs[paragraph].runs, text=text, author="起草人", initials="QC")
    d.save(path)


def _concise(path):
    r = run_cli("check", "--format", "concise", path)
    lines = out(r)[0].splitlines()
    assert lines and all(line.startswith(f"{path}:") for line in lines)
    return [line[len(str(path)) + 1:] for line in lines]             # 「3:14: 警告 punct.halfwidth …」


def test_word_comments_keep_the_rule_id_out_of_the_drafters_text(tmp_path):
    import docx
    report = _word_report(tmp_path / "报告.docx")
    r = run_cli("check", "--format", "docx", "-o", tmp_path / "批注.docx", report)
    assert r.returncode == 1
    comments = [c for c in docx.Document(tmp_path / "批注.docx").comments if c.author == "lawlint"]
    by_rule = {c.initials: c.text for c in comments}
    assert "punct.halfwidth" in by_rule and "word.jiezhi" in by_rule
    for rule, text in by_rule.items():
        if rule != "LL":
            assert "." not in text.split("依据")[0] and rule not in text
    summary = by_rule["LL"]
    assert summary.startswith("lawlint 检查结果") and "“忽略”" in summary


def test_a_word_comment_ignore_silences_that_finding(tmp_path):
    report = _word_report(tmp_path / "报告.docx")
    before = _concise(report)
    assert sum("punct.halfwidth" in x for x in before) == 2 and any("word.jiezhi" in x for x in before)
    assert any(x.startswith("3:14: 警告 punct.halfwidth") for x in before)
    _comment_on(report, 2, "忽略")                            # paragraph 3: its comma
    after = _concise(report)
    assert sum("punct.halfwidth" in x for x in after) == 1
    assert not any(x.startswith("3:") for x in after) and any("word.jiezhi" in x for x in after)
    _comment_on(report, 3, "lawlint-ignore word.jiezhi")      # paragraph 4: only that rule
    last = _concise(report)
    assert not any("word.jiezhi" in x for x in last)
    assert any(x.startswith("4:") and "punct.halfwidth" in x for x in last)
    _comment_on(report, 3, "请核实数字")                        # any other comment changes nothing
    assert _concise(report) == last
