"""One whitespace (chars.WHITESPACE): a zero-width or no-break space reads as blank wherever lawlint
asks "is this blank?", and one Chinese-digit table reads 〇, 零, 两 alike everywhere."""
import pytest

from helpers import lint

from lawlint.chars import CN_DIGITS, is_blank
from lawlint.numbering import cn_to_int, int_to_cn

ZWSP, NBSP = "\u200b", "\u00a0"


def test_is_blank_counts_zero_width_and_line_breaks_as_blank():
    assert is_blank(f" {ZWSP}\n\u3000{NBSP}\r\n") and not is_blank(f"{ZWSP}。")


@pytest.mark.parametrize("filler", [ZWSP, NBSP, "\u3000", " "])
def test_a_heading_whose_body_is_only_blank_is_not_a_part(filler):
    """「二、存在的不足」 with nothing under it but invisible characters promises the part; the
    same verdict as a body of plain spaces."""
    text = ("2023年，某镇扎实推进法治政府建设。\n一、主要举措和成效\n全年办理行政复议案件12件。\n"
            f"二、存在的不足\n{filler * 3}\n三、2024年工作安排\n继续推进依法行政，强化执法监督。")
    got = lint(text, year=2023).sections["shortcomings"]
    plain = lint(text.replace(filler * 3, "   "), year=2023).sections["shortcomings"]
    assert got.status == plain.status != "heading"


def test_a_citation_title_with_a_zero_width_space_is_its_canonical_title():
    clean = "认真贯彻《法治政府建设实施纲要（2021—2025年）》，推进依法行政。"
    marked = clean.replace("年）》", f"年）{ZWSP}》")
    assert [d for d in lint(clean, select=["citation.title"]).diagnostics] == []
    assert [d for d in lint(marked, select=["citation.title"]).diagnostics] == []
    wrong = clean.replace("年）》", "）》")          # the year's 年 dropped: still reported
    assert [d.rule for d in lint(wrong, select=["citation.title"]).diagnostics] == ["citation.title"]


def test_a_suppression_comment_may_be_indented_with_any_blank():
    text = f"{NBSP}{NBSP}<!-- lawlint-disable-next-line punct.halfwidth -->\n全年审结案件93件,纠错率8%。"
    assert [d.rule for d in lint(text, select=["punct.halfwidth"]).diagnostics] == []


def test_an_enumeration_separator_is_found_behind_any_blank():
    text = f"主要做法：一是加强学习；{NBSP}二是强化培训。{ZWSP}三是严格考核。"
    (d,) = [d for d in lint(text, select=["punct.list_separator"]).diagnostics]
    assert d.column == text.index("。") + 1


def test_fingerprints_ignore_zero_width_spaces():
    from lawlint.reporters.fingerprint import compute
    from lawlint.result import Diagnostic

    def fp(line):
        d = Diagnostic("punct.halfwidth", "warning", "language", 1, 3, 1, 4, "m", "", "b", False, 2, 3)
        compute([d], line)
        return d.fingerprint
    assert fp("全年审结,纠错。") == fp(f"全年{ZWSP}审结,纠错。") == fp("全年 审结,纠错。")


@pytest.mark.parametrize("written, value", [("〇", 0), ("○", 0), ("零", 0), ("两", 2), ("九", 9)])
def test_one_digit_table(written, value):
    assert CN_DIGITS[written] == value
    assert cn_to_int(written) == value


def test_numerals_round_trip():
    assert [cn_to_int(int_to_cn(n)) for n in range(100)] == list(range(100))


def test_a_closing_date_written_digit_by_digit_with_any_zero():
    for zero in "〇○零O":
        text = ("2022年法治政府建设情况报告\n2022年，我县扎实推进法治政府建设。\n某县人民政府\n"
                f"二{zero}二三年五月十日")
        r = lint(text, year=2022, select=["residue.late"])
        assert [d.rule for d in r.diagnostics] == ["residue.late"], zero


def test_strip_blank_strips_what_str_strip_does_and_zero_width_spaces():
    import sys

    from lawlint.chars import lstrip_blank, rstrip_blank, strip_blank
    every_isspace = "".join(c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace())
    assert strip_blank(every_isspace + "文" + every_isspace) == "文"
    assert strip_blank(f"{ZWSP}\ufeff 全年{ZWSP}审结\u3000{ZWSP}") == f"全年{ZWSP}审结"   # inside kept
    assert lstrip_blank(f"{ZWSP}{NBSP}x ") == "x " and rstrip_blank(f" x{ZWSP}\n") == " x"
    assert f"{ZWSP}x".strip() != "x"            # what a bare strip() got wrong


@pytest.mark.parametrize("filler", [ZWSP, "\ufeff", NBSP, " "])
def test_a_numbering_token_followed_only_by_blanks_is_no_heading(filler):
    """「二、」 with nothing after it but a zero-width or no-break space is no heading, as with a
    plain space (the token's own pattern takes every chars.WHITESPACE blank after it)."""
    from lawlint.loaders.source import Source
    from lawlint.numbering import match_token
    from lawlint.parse.document import parse
    from lawlint.plain import replace
    assert match_token(f"二、{filler}") is None and match_token(f"二、{filler}存在的不足") is not None
    text = ("2023年，某镇扎实推进法治政府建设。\n一、主要举措和成效\n全年办理行政复议案件12件。\n"
            f"二、{filler}\n执法力量不足，培训不系统。\n三、2024年工作安排\n继续推进依法行政。")
    titles = [h.title for h in parse(Source(text=text), year=2023).headings]
    assert titles == ["主要举措和成效", "2024年工作安排"]


@pytest.mark.parametrize("body, heading", [(ZWSP * 2, False), ("\ufeff", False), ("   ", False),
                                           ("执法力量不足。", True)])
def test_part_detection_reads_a_heading_body_of_zero_width_spaces_as_blank(body, heading):
    """The unit under the parse: a shortcomings heading whose body is only U+200B promises the part
    but is not it, as a body of spaces (a bare strip() in parts.py, now sections/detect.py, once made it a real heading).
    The Document is made directly from its values, the body block's text set to the filler."""
    from lawlint import load_rules
    from lawlint.loaders.source import Source
    from lawlint.parse.document import parse
    from lawlint.plain import replace
    from lawlint.sections.detect import detect
    text = ("2023年，某镇扎实推进法治政府建设。\n一、主要举措和成效\n全年办理行政复议案件12件。\n"
            "二、存在的不足\n占位\n")
    doc = parse(Source(text=text), year=2023)
    blocks = [replace(b, text=body) if b.text == "占位" else b for b in doc.blocks]
    doc = replace(doc, blocks=blocks)
    verdict = detect(doc, load_rules().get("section.shortcomings"), 2023, {})
    assert (verdict.status == "heading") is heading
