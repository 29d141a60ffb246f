"""Litigation pairs (pure): sides, what two suits share, strength, review only, hard negatives."""

from __future__ import annotations

from typing import Any

from ipclue.graph.resolution.groups import AGENT_OF, Person, Role, Thresholds, name_pairs, plan
from ipclue.graph.resolution.suits import (
    BLOCK_CAP,
    CAP,
    STRENGTH,
    Suit,
    candidate_pairs,
    docket,
    suit_link,
    suit_of,
    suits_by_uid,
)

TH = Thresholds()
SONGGANG = ["org-songgang", "松冈机电（中国）有限公司"]
CHUANGYUAN = ["org-chuangyuan", "上海创远律师事务所"]


def row(case: str, court: str = "上海市黄浦区人民法院", role: str = "defendant", **kw: Any) -> dict[str, Any]:
    plaintiff = {"uid": SONGGANG[0], "name": SONGGANG[1], "role": "plaintiff", "firms": [CHUANGYUAN]}
    base = {
        "uid": "p1",
        "case_no": case,
        "court": court,
        "role": role,
        "via": "",
        "counsel": [],
        "others": [plaintiff],
    }
    return base | kw


def suit(case: str, **kw: Any) -> Suit:
    found = suit_of(row(case, **kw))
    assert found is not None
    return found


def litigant(uid: str, *suits: Suit, born: str | None = None) -> Person:
    return Person(uid, "孙晨", [], {born} if born else set(), set(), list(suits))


def test_sides_opponents_and_criminal_roles() -> None:
    s = suit("(2015)黄浦民三(知)初字第57号")
    assert s.side == "respond" and s.opponents == {tuple(SONGGANG)} and s.opposing == {tuple(CHUANGYUAN)}
    co_defendant = {"uid": "org-taobao", "name": "浙江淘宝网络有限公司", "role": "defendant", "firms": []}
    assert suit("x", others=[*row("x")["others"], co_defendant]).opponents == {tuple(SONGGANG)}
    assert suit_of(row("x", role="accused")) is None and suit_of(row("x", role="third_party")) is None
    assert suit("x", role="appellee").side == suit("y").side


def test_docket_series_and_serial() -> None:
    assert docket("(2014)雁民初字第05032号") == ("(2014)雁民初字第", 5032)
    assert docket("(2021)京0105民初12345号") == ("(2021)京0105民初", 12345)
    assert docket("no number") is None


def test_each_kind_of_shared_litigation() -> None:
    a = suit("(2015)黄浦民三(知)初字第57号")
    b = suit("(2015)黄浦民三(知)初字第87号", via="上海锦雀文体用品有限公司")
    score, rule, why = suit_link([a], [b]) or (0.0, "", "")
    assert (
        rule == "person:suit-same-opponent" and score == STRENGTH["same_opponent"]
    )  # its firm too, and the batch: one campaign, counted once
    assert "被告「上海锦雀文体用品有限公司」法定代表人（(2015)黄浦民三(知)初字第87号）" in why
    alone: dict[str, Any] = {"others": []}
    batch = suit_link([suit("(2014)雁民初字第05032号", **alone)], [suit("(2014)雁民初字第05034号", **alone)])
    assert batch is not None and batch[1] == "person:suit-case-batch" and "同批立案" in batch[2]
    far = suit_link([suit("(2014)雁民初字第05032号", **alone)], [suit("(2014)雁民初字第05132号", **alone)])
    assert far is None
    firm = [["org-shengbang", "广东法制盛邦（东莞）律师事务所"]]
    a, b = (
        suit(c, court=court, role="plaintiff", counsel=firm, **alone)
        for c, court in (("a1", "佛山"), ("b1", "宜宾"))
    )
    counsel = suit_link([a], [b])
    assert counsel is not None and counsel[:2] == (STRENGTH["same_counsel"], "person:suit-same-counsel")
    rep = suit("a1", court="佛山", role="plaintiff", counsel=firm, via="深圳市兴豪服饰有限公司", **alone)
    assert suit_link([rep], [b]) is None  # the firm acted for the company, not for its legal representative


def test_nothing_across_sides_within_one_case_or_between_courts() -> None:
    a = suit("(2015)黄浦民三(知)初字第57号")
    assert suit_link([a], [suit("(2015)黄浦民三(知)初字第57号")]) is None  # one case: one record's business
    assert suit_link([a], [suit("(2015)黄浦民三(知)初字第58号", role="plaintiff")]) is None
    assert suit_link([a], [suit("(2015)黄浦民三(知)初字第58号", court="上海市徐汇区人民法院")]) is None


