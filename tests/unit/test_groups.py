"""Group pass planning (pure): links, 字号, rarity, hard negatives, thresholds."""

from __future__ import annotations

from ipclue.graph.resolution.groups import (
    STRENGTH,
    OrgLink,
    OrgLinks,
    Person,
    Role,
    Thresholds,
    candidates,
    name_pairs,
    neighbours_of,
    plan,
)
from ipclue.graph.resolution.trade_names import city_of, places_in, stem, trade_name

TH = Thresholds()


def rep(uid: str, org: str, org_name: str, role: str = "LEGAL_REP_OF", born: str | None = None) -> Person:
    return Person(uid, "方洪波", [Role(role, org, org_name, city_of(org_name))], {born} if born else set())


def test_trade_name_is_the_common_start_without_region_and_form() -> None:
    assert trade_name("广东美的生活电器制造有限公司", "广东美的电器股份有限公司") == "美的"
    assert trade_name("无锡小天鹅股份有限公司", "广东美的电器股份有限公司") is None
    assert trade_name("中国宣纸集团公司", "中国银行股份有限公司") is None  # generic start
    places = places_in(["杭州市西湖区文三路1号"])
    assert trade_name("杭州青奇科技有限公司", "杭州小木吉软件科技有限公司", places) is None
    assert trade_name("江苏朗华律师事务所", "江苏郎华律师事务所") == "朗华律师事务所/郎华律师事务所"


def test_branch_link_merges_and_trade_name_alone_is_only_possible() -> None:
    links: OrgLinks = {frozenset(("o1", "o2")): [OrgLink("branch", "星河电子")]}
    people = [
        rep("p1", "o1", "星河电子有限公司"),
        rep("p2", "o2", "X分公司"),
        rep("p3", "o3", "星河贸易有限公司"),
    ]
    out = plan({"方洪波": (people, 3)}, links, TH)
    assert set(out.merges) == {"p1"} and set(out.merges["p1"]) == {"p2"}
    assert out.merges["p1"]["p2"].rule == "person:group-branch"
    assert [(p.a, p.b, p.rule) for p in out.possible] == [("p1", "p3", "person:group-trade-name")]


def test_a_common_name_weakens_a_link_that_can_occur_anywhere() -> None:
    # the same 字号 can be written by organisations anywhere: every bearer of the name counts
    pair = [rep("p1", "o1", "星河电子有限公司"), rep("p2", "o2", "星河贸易有限公司")]
    rare = name_pairs(pair, 2, {}, TH, set())[0]
    common = name_pairs(pair, 200, {}, TH, set())[0]
    assert rare.rule == common.rule == "person:group-trade-name"
    assert common.score < rare.score and "同名可区分者 199 人" in common.evidence  # the two count as one


def test_a_common_name_at_a_parent_and_its_subsidiary_is_still_merged() -> None:
    # 200 parties bear the name, but none but these two holds a role in the group; a non-generic
    # phone or address puts the organisations in one small group, as a chain does
    for kind in ("shareholder", "branch", "shared_phone", "shared_address"):
        links: OrgLinks = {frozenset(("o1", "o2")): [OrgLink(kind, "控股公司")]}
        pair = [
            rep("p1", "o1", "甲控股有限公司"),
            rep("p2", "o2", "乙有限公司"),
            rep("p3", "o9", "丙有限公司"),
        ]
        out = plan({"方洪波": (pair, 200)}, links, TH)
        assert set(out.merges) == {"p1"} and set(out.merges["p1"]) == {"p2"}, kind
        merged = out.merges["p1"]["p2"]
        assert merged.score == STRENGTH[kind] and "关联组织内同名可区分者 1 人" in merged.evidence, kind


def test_another_bearer_inside_the_group_weakens_a_structural_link() -> None:
    links: OrgLinks = {frozenset(("o1", "o2")): [OrgLink("shareholder", "控股公司")]}
    people = [
        rep("p1", "o1", "甲控股有限公司", born="1970-01-01"),
        rep("p2", "o2", "乙有限公司", born="1970-01-01"),
        rep("p3", "o2", "乙有限公司", "OFFICER_OF", born="1985-05-05"),  # a different person in the group
    ]
    (pair,) = [p for p in name_pairs(people, 200, links, TH, set()) if {p.a, p.b} == {"p1", "p2"}]
    assert pair.score == round(0.9 * (1 - TH.rarity), 3)
    assert "关联组织内同名可区分者 2 人" in pair.evidence


