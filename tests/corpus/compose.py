"""Compose the synthetic evaluation corpus (tests/corpus/varied and tests/corpus/heldout) once.

Not run by the tests: its output is committed as plain text with a labels file, so the corpus is
data the tests read. Each report is put together from hand-written passages (varied per level,
department, year and structure) and its labels are written from the composition plan, i.e. from
what a reader sees in it, not from lawlint's verdicts. Passages used by the held-out reports'
causes and headings are kept apart (suffix ``_h``) so tuning on the varied set does not see them.

    python tests/corpus/compose.py
"""
from __future__ import annotations

import json
import random
import re
from pathlib import Path

HERE = Path(__file__).parent
SECTIONS = ["measures", "leadership", "decision", "enforcement", "disputes",
            "supervision", "shortcomings", "causes", "plans"]

# ---------------------------------------------------------------- vocabulary by level
LEVELS = {
    "town": dict(short="我镇", head="镇长", party="镇党委", gov="镇政府", meet="镇党委会议、镇长办公会议",
                 team="镇综合行政执法队", staff="镇村干部", up="县委、县政府", area="全镇", who="镇"),
    "street": dict(short="我街道", head="街道办事处主任", party="街道党工委", gov="街道办事处",
                   meet="党工委会议、主任办公会议", team="街道综合行政执法队", staff="街道和社区干部",
                   up="区委、区政府", area="全街道", who="街道"),
    "county": dict(short="我县", head="县长", party="县委", gov="县政府", meet="县政府常务会议",
                   team="县综合行政执法局", staff="全县各级干部", up="市委、市政府", area="全县", who="县"),
    "district": dict(short="我区", head="区长", party="区委", gov="区政府", meet="区政府常务会议",
                     team="区城市管理综合执法局", staff="全区干部", up="市委、市政府", area="全区", who="区"),
    "city": dict(short="我市", head="市长", party="市委", gov="市政府", meet="市政府常务会议",
                 team="市级各行政执法部门", staff="全市各级干部", up="省委、省政府", area="全市", who="市"),
    "province": dict(short="我省", head="省长", party="省委", gov="省政府", meet="省政府常务会议",
                     team="全省各级行政执法机关", staff="全省各级干部", up="党中央、国务院", area="全省", who="省"),
    "dept": dict(short="我局", head="局长", party="局党组", gov="局", meet="局党组会议、局长办公会议",
                 team="局属执法支队", staff="全局干部职工", up="市委、市政府", area="全系统", who="局"),
}


def basis(year: int) -> str:
    if year <= 2020:
        return "《法治政府建设实施纲要（2015—2020年）》"
    return "《法治政府建设实施纲要（2021—2025年）》"


def thought(year: int) -> str:
    if year <= 2016:
        return "深入学习贯彻党的十八大和十八届三中、四中、五中、六中全会精神"
    if year == 2017:
        return "深入学习贯彻党的十九大精神"
    if year == 2018:
        return "以习近平新时代中国特色社会主义思想为指导，深入学习贯彻党的十九大和十九届二中、三中全会精神"
    if year == 2019:
        return "以习近平新时代中国特色社会主义思想为指导，深入学习贯彻党的十九届四中全会精神"
    if year == 2020:
        return "以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想和党的十九届五中全会精神"
    if year == 2021:
        return "坚持以习近平法治思想为指导，深入学习贯彻党的十九届六中全会和中央全面依法治国工作会议精神"
    if year == 2022:
        return "坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻党的二十大精神和习近平法治思想"
    if year == 2023:
        return "坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大和二十届二中全会精神"
    if year == 2024:
        return "坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大和二十届二中、三中全会精神"
    return "坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大和二十届历次全会精神"


def pufa(year: int) -> str:
    return "“七五”普法" if year <= 2020 else "“八五”普法"


# ---------------------------------------------------------------- passages
# Each topic: heading wordings (cue and cue-less) and body passages. {n:a-b} is a random number.
LEADERSHIP_H = ["坚持党建引领，压实法治建设责任", "加强党对法治政府建设的领导", "压紧压实第一责任人职责",
                "强化组织保障，扛牢法治建设政治责任"]
