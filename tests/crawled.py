"""Reports as crawlers deliver them (issue 22, items 1 and 2): one family of test documents per
input shape, built from eight hand-written reports (乡镇 to 省, 2016–2025, eight provinces).

Each report is a list of lines (title, issuer, opening, headings, paragraphs, closing); a layout
renders it the way a crawl does: one paragraph per line, flattened onto one line with 「　　」
between paragraphs or with nothing at all, wrapped in site chrome of various wordings, under a
crawler's header lines. A cut renders only part of it (stopped mid-sentence, with a 「更多」
marker, the opening only, ending on a heading). Tests assert what a reader recovers from each.
"""
from __future__ import annotations

from dataclasses import dataclass, field

SEP = "\u3000\u3000"


@dataclass
class Report:
    issuer: str
    year: int
    title: str | None
    opening: str
    parts: list                 # [(level-1 heading line, [(sub-heading or None, paragraph), ...]), ...]
    closing: list = field(default_factory=list)     # 特此报告。 / issuer / date lines
    title_above_issuer: bool = True

    def headings(self) -> list[str]:
        out = []
        for head, items in self.parts:
            out.append(head)
            out.extend(sub for sub, _ in items if sub)
        return out

    def lines(self) -> list[str]:
        out = []
        if self.title:
            out += [self.title] if self.title_above_issuer else [self.issuer, self.title]
        out.append(self.opening)
        for head, items in self.parts:
            out.append(head)
            for sub, para in items:
                if sub:
                    out.append(sub)
                out.append(para)
        return out + self.closing


def _date(y, m, d):
    return f"{y}年{m}月{d}日"


