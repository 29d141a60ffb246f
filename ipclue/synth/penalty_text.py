"""行政处罚决定书: the text layout real 市场监管 decisions use, and the canonical record."""

from __future__ import annotations

import random
from typing import Any

from ipclue.synth import ids, names
from ipclue.synth.cases import PenaltyCase
from ipclue.synth.page import Page
from ipclue.synth.world import Org, Person

LAW_57 = "《中华人民共和国商标法》第五十七条第（一）项"
LAW_57_3 = "《中华人民共和国商标法》第五十七条第（三）项"
LAW_60 = "《中华人民共和国商标法》第六十条第二款"


def _party_block(page: Page, pen: PenaltyCase, mask: bool) -> None:
    """当事人, 主体资格证照名称, 统一社会信用代码, 住所, 法定代表人(负责人、经营者)."""
    party = pen.party
    if isinstance(party, Person):
        shown = names.masked(party.name, party.surname) if mask else page.name(party)
        if mask:
            page.mentions.append((party.eid, shown))
        page.add(f"当事人：{shown}")
        page.add(f"身份证件号码：{party.region.code}********{party.id_tail}")
        page.add(f"住址：{party.address if not mask else party.region.city + '*' * 6}")
        return
    page.add(f"当事人：{page.name(party)}")
    page.add("主体资格证照名称：营业执照")
    page.add(f"统一社会信用代码：{ids.masked_uscc(party.uscc) if mask else party.uscc}")
    page.add(f"住所：{party.address}")
    rep = party.rep
    shown = names.masked(rep.name, rep.surname) if mask else page.name(rep, anon=False)
    if mask:
        page.mentions.append((rep.eid, shown))
    page.add(f"法定代表人(负责人、经营者)：{shown}")


def _amounts(pen: PenaltyCase) -> str:
    """违法经营额 and 违法所得 as decisions state them."""
    return f"违法经营额为人民币{pen.illegal_revenue}元，违法所得为人民币{pen.illegal_gain}元"


def render(pen: PenaltyCase, rng: random.Random, taken: dict[str, Org]) -> Page:
    """The full text of a penalty decision."""
    page = Page(rng, pen.decided_on, taken)
    mask = rng.random() < 0.2
    page.plain(pen.authority)
    page.plain("行政处罚决定书")
    page.plain(pen.decision_no)
    _party_block(page, pen, mask)
    page.parties.append((pen.party.eid, "party", dict(page.mentions).get(pen.party.eid, "")))
    start = ids.plus_days(pen.decided_on, -150, -40, rng)
    source = f"权利人{page.name(pen.complainant)}的投诉" if pen.complainant else "日常检查"
    marks = "、".join(f"“{m.mark}”注册商标（第{m.reg_no}号）" for m in pen.marks)
    page.add("一、案件来源及调查经过")
    page.add(
        f"{ids.iso_cn(start)}，本局执法人员根据{source}，依法对当事人的经营场所进行检查，现场发现标有{marks}的商品{pen.goods_count}件。"
        f"经商标注册人鉴定，上述商品为侵犯注册商标专用权的商品。本局依法对上述商品予以扣押，并于当日立案调查。"
    )
    page.add("二、违法事实")
    act = (
        "在同一种商品上使用与其注册商标相同的商标（假冒注册商标）"
        if pen.violation == "假冒注册商标"
        else "销售侵犯注册商标专用权的商品"
    )
    page.add(f"经查，当事人未经商标注册人许可，{act}，共计{pen.goods_count}件，{_amounts(pen)}。")
    page.add("三、证据")
    page.add(
        "以上事实，有营业执照复印件、现场检查笔录、询问笔录、扣押物品清单、商标注册证复印件、鉴定证明及销售单据等证据为证。"
    )
    page.add("四、处罚依据")
    law = LAW_57 if pen.violation == "假冒注册商标" else LAW_57_3
    page.add(
        f"当事人的上述行为违反了{law}的规定，构成侵犯注册商标专用权的行为。依据{LAW_60}的规定，本局决定对当事人作出如下行政处罚："
    )
    page.add("五、处罚内容")
    page.add(f"1.没收侵权商品{pen.goods_count}件；2.罚款人民币{pen.fine}元。")
    if pen.transferred:
        page.add(f"鉴于当事人的违法行为涉嫌构成犯罪，本局已依法将案件移送{pen.police}。")
    page.add(
        "当事人应当自收到本决定书之日起十五日内缴纳罚款。如不服本处罚决定，可以在收到本决定书之日起六十日内申请行政复议，或者六个月内依法提起行政诉讼。"
    )
    page.plain(pen.authority)
    page.plain(ids.iso_cn(pen.decided_on))
    return page


def record(pen: PenaltyCase) -> dict[str, Any]:
    """The canonical penalty record (no ``source``: the canonical reader fills it)."""
    party = pen.party
    org = party if isinstance(party, Org) else None
    return {
        "type": "penalty",
        "decision_no": pen.decision_no,
        "authority": pen.authority,
        "decided_on": pen.decided_on.isoformat(),
        "party": party.name,
        "party_kind": "org" if org else "person",
        "uscc": org.uscc if org else None,
        "legal_representative": org.rep.name if org else None,
        "address": party.address,
        "violation": pen.violation,
        "marks": [m.reg_no for m in pen.marks],
        "patents": [],
        "illegal_revenue": float(pen.illegal_revenue),
        "illegal_gain": float(pen.illegal_gain),
        "sales_amount": None,
        "fine": float(pen.fine),
        "confiscated": f"侵权商品{pen.goods_count}件",
        "transferred_to_police": pen.transferred,
    }