def test_name_only_needs_controlling_roles_in_one_city_and_never_merges() -> None:
    reps = [
        rep("p1", "o1", "深圳市甲科技有限公司"),
        rep("p2", "o2", "深圳市乙贸易有限公司", "SHAREHOLDER_OF"),
    ]
    out = plan({"方洪波": (reps, 2)}, {}, Thresholds(merge=0.6, review=0.5))
    assert out.merges == {} and [p.rule for p in out.possible] == ["person:group-name-roles"]
    why = out.possible[0].evidence
    assert "同在「深圳」" in why and "股东@深圳市乙贸易有限公司" in why
    assert "「深圳」同名法定代表人、股东可区分者 2 人" in why
    assert out.possible[0].score == round(STRENGTH["name_roles"] * (1 - TH.rarity), 3)
    low = Thresholds(merge=0.6, review=0.5)
    apart = [rep("p1", "o1", "深圳市甲科技有限公司"), rep("p2", "o2", "杭州市乙贸易有限公司")]
    assert plan({"方洪波": (apart, 2)}, {}, low).possible == []
    unknown = [rep("p1", "o1", "深圳市甲科技有限公司"), rep("p2", "o2", "乙贸易有限公司")]  # one city unknown
    (edge,) = plan({"方洪波": (unknown, 2)}, {}, low).possible
    assert "所在城市未明" in edge.evidence and "「深圳」同名" in edge.evidence  # counted with 深圳's
    neither = [rep("p1", "o1", "甲科技有限公司"), rep("p2", "o2", "乙贸易有限公司")]
    (edge,) = plan({"方洪波": (neither, 2)}, {}, low).possible
    assert "所在城市未明" in edge.evidence and "城市未明的同名法定代表人、股东可区分者 2 人" in edge.evidence
    for role in ("OFFICER_OF", "MEMBER_OF"):  # a 监事, a lawyer
        other = [rep("p1", "o1", "深圳市甲科技有限公司"), rep("p2", "o2", "深圳市乙贸易有限公司", role)]
        assert plan({"方洪波": (other, 2)}, {}, low).possible == [], role


def test_name_only_is_for_a_rare_name_and_few_representatives_in_the_city() -> None:
    low = Thresholds(merge=0.6, review=0.5)
    three = [rep(f"p{i}", f"o{i}", f"深圳市{c}科技有限公司") for i, c in enumerate("甲乙丙")]
    out = plan({"方洪波": (three, 5)}, {}, low)
    assert len(out.possible) == 3 and all("可区分者 3 人" in p.evidence for p in out.possible)
    assert plan({"方洪波": (three, 6)}, {}, low).possible == []  # six parties bear the name: not rare
    four = [*three, rep("p9", "o9", "丁科技有限公司")]  # city unknown: counted in every city
    assert plan({"方洪波": (four, 4)}, {}, low).possible == []  # four 法定代表人 of it in one city
    linked: OrgLinks = {frozenset(("o0", "o1")): [OrgLink("shared_address", "深圳市南山区1号")]}
    out = plan({"方洪波": (four, 4)}, linked, low)  # two of the four are one person: three remain
    assert set(out.merges) == {"p0"} and set(out.merges["p0"]) == {"p1"}
    assert {(p.a, p.b) for p in out.possible} == {("p0", "p2"), ("p0", "p9"), ("p2", "p9")}


def test_the_city_of_an_organisation_from_its_name_else_its_address() -> None:
    assert city_of("深圳市华美科技有限公司", ["浙江省杭州市西湖区文三路1号"]) == "深圳"
    assert city_of("华美科技有限公司", ["浙江省杭州市西湖区文三路1号"]) == "杭州"
    assert city_of("广东美的电器股份有限公司", ["广东省佛山市顺德区北滘镇"]) == "佛山"
    assert city_of("甲有限公司", ["内蒙古自治区呼和浩特市新城区"]) == "呼和浩特"
    assert city_of("甲有限公司", ["南山区科技园8号"]) == "" and city_of("甲有限公司") == ""
    assert city_of("甲有限公司", ["深圳市南山区市场路1号"]) == "深圳"
    assert city_of("北京小桔科技有限公司") == "北京" and city_of("深圳北岸商业保理有限公司") == ""


def test_hard_negatives_birth_and_rejection() -> None:
    links: OrgLinks = {frozenset(("o1", "o2")): [OrgLink("branch", "X")]}
    born = [rep("p1", "o1", "甲", born="1970-01-01"), rep("p2", "o2", "乙", born="1980-01-01")]
    assert name_pairs(born, 2, links, TH, set()) == []
    same = [rep("p1", "o1", "甲"), rep("p2", "o2", "乙")]
    assert name_pairs(same, 2, links, TH, {frozenset(("p1", "p2"))}) == []


def test_merged_groups_get_one_possible_match_between_survivors() -> None:
    links: OrgLinks = {frozenset(("o1", "o2")): [OrgLink("branch", "X")]}
    people = [rep("p1", "o1", "美的电器有限公司"), rep("p2", "o2", "甲"), rep("p3", "o3", "美的制冷有限公司")]
    out = plan({"方洪波": (people, 3)}, links, TH)
    assert [(p.a, p.b) for p in out.possible] == [("p1", "p3")]


