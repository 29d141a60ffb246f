"""Pure tests of the late organisation pass's plan: one organisation spelt two ways and split by the
online resolver is merged once both parties are known in full, and only then."""

from __future__ import annotations

from ipclue.graph.resolution.late_orgs import match, plan
from ipclue.graph.resolution.orgs import analyse
from ipclue.graph.resolution.profiles import Profile

STAFF = ("agent:吴秀凤", "agent:杨华", "agent:王庆雷", "agent:谭涛军", "agent:李霞慧")


def org(uid: str, name: str, *members: str, size: int = 1, **attrs: set[str]) -> Profile:
    p = Profile(uid=uid, kind="org", names={analyse(name).key}, members=set(members), size=size)
    for k, v in attrs.items():
        getattr(p, k).update(v)
    return p


def test_a_misspelt_firm_with_the_firms_lawyers_is_merged_into_the_firm() -> None:
    firm = org("org-na", "广东凯圣律师事务所", *STAFF, size=213)
    misspelt = org("org-nb", "广东恺圣律师事务所", "agent:李霞慧", "agent:杨华", "agent:谭涛军", size=26)
    merges = plan([misspelt, firm])
    assert list(merges) == ["org-na"] and list(merges["org-na"]) == ["org-nb"]
    pair = merges["org-na"]["org-nb"]
    assert pair.rule == "org:late-homophone" and 0.9 < pair.score <= 1.0
    assert {"广东恺圣律师事务所 ~ 广东凯圣律师事务所", "广东凯圣律师事务所 ~ 广东恺圣律师事务所"} & {
        pair.evidence[:21]
    }
    assert "same agents 李霞慧, 杨华, 谭涛军" in pair.evidence


def test_homophone_firms_with_other_lawyers_stay_apart() -> None:
    firm = org("org-na", "广东凯圣律师事务所", *STAFF, size=213)
    other = org("org-nb", "广东恺圣律师事务所", "agent:陈明", "agent:王芳", size=12)
    one_shared = org("org-nc", "广东恺圣律师事务所", "agent:杨华", "agent:陈明", "agent:王芳", "agent:李强")
    assert plan([firm, other]) == {}  # no lawyer in common: two firms
    assert plan([firm, one_shared]) == {}  # one namesake among four lawyers proves nothing
    same_name = org("org-nd", "广东凯圣律师事务所", *STAFF)
    assert match(firm, same_name) is None  # the same name: the resolver kept them apart, for its reasons


def test_the_registered_party_survives_and_conflicts_keep_parties_apart() -> None:
    code = "91440300MA5F3TFU6X"
    registered = org("org-91440300MA5F3TFU6X", "深圳市宝创实业有限公司", reps={"林志远"}, usccs={code})
    variant = org("org-nb", "深圳市宝创实业有限责任公司", reps={"林志远"}, size=9)
    homophone = org("org-nc", "深圳市保创实业有限公司", reps={"林志远"}, size=3)
    merges = plan([variant, homophone, registered])
    assert set(merges) == {registered.uid} and set(merges[registered.uid]) == {"org-nb", "org-nc"}
    assert merges[registered.uid]["org-nb"].rule == "org:late-variant"
    other = "91440300MA01BHH61N"
    other_code = org(f"org-{other}", "深圳市保创实业有限公司", reps={"林志远"}, usccs={other})
    assert match(registered, other_code) is None  # two full USCCs that differ
    here = org("org-nd", "深圳市保创实业有限公司", reps={"林志远"}, addresses={"深圳市南山区科技园1号"})
    there = org("org-ne", "深圳市宝创实业有限公司", reps={"林志远"}, addresses={"深圳市福田区2号"})
    assert match(here, there) is None  # addresses that contradict
    assert match(org("org-nf", "广州市宝创实业有限公司", reps={"林志远"}), homophone) is None  # another city


def test_a_party_a_reviewer_judged_takes_no_part_not_even_through_a_third() -> None:
    firm = org("org-na", "广东凯圣律师事务所", *STAFF, size=213)
    misspelt = org("org-nb", "广东恺圣律师事务所", *STAFF[:3], size=26)
    assert plan([firm, misspelt], {"org-nb"}) == {}
    split_off = org("org-sb", "广东凯圣律师事务所", *STAFF, size=5)  # split from org-na by a reviewer
    bridge = org("org-nc", "广东恺圣律师事务所", *STAFF[:3], size=2)  # matches both
    merges = plan([firm, split_off, bridge], {"org-na", "org-sb"})
    assert merges == {}  # the split is not undone through the misspelling


def test_a_party_matched_to_two_registered_organisations_is_left_alone() -> None:
    shenzhen = org("org-91440300MA5F3TFU6X", "深圳市宝创实业有限公司", usccs={"91440300MA5F3TFU6X"}, size=8,
                   addresses={"广东省深圳市福田区新华路127号"})  # fmt: skip
    changsha = org("org-9143010435NTG28K36", "长沙市宝创实业有限公司", usccs={"9143010435NTG28K36"}, size=3,
                   addresses={"湖南省长沙市岳麓区1号"})  # fmt: skip
    bare = org(
        "org-nb", "宝创实业有限公司", addresses={"广东省深圳市福田区新华路127号", "湖南省长沙市岳麓区1号"}
    )
    assert plan([bare, shenzhen, changsha]) == {}  # which of the two it is, the names cannot tell
    assert set(plan([bare, shenzhen])) == {shenzhen.uid}


def test_a_group_reaching_two_registered_organisations_is_left_alone() -> None:
    a = org("org-91440300MA5F3TFU6X", "深圳市宝创实业有限公司", usccs={"91440300MA5F3TFU6X"}, reps={"林志远"})
    b = org("org-9144030422W0N4QU8L", "深圳市泓达实业有限公司", usccs={"9144030422W0N4QU8L"}, reps={"陈明"})
    p = org("org-np", "深圳市保创实业有限公司", reps={"林志远", "王芳"})
    q = org("org-nq", "深圳市宏达实业有限公司", reps={"陈明", "王芳"})
    q.names.add(analyse("深圳市保创实业有限责任公司").key)  # p and q: one party under two names
    assert plan([a, b, p, q]) == {}  # p ~ a, q ~ b, p ~ q: one organisation cannot be both
    assert set(plan([a, p, q])) == {a.uid}