REPORTS = [
    Report(
        "新县陈店乡人民政府", 2016, "陈店乡2016年法治政府建设情况报告",
        "2016年，陈店乡在县委、县政府的领导下，认真贯彻落实《法治政府建设实施纲要（2015—2020年）》，"
        "坚持依法行政，各项工作有序推进。现将有关情况报告如下。",
        [("一、加强组织领导，落实第一责任人职责",
          [(None, "乡党委书记、乡长带头学法，乡党委会议专题研究法治政府建设4次，听取依法行政工作汇报2次，"
                  "将法治建设纳入全乡年度目标考核。")]),
         ("二、推进依法决策和规范执法",
          [("（一）健全重大行政决策程序", "制定乡重大行政决策程序规定，全年3项重大事项经过合法性审查和集体讨论。"),
           ("（二）规范行政执法行为", "全面落实行政执法公示制度，乡综合执法队办理案件21件，无一被复议纠错。")]),
         ("三、化解矛盾纠纷",
          [(None, "健全人民调解组织，全乡12个村调委会调处纠纷86起，调解成功率达到97%。")]),
         ("四、存在的问题和原因",
          [(None, "一是村干部法治意识不强；二是执法人员不足。究其原因，主要是培训不够经常，执法编制多年未增加。")]),
         ("五、2017年工作安排",
          [(None, "一是加强村干部法治培训；二是推进乡综合执法规范化；三是深化法治乡村建设。")])],
        ["特此报告。", "新县陈店乡人民政府", _date(2017, 1, 12)]),
    Report(
        "安吉县人民政府", 2018, "安吉县人民政府关于2018年度法治政府建设情况的报告",
        "2018年，我县以习近平新时代中国特色社会主义思想为指导，深入推进依法行政，法治政府建设取得新进展。",
        [("一、主要举措和成效",
          [("（一）压实法治建设第一责任人职责", "县长主持召开县政府常务会议专题研究法治政府建设3次，"
                                         "县政府领导班子年度述法，带头参加旁听庭审活动。"),
           ("（二）严格规范公正文明执法", "推行行政执法三项制度，全年办理行政处罚案件1326件，评查执法案卷240卷。"),
           ("（三）强化行政权力监督", "认真办理人大代表建议86件、政协委员提案102件，办结率100%。")]),
         ("二、存在的不足",
          [(None, "基层执法力量薄弱，部分乡镇法治审核人员配备不到位。")]),
         ("三、原因分析",
          [(None, "一是乡镇机构改革后人员调整较大；二是专业法律人才引进渠道不畅。")]),
         ("四、下一步工作打算",
          [(None, "我县将持续深化综合行政执法改革，加强基层法治审核队伍建设，提升依法行政水平。")])],
        ["安吉县人民政府", _date(2019, 2, 20)]),
    Report(
        "成都市武侯区人民政府", 2019, "成都市武侯区2019年法治政府建设年度报告",
        "2019年，武侯区坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的十九届四中全会精神，"
        "扎实推进法治政府建设。",
        [("一、坚持党的领导，统筹推进法治政府建设",
          [(None, "区委常委会会议、区政府常务会议先后5次研究法治建设重大事项，区长履行推进法治建设第一责任人职责，"
                  "带头述法并督办重点任务。")]),
         ("二、深化放管服改革，优化法治化营商环境",
          [("（一）推进政务服务标准化", "梳理政务服务事项1245项，全程网办率达到92%。"),
           ("（二）严格规范性文件管理", "全年审查区政府规范性文件9件，备案审查率100%。")]),
         ("三、存在的主要问题",
          [(None, "行政复议纠错率仍然偏高，个别部门执法程序不够规范。原因主要是部分执法人员程序意识淡薄，"
                  "执法培训针对性不强。")]),
         ("四、2020年重点工作",
          [(None, "全面推行行政执法三项制度，开展执法案卷评查，推动法治政府建设示范创建。")])],
        ["成都市武侯区人民政府", _date(2020, 3, 2)]),
    Report(
        "潍坊市人民政府", 2020, None,
        "2020年，潍坊市认真贯彻落实党中央、国务院和省委、省政府关于法治政府建设的决策部署，"
        "统筹推进疫情防控和法治政府建设，各项工作取得明显成效。",
        [("一、强化组织保障",
          [(None, "市委书记、市长带头履行第一责任人职责，市政府常务会议听取法治政府建设情况汇报4次，"
                  "部署年度重点任务28项。")]),
         ("二、规范重大行政决策",
          [(None, "编制年度重大行政决策事项目录，12项决策全部履行公众参与、专家论证、合法性审查等法定程序。")]),
         ("三、健全矛盾纠纷化解机制",
          [(None, "全市行政复议机关受理案件1582件，审结1490件，行政机关负责人出庭应诉率达到98%。")]),
         ("四、存在的不足和原因",
          [(None, "法治督察的刚性约束还不够强。原因是督察结果运用机制尚不健全，考核权重偏低。")]),
         ("五、2021年工作安排",
          [(None, "一是深化法治政府示范创建；二是推进行政复议体制改革；三是加强法治督察。")])],
        ["潍坊市人民政府", _date(2021, 1, 28)]),
    Report(
        "湖南省自然资源厅", 2021, "湖南省自然资源厅2021年法治政府建设工作情况报告",
        "2021年，省自然资源厅坚持以习近平法治思想为指导，围绕自然资源管理中心工作，扎实推进法治机关建设。",
        [("一、提高政治站位，推进法治政府建设",
          [(None, "厅党组深入学习习近平法治思想，厅党组书记、厅长履行第一责任人职责，厅党组会议研究法治工作6次，"
                  "带头开展述法。")]),
         ("二、完善制度体系，规范行政决策",
          [(None, "起草地方性法规草案2件，清理规范性文件46件，重大行政决策全部经过合法性审查。")]),
         ("三、严格规范执法，强化执法监督",
          [(None, "开展执法案卷评查，抽查卷宗160卷，发现并整改问题23个，全年办理行政复议案件41件。")]),
         ("四、存在的不足",
          [(None, "市县自然资源执法力量与任务不相适应，部分执法人员业务能力有待提升。")]),
         ("五、下一步工作计划",
          [(None, "推进自然资源领域立法，加强执法队伍建设，深化行政复议和应诉工作。")])],
        ["特此报告。", "湖南省自然资源厅", _date(2022, 2, 15)], False),
    Report(
        "佛山市市场监督管理局", 2022, "佛山市市场监督管理局关于2022年度法治政府建设情况的报告",
        "2022年，我局坚持以习近平法治思想为指导，认真贯彻落实市委、市政府部署，推进市场监管法治建设。",
        [("一、领导重视，周密部署",
          [(None, "局党组书记、局长主持局党组会议研究法治建设5次，亲自部署重要工作、督办重点任务，"
                  "局领导班子集体学法12次。")]),
         ("二、严格执法，规范监管",
          [("（一）推进包容审慎监管", "对136起轻微违法行为依法不予处罚，发放行政指导书320份。"),
           ("（二）加强执法监督", "组织案卷评查2次，抽查案卷210卷，整改问题35个。")]),
         ("三、存在问题",
          [(None, "一是基层执法人员专业能力不足；二是跨部门联合执法机制仍不顺畅。")]),
         ("四、2023年工作思路",
          [(None, "深化综合监管改革，加强执法培训，完善跨部门联合执法机制。")])],
        ["佛山市市场监督管理局", _date(2023, 1, 30)]),
    Report(
        "苏州市姑苏区双塔街道办事处", 2023, "双塔街道2023年法治政府建设情况报告",
        "2023年，双塔街道在区委、区政府领导下，坚持依法履职，推进基层法治建设走深走实。",
        [("一、主要工作",
          [("（一）加强党的领导", "街道党工委书记、街道办事处主任履行第一责任人职责，党工委会议研究法治工作4次。"),
           ("（二）化解基层矛盾", "街道和社区调委会调处纠纷312起，成功率达到98%，无一起民转刑案件。")]),
         ("二、存在的不足及原因",
          [(None, "社区法律顾问作用发挥不够充分。原因是考核激励机制不健全，顾问服务时间偏少。")]),
         ("三、2024年工作打算",
          [(None, "一是深化法治社区创建；二是提升社区法律顾问服务质效；三是加强网格化矛盾排查。")])],
        ["苏州市姑苏区双塔街道办事处", _date(2024, 1, 18)]),
    Report(
        "甘肃省人民政府", 2025, "甘肃省人民政府关于2025年法治政府建设情况的报告",
        "2025年，省政府坚持以习近平新时代中国特色社会主义思想为指导，深入贯彻习近平法治思想，"
        "全面完成法治政府建设实施纲要确定的目标任务。",
        [("一、深入学习贯彻习近平法治思想",
          [(None, "省政府党组会议、省政府常务会议专题学法6次，省长带头履行推进法治建设第一责任人职责，"
                  "听取各市州法治政府建设情况汇报。")]),
         ("二、持续提升行政立法质量",
          [(None, "提请省人大常委会审议地方性法规草案9件，制定省政府规章5件，审查规范性文件132件。")]),
         ("三、全面推进严格规范公正文明执法",
          [(None, "全省行政执法机关办理行政处罚案件12.6万件，行政复议机关受理案件8420件。")]),
         ("四、存在的不足",
          [(None, "基层法治力量依然薄弱，行政复议案件办理质量有待提升。究其原因，主要是编制配备滞后，"
                  "专业人员流动性大。")]),
         ("五、2026年工作安排",
          [(None, "一是谋划新一轮法治政府建设规划；二是深化行政复议体制改革；三是加强基层法治队伍建设。")])],
        ["甘肃省人民政府", _date(2026, 2, 26)]),
]

