"""Civil judgment text: 民事判决书, 民事裁定书 (撤诉) and 民事调解书, first and second instance."""

from __future__ import annotations

import random

from ipclue.synth import ids, names
from ipclue.synth.cases import Case, Litigant, upper
from ipclue.synth.page import Page
from ipclue.synth.world import Org

WITHDRAW_REASONS = ("双方已达成和解", "被告已停止侵权", "另行处理")
_TITLES = {"judgment": "民事判决书", "ruling": "民事裁定书", "mediation": "民事调解书"}


def title(doc_type: str, rng: random.Random, division: str = "civil") -> str:
    """民事判决书, sometimes spaced out: 民 事 判 决 书."""
    text = _TITLES[doc_type] if division == "civil" else "刑事判决书"
    return " ".join(text) if rng.random() < 0.3 else text


def header(page: Page, case: Case) -> None:
    """Court, title, case number and the party paragraphs."""
    page.plain(case.court.name)
    page.plain(title(case.doc_type, page.rng, case.division))
    page.plain(case.case_no)
    with_uscc = case.decided_on.year >= 2018 and page.rng.random() < 0.4
    for lit in case.litigants:
        page.litigant(lit, with_uscc)


def rights_text(case: Case) -> str:
    """第1234567号注册商标 / ZL201910001234.5号专利."""
    if case.patents:
        return "、".join(f"{p.number}号“{p.title}”{_kind(p.kind)}专利" for p in case.patents)
    return "、".join(f"第{m.reg_no}号“{m.mark}”注册商标" for m in case.marks)


def right_phrase(case: Case) -> str:
    """第1234567号“华美”注册商标专用权 / ZL…号“…”外观设计专利权."""
    return rights_text(case) + ("权" if case.patents else "专用权")


def _kind(kind: str) -> str:
    """外观设计 / 实用新型 / 发明."""
    return {"design": "外观设计", "utility": "实用新型"}.get(kind, "发明")


def _attendance(page: Page, case: Case, plaintiffs: list[Litigant], defendants: list[Litigant]) -> str:
    """Who came to the hearing; absent defendants are tried in absentia."""
    p = plaintiffs[0]
    came = (
        f"原告{page.ref(p.party)}的委托诉讼代理人{page.name(p.agents[0][0])}"
        if p.agents
        else f"原告{page.ref(p.party)}"
    )
    absent = [d for d in defendants if d.absent]
    present = [d for d in defendants if not d.absent]
    text = (
        came
        + ("、" + "、".join(f"被告{page.ref(d.party)}" for d in present) if present else "")
        + "到庭参加诉讼"
    )
    if absent:
        who = "、".join(page.ref(d.party) for d in absent)
        text += f"，被告{who}经本院传票传唤无正当理由拒不到庭参加诉讼，本院依法缺席审理"
    return text + "。本案现已审理终结。"


def first_instance(page: Page, case: Case) -> None:
    """Narrative and sections of a first-instance civil document."""
    rng = page.rng
    plaintiffs, defendants = case.by_role("plaintiff"), case.by_role("defendant")
    p, d = plaintiffs[0], defendants[0]
    others = "、".join(page.ref(x.party) for x in defendants)
    procedure = "简易程序" if case.claimed and case.claimed < 50000 else "普通程序"
    page.add(
        f"原告{page.ref(p.party)}与被告{others}{case.cause}一案，本院于{ids.iso_cn(case.filed_on)}立案后，依法适用{procedure}进行了审理。"
        + ("" if case.doc_type != "judgment" else _attendance(page, case, plaintiffs, defendants))
    )
    claim = ids.money(rng, case.claimed or 10000)
    page.add(
        f"原告{page.ref(p.party)}向本院提出诉讼请求：1.判令被告立即停止侵害原告{right_phrase(case)}的行为；"
        f"2.判令被告赔偿原告经济损失及合理开支共计{claim}；3.本案诉讼费用由被告负担。事实和理由：原告系{rights_text(case)}的权利人，"
        f"被告未经许可，销售侵犯原告权利的商品，给原告造成了经济损失。"
    )
    if case.doc_type == "ruling":
        return _withdrawal(page, case, p)
    if case.doc_type == "mediation":
        return _mediation(page, case, p, d)
    page.add(
        f"被告{page.ref(d.party)}"
        + (
            "未作答辩，亦未提交证据。"
            if d.absent
            else "辩称，其销售的商品有合法来源，原告主张的赔偿数额过高，请求驳回原告的诉讼请求。"
        )
    )
    page.add(f"经审理查明：{_facts(page, case)}")
    if case.fact_text:
        page.add(case.fact_text)
    page.add(f"本院认为，{_reasoning(case)}")
    page.add(
        "综上，依照《中华人民共和国商标法》第五十七条、第六十三条，《中华人民共和国民事诉讼法》第六十七条、第一百四十七条之规定，判决如下："
        if not case.patents
        else "综上，依照《中华人民共和国专利法》第十一条、第六十五条之规定，判决如下："
    )
    _orders(page, case, p, d)
    page.add(
        f"如不服本判决，可以在判决书送达之日起十五日内，向本院递交上诉状，并按对方当事人的人数提出副本，上诉于{upper(case.court).name}。"
    )


