"""Pure tests of organisation matching by the people named in roles there (a firm's lawyers, a
company's legal representative, officers, shareholders) and of the one-character look-alike rule."""

from __future__ import annotations

from ipclue.graph.mentions import mentions_of
from ipclue.graph.resolution import org_rules
from ipclue.graph.resolution.evidence import org_evidence, org_groups, reps_by_org
from ipclue.graph.resolution.orgs import analyse
from ipclue.graph.resolution.profiles import Profile, from_row, member_blocks, merge_into
from ipclue.models import Agent, Judgment, PartyMention, SourceRef


def org(uid: str, name: str, *members: str, **attrs: set[str]) -> Profile:
    p = Profile(uid=uid, kind="org", names={analyse(name).key}, members=set(members), size=1)
    for k, v in attrs.items():
        getattr(p, k).update(v)
    return p


def decide(name: str, cands: list[Profile], *members: str) -> org_rules.Decision | None:
    return org_rules.decide(org("", name, *members), analyse(name), cands)


FIRM = "广东成信律师事务所"
STAFF = ("agent:杨颖雪", "agent:刘龙伟", "agent:张龙志", "agent:冯东凯")


def test_a_homophone_firm_named_with_its_lawyer_joins_it() -> None:
    cands = [
        org("org-a", FIRM, *STAFF),
        org("org-b", "广东晟信律师事务所", "agent:王芳", "agent:李强", "agent:陈静"),
    ]
    hit = decide("广东成新律师事务所", cands, "agent:刘龙伟")  # two candidates share the pinyin
    assert hit and hit.uid == "org-a" and hit.rule == "org:name-homophone"
    assert "same agents 刘龙伟" in hit.evidence and hit.score > 0.9


def test_a_well_known_firm_is_not_joined_on_the_name_alone_by_a_stranger() -> None:
    known = [org("org-a", FIRM, *STAFF)]
    assert decide("广东晟信律师事务所", known, "agent:王芳", "agent:李强") is None  # none of its lawyers
    assert decide("广东晟信律师事务所", known) is not None  # no people named: the old rule stands
    two = [org("org-a", FIRM, "agent:杨颖雪", "agent:刘龙伟")]
    assert decide("广东晟信律师事务所", two, "agent:王芳", "agent:李强") is None  # two against two
    few = [org("org-a", FIRM, "agent:杨颖雪")]
    hit = decide("广东晟信律师事务所", few, "agent:王芳")  # one known lawyer proves little
    assert hit and "only candidate" in hit.evidence


def test_one_namesake_among_many_people_is_no_corroboration() -> None:
    cand = org("org-a", FIRM, *STAFF)
    many = org("", "广东晟信律师事务所", "agent:杨颖雪", "agent:王芳", "agent:李强", "agent:陈静")
    assert org_rules.shared_members(many, cand) == {}
    assert org_rules.member_conflict(many, cand) is False  # one is shared
    other_role = org("", "广东晟信律师事务所", "manager:杨颖雪")
    assert org_rules.shared_members(other_role, cand) == {}


def test_a_one_character_lookalike_needs_corroboration() -> None:
    cands = [org("org-a", "广东朗鑫律师事务所", *STAFF)]
    assert decide("广东朗森律师事务所", cands) is None  # 鑫/森 sound apart: never on the name alone
    hit = decide("广东朗森律师事务所", cands, "agent:杨颖雪")
    assert hit and hit.rule == "org:name-lookalike+corroborated"
    assert "one character differs 森/鑫" in hit.evidence and "same agents 杨颖雪" in hit.evidence
    rep = [org("org-c", "上海市鑫舜鞋业有限公司", reps={"林志远"})]
    assert decide("上海市森舜鞋业有限公司", rep) is None
    hit = org_rules.decide(
        org("", "上海市森舜鞋业有限公司", reps={"林志远"}), analyse("上海市森舜鞋业有限公司"), rep
    )
    assert hit and hit.uid == "org-c"
    # a difference in the trade words, another legal form or another region is another organisation
    assert decide("北京市朗森律师事务所", cands, "agent:杨颖雪") is None
    for name in ("上海市鑫舜服业有限公司", "上海市森舜鞋业股份有限公司", "上海市森舜鞋业有限公司分公司"):
        hit = org_rules.decide(org("", name, reps={"林志远"}), analyse(name), rep)
        assert hit is None, name


def test_members_come_from_the_same_record_and_never_anonymised() -> None:
    src = SourceRef(path="j.txt", sha256="d" * 64, kind="judgment")
    lawyers = [Agent(name="刘龙伟", organization=FIRM), Agent(name="张某", organization=FIRM)]
    j = Judgment(
        case_no="(2020)粤01民初3号",
        case_no_raw="（2020）粤01民初3号",
        court="某法院",
        source=src,
        parties=[
            PartyMention(
                name="深圳市华美科技有限公司",
                role="plaintiff",
                role_text="原告",
                kind="org",
                legal_representative="林志远",
                agents=lawyers,
            ),
        ],
    )
    batch = mentions_of(j)
    people = reps_by_org(batch)
    groups = org_groups([m for m in batch if m.kind == "org"])
    evs = {k[0]: org_evidence(k, ms, people, set()) for k, ms in groups.items()}
    assert evs[FIRM].members == {"agent:刘龙伟"}
    assert evs["深圳市华美科技有限公司"].members == {"manager:林志远"}
    assert evs["深圳市华美科技有限公司"].reps == {"林志远"}
    assert member_blocks(evs[FIRM]) == ["member:agent:刘龙伟"]


def test_members_travel_with_profiles() -> None:
    row = {
        "uid": "org-a",
        "kind": "org",
        "names": [FIRM],
        "members": ["agent:刘龙伟", "manager:林志远", "bad"],
    }
    p = from_row(row)
    assert p.members == {"agent:刘龙伟", "manager:林志远"}
    merge_into(p, org("org-a", FIRM, "agent:杨颖雪"))
    assert p.members == {"agent:刘龙伟", "manager:林志远", "agent:杨颖雪"}


def test_a_party_known_in_one_city_is_not_joined_from_another_through_a_name_without_region() -> None:
    both = [org("org-a", "成都市天途鞋业有限公司")]
    both[0].names.add(analyse("天途鞋业有限公司").key)  # the region-less spelling joined it earlier
    assert decide("广州市天途鞋业有限公司", both) is None
    assert decide("广州市添途鞋业有限公司", both) is None  # nor as a homophone
    hit = decide("成都市天途鞋业有限责任公司", both)
    assert hit and hit.uid == "org-a"
