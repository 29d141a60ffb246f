"""A document being written: its lines, and every party mention with the form it was written in."""

from __future__ import annotations

import random
from datetime import date

from ipclue.synth import ids, names
from ipclue.synth.cases import Litigant
from ipclue.synth.world import Org, Party, Person

ANON_SHARE = 0.15  # share of natural persons a document writes as 张某 / 李某某
VARIANT_SHARE = 0.1  # share of organisation mentions written with a variant name


class Page:
    """Lines of one document plus its mentions; a party keeps one written form per document."""

    def __init__(self, rng: random.Random, day: date, taken: dict[str, Org], indent: str = "") -> None:
        """A blank document dated ``day``; ``taken`` holds canonical names variants must avoid."""
        self.rng = rng
        self.day = day
        self.taken = taken
        self.indent = indent
        self.lines: list[str] = []
        self.mentions: list[tuple[int, str]] = []
        self.parties: list[tuple[int, str, str]] = []
        self._written: dict[int, str] = {}
        self._short: dict[int, str] = {}
        self.colon = "：" if rng.random() < 0.6 else ""

    def add(self, line: str) -> None:
        """Append a paragraph."""
        self.lines.append(self.indent + line)

    def plain(self, line: str) -> None:
        """Append a line without indentation (title, signatures)."""
        self.lines.append(line)

    def fix_names(self, written: dict[int, str]) -> None:
        """Write these entities in these forms (one person written alike in two judgments)."""
        self._written.update(written)

    def name(self, party: Party, anon: bool = True) -> str:
        """The party's name as this document writes it (recorded as a mention)."""
        if party.eid in self._written:
            form = self._written[party.eid]
            if (party.eid, form) not in self.mentions:
                self.mentions.append((party.eid, form))
            return form
        form = self._form(party, anon)
        self._written[party.eid] = form
        self.mentions.append((party.eid, form))
        return form

    def _form(self, party: Party, anon: bool) -> str:
        """Pick the written form: anonymised person, or an organisation name variant."""
        rng = self.rng
        if isinstance(party, Person):
            return (
                names.anonymised(party.name, party.surname, rng)
                if anon and rng.random() < ANON_SHARE
                else party.name
            )
        name = party.name_on(self.day)
        if rng.random() < VARIANT_SHARE:
            alt = names.variant(name, party.trade, party.region.city, rng)
            if alt not in self.taken:
                return alt
        return name

    def ref(self, party: Party) -> str:
        """How the body refers to the party: its short name if one was defined, else its name."""
        return self._short.get(party.eid) or self.name(party)

    def alias(self, party: Party) -> str:
        """（以下简称华美公司） for companies, sometimes; '' otherwise."""
        if not isinstance(party, Org) or party.kind != "company" or self.rng.random() < 0.35:
            return ""
        short = party.trade + "公司"
        if short in self._short.values():
            return ""
        self._short[party.eid] = short
        return f"（以下简称{short}）"

    def person_bits(self, person: Person, written: str) -> str:
        """，男，1975年3月2日出生，汉族，住… (shortened when the name is withheld)."""
        if written != person.name:
            return f"，{person.gender}，{person.born.year}年出生，{person.ethnicity}，住{person.region.city}"
        born = ids.iso_cn(person.born)
        idno = (
            f"，公民身份号码{person.region.code}********{person.id_tail}" if self.rng.random() < 0.25 else ""
        )
        return f"，{person.gender}，{born}出生，{person.ethnicity}{idno}，住{person.address}"

    def litigant(self, lit: Litigant, with_uscc: bool) -> None:
        """The header paragraphs for one litigant and its agents."""
        party, c = lit.party, self.colon
        if isinstance(party, Person):
            written = self.name(party)
            self.add(f"{lit.role_text}{c}{written}{self.person_bits(party, written)}。")
        elif party.kind == "shop":
            self._shop(lit, party)
        else:
            self._org(lit, party, with_uscc)
        self.parties.append((party.eid, lit.role, self._written[party.eid]))
        for person, firm in lit.agents:
            self._agent(person, firm, lit.party)

    def _org(self, lit: Litigant, org: Org, with_uscc: bool) -> None:
        """原告：深圳市华美科技有限公司（以下简称华美公司），住所地…。 / 法定代表人：张三，总经理。"""
        c = self.colon
        code = f"，统一社会信用代码{org.uscc}" if with_uscc else ""
        where = self.rng.choice(("住所地", "住所地：", "住"))
        self.add(f"{lit.role_text}{c}{self.name(org)}{self.alias(org)}{code}，{where}{org.address}。")
        head = "负责人" if org.kind == "firm" else "法定代表人"
        rep = self.name(org.rep, anon=False)
        self.add(f"{head}{c}{rep}，{self.rng.choice(('该公司', ''))}{org.rep_title}。")

    def _shop(self, lit: Litigant, shop: Org) -> None:
        """A sole trader, in one of the three ways courts write them."""
        c, op, roll = self.colon, shop.rep, self.rng.random()
        if roll < 0.4:
            written = self.name(op)
            self.add(
                f"{lit.role_text}{c}{written}{self.person_bits(op, written)}，系{self.name(shop)}经营者。"
            )
        elif roll < 0.8:
            self.add(f"{lit.role_text}{c}{self.name(shop)}，经营者{self.name(op)}，住所地{shop.address}。")
        else:
            self.add(f"{lit.role_text}{c}{self.name(shop)}（个体工商户），住所地{shop.address}。")
            written = self.name(op)
            self.add(f"经营者{c}{written}{self.person_bits(op, written)}。")

    def _agent(self, person: Person, firm: Org | None, client: Party) -> None:
        """委托诉讼代理人：李四，广东某某律师事务所律师。 / a citizen agent."""
        head = "委托诉讼代理人" if self.day.year >= 2017 else "委托代理人"
        written = self.name(person, anon=firm is None)
        if firm is not None:
            self.add(f"{head}{self.colon}{written}，{self.name(firm)}律师。")
        elif isinstance(client, Org):
            self.add(f"{head}{self.colon}{written}，{person.gender}，{person.born.year}年出生，该公司员工。")
        else:
            self.add(f"{head}{self.colon}{written}{self.person_bits(person, written)}。")

    def signature(self, judges: list[str], clerk: str) -> None:
        """审判长/审判员 lines, the date in Chinese numerals, 书记员."""
        titles = ("审判长", "审判员", "人民陪审员") if len(judges) > 1 else ("审判员",)
        spacer = self.rng.choice(("", "  ", "　　"))
        for title, judge in zip(titles, judges, strict=False):
            self.plain(f"{title}{spacer}{judge}")
        self.plain(ids.cn_date(self.day, self.rng.choice(("〇", "〇", "〇", "Ｏ", "零"))))
        self.plain(f"书记员{spacer}{clerk}")

    def text(self) -> str:
        """The document as one string, one paragraph a line."""
        return "\n".join(self.lines) + "\n"