def test_own_counsel_adds_to_the_campaign_below_merge() -> None:
    firm = [["org-shengbang", "广东法制盛邦（东莞）律师事务所"]]
    a, b = suit("(2015)黄浦第1号", counsel=firm), suit("(2015)黄浦第2号", counsel=firm)
    hit = suit_link([a], [b])  # opponent, its firm and the batch count once; their own firm adds 0.05
    assert hit is not None and hit[0] == STRENGTH["same_opponent"] + 0.05 <= CAP < TH.merge


def test_pairs_are_possible_matches_only_weighted_and_never_merged() -> None:
    p, q = litigant("p1", suit("(2015)黄浦第57号")), litigant("p2", suit("(2015)黄浦第87号"))
    (pair,) = name_pairs([p, q], 2, {}, TH, set())
    assert pair.rule == "person:suit-same-opponent" and "同名可区分者 2 人（权重 0.96）" in pair.evidence
    assert pair.score == round(STRENGTH["same_opponent"] * 0.96, 3)
    (common,) = name_pairs([p, q], 1024, {}, TH, set())
    assert common.score < TH.review  # 1,024 bearers: a court and a plaintiff are no evidence
    eager = Thresholds(merge=0.6, review=0.5)
    out = plan({"孙晨": ([p, q], 2)}, {}, eager)
    assert not out.merges and [(x.a, x.b) for x in out.possible] == [("p1", "p2")]


def test_hard_negatives_and_rejections_hold() -> None:
    p, q = (
        litigant("p1", suit("(2015)黄浦第57号"), born="1976-08-07"),
        litigant("p2", suit("(2015)黄浦第87号"), born="1980-01-01"),
    )
    assert name_pairs([p, q], 2, {}, TH, set()) == []
    p, q = litigant("p1", suit("(2015)黄浦第57号")), litigant("p2", suit("(2015)黄浦第87号"))
    assert name_pairs([p, q], 2, {}, TH, {frozenset(("p1", "p2"))}) == []


def test_people_joined_by_an_organisation_get_no_litigation_pair() -> None:
    agent = [Role(AGENT_OF, "org-supor", "浙江苏泊尔股份有限公司")]
    p = Person("p1", "彭炼", agent, suits=[suit("(2014)长中民五初字第00914号")])
    q = Person("p2", "彭炼", agent, suits=[suit("(2014)长中民五初字第00941号")])
    (pair,) = name_pairs([p, q], 2, {}, TH, set())
    assert pair.rule == "person:group-same-org" and "诉讼代理人@浙江苏泊尔股份有限公司" in pair.evidence
    assert plan({"彭炼": ([p, q], 2)}, {}, TH).merges == {"p1": {"p2": pair}}


def test_blocks_over_the_cap_say_nothing() -> None:
    many = [[suit(f"(2015)黄浦第{i}号")] for i in range(BLOCK_CAP + 1)]
    assert candidate_pairs(many) == set()
    assert candidate_pairs(many[:3]) == {(0, 1), (0, 2), (1, 2)}


def test_rows_become_sorted_distinct_suits_per_person() -> None:
    rows = [row("b"), row("a"), row("a"), row("c", role="accused"), row("d") | {"uid": "p2"}]
    found = suits_by_uid(rows)
    assert [s.case for s in found["p1"]] == ["a", "b"] and [s.case for s in found["p2"]] == ["d"]


def test_an_agent_of_a_firm_is_known_by_its_firm() -> None:
    client = Role(AGENT_OF, "org-mideo", "东莞市圣博新材料有限公司")

    def at(uid: str, *roles: Role) -> Person:
        return Person(uid, "李秀英", [client, *roles] if uid != "officer" else list(roles))

    firm_a, firm_b = (Role("MEMBER_OF", f"org-{x}", f"广东{x}律师事务所") for x in ("华禾", "帝隆"))
    officer = at("officer", Role("OFFICER_OF", "org-mideo", "东莞市圣博新材料有限公司"))
    assert name_pairs([at("a", firm_a), at("b", firm_b)], 2, {}, TH, set()) == []  # two lawyers
    assert name_pairs([at("a", firm_a), officer], 2, {}, TH, set()) == []  # a lawyer is not the officer
    assert [p.rule for p in name_pairs([at("a"), officer], 2, {}, TH, set())] == ["person:group-same-org"]
    assert [p.rule for p in name_pairs([at("a", firm_a), at("b")], 2, {}, TH, set())] == [
        "person:group-same-org"
    ]