# ---------------------------------------------------------------- layouts

def lines(r: Report, indent: str = "\u3000\u3000") -> str:
    """One paragraph per line (the title and closing flush, paragraphs indented)."""
    out = []
    for i, line in enumerate(r.lines()):
        flush = line in (r.title, r.issuer) and i < 2
        out.append(line if flush else indent + line)
    return "\n".join(out) + "\n"


def separated(r: Report, lead: bool = True, blank_first: bool = False) -> str:
    """Flattened onto one line, paragraphs separated only by 「　　」 (as a CSV cell holds a page)."""
    return ("\n" if blank_first else "") + (SEP if lead else "") + SEP.join(r.lines()) + "\n"


def one_gap(r: Report) -> str:
    """One paragraph per line, but each heading after the first glued with one 「　　」 to the line
    before it (a page whose break before a heading was lost)."""
    crawled_lines = lines(r).rstrip("\n").split("\n")
    out = [crawled_lines[0]]
    for line in crawled_lines[1:]:
        text = line.lstrip("\u3000")
        if any(text == h for h in r.headings()[1:]):
            out[-1] += SEP + text
        else:
            out.append(line)
    return "\n".join(out) + "\n"


def separated_colon(r: Report) -> str:
    """Flattened with 「　　」, but the opening ends 「报告如下：」 with the first heading glued to it
    and the second top-level heading glued to the sentence before it."""
    text = separated(r)
    opening = r.opening.rstrip("。") + "。现将有关情况报告如下："
    text = text.replace(r.opening + SEP + r.parts[0][0], opening + r.parts[0][0])
    second = r.parts[1][0]
    return text.replace(SEP + second, second, 1)


def nbsp_separated(r: Report) -> str:
    """Flattened, the page's indentation kept as no-break spaces (「&nbsp;」×4) between paragraphs."""
    return "\u00a0" * 4 + ("\u00a0" * 4).join(r.lines()) + "\n"


def one_line_page(r: Report, k: int) -> str:
    """A whole page on one line, the site's chrome included, everything separated by 「　　」."""
    head, foot = HEADS[k % len(HEADS)], FOOTS[k % len(FOOTS)]
    return SEP.join(head + r.lines() + foot) + "\n"


def glued_page(r: Report, k: int) -> str:
    """A page joined with nothing between its text nodes: the breadcrumb on its own line above,
    the neighbouring links and the footer glued to the date."""
    head, foot = HEADS[k % len(HEADS)], FOOTS[k % len(FOOTS)]
    return "\n".join(head) + "\n" + "".join(r.lines() + foot) + "\n"


def glued(r: Report) -> str:
    """Flattened with nothing between paragraphs: headings run into their body, the signature and
    date into the last paragraph."""
    return "\n" + "".join(r.lines()) + "\n"