def _facts(page: Page, case: Case) -> str:
    """The registration facts and the notarised purchase."""
    rng, parts = page.rng, []
    for m in case.marks:
        parts.append(
            f"{ids.iso_cn(m.registered_on or m.filed_on)}，"
            f"{page.name(m.applicant)}经核准注册了第{m.reg_no}号“{m.mark}”商标，核定使用商品为第{m.cls}类。"
        )
    for p in case.patents:
        parts.append(
            f"{ids.iso_cn(p.filed_on)}，{page.name(p.applicants[0])}申请了名称为“{p.title}”的{_kind(p.kind)}专利，并于{ids.iso_cn(p.granted_on)}获得授权，专利号为{p.number}。"
        )
    buy = ids.plus_days(case.filed_on, -120, -20, rng)
    parts.append(
        f"{ids.iso_cn(buy)}，原告的委托代理人在公证人员的监督下，"
        f"在被告经营的店铺购买了被诉侵权商品{rng.randint(1, 12)}件，并取得销售票据一张。"
    )
    return "".join(parts)


def _reasoning(case: Case) -> str:
    """本院认为 …"""
    if case.outcome == "dismissed":
        return "原告提交的证据不足以证明被告实施了被诉侵权行为，原告的诉讼请求缺乏事实依据，本院不予支持。"
    return (
        f"原告依法享有{right_phrase(case)}，应受法律保护。被告未经许可销售侵权商品，侵害了原告的权利，应当承担停止侵害、赔偿损失的民事责任。"
        "关于赔偿数额，本院综合考虑侵权行为的性质、情节、持续时间以及原告为制止侵权支出的合理费用等因素，酌情予以确定。"
    )