LEADERSHIP_B = [
    "坚持重大事项请示报告制度，及时向{up}报告法治政府建设重大部署和重要情况{n:2-6}次。主要负责同志带头深入基层调研法治建设{n:3-9}次，协调解决法治机构人员配备、执法经费保障等实际困难{n:4-12}个，推动法治建设与经济社会发展同部署、同推进、同督促、同考核。",
    "{party}始终把法治政府建设摆在全局工作的突出位置，主要负责同志切实履行推进法治建设第一责任人职责，"
    "对重要工作亲自部署、重大问题亲自过问、重点环节亲自协调、重要任务亲自督办。全年召开{meet}专题研究法治政府建设{n:3-8}次，"
    "审议年度工作要点、重大行政决策目录等事项{n:6-15}项。将法治建设纳入年度综合考核，权重提高到{n:4-8}%。",
    "健全领导干部学法用法制度，{meet}会前学法{n:8-16}次，内容涵盖《中华人民共和国行政处罚法》《优化营商环境条例》等法律法规。"
    "组织领导干部旁听庭审{n:1-3}次，参训{n:80-300}人次。{year}年底，{head}在年终述职中专题述法，"
    "班子成员和下属单位主要负责人全部开展述法，述法情况纳入干部考核档案。",
    "调整充实法治政府建设工作领导小组，由主要负责同志任组长，分管负责同志任副组长，办公室设在法制机构，"
    "形成主要领导亲自抓、分管领导具体抓、责任科室抓落实的工作格局。制定年度法治政府建设工作要点，"
    "分解任务{n:20-45}项，逐项明确责任单位和完成时限，每季度调度一次进展。",
]
FUNCTIONS_H = ["依法全面履行政府职能", "深化“放管服”改革，持续优化法治化营商环境", "提升政务服务便民水平"]
FUNCTIONS_B = [
    "持续深化“证照分离”改革，全面实施市场准入负面清单制度，清理妨碍统一市场和公平竞争的政策措施{n:5-30}件。优化工程建设项目审批流程，审批时限压减至{n:30-60}个工作日以内，企业开办实现“一日办结”。",
    "完善为民办实事长效机制，聚焦教育、医疗、养老等民生领域，办结民生实事项目{n:10-30}项。推行“一件事一次办”，整合关联事项{n:20-60}个，群众办事平均跑动次数降至{n:0-1}.{n:1-9}次。",
    "动态调整权责清单，公布行政权力事项{n:300-900}项，做到清单之外无权力。深化“一网通办”，"
    "政务服务事项网上可办率达到{n:90-99}%，{n:60-150}个高频事项实现“跨省通办”“掌上办”。"
    "推行告知承诺制，涉企经营许可事项实行分类改革，新增市场主体{n:1000-9000}户，同比增长{n:5-18}%。",
    "落实《优化营商环境条例》，全面推行证明事项告知承诺制，取消证明材料{n:20-80}项。"
    "开展涉企违规收费专项清理，为企业减负{n:200-900}万元。设立“办不成事”反映窗口，受理并解决企业群众诉求{n:50-300}件。",
]
DECISION_H = ["健全依法决策机制，提升决策公信力", "严格规范重大行政决策程序", "加强规范性文件监督管理",
              "把好合法性审核关口"]
DECISION_B = [
    "建立健全决策后评估制度，对{n:2-6}项已实施的重大决策开展执行效果评估，根据评估结果及时调整完善。推行重大决策社会稳定风险评估，对涉及群众切身利益的事项通过听证会、座谈会广泛听取意见{n:10-40}场次。",
    "制定并公布年度重大行政决策事项目录，{n:3-9}项重大行政决策全部履行公众参与、专家论证、风险评估、"
    "合法性审查和集体讨论决定程序。政府法律顾问和公职律师参与审核合同协议{n:30-120}件，提出法律意见{n:60-200}条。",
    "严格落实行政规范性文件合法性审核机制，全年审核规范性文件{n:8-30}件，做到应审必审；"
    "按期向上级政府和同级人大常委会报备，报备率、及时率均达到100%。开展规范性文件清理，废止{n:2-9}件、修改{n:2-6}件。",
]
ENFORCE_H = ["推进严格规范公正文明执法", "开展执法领域突出问题专项整治", "深化行政执法体制改革",
             "规范行政执法行为"]
