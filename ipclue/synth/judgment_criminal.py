"""Criminal judgment text: 刑事判决书 for 假冒注册商标罪 / 销售假冒注册商标的商品罪."""

from __future__ import annotations

import random
from datetime import timedelta

from ipclue.synth import ids, names
from ipclue.synth.cases import Case, Litigant, upper
from ipclue.synth.judgment_civil import title
from ipclue.synth.page import Page
from ipclue.synth.world import Org, Person


def procuratorate(case: Case) -> str:
    """The 人民检察院 matching the court."""
    return case.court.name.replace("人民法院", "人民检察院")


def _accused(page: Page, lit: Litigant, case: Case) -> None:
    """被告单位 / 被告人 paragraphs and their defence counsel."""
    party, c = lit.party, page.colon
    if isinstance(party, Org):
        page.add(f"被告单位{c}{page.name(party)}，住所地{party.address}，统一社会信用代码{party.uscc}。")
        page.add(f"诉讼代表人{c}{page.name(party.rep, anon=False)}，该公司{party.rep_title}。")
    else:
        written = page.name(party)
        held = ids.plus_days(case.filed_on, -150, -60, page.rng)
        page.add(
            f"被告人{c}{written}{page.person_bits(party, written)}。"
            f"因涉嫌犯{case.cause}于{ids.iso_cn(held)}被{case.court.region.city}公安局刑事拘留，同年被取保候审。"
        )
    page.parties.append((party.eid, lit.role, page.name(party)))
    for person, firm in lit.agents:
        page.add(
            f"辩护人{c}{page.name(person, anon=False)}，{page.name(firm) if firm else '某法律服务所'}律师。"
        )


def _term(months: int) -> str:
    """一年六个月."""
    years, rest = divmod(months, 12)
    return (f"{ids.cn_number(years)}年" if years else "") + (f"{ids.cn_number(rest)}个月" if rest else "")


def _sentence(case: Case, fine: int) -> str:
    """有期徒刑一年六个月，缓刑二年，并处罚金人民币70000元 (缓刑 only up to three years unless planted)."""
    months = case.prison_months
    probation = case.probation_months
    if probation is None and months <= 36:
        probation = 12 * max(1, months // 12 + 1)
    text = f"判处有期徒刑{_term(months)}"
    text += f"，缓刑{_term(probation)}" if probation else ""
    return text + ("" if case.no_fine else f"，并处罚金人民币{fine}元")


def _facts(page: Page, case: Case) -> str:
    """公诉机关指控 … 非法经营数额 … 违法所得 …"""
    accused = "、".join(page.ref(lit.party) for lit in case.by_role("accused_unit", "accused"))
    marks = "、".join(f"“{m.mark}”注册商标（注册号第{m.reg_no}号）" for m in case.marks)
    owner = page.name(case.marks[0].owner()) if case.marks else "权利人"
    start = case.filed_on - timedelta(days=400 + case.filed_on.day * 7)
    verb = "生产、销售假冒" if case.cause == "假冒注册商标罪" else "销售明知是假冒"
    return (
        f"{ids.iso_cn(start)}至案发期间，"
        f"被告{'单位、被告人' if case.by_role('accused_unit') else '人'}{accused}"
        f"在未经注册商标所有人{owner}许可的情况下，"
        f"{verb}{marks}的商品，非法经营数额共计人民币{case.illegal_revenue}元，违法所得人民币{case.illegal_gain}元。"
        + "".join(f"同案人{page.name(p)}（另案处理）参与了生产、销售。" for p in case.co_offenders)
    )


def render(case: Case, rng: random.Random, taken: dict[str, Org]) -> Page:
    """The full text of a criminal judgment."""
    page = Page(rng, case.decided_on, taken, indent="　　" if rng.random() < 0.7 else "")
    page.fix_names(case.written)
    page.plain(case.court.name)
    page.plain(title("judgment", rng, "criminal"))
    page.plain(case.case_no)
    page.add(f"公诉机关{procuratorate(case)}。")
    for lit in case.litigants:
        _accused(page, lit, case)
    accused = "、".join(page.ref(lit.party) for lit in case.litigants)
    page.add(
        f"{procuratorate(case)}以起诉书指控被告{accused}犯{case.cause}，于{ids.iso_cn(case.filed_on)}向本院提起公诉。本院依法组成合议庭，公开开庭审理了本案。本案现已审理终结。"
    )
    page.add(f"公诉机关指控，{_facts(page, case)}")
    page.add(
        f"经审理查明：{_facts(page, case)}上述事实，"
        "有扣押清单、鉴定意见、证人证言及被告人的供述等证据证实，足以认定。"
    )
    page.add(
        f"本院认为，被告{accused}未经注册商标所有人许可，情节严重，其行为已构成{case.cause}。公诉机关指控的罪名成立。"
    )
    page.add(
        "依照《中华人民共和国刑法》第二百一十三条、第二百二十条、第五十二条、第五十三条之规定，判决如下："
    )
    for i, lit in enumerate(case.litigants):
        fine = case.fine or 0
        unit_fine = min(fine * 2, 5 * (case.illegal_gain or fine))  # within 1–5 times the gain (2020 第十条)
        what = f"判处罚金人民币{unit_fine}元" if isinstance(lit.party, Org) else _sentence(case, fine)
        page.add(
            f"{'一二三四五'[i]}、被告{'单位' if isinstance(lit.party, Org) else '人'}{page.name(lit.party)}"
            f"犯{case.cause}，{what}。"
        )
    page.add(
        f"如不服本判决，可在接到判决书的第二日起十日内，通过本院或者直接向{upper(case.court).name}提出上诉。"
    )
    page.signature([names.person_name(rng, 0.0)[0] for _ in range(3)], names.person_name(rng, 0.0)[0])
    return page


def accused(party: Person | Org, agents: list[tuple[Person, Org | None]]) -> Litigant:
    """A litigant for a criminal case."""
    if isinstance(party, Org):
        return Litigant(party, "accused_unit", "被告单位", agents)
    return Litigant(party, "accused", "被告人", agents)
