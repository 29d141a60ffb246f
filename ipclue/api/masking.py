"""Masking of personal data for the ``consumer`` role: the one place every response passes through.

Rules: resident-ID fragments, birth dates and phone numbers are always masked; addresses are
masked on natural persons (and on Address nodes a person uses); ID-card and phone numbers
appearing inside any other string are masked too. Organisation data (USCC, company address)
stays, as it is public registry data.
"""

from __future__ import annotations

import re
from typing import Any

MASK = "***"
ID_NUMBER = re.compile(
    r"(?<![0-9A-Za-z])\d{6}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])"
    r"\d{3}[0-9Xx](?![0-9A-Za-z])"
)
MOBILE = re.compile(r"(?<!\d)(?:\+?86[- ]?)?1[3-9]\d(?:[- ]?\d{4}){2}(?!\d)")
LANDLINE = re.compile(r"(?<![\d-])0\d{2,3}-?\d{7,8}(?!\d)")
ALWAYS = frozenset({"id_fragment", "birth_date", "phone", "phones", "id_number"})
PERSONAL = frozenset({"address", "addresses"})
KEYS = frozenset(
    {
        "uid",
        "uscc",
        "sha256",
        "case_no",
        "reg_no",
        "number",
        "decision_no",
        "id",
        "source",
        "target",
        "node",
        "request_id",
        "fingerprint",
        "mention_id",
        "path",
    }
)


def mask(data: Any) -> Any:
    """A copy of a JSON-like value with personal data masked."""
    return _walk(data, person=False)


def _walk(data: Any, person: bool) -> Any:
    if isinstance(data, dict):
        return _dict(data, person or _is_person(data))
    if isinstance(data, list):
        return [_walk(v, person) for v in data]
    if isinstance(data, str):
        return mask_text(data)
    return data


def _is_person(d: dict[str, Any]) -> bool:
    return d.get("kind") == "person" or d.get("personal") is True


def _dict(d: dict[str, Any], person: bool) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in d.items():
        if value is None:
            out[key] = None
        elif key in ALWAYS or (person and key in PERSONAL):
            out[key] = _blank(value)
        elif key in KEYS and isinstance(value, str):
            out[key] = value
        else:
            out[key] = _walk(value, person)
    if d.get("personal") is True and d.get("label") in {"Address", "Phone"}:
        out.update(name=MASK, key=MASK)
    if d.get("label") == "Phone":
        out.update(name=MASK, key=MASK)
    return out


def _blank(value: Any) -> Any:
    if isinstance(value, list):
        return [MASK for _ in value]
    if isinstance(value, dict):
        return {k: MASK for k in value}
    return MASK


def mask_text(text: str) -> str:
    """Mask ID-card numbers and phone numbers inside free text."""
    if len(text) < 7 or not any(c.isdigit() for c in text):
        return text
    text = ID_NUMBER.sub(MASK, text)
    text = MOBILE.sub(MASK, text)
    return LANDLINE.sub(MASK, text)