ENFORCE_B = [
    "推进跨部门综合监管和联合执法，建立执法协作机制{n:3-9}项，开展联合执法行动{n:10-60}次。落实行政执法责任制，对执法过错实行责任追究，全年未发生因违法执法引发的重大负面舆情。",
    "全面落实行政执法公示、执法全过程记录、重大执法决定法制审核“三项制度”，全年作出行政处罚决定{n:100-900}件，"
    "重大执法决定法制审核{n:20-90}件。推行包容审慎监管，对{n:30-200}起轻微违法行为依法不予处罚。"
    "组织行政执法案卷评查{n:1-3}次，抽查案卷{n:50-180}卷，发现并整改问题{n:10-40}个。",
    "落实行政执法人员持证上岗和资格管理制度，组织执法人员法律知识培训{n:2-6}期，参训{n:100-600}人次，"
    "新申领执法证件{n:20-90}个。细化行政处罚裁量基准，覆盖执法事项{n:200-600}项，防止执法畸轻畸重。",
]
DEPT_ENFORCE = {
    "司法局": "统筹推进全市行政执法协调监督工作体系建设，开展行政执法“三项制度”落实情况专项检查{n:2-5}次，"
             "督促{n:10-30}个执法部门整改问题。",
    "市场监管局": "深入推进“双随机、一公开”监管，开展跨部门联合抽查{n:30-120}次，查办食品、药品、特种设备领域案件{n:100-500}件，"
                 "罚没款{n:200-900}万元。",
    "生态环境局": "严格环境执法，开展生态环境执法检查{n:500-2000}家次，查处环境违法案件{n:50-200}件，"
                 "推行非现场执法，对{n:100-400}家企业实施在线监控。",
    "交通运输局": "开展道路运输市场秩序整治和超限超载治理，检查车辆{n:5000-30000}台次，查处违法行为{n:200-900}起，"
                 "交通运输综合执法队伍全部完成着装和证件更换。",
    "教育局": "规范教育行政执法，开展校外培训机构专项治理，检查机构{n:100-400}家次，依法取缔无证机构{n:5-30}家，"
             "推进依法治校示范校创建{n:5-20}所。",
}
DISPUTES_H = ["依法有效化解社会矛盾纠纷", "发挥行政复议化解行政争议主渠道作用",
              "坚持和发展新时代“枫桥经验”", "健全矛盾纠纷多元化解机制"]
