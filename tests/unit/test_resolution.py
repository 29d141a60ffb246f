"""Pure tests of the resolution rules: names, organisation and person rules, cut-off, judgements."""

from __future__ import annotations

from pathlib import Path

from ipclue.graph.resolution import org_rules, persons
from ipclue.graph.resolution.generic import CutoffRule, robust_cutoff
from ipclue.graph.resolution.judgements import Judgements
from ipclue.graph.resolution.orgs import analyse, regions_compatible
from ipclue.graph.resolution.profiles import Profile, masked_compatible
from ipclue.graph.resolve import Link
from ipclue.normalize import uscc_check_char

BODY = "91440300MA5D00001"
CODE = BODY + (uscc_check_char(BODY) or "0")


def org(uid: str, *names: str, **attrs: set[str]) -> Profile:
    p = Profile(uid=uid, kind="org", names={analyse(n).key for n in names}, size=1)
    for k, v in attrs.items():
        getattr(p, k).update(v)
    return p


def person(uid: str, name: str, **attrs: set[str]) -> Profile:
    p = Profile(uid=uid, kind="person", names={name}, size=1)
    for k, v in attrs.items():
        getattr(p, k).update(v)
    return p


def decide(name: str, cands: list[Profile], **attrs: set[str]) -> org_rules.Decision | None:
    return org_rules.decide(org("", name, **attrs), analyse(name), cands)


def test_analyse_splits_region_form_and_branch() -> None:
    a = analyse("深圳市华美（集团）有限责任公司")
    assert (a.region, a.form, a.variant) == ("深圳市", "ltd", "华美集团有限公司")
    assert analyse("华美集团有限公司").variant == a.variant
    assert analyse("深圳市华美科技股份有限公司").form == "joint"
    assert analyse("深圳市华美市场管理有限公司").region == "深圳市"
    assert analyse("华美市场管理有限公司").region == ""
    branch = analyse("深圳市华美科技有限公司南山分公司")
    assert branch.branch and branch.parent_key == "深圳市华美科技有限公司"
    assert branch.variant != analyse("深圳市华美科技有限公司").variant


def test_regions() -> None:
    assert regions_compatible("深圳市", "")
    assert regions_compatible("广东省深圳市", "深圳市")
    assert not regions_compatible("北京市", "深圳市")


# Real: one agency, with the same agent 谢逢御, written 浙江省义乌市… in one judgment and 浙江义乌市…
# in another.
REAL_AGENCY = {
    "lsz-05e81c4f93": "浙江省义乌市韬略知识产权代理有限公司",
    "lsz-0db1deac4e": "浙江义乌市韬略知识产权代理有限公司",
}


def test_real_agency_spellings_are_in_the_corpus(corpus: Path) -> None:
    for doc, name in REAL_AGENCY.items():
        text = (corpus / "judgments" / "civil" / f"{doc}.txt").read_text(encoding="utf-8")
        assert "谢逢御" in text and name in text


def test_regions_province_suffix_and_refinements() -> None:
    a, b = (analyse(n) for n in REAL_AGENCY.values())
    assert a.variant == b.variant and regions_compatible(a.region, b.region)  # 浙江省 = 浙江
    assert regions_compatible("广东省深圳市", "深圳市南山区")  # a run of places, refined either way
    assert regions_compatible("南山区", "深圳市南山区")
    assert not regions_compatible("深圳市南山区", "广州市南山区")
    assert not regions_compatible("浙江省义乌市", "江苏省义乌市")
    assert not regions_compatible("东莞市", "广东")  # which province a city is in is not known
    assert not regions_compatible("北海市", "南宁市")


def test_uscc_decides_and_conflicts() -> None:
    cands = [org(f"org-{CODE}", "深圳市华美科技有限公司", usccs={CODE})]
    hit = decide("完全不同的名字有限公司", cands, usccs={CODE})
    assert hit and hit.rule == "org:uscc" and hit.score == 1.0
    other = "91440300MA5D00002"
    other += uscc_check_char(other) or "0"
    assert decide("深圳市华美科技有限公司", cands, usccs={other}) is None  # same name, other code


def test_masked_uscc_corroborates_only() -> None:
    masked = CODE[:8] + "********" + CODE[16:]
    assert masked_compatible(masked, CODE)
    cands = [org("org-x", "深圳市华美科技有限公司", usccs={CODE})]
    assert decide("深圳市某某完全不同有限公司", cands, masked={masked}) is None
    hit = decide("深圳市华美科技股份有限公司", cands, masked={masked})
    assert hit and hit.rule == "org:legal-form+corroborated"


def test_name_rules() -> None:
    cands = [org("org-a", "深圳市华美科技有限公司")]
    exact = decide("深圳市华美科技有限公司", cands)
    assert exact and exact.rule == "org:name-exact"
    for variant in ("华美科技有限公司", "深圳市华美科技有限责任公司", "深圳市华美科技(有限公司)"):
        hit = decide(variant, cands)
        assert hit and hit.rule in {"org:name-variant", "org:name-exact"}, variant
    typo = decide("深圳市化美科技有限公司", cands)
    assert typo and typo.rule == "org:name-homophone" and typo.score < 0.95
    assert decide("深圳市华美科技股份有限公司", cands) is None  # another legal form, no corroboration
    assert decide("北京市华美科技有限公司", cands) is None  # another region
    assert decide("深圳市华美科技有限公司南山分公司", cands) is None  # a branch is its own party