HEADS = [
    ["您现在的位置首页\u00a0>\u00a0信息公开\u00a0>\u00a0通知公告"],
    ["当前位置：首页 > 政务公开 > 法治政府建设"],
    ["首页 » 政府信息公开 » 法定主动公开内容", "【字体：大 中 小】【打印】【关闭】"],
    ["您所在的位置：首页>信息公开>年度报告", "发布时间：2022-03-10 来源：区司法局 浏览次数：218"],
    ["网站首页 > 政务公开 > 通知公告"],
    ["当前位置：首页>>部门信息>>通知公告",
     "来源：县教育局\u3000\u3000作者：政策法规股\u3000\u3000时间：2020-01-17\u3000\u3000【大 中 小】"],
    ["您现在的位置：首页 > 政务公开", "来源：河西区司法局\u3000发布时间：2022-03-15\u3000浏览次数：86"],
]
FOOTS = [
    ["上一篇:市经贸信息委关于公开征集《深圳市企业技术中心...",
     "下一篇:关于开展2016年度全市“安全生产月”活动的...",
     "主办：深圳市人民政府办公厅 技术支持单位：深圳市电子政务资源中心",
     "咨询投诉电话：12345 网站维护电话：88121419 备案序号：粤ICP备05017767号"],
    ["上一篇：关于印发《2022年全县普法工作要点》的通知", "下一篇：无"],
    ["附件下载：", "相关链接：", "主办单位：某县人民政府办公室  承办单位：某县大数据中心  网站标识码：1234000012"],
    ["来源：县司法局", "技术支持：某某网络科技有限公司", "版权所有：某市人民政府 地址：人民路1号 邮编：450000"],
    ["【打印本页】 【关闭窗口】", "扫一扫在手机打开当前页"],
    ["共3页\u3000\u30001\u30002\u30003\u3000\u3000下一页\u3000\u3000尾页"],
    ["上一条：无", "下一条：关于公布2023年度行政执法监督典型案例的通知"],
]
CRAWLER_HEADER = ["标题: {title}", "发布时间: {y}-03-02 10:12:45", "文号: {doc}", "发布机构: {issuer}",
                  "栏目: 通知公告", "原文链接: http://www.example.gov.cn/xxgk/tzgg/{y}03/t{y}0302_1.html"]


def wrapped(body: str, k: int) -> str:
    """``body`` (a rendered report) between one of the HEADS and one of the FOOTS."""
    head, foot = HEADS[k % len(HEADS)], FOOTS[k % len(FOOTS)]
    return "\n".join(head) + "\n" + body.strip("\n") + "\n" + "\n".join(foot) + "\n"


def with_crawler_header(r: Report, layout) -> str:
    """A crawler's record: header lines (the title among them), then the page body without its
    title line."""
    body = layout(Report(r.issuer, r.year, None, r.opening, r.parts, r.closing))
    head = [h.format(title=r.title or r.issuer + "法治政府建设情况", y=r.year + 1, doc=f"某发〔{r.year + 1}〕3号",
                     issuer=r.issuer) for h in CRAWLER_HEADER]
    return "\n".join(head) + "\n" + body


# ---------------------------------------------------------------- partial texts

def cut_mid_sentence(text: str, share: float) -> str:
    """The text up to ``share`` of its length, stopped inside a clause (after a Han character that
    neither ends a sentence nor precedes one)."""
    i = int(len(text) * share)
    while not ("\u4e00" <= text[i - 1] <= "\u9fff" and "\u4e00" <= text[i] <= "\u9fff"):
        i += 1
    return text[:i]


def ending_on_heading(r: Report, layout) -> str:
    """The text up to and including the heading of its shortcomings part (the next page not kept)."""
    k = next(i for i, (head, _) in enumerate(r.parts) if "不足" in head or "问题" in head)
    short = Report(r.issuer, r.year, r.title, r.opening, r.parts[:k] + [(r.parts[k][0], [])], [],
                   r.title_above_issuer)
    return layout(short)


def opening_only(r: Report, layout, titled: bool = True) -> str:
    """A first page: the title (or not: the crawl kept it elsewhere), the opening and the first
    heading's first paragraph."""
    head, items = r.parts[0]
    title = (r.title or f"{r.issuer}{r.year}年法治政府建设情况报告") if titled else None
    short = Report(r.issuer, r.year, title, r.opening, [(head, items[:1])], [], r.title_above_issuer)
    return layout(short)


def without(r: Report, *words: str, closing=None) -> Report:
    """The report with the parts whose heading names one of ``words`` left out."""
    parts = [(h, items) for h, items in r.parts if not any(w in h for w in words)]
    return Report(r.issuer, r.year, r.title, r.opening, parts, r.closing if closing is None else closing,
                  r.title_above_issuer)