DISPUTES_B = [
    "推进行政争议实质性化解，建立行政争议调解中心，调解行政争议{n:10-60}件，调撤率{n:20-45}%。完善行政复议决定履行监督机制，复议决定和行政裁判按期履行率达到100%。",
    "全年收到行政复议申请{n:250-300}件，受理{n:200-240}件，审结{n:150-190}件，直接纠错{n:3-30}件。"
    "行政机关负责人出庭应诉率保持100%，行政诉讼败诉率降至{n:2-9}%。",
    "健全人民调解、行政调解、司法调解联动工作体系，{area}调解组织排查化解矛盾纠纷{n:300-3000}件，调解成功率{n:95-99}%。"
    "畅通信访渠道，依法分类处理信访事项{n:100-800}件，按期办结率100%。",
]
SUPERV_H = ["强化行政权力制约和监督", "全面推进政务公开", "自觉接受各方面监督，促进权力规范透明运行"]
SUPERV_B = [
    "加强行政权力内部监督，落实重大事项集体决策、岗位风险防控和廉政谈话制度。完善行政执法监督和行政复议监督衔接，对{n:3-12}个单位开展依法行政专项督察，督促整改问题{n:10-40}个。",
    "自觉接受人大法律监督和政协民主监督，办理人大代表建议{n:20-200}件、政协提案{n:20-200}件，办复率100%。"
    "认真落实司法建议和检察建议{n:2-12}件。配合做好审计监督，完成审计整改问题{n:5-40}个。",
    "坚持以公开为常态、不公开为例外，主动公开政府信息{n:800-6000}条，办理依申请公开{n:20-200}件，"
    "均在法定期限内答复。推进决策、执行、管理、服务、结果公开，重点领域信息公开专栏更新及时。",
]
PUFA_H = ["深入开展法治宣传教育", "推动普法工作提质增效"]
PUFA_B = [
    "推进法治文化阵地建设，新建法治文化公园、法治广场{n:2-9}个，开展“送法进企业”“送法下乡”活动{n:30-120}次。利用微信公众号、短视频等新媒体发布普法作品{n:100-500}条，阅读量超过{n:10-90}万人次。",
    "深入实施{pufa}规划，落实“谁执法谁普法”普法责任制，编制普法责任清单，开展“宪法宣传周”“民法典宣传月”等主题活动{n:20-90}场次，"
    "受众{n:1-9}万人次。培育农村“法律明白人”{n:100-900}名，创建民主法治示范村（社区）{n:2-12}个。",
]
DIGITAL_H = ["加快数字法治政府建设", "推进“互联网+监管”"]
DIGITAL_B = [
    "推动“互联网+监管”系统与政务服务平台数据互通，监管事项目录清单认领率、检查实施清单编制率均达到100%，上报监管行为数据{n:1000-9000}条。",
    "建成行政执法综合管理平台，实现执法办案网上流转，归集执法数据{n:1-9}万条。推进电子证照应用，"
    "{n:50-200}类证照实现电子化，企业群众办事少跑腿。",
]
EMERG_H = ["依法应对突发事件", "提升应急管理法治化水平"]
EMERG_B = [
    "修订完善突发事件总体应急预案和专项预案{n:5-20}件，组织开展应急演练{n:10-40}次。"
    "依法做好防汛抗旱、森林防火和安全生产工作，{year}年未发生较大以上安全生产事故。",
    "严格落实突发事件信息报告制度，建立{n:100-300}人的应急救援队伍，应急物资储备库实现乡镇全覆盖。",
    "坚持依法科学精准做好应急处置，完善部门联动和信息共享机制，及时发布预警信息{n:20-90}条，"
    "组织转移避险群众{n:100-900}人，做到应急处置全过程依法有序。",
]
TEAM_H = ["加强法治工作队伍建设", "提升依法行政能力"]
TEAM_B = [
    "将法治教育纳入公务员初任培训和任职培训，组织法治专题培训{n:3-9}期，参训{n:200-900}人次，"
    "组织新录用公务员参加宪法宣誓。开展国家工作人员网上学法考试，参考率和合格率均为100%。",
    "充实法治工作机构力量，配备专职法制审核人员{n:3-12}名，其中具有法律职业资格的{n:2-8}名；"
    "建立法律顾问库，聘请律师和专家{n:5-15}名。",
]
# Annual task-list heading inside the measures part (issue 10, family 3): measures, not plans.
TASKLIST_H = "对标{year}年度工作计划，全面完成法治政府建设重点任务"
TASKLIST_B = ("对照{year}年度法治政府建设工作计划，逐项梳理{n:20-40}项重点任务，已全部按期完成，"
              "其中{n:5-12}项任务被上级作为经验推广。")

