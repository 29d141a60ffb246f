"""Reading raw documents: detect the encoding (UTF-8, GBK/GB18030), flatten HTML, hash bytes."""

from __future__ import annotations

import hashlib
import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from ipclue.errors import ExtractError

_BLOCK_TAGS = {"p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "table", "section", "article"}
_HTML_HINT = re.compile(r"<(?:html|body|div|p|br|span|table)\b", re.I)


@dataclass(frozen=True, slots=True)
class Document:
    """A decoded document: its text (one paragraph a line), encoding and the sha256 of its bytes."""

    path: str
    text: str
    encoding: str
    sha256: str
    was_html: bool = False


class _Flattener(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def decode_bytes(data: bytes, path: str = "<bytes>") -> tuple[str, str]:
    """Decode as UTF-8 (with or without BOM), else GB18030 (a superset of GBK); never guess silently."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError as exc:
        raise ExtractError(path, "undecodable", f"neither UTF-8 nor GB18030 at byte {exc.start}") from exc
    return text, "gb18030"


def html_to_text(markup: str) -> str:
    """Flatten HTML into one paragraph a line, entities decoded."""
    parser = _Flattener()
    parser.feed(markup)
    parser.close()
    return "".join(parser.parts)


def tidy(text: str) -> str:
    """Unescape stray entities, normalise line ends, drop blank lines and edge spaces."""
    text = html.unescape(text).replace("\r\n", "\n").replace("\r", "\n").replace("\u3000", " ")
    lines = (line.strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def read_bytes_as_document(data: bytes, path: str) -> Document:
    """Decode, flatten if HTML, tidy. Raises ExtractError (empty, undecodable)."""
    digest = hashlib.sha256(data).hexdigest()
    if not data.strip():
        raise ExtractError(path, "empty", "the file has no content")
    text, encoding = decode_bytes(data, path)
    was_html = bool(_HTML_HINT.search(text[:4000])) or path.lower().endswith((".html", ".htm"))
    if was_html:
        text = html_to_text(text)
    text = tidy(text)
    if not text:
        raise ExtractError(path, "empty", "no text after decoding")
    return Document(path=path, text=text, encoding=encoding, sha256=digest, was_html=was_html)


def read_document(path: Path | str) -> Document:
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise ExtractError(str(p), "unreadable", str(exc)) from exc
    return read_bytes_as_document(data, str(p))