def _old_candidates(people: list[Person], links: OrgLinks) -> set[tuple[int, int]]:
    """The linked-organisation pairs as the first version found them: by scanning every link."""
    at: dict[str, set[int]] = {}
    for i, p in enumerate(people):
        for r in p.roles:
            at.setdefault(r.org, set()).add(i)
    out: set[tuple[int, int]] = set()
    for pair in links:
        x, y = sorted(pair)
        for i in at.get(x, ()):
            out.update((min(i, j), max(i, j)) for j in at.get(y, ()) if i != j)
    return out


def test_candidates_from_the_adjacency_equal_a_scan_of_every_link() -> None:
    import random

    rnd = random.Random(7)
    orgs = [f"o{n:03d}" for n in range(120)]
    links: OrgLinks = {}
    for _ in range(300):
        a, b = rnd.sample(orgs, 2)
        links[frozenset((a, b))] = [OrgLink("shareholder", a)]
    people = [
        Person(
            f"p{i:03d}", "方洪波", [Role("LEGAL_REP_OF", o, f"字号{o}有限公司") for o in rnd.sample(orgs, 2)]
        )
        for i in range(80)
    ]
    near = neighbours_of(links)
    found = candidates(people, links, frozenset(), near)
    assert found == candidates(people, links, frozenset())  # built here or by the caller: the same
    linked = _old_candidates(people, links)
    assert linked and linked <= found
    # every pair found beyond the linked ones shares an organisation or a small 字号/sound block
    shared = {
        (i, j)
        for i, j in found - linked
        if {r.org for r in people[i].roles} & {r.org for r in people[j].roles}
    }
    assert found - linked - shared == set()


def _old_stem_places(core: str, places: frozenset[str]) -> str:
    """How the first version stripped leading place names: by scanning every place name."""
    ordered = sorted(places, key=lambda x: (-len(x), x))
    while head := next((p for p in ordered if core.startswith(p) and len(core) > len(p) + 1), None):
        core = core[len(head) :]
    return core


def test_leading_places_by_prefix_equal_a_scan_of_every_place() -> None:
    import random

    rnd = random.Random(3)
    han = "杭州西湖南山深圳广东浙江海宁金华义乌东阳温岭"
    places = places_in([f"{a}{b}市{c}{d}{e}区" for a, b, c, d, e in (rnd.sample(han, 5) for _ in range(60))])
    places |= {"黑龙江", "内蒙古", "广东", "金华", "金华东", "东阳"}
    names = ["".join(rnd.choices(han, k=rnd.randint(2, 9))) + "科技有限公司" for _ in range(400)]
    for name in [
        *names,
        "金华东阳温岭科技有限公司",
        "杭州市西湖区龙井茶叶有限公司",
        "广东美的电器股份有限公司",
        "杭州有限公司",
    ]:
        core = stem(name)  # without places: nothing stripped beyond region and form
        assert stem(name, places) == _old_stem_places(core, places), name


def test_a_name_only_pair_is_scored_where_both_are_known_to_be() -> None:
    # p at companies in 广州 and 深圳, q in 深圳 and at one of unknown city: the pair is one in 深圳
    p = Person(
        "p1",
        "方洪波",
        [
            Role("LEGAL_REP_OF", "o1", "广州市甲有限公司", "广州"),
            Role("LEGAL_REP_OF", "o2", "深圳市乙有限公司", "深圳"),
        ],
    )
    q = Person(
        "p2",
        "方洪波",
        [
            Role("LEGAL_REP_OF", "o3", "丙有限公司", ""),
            Role("LEGAL_REP_OF", "o4", "深圳市丁有限公司", "深圳"),
        ],
    )
    (edge,) = plan({"方洪波": ([p, q], 2)}, {}, Thresholds(merge=0.6, review=0.5)).possible
    assert "同在「深圳」" in edge.evidence and "深圳市乙有限公司" in edge.evidence, edge.evidence


def test_people_joined_through_another_get_no_name_only_pair() -> None:
    # p1–p2 and p2–p3 share an address; p1 and p3 are one group already, not a name-only pair
    links: OrgLinks = {
        frozenset(("o1", "o2")): [OrgLink("shared_address", "深圳市南山区1号")],
        frozenset(("o2", "o3")): [OrgLink("shared_address", "深圳市南山区2号")],
    }
    people = [
        rep(f"p{i}", f"o{i}", f"深圳市{c}科技有限公司") for i, c in zip((1, 2, 3), "甲乙丙", strict=True)
    ]
    pairs = name_pairs(people, 3, links, Thresholds(merge=0.99, review=0.5), set())
    assert pairs and all(p.rule != "person:group-name-roles" for p in pairs), pairs