SHORT_H = ["存在的不足", "存在的问题和不足", "存在的主要问题", "工作中的短板弱项", "当前面临的困难和问题"]
SHORT_B = [
    "一是依法行政能力有待进一步提升，少数干部运用法治思维和法治方式解决问题的能力不强。"
    "二是基层执法力量相对薄弱，执法人员年龄偏大、专业人员少，执法办案水平参差不齐。"
    "三是普法宣传形式较为单一，针对性和实效性还不够强。",
    "（一）重大行政决策程序执行不够规范，个别事项公众参与环节流于形式。"
    "（二）行政执法监督还不到位，执法案卷质量有待提高，少数案卷证据材料不完整。"
    "（三）行政复议规范化建设有待加强，案件办理周期偏长。",
    "对照上级要求，{short}法治政府建设工作还存在一些短板：规范性文件备案审查还不够及时；"
    "执法信息化水平不高，执法数据共享不充分；矛盾纠纷源头预防工作还有差距。",
]
# Causes: each wording is a full passage that explains why (frames with cause predicates).
CAUSES = {
    "list_comma": "产生上述问题的原因，主要有以下几个方面：一是思想认识不到位，部分干部认为法治建设是“软任务”，"
                  "重业务轻法治的观念仍然存在；二是执法力量不足，编制多年未增加，专业人员引进困难；"
                  "三是培训不系统，以会代训多，针对性不强。",
    "yifangmian": "产生上述问题的原因，一方面是部分单位对法治政府建设重视不够，主要负责人精力投入不足；"
                  "另一方面是法治工作机构力量薄弱，人员少、任务重，保障经费不足。",
    "zhuyao_colon": "主要原因：一是学法用法的长效机制没有真正建立，学习流于形式；二是考核评价的激励约束作用发挥不充分，"
                    "压力传导层层递减。",
    "youyu": "由于基层法治工作机构人员编制有限，专职法制审核人员少，加之业务培训不系统，"
             "导致执法规范化水平提升较慢。",
    "yuanyu": "这些问题源于对法治政府建设的长期性、艰巨性认识不足，也源于基层执法保障投入不够，经费、装备长期短缺。",
    "guigen": "归根到底，是部分领导干部运用法治思维推动工作的意识不强，把法治建设当作业务部门的事，统筹谋划不够。",
    "shenceng": "深层次看，问题的根子在于法治建设考核的刚性约束不足，责任传导不到位，部分单位存在“上热下冷”现象。",
    "zhuke": "主观上，部分干部对法治建设重要性认识不足，学法主动性不强；客观上，{short}执法人员编制紧张，"
             "专业人才匮乏，信息化投入不足。",
    "jiuqi": "究其原因，主要是对新修订法律法规学习不深入，执法人员业务培训不系统，监督考核机制不健全。",
    # held-out wordings (not used by the varied set)
    "fenxi_h": "分析其原因：一是部分单位主要负责人对法治建设重视程度不够，研究部署少；二是法治专业人才储备不足，"
               "人员流动性大，队伍不稳定。",
    "yuanyin_youer_h": "出现上述问题的原因有二：其一，基层法治工作力量配备不足，机构改革后人员尚未配齐；"
                       "其二，制度执行的监督检查不到位，督促整改跟踪不够。",
    "zhiyi_h": "之所以出现这些问题，是因为部分干部法治意识淡薄、依法办事的自觉性不高，同时执法保障经费投入不足。",
    "zaocheng_h": "造成这些问题的原因是多方面的，既有机构编制不足、专业人才缺乏的客观因素，"
                  "也有部分干部思想认识不到位、工作作风不实的主观因素。",
}
# Not causes: the problems restated, or an excuse with no analysis.
NON_CAUSES = {
    "restate": "原因是执法不够规范，普法宣传不够深入，复议案件办理不够及时。",
    "excuse": "产生这些问题有多方面的原因，我们将高度重视，认真加以解决。",
    "clause": "个别单位对法治建设重视不够，导致工作推进不平衡。",
}
PLANS_H = ["{ny}年工作安排", "下一步工作打算", "下一年度主要安排", "今后工作思路和举措", "{ny}年重点工作"]
PLANS_B = [
    "一是持续深化法治政府建设，对照{basis}确定的目标任务，逐项推进落实。二是加强执法队伍建设，"
    "开展执法人员轮训，提升执法规范化水平。三是健全依法决策机制，严格执行重大行政决策程序。"
    "四是加强法治宣传教育，推动普法与依法治理有机融合。",
    "（一）着力提升依法行政能力。完善领导干部学法制度，举办法治专题培训班。"
    "（二）着力规范行政执法。深化“三项制度”，全面开展案卷评查。"
    "（三）着力化解矛盾纠纷。完善行政复议与调解衔接机制，从源头减少行政争议。",
]
OVERVIEW = [
    "一年来，{short}法治政府建设各项年度任务全面完成，依法行政水平持续提升。{year}年，{area}依法行政考核优秀率、"
    "重点任务完成率实现“双提升”，群众对法治建设的满意度达到{n:90-97}.{n:1-9}%，较上年提高{n:1-3}个百分点；"
    "{n:2-6}项改革经验被上级推广，法治建设考核连续{n:2-4}年位居前列，为经济社会高质量发展提供了有力法治保障。",
    "{year}年是实施{basis}的关键一年。{short}紧扣年度目标，统筹推进依法行政各项工作，{area}地区生产总值增长{n:4-8}.{n:1-9}%，"
    "社会大局和谐稳定，法治政府建设在服务发展、保障民生中的作用进一步彰显，"
    "法治化营商环境评价位列同类地区第{n:1-5}位，获评法治建设先进单位{n:1-3}项。",
]
SHORT_LEAD = ["在肯定成绩的同时，我们也清醒地认识到，对照上级要求和人民群众期待，{short}法治政府建设工作还存在一些不足，主要是：",
              "回顾一年来的工作，{short}法治政府建设虽然取得了一定成绩，但与新形势新要求相比仍有差距，主要表现在："]
PLANS_END = ["{ny}年，{short}将继续坚持以人民为中心的发展思想，聚焦存在的不足，细化工作措施，压实工作责任，"
             "以更高标准、更实举措推动法治政府建设迈上新台阶，为{area}经济社会高质量发展提供坚实法治保障。"]