def test_variant_ambiguous_needs_corroboration() -> None:
    cands = [
        org("org-a", "深圳市华美科技有限公司"),
        org("org-b", "广州市华美科技有限公司", addresses={"x路1号"}),
    ]
    assert decide("华美科技有限公司", cands) is None
    hit = decide("华美科技有限公司", cands, addresses={"x路1号"})
    assert hit and hit.uid == "org-b"


def test_person_name_alone_never_joins() -> None:
    cands = [person("p1", "王伟", births={"1980-01-01"})]
    assert persons.decide(person("", "王伟"), cands) is None
    hit = persons.decide(person("", "王伟", births={"1980-01-01"}), cands)
    assert hit and hit.rule == "person:name+birth"
    assert (
        persons.decide(
            person("", "王伟", births={"1990-01-01"}, orgs={"org-a"}),
            [person("p1", "王伟", births={"1980-01-01"}, orgs={"org-a"})],
        )
        is None
    )


def test_person_rules() -> None:
    cands = [person("p1", "陈明", orgs={"org-firm"}, contexts={"judgment.agent"})]
    hit = persons.decide(person("", "陈明", orgs={"org-firm"}, contexts={"judgment.agent"}), cands)
    assert hit and hit.rule == "person:lawyer=name+firm"
    hit = persons.decide(person("", "陈明", orgs={"org-firm"}), cands)
    assert hit and hit.rule == "person:name+company"
    assert persons.decide(person("", "陈明", orgs={"org-other"}), cands) is None


def test_anonymised_never_joins() -> None:
    ev = person("", "张某", births={"1980-01-01"})
    ev.anonymised = True
    assert persons.decide(ev, [person("p1", "张某", births={"1980-01-01"})]) is None


def test_robust_cutoff() -> None:
    hist = {1: 5000, 2: 300, 3: 80, 4: 20, 5: 5, 250: 1}
    cut = robust_cutoff(hist)
    assert 5 <= cut < 250
    assert robust_cutoff({1: 10}) == CutoffRule().floor
    assert robust_cutoff(hist, CutoffRule(k=1.0, floor=2)) < cut


def test_judgements_replay() -> None:
    j = Judgements(aliases={"b": "a", "c": "b"}, pins={"m2": "s1"})
    links = {
        "m1": Link("c", "org:new", 0.9, "x"),
        "m2": Link("a", "org:name-exact", 0.95, "y"),
        "m3": Link("a", "org:uscc", 1.0, "z"),
    }
    out = j.apply(links)
    assert (
        out["m1"].party_uid == "a" and out["m1"].rule == "judgement:merge" and "org:new" in out["m1"].evidence
    )
    assert out["m2"] == Link("s1", "judgement:split", 1.0, "split by a user")
    assert out["m3"] == links["m3"]
    assert Judgements(aliases={"a": "b", "b": "a"}).target("a") == "b"


def test_fully_masked_names_are_not_one_person_even_in_one_record() -> None:
    from ipclue.graph.mentions import mentions_of
    from ipclue.graph.resolution.evidence import person_groups
    from ipclue.models import Judgment, PartyMention, SourceRef

    src = SourceRef(path="j.txt", sha256="b" * 64, kind="judgment")
    j = Judgment(
        case_no="(2020)沪01民初1号",
        case_no_raw="（2020）沪01民初1号",
        court="上海市第一中级人民法院",
        source=src,
        parties=[
            PartyMention(
                name="上海甲有限公司",
                role="plaintiff",
                role_text="原告",
                kind="org",
                legal_representative="＊＊",
            ),
            PartyMention(
                name="天津乙有限公司",
                role="defendant",
                role_text="被告",
                kind="org",
                legal_representative="＊＊",
            ),
            PartyMention(name="张某", role="defendant", role_text="被告", kind="person"),
            PartyMention(name="张某", role="third_party", role_text="第三人", kind="person"),
        ],
    )
    groups = person_groups([m for m in mentions_of(j) if m.kind == "person"])
    names = sorted(key[1].split("#")[0] for key in groups)
    assert names == ["**", "**", "张某"]  # 张某 twice in one record is one person; ＊＊ never is


def test_same_name_lawyers_of_two_firms_in_one_record_are_two_people() -> None:
    from ipclue.graph.mentions import mentions_of
    from ipclue.graph.resolution.evidence import person_groups
    from ipclue.models import Agent, Judgment, PartyMention, SourceRef

    src = SourceRef(path="j.txt", sha256="c" * 64, kind="judgment")
    a, b = Agent(name="陈静", organization="甲律师事务所"), Agent(name="陈静", organization="乙律师事务所")
    j = Judgment(
        case_no="(2020)沪01民初2号",
        case_no_raw="（2020）沪01民初2号",
        court="某法院",
        source=src,
        parties=[
            PartyMention(name="上海甲有限公司", role="plaintiff", role_text="原告", kind="org", agents=[a]),
            PartyMention(name="天津乙有限公司", role="defendant", role_text="被告", kind="org", agents=[b]),
            PartyMention(name="陈静", role="defendant", role_text="被告", kind="person", agents=[b]),
        ],
    )
    groups = person_groups([m for m in mentions_of(j) if m.kind == "person"])
    assert sorted(len(ms) for ms in groups.values()) == [1, 1, 2]  # firm 甲, party 陈静, firm 乙 (twice)
