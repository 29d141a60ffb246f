"""Opaque page cursors: a position in a list, as URL-safe text a client hands back unchanged."""

from __future__ import annotations

import base64
import binascii

from ipclue.errors import InvalidInput


def encode_cursor(position: str) -> str:
    """``position`` (any text) as a cursor."""
    return base64.urlsafe_b64encode(position.encode()).decode()


def decode_cursor(cursor: str) -> str:
    """The position a cursor holds; InvalidInput when it is not one this service gave (padding may be
    missing)."""
    try:
        padded = cursor.encode() + b"=" * (-len(cursor) % 4)
        return base64.b64decode(padded, altchars=b"-_", validate=True).decode()
    except (binascii.Error, ValueError) as exc:
        raise InvalidInput(f"bad cursor {cursor[:60]!r}") from exc