CLOSING = "特此报告。"

# ---------------------------------------------------------------- page chrome for truncated copies
CHROME_TOP = [
    "无障碍 | 简体 | 繁体\n您所在的位置：首页 > 政务公开 > 法治政府建设\n",
    "首页 > 信息公开 > 法定主动公开内容 > 法治政府建设年度报告\n发布时间：{ny}-03-{n:10-28}  来源：{unit}  字体：【大 中 小】  打印\n",
]
CHROME_BOTTOM = [
    "\n分享到：\n扫一扫在手机打开当前页\n打印本页 | 关闭窗口\n",
    "\n【打印】【关闭】\n主办单位：{unit}  网站标识码：{n:1000-9999}\n",
]


# Wordings that did not exist yet in earlier years: (last year they must be replaced, regex, replacement).
YEAR_FIXES = [
    (2019, "《中华人民共和国行政处罚法》《优化营商环境条例》", "《中华人民共和国宪法》《中华人民共和国行政诉讼法》"),
    (2019, "落实《优化营商环境条例》，", "落实国务院“放管服”改革部署，"),
    (2019, "“宪法宣传周”“民法典宣传月”", "“12·4”国家宪法日"),
    (2019, "“跨省通办”“掌上办”", "“一次办结”"),
    (2018, "全面推行证明事项告知承诺制，取消证明材料", "开展证明事项清理，取消证明材料"),
    (2018, "推行告知承诺制，", "推行“多证合一”，"),
    (2018, r"推行包容审慎监管，对\d+起轻微违法行为依法不予处罚。", ""),
    (2017, "“证照分离”改革", "商事制度改革"),
    (2017, "“一网通办”", "网上审批"),
    (2017, "全面落实行政执法公示、执法全过程记录、重大执法决定法制审核“三项制度”",
     "推行行政执法公示、执法全过程记录、重大执法决定法制审核制度"),
    (2017, "开展校外培训机构专项治理", "开展民办学校办学行为专项检查"),
    (2017, "坚持和发展新时代“枫桥经验”", "坚持和发展“枫桥经验”"),
    (2019, "发挥行政复议化解行政争议主渠道作用", "推进行政复议规范化建设"),
    (2020, "加快数字法治政府建设", "推进“互联网+政务服务”"),
    (2018, "推进“互联网+监管”", "推进“互联网+政务服务”"),
    (2018, "“互联网+监管”系统与政务服务平台数据互通，监管事项目录清单认领率、检查实施清单编制率均达到100%",
     "网上政务服务平台与部门业务系统数据互通，政务服务事项网上公开率达到100%"),
    (2020, "全面推行证明事项告知承诺制", "推行证明事项告知承诺制试点"),
]


def fix_years(text: str, year: int) -> str:
    for last, old, new in YEAR_FIXES:
        if year <= last:
            text = re.sub(old, new, text)
    return text


class Composer:
    def __init__(self, spec, held_out):
        self.spec = spec
        self.rng = random.Random(spec["id"])
        self.held = held_out
        lv = LEVELS[spec["level"]]
        year = spec["year"]
        self.fields = dict(lv, year=year, ny=year + 1, unit=spec["unit"], basis=basis(year),
                           pufa=pufa(year))
        self.lines: list[str] = []
        self.labels = {s: "absent" for s in SECTIONS}
        self.first_line: dict[str, int] = {}

    def fill(self, text):
        text = re.sub(r"\{n:(\d+)-(\d+)\}", lambda m: str(self.rng.randint(int(m[1]), int(m[2]))), text)
        return text.format(**self.fields)

    def pick(self, pool):
        return self.rng.choice(pool)

    def add(self, text):
        self.lines.append(self.fill(text))

    def mark(self, sid, status, line=None):
        self.first_line.setdefault(sid, len(self.lines) - 1 if line is None else line)
        if status == "heading" or self.labels[sid] == "absent":
            self.labels[sid] = status


def numbering(style, i):
    cn = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四"]
    if style == "cn":
        return f"{cn[i]}、"
    if style == "paren":
        return f"（{cn[i]}）"
    if style == "part":
        return f"第{cn[i]}部分　"
    if style == "arabic":
        return f"{i + 1}．"
    raise ValueError(style)