def _orders(page: Page, case: Case, p: Litigant, d: Litigant) -> None:
    """The operative part: 判决如下 …, and the court fee."""
    rng, plaintiff, defendant = page.rng, page.name(p.party), page.name(d.party)
    if case.outcome == "dismissed":
        page.add(f"驳回原告{plaintiff}的全部诉讼请求。")
    else:
        page.add(
            f"一、被告{defendant}于本判决生效之日起立即停止侵害原告{plaintiff}{right_phrase(case)}的行为；"
        )
        page.add(
            f"二、被告{defendant}于本判决生效之日起十日内赔偿原告{plaintiff}"
            f"经济损失及合理开支共计{ids.money(rng, case.awarded or 0)}；"
        )
        if case.outcome == "partly_upheld":
            page.add(f"三、驳回原告{plaintiff}的其他诉讼请求。")
    fee = max(50, (case.claimed or 10000) // 100)
    page.add(
        f"案件受理费{fee}元，"
        f"由{'原告' + plaintiff if case.outcome == 'dismissed' else '被告' + defendant}负担。"
    )


def _withdrawal(page: Page, case: Case, p: Litigant) -> None:
    """民事裁定书: 准许原告撤诉."""
    name = page.name(p.party)
    page.add(
        f"本院在审理过程中，原告{page.ref(p.party)}于{ids.iso_cn(case.decided_on)}"
        f"以{page.rng.choice(WITHDRAW_REASONS)}为由向本院申请撤诉。"
    )
    page.add(
        f"本院认为，原告{page.ref(p.party)}申请撤诉的行为系对自己诉讼权利的处分，不违反法律规定，依法应予准许。依照《中华人民共和国民事诉讼法》第一百四十八条第一款之规定，裁定如下："
    )
    page.add(f"准许原告{name}撤诉。")
    fee = max(50, (case.claimed or 10000) // 100)
    page.add(f"案件受理费{fee}元，减半收取计{fee // 2}元，由原告{name}负担。")


def _mediation(page: Page, case: Case, p: Litigant, d: Litigant) -> None:
    """民事调解书: the agreement the court confirms."""
    due = ids.iso_cn(ids.plus_days(case.decided_on, 5, 30, page.rng))
    page.add("本案在审理过程中，经本院主持调解，双方当事人自愿达成如下协议：")
    page.add(
        f"一、被告{page.name(d.party)}于{due}前一次性支付原告{page.name(p.party)}"
        f"赔偿款{ids.money(page.rng, case.awarded or 0)}；"
    )
    page.add(f"二、原告{page.name(p.party)}放弃其他诉讼请求；")
    page.add("三、案件受理费减半收取，由被告负担。")
    page.add("上述协议，不违反法律规定，本院予以确认。本调解书经各方当事人签收后，即具有法律效力。")


def second_instance(page: Page, case: Case) -> None:
    """Narrative and sections of an appeal judgment."""
    prior = case.prior
    assert prior is not None
    a, b = case.by_role("appellant")[0], case.by_role("appellee")[0]
    page.add(
        f"上诉人{page.ref(a.party)}因与被上诉人{page.ref(b.party)}{case.cause}一案，不服{prior.court.name}{prior.case_no}民事判决，"
        f"向本院提起上诉。本院于{ids.iso_cn(case.filed_on)}立案后，依法组成合议庭进行了审理。本案现已审理终结。"
    )
    page.add(
        f"{page.ref(a.party)}上诉请求：撤销一审判决，依法改判。事实和理由：一审判决认定事实不清，适用法律错误。"
    )
    page.add(f"{page.ref(b.party)}辩称，一审判决认定事实清楚，适用法律正确，请求驳回上诉，维持原判。")
    page.add(
        f"一审法院认定事实：{_facts(page, prior)}一审法院判决赔偿{ids.money(page.rng, prior.awarded or 0)}。"
    )
    page.add("本院二审查明的事实与一审法院查明的事实一致，本院予以确认。")
    if case.outcome == "reversed":
        page.add(
            "本院认为，一审判决认定事实有误，应予纠正。依照《中华人民共和国民事诉讼法》第一百七十七条第一款第二项之规定，判决如下："
        )
        page.add(f"一、撤销{prior.court.name}{prior.case_no}民事判决；")
        original_plaintiff = b.party if b.role_text.endswith("原告）") else a.party
        page.add(f"二、驳回{page.name(original_plaintiff)}的全部诉讼请求。")
    else:
        page.add(
            "本院认为，一审判决认定事实清楚，适用法律正确，应予维持。依照《中华人民共和国民事诉讼法》第一百七十七条第一款第一项之规定，判决如下："
        )
        page.add("驳回上诉，维持原判。")
    page.add("本判决为终审判决。")


def render(case: Case, rng: random.Random, taken: dict[str, Org]) -> Page:
    """The full text of a civil document."""
    page = Page(rng, case.decided_on, taken, indent="　　" if rng.random() < 0.7 else "")
    header(page, case)
    (first_instance if case.instance == "first" else second_instance)(page, case)
    judges = [
        names.person_name(rng, 0.0)[0]
        for _ in range(1 if case.doc_type != "judgment" and rng.random() < 0.5 else 3)
    ]
    page.signature(judges, names.person_name(rng, 0.0)[0])
    return page
