"""Blocking keys per mention and the candidate party key of each key group (run inside the Spark job).

The split with the in-process resolver (``graph.resolution.GraphResolver``): this job computes only
exact keys, which group mentions without comparing them: a valid USCC, the organisation name key
(``org_key``), a lawyer's name with the firm's name key. Each group carries a candidate party key,
computed as ``graph.resolve.KeyResolver`` names parties: ``org-<USCC>`` (the smallest valid USCC
written with that name, so that the result does not depend on the input's order), else
``org-n<digest of the name key>``; ``per-<digest>`` for a lawyer. The fuzzy organisation rules
(variant and pinyin keys, addresses, legal representatives), the person rules (birth date, ID
fragment, related organisations) and users' merge/split judgements stay with the graph resolver,
which decides the final party at load time.
"""

from __future__ import annotations

from collections.abc import Iterable

from ipclue.graph.mentions import Mention
from ipclue.graph.resolve import digest, org_key
from ipclue.normalize import clean, valid_uscc


def uscc_of(m: Mention) -> str | None:
    """The mention's USCC when it is a valid one (upper case), else None."""
    return clean(m.uscc or "").upper() if m.kind == "org" and valid_uscc(m.uscc) else None


def blocking_keys(m: Mention) -> list[str]:
    """``uscc:…`` and ``org:…`` for an organisation, ``lawyer:name|firm key`` for an agent with a firm."""
    if m.kind == "org":
        code = uscc_of(m)
        return ([f"uscc:{code}"] if code else []) + [f"org:{org_key(m.name)}"]
    firm = m.firm
    return [f"lawyer:{m.name}|{org_key(firm)}"] if firm and not m.anonymised else []


def candidate_key(key: str, usccs: Iterable[str]) -> str:
    """The candidate party key of a group: ``key`` and the valid USCCs its mentions carry."""
    kind, _, value = key.partition(":")
    if kind == "uscc":
        return f"org-{value}"
    if kind == "org":
        codes = sorted(set(usccs))
        return f"org-{codes[0]}" if codes else f"org-n{digest(value)}"
    name, _, firm = value.partition("|")
    return f"per-{digest(f'{name}|firm|{firm}')}"


def mention_candidate(m: Mention, groups: dict[str, str]) -> str | None:
    """A mention's candidate party: its own USCC, else its first key's group (``groups``: key → party)."""
    code = uscc_of(m)
    if code:
        return f"org-{code}"
    keys = blocking_keys(m)
    return groups.get(keys[0]) if keys else None