def topic_block(c, topic, heading, num):
    """A measures topic as a heading (or an inline 一是… item) and a passage."""
    dept = c.spec.get("dept")
    pools = {
        "leadership": (LEADERSHIP_H, LEADERSHIP_B),
        "functions": (FUNCTIONS_H, FUNCTIONS_B),
        "decision": (DECISION_H, DECISION_B),
        "enforcement": (ENFORCE_H, ENFORCE_B),
        "disputes": (DISPUTES_H, DISPUTES_B),
        "supervision": (SUPERV_H, SUPERV_B),
        "pufa": (PUFA_H, PUFA_B),
        "digital": (DIGITAL_H, DIGITAL_B),
        "emergency": (EMERG_H, EMERG_B),
        "team": (TEAM_H, TEAM_B),
    }
    hs, bs = pools[topic]
    head = heading or c.pick(hs)
    body = "".join(c.rng.sample(bs, k=min(len(bs), 3)))
    if topic == "enforcement" and dept in DEPT_ENFORCE:
        body += DEPT_ENFORCE[dept]
    if num is None:                      # inline item: 一是…
        return head, body
    c.add(num + head)
    c.add(body)
    if topic in SECTIONS:
        c.mark(topic, "heading", len(c.lines) - 2)
    return head, body


def compose(spec, held_out=False):
    c = Composer(spec, held_out)
    f = c.fields
    year = spec["year"]
    missing = set(spec.get("missing", []))
    structure = spec["structure"]
    title = spec.get("title", "{unit}{year}年法治政府建设年度报告")
    c.add(title)
    c.add("{up}：" if spec["level"] != "province" else "国务院：")
    pre = ("{year}年，{short}" + ("在{up}的坚强领导下，" if "leadership" not in missing else "")
           + thought(year) + "，认真贯彻落实" + basis(year)
           + ("和《法治政府建设与责任落实督察工作规定》" if year >= 2019 else "")
           + "，扎实推进依法行政，法治政府建设取得新进展。现将{year}年度法治政府建设情况报告如下。")
    c.add(pre)
    for para in c.rng.sample(OVERVIEW, k=2):
        c.add(para)

    topics = ["leadership", "functions", "decision", "enforcement", "disputes", "supervision"]
    topics += spec.get("extra_topics", ["pufa", "emergency", "team"])
    topics = [t for t in topics if t not in missing]
    if spec.get("leadership_last"):
        topics.remove("leadership")
        topics.append("leadership")
    top = 0
    headings = spec.get("headings", {})

    if structure in ("umbrella", "part", "combined"):
        top_style = "part" if structure == "part" else "cn"
        sub = "cn" if structure == "part" else "paren"
        c.add(numbering(top_style, top) + spec.get("measures_heading", "主要举措和成效"))
        c.mark("measures", "heading")
        top += 1
        items = list(topics)
        if spec.get("tasklist"):
            items.insert(2, "tasklist")
        for i, t in enumerate(items):
            if t == "tasklist":
                c.add(numbering(sub, i) + TASKLIST_H)
                c.add(TASKLIST_B)
                continue
            topic_block(c, t, headings.get(t), numbering(sub, i))
    elif structure == "topics":
        # no umbrella heading: each work area is a top-level heading
        first = len(c.lines)
        for t in topics:
            topic_block(c, t, headings.get(t), numbering("cn", top))
            top += 1
        c.mark("measures", "heading", first)
    elif structure == "inline":
        c.add(numbering("cn", top) + spec.get("measures_heading", "{year}年工作开展情况"))
        c.mark("measures", "heading")
        top += 1
        ordinals = "一二三四五六七八九十"
        chunk = []
        for i, t in enumerate(topics):
            head, body = topic_block(c, t, headings.get(t), None)
            chunk.append(f"{ordinals[i]}是{head}。" + c.fill(body))
            if t in SECTIONS:
                c.mark(t, "heading", len(c.lines))
            if len(chunk) == 2:
                c.lines.append("".join(chunk))
                chunk = []
        if chunk:
            c.lines.append("".join(chunk))
    else:
        raise ValueError(structure)

    cause_kind = spec.get("causes")          # key of CAUSES / NON_CAUSES, or None
    cause_place = spec.get("cause_place", "after")   # after | heading | inline
    if "shortcomings" not in missing:
        sh = spec.get("short_heading") or c.pick(SHORT_H)
        if structure == "combined":
            sh = spec.get("short_heading", "存在的不足及下一步打算")
        if cause_kind in CAUSES and cause_place == "inline_heading":
            sh = sh + "和原因" if not sh.endswith("问题") else sh + "及原因"
        style = "part" if structure == "part" else "cn"
        c.add(numbering(style, top) + sh)
        short_line = len(c.lines) - 1
        top += 1
        c.mark("shortcomings", "heading")
        if structure == "combined":
            c.add("（一）存在的不足")
        c.add(c.pick(SHORT_LEAD))
        c.add(c.pick(SHORT_B))
        if cause_kind in CAUSES:
            text = CAUSES[cause_kind]
            if cause_place == "heading":
                c.add(numbering(style, top) + spec.get("cause_heading", "原因分析"))
                top += 1
                c.add(text)
                c.mark("causes", "heading")
            elif cause_place == "merge":      # written on in the shortcomings paragraph
                c.lines[-1] += c.fill(text)
                c.mark("causes", "body")
            else:
                c.add(text)
                c.mark("causes", "heading" if cause_place == "inline_heading" else "body")
        elif cause_kind in NON_CAUSES:
            if spec.get("promise"):
                c.lines[short_line] += "及原因"
            c.lines[-1] += c.fill(NON_CAUSES[cause_kind])
        if structure == "combined" and "plans" not in missing:
            c.add("（二）下一步打算")
            c.add(c.pick(PLANS_B))
            c.mark("plans", "heading")
    if "plans" not in missing and structure != "combined" or ("shortcomings" in missing and "plans" not in missing
                                                                and structure == "combined"):
        style = "part" if structure == "part" else "cn"
        c.add(numbering(style, top) + (spec.get("plans_heading") or c.pick(PLANS_H)))
        top += 1
        c.add(c.pick(PLANS_B))
        c.add(c.pick(PLANS_END))
        c.mark("plans", "heading")
    c.add(CLOSING)
    c.add("{unit}")
    c.add(f"{year + 1}年{c.rng.randint(1, 3)}月{c.rng.randint(1, 28)}日")
    c.lines = [fix_years(line, year) for line in c.lines]
    text = "\n".join(c.lines) + "\n"
    return text, c.labels, c


def truncate(spec, held_out=False):
    """A copy that stops early: a web page cut off, or the first page of a print."""
    base = dict(spec["of"])
    base["id"] = spec["id"]
    text, labels, c = compose(base, held_out)
    lines = text.split("\n")
    cut = spec["cut_lines"]
    kept = lines[:cut]
    if spec.get("mid_sentence"):
        last = kept[-1]
        kept[-1] = last[: max(20, len(last) // 2)]
    shown = "\n".join(kept)
    # a part is judged only when the shown text reaches it; the rest was never reached
    out_labels = {}
    for sid in SECTIONS:
        line = c.first_line.get(sid)
        out_labels[sid] = labels[sid] if line is not None and line < cut else "unknown"
    if spec.get("chrome"):
        top = c.fill(CHROME_TOP[spec["chrome"] - 1])
        bottom = c.fill(CHROME_BOTTOM[spec["chrome"] - 1])
        shown = top + shown + bottom
    elif spec.get("page"):
        shown = shown + "\n\n— 1 —\n"
    return shown + ("" if shown.endswith("\n") else "\n"), out_labels


def main():
    specs = json.loads((HERE / "specs.json").read_text(encoding="utf-8"))
    for group, held in (("varied", False), ("heldout", True)):
        folder = HERE / group
        folder.mkdir(exist_ok=True)
        rows = []
        for spec in specs[group]:
            if "of" in spec:
                text, labels = truncate(spec, held)
                complete = "no"
            else:
                text, labels, _ = compose(spec, held)
                complete = "yes"
            (folder / f"{spec['id']}.txt").write_text(text, encoding="utf-8")
            statutory = [k for k, parts in (("measures", ["measures"]), ("leadership", ["leadership"]),
                                            ("shortcomings_causes", ["shortcomings", "causes"]),
                                            ("plans", ["plans"]))
                         if any(labels[p] == "absent" for p in parts)]
            rows.append({"id": spec["id"], "file": f"{spec['id']}.txt", "sections": labels,
                         "heading_numbering_errors": [], "statutory_missing": statutory,
                         "notes": spec.get("notes", ""), "complete": complete})
        with open(folder / "labels.jsonl", "w", encoding="utf-8") as fh:
            for r in rows:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
