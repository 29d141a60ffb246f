"""Organisation names in free text: jieba tokens + two token patterns (``org_tokens``).

Why tokens here when the header rules need none: the header states its parties in labelled lines;
the fact sections (查明/认为, 违法事实) name suppliers, manufacturers, shops and licensees in running
prose. Character regexes cannot find the left edge of such a name (被告提供瑞丰电器商行) and mistake
工商行政管理局 for a 商行; on jieba tokens the edge is a function word or a verb, and 工商/行政 is not
a 商行 token. jieba's dictionary is loaded once per process (no model download).

Token patterns: a run of name tokens (CJK/Latin, not a stop word) ending in a suffix token
(…有限公司, …集团, …厂, …店, …商行, …经营部, …工作室, …事务所), optionally with a parenthesised
part (王致和（桂林腐乳）食品有限公司), matched as spaCy's EntityRuler matches them (``org_tokens``: the
same tokens and entities as the blank ``zh`` spaCy pipeline this stage ran before, without its
``Doc``). ``_accept`` then keeps only names whose suffix is strong or
whose first token is a place (浙江省食品公司, 宁明县九天家私店). A regex fallback adds quoted online
shop names (“某某旗舰店”), which carry no place. ``IPCLUE_NLP=0`` switches the stage off.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Iterator
from functools import cache, lru_cache
from typing import Any

from ipclue.extractors.org_tokens import INNER, NAME, SUFFIX, Tok, org_spans, token_classes, tokens

__all__ = ["SUFFIX_RE", "name_core", "nlp_available", "nlp_enabled", "orgs_in", "segmenter"]

_CJK = "\u4e00-\u9fff"
SUFFIX_RE = re.compile(r"(?:公司|集团|商行|经营部|工作室|事务所|厂|店)$")
_STRONG_RE = re.compile(r"(?:有限公司|有限责任公司|集团|商行|经营部|工作室|事务所|厂)$")
_HINT_RE = re.compile(r"公司|集团|商行|经营部|工作室|事务所|厂|店")
_PLACE_RE = re.compile(rf"^[{_CJK}]{{1,8}}(?:省|市|县|区|自治区|自治州|州|旗|镇|乡)$")
_ANON_RE = re.compile(r"某|×|＊|\*|ｘ|X{2,}|x{2,}|…")
_SENTENCE_RE = re.compile(r"[^。；;！？\n]+")
# A character jieba yields as a word of its own (outside its re_han_default blocks, not a blank) that is
# no name token (``_NAME_TOKEN``) and no bracket: no organisation-name pattern crosses it.
_SEPARATOR_RE = re.compile(rf"[^{_CJK}a-zA-Z0-9+#&._%\-·（()）\s]")
_QUOTED_SHOP_RE = re.compile(
    rf"[“\"]([{_CJK}A-Za-z0-9·]{{2,20}}?(?:旗舰店|专营店|专卖店|网店|商行|经营部|工作室))[”\"]"
)
_NON_NAME_TAGS = frozenset(
    ("v", "vd", "vg", "vn", "p", "c", "d", "ad", "r", "m", "q", "f", "y", "ul", "uj", "uz", "ud")
)
_WINDOW = 48  # longest name we look for, plus its left context
_OFFICE_ENDS = ("局", "法院", "检察院", "政府", "委员会", "公证处")
_NAME_TOKEN = rf"^[{_CJK}A-Za-z0-9·&]+$"


def _words(text: str) -> frozenset[str]:
    """A word list written as whitespace-separated text."""
    return frozenset(text.split())


# Words that end a name on its left: function words, roles, verbs of supplying/selling/naming.
_STOP_WORDS = _words(
    """
    的 地 得 之 与 和 及 或 暨 同 跟 并 而 且 但 为 是 系 即 乃 由 从 向 在
    于 对 将 把 被 给 经 据 按 以 自 至 到 其 该 此 本 我 你 他 她 它 其他
    上述 前述 以上 所述 涉案 涉诉 涉嫌 案外 案外人 所 等 也 还 又 已 均 就 才 仅
    以下 简称 下称 人 所有权人 权利人 注册人 商标权人 专用权人 持有人 许可人 被许可人
    人系 人为 系原 原为 作为 受 使 已使 未经 要求 指出 侵犯 侵害 假冒 代为 通过
    向其 从事 属于 隶属 原告 被告 上诉人 被上诉人 第三人 申请人 被申请人 原审 一审 二审
    再审 当事人 本院 法院 认为 本院认为 查明 认定 提供 售出 出售 开设 开办 设立 成立
    注册 登记 显示 载明 记载 标注 标明 标有 印有 写有 盖有 加盖 授权 许可 委托 认可
    承认 确认 证明 主张 支付 下属 帮助 驳回 赔偿 应自 虽系 称 辩称 诉称 述称 陈述
    表示 声明 告知 通知 发现 购买 购得 购自 购进 进货 采购 来自 来源于 供货 签订 签署
    出具 开具 变更 更名 转让 核准 许可给 交给 送至 带至 生产商 制造商 供应商 供货商
    经销商 销售商 代理商 厂家 厂商 生产厂家 生产者 销售者 名称 企业名称 字号 名义 名为
    称为 叫做 个体工商户 个体户 工商户 经营者 负责人 法定代表人 投资人 业主 股东 员工
    职工 工作人员 公证员 一家 多家 各家 一个 这家 那家 这个 另 另一 另外 同一 相同
    其它 其中 包括 例如 如 若 如果 因 因为 由于 故 则 即使 虽然 虽 但是 然而 只有
    只 不 未 没有 无 非 否 是否 应当 应 可以 能够 已经 曾 曾经 现 现为 后 前 时
    上 下 中 内 外 里 间 年 月 日 号 第 元 万元 人民币 位于 地址 住所 住所地 网店
    门店 实体店 供给 供应给 卖给 销往 售予
    """
)
_FILLER = _words(
    """
    网络 实体 专卖 专营 旗舰 门 商 网 该 分 总 子 母 合资 外资 独资 国有 国营 上市
    有限 有限责任 股份 责任 涉案 侵权 假冒 个体 一 二 三 新 老 大 小 大型 小型 生产
    销售 加工 批发 零售 便利 会计 会计师 律师
    """
)
_INDUSTRY = _words(
    """
    贸易 科技 电器 食品 服装 五金 百货 商贸 实业 发展 投资 控股 集团 经营 工厂 中国
    中华 国际 超市 商业 企业 公司 厂 店 商行 经营部 电子 用品 日用品 服饰 家电 酒业
    技术 网络 文化 传媒 信息 工贸 建材 教育 培训 咨询 管理 服务
    """
)


def nlp_enabled() -> bool:
    """False when ``IPCLUE_NLP`` is 0/false/off/no (checked on every call, so tests can flip it)."""
    return os.environ.get("IPCLUE_NLP", "1").strip().lower() not in {"0", "false", "off", "no"}


def nlp_available() -> bool:
    """True when the stage is enabled and jieba imports."""
    if not nlp_enabled():
        return False
    try:
        segmenter()
    except ImportError:
        return False
    return True


@cache
def _stop_words() -> frozenset[str]:
    """Hand stop words plus jieba dictionary words tagged preposition, conjunction, particle, pronoun."""
    import jieba.posseg

    tags = jieba.posseg.dt.word_tag_tab
    tagged = {w for w, t in tags.items() if t in {"p", "c", "uj", "ul", "uz", "uv", "ud", "ug", "r"}}
    return _STOP_WORDS | frozenset(w for w in tagged if len(w) <= 3)


@cache
def _mark(word: str) -> str | None:
    """What a word can be in an organisation name: suffix, name word, word inside brackets, or nothing."""
    if not re.match(_NAME_TOKEN, word):
        return None
    if SUFFIX_RE.search(word):
        return SUFFIX
    return INNER if word in _stop_words() else NAME


@cache
def segmenter() -> Any:
    """jieba's default tokenizer (as spaCy's zh tokenizer used it), its dictionary loaded once per process."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.dt.initialize()
    return jieba.dt


def orgs_in(text: str) -> list[tuple[str, int, int]]:
    """Organisation names in ``text`` with character offsets, in order (empty when disabled)."""
    if not text or not nlp_available():
        return []
    found: dict[tuple[int, int], str] = {}
    for m in _SENTENCE_RE.finditer(text):
        window = _window(m)
        if window is not None:
            offset, sentence, cut = window
            for name, start, end in _sentence_orgs(sentence, cut):
                found[(offset + start, offset + end)] = name
    return [(name, a, b) for (a, b), name in sorted(found.items())]


def _window(sentence: re.Match[str]) -> tuple[int, str, int] | None:
    """The part of a sentence that can hold a name: from 48 characters before its first suffix on;
    with where the jieba block holding its last suffix ends (no name token lies after it)."""
    hints = list(_HINT_RE.finditer(sentence.group(0)))
    if not hints:
        return None
    start = max(0, hints[0].end() - _WINDOW)
    window = sentence.group(0)[start:]
    return sentence.start() + start, window, _block_end(window, hints[-1].end() - start)


def _block_end(text: str, pos: int) -> int:
    """The end of jieba's block (a run of its ``re_han_default`` characters) going on at ``pos``.
    jieba segments each block on its own, so the tokens before it do not depend on the text after."""
    import jieba

    block = jieba.re_han_default.match(text, pos)
    return block.end() if block else pos


def _segment(text: str) -> Iterator[str]:
    """jieba's words of ``text``, block by block (as ``jieba.cut`` splits it), each block's words cut once
    per process: a block (a clause between punctuation marks: a party's name, 本院认为) often recurs."""
    import jieba

    for block in jieba.re_han_default.split(text):
        if block:
            yield from _block_words(block)


@lru_cache(maxsize=1 << 16)
def _block_words(block: str) -> tuple[str, ...]:
    """jieba's words of one block (a block is segmented on its own)."""
    return tuple(segmenter().cut(block))


def _name_tokens(text: str) -> list[Tok]:
    """The tokens of ``text`` a name can be made of: ``tokens(_segment(text), text)`` less those of the
    pieces without a suffix hint, a piece being the text between two separators (a character jieba
    yields alone, of no name token and no bracket: ，、“ ”). No pattern match crosses a separator (its
    class is O) and every match ends in a suffix token, so the matches are those of the whole text;
    the separator before each piece kept is kept too, so the name taken back at an inner 和/与
    (``_extend``) stops where it stops in the whole text. A piece starts after its separator's trailing
    space, as ``tokens`` counts it."""
    toks: list[Tok] = []
    prev = -1  # the separator before the piece (-1: the text's start)
    for end in [*(m.start() for m in _SEPARATOR_RE.finditer(text)), len(text)]:
        start = prev + 1 + (prev >= 0 and text.startswith(" ", prev + 1))
        if _HINT_RE.search(text, start, end):
            if prev >= 0:
                toks.append(Tok(text[prev], prev))
            toks += tokens(_segment(text[start:end]), text, start, end)
        prev = end
    return toks


def _sentence_orgs(sentence: str, cut: int) -> Iterator[tuple[str, int, int]]:
    """Accepted pattern entities of one sentence, plus quoted shop names the tokens missed."""
    toks = _name_tokens(sentence[:cut])
    spans: list[tuple[int, int]] = []
    for first, last in org_spans(token_classes(toks, _mark)):
        trimmed = _trim(_extend(toks, first, last))
        if trimmed is not None and _accept(trimmed):
            start = trimmed[0].idx + _glued_lead(trimmed[0].text)
            end = trimmed[-1].idx + len(trimmed[-1].text)
            spans.append((start, end))
            yield sentence[start:end], start, end
    for m in _QUOTED_SHOP_RE.finditer(sentence):
        if not any(a <= m.start(1) < b for a, b in spans) and not _ANON_RE.search(m.group(1)):
            yield m.group(1), m.start(1), m.end(1)


def _glued_tail(word: str) -> bool:
    """An unknown word ending in a function character (报及, 上以, 林华系): jieba glued a name's left edge."""
    import jieba

    return len(word) >= 2 and word[-1] in _stop_words() and word not in jieba.dt.FREQ


def _glued_lead(word: str) -> int:
    """1 when jieba glued a function character to an unknown name (但瑞丰 → 瑞丰), else 0."""
    import jieba

    glued = len(word) >= 3 and word[0] in _stop_words() and word not in jieba.dt.FREQ
    return 1 if glued else 0


def _extend(toks: list[Tok], first: int, last: int) -> list[Tok]:
    """Take back a name cut at an inner 和/与 (长沙市雨花区樱和厨卫用品商行: 樱 + 和 + …)."""
    i = first
    if i < 3 or toks[i - 1].text not in {"和", "与"} or not _is_name_token(toks[i - 2].text, single=True):
        return toks[first:last]
    j = i - 2
    while j > 0 and _is_name_token(toks[j - 1].text):
        j -= 1
    return toks[j:last] if j < i - 2 else toks[first:last]


def _is_name_token(text: str, *, single: bool = False) -> bool:
    """A token that may sit inside a name (one CJK character only, when ``single``)."""
    if single and len(text) != 1:
        return False
    return bool(re.match(_NAME_TOKEN, text)) and text not in _stop_words()


def _trim(tokens: list[Tok]) -> list[Tok] | None:
    """Cut the run at a place word that follows a verb-like word (…注册人为湖南迅达集团 → 湖南迅达集团)."""
    depth, cut = 0, 0
    for i, tok in enumerate(tokens[:-1]):
        depth += (tok.text in "（(") - (tok.text in "）)")
        if depth == 0 and i > 0 and _is_place(tok.text) and any(_not_name(t.text) for t in tokens[cut:i]):
            cut = i
    return tokens[cut:] or None


def _not_name(word: str) -> bool:
    """A word unlikely inside a name: digits, a stop word, or a verb/adverb/preposition in jieba's tags."""
    import jieba.posseg

    tag = jieba.posseg.dt.word_tag_tab.get(word, "x")
    role = (word.endswith("人") and len(word) >= 2) or _glued_tail(word)
    return role or bool(re.search(r"\d", word)) or word in _stop_words() or tag in _NON_NAME_TAGS


def _is_place(word: str) -> bool:
    """An administrative unit (长沙市, 雨花区) or a word jieba tags as a place (无锡, 香港)."""
    return bool(_PLACE_RE.match(word)) or _is_place_word(word)


def _accept(tokens: list[Tok]) -> bool:
    """A name: not anonymised, 4–40 chars, a distinctive body, and a place first or a strong suffix."""
    name = "".join(t.text for t in tokens)
    if not 4 <= len(name) <= 40 or _ANON_RE.search(name) or not re.match(rf"[{_CJK}A-Za-z]", name):
        return False
    body = [t.text for t in tokens[:-1] if t.text not in "（()）"]
    if any((SUFFIX_RE.search(w) and w != "集团") or w.endswith(_OFFICE_ENDS) for w in body):
        return (
            False  # two names run together (…工业公司全部资产投入股份公司), or an office (…民政局批复同意…)
        )
    if not body and len(name) >= 6:
        return bool(
            _STRONG_RE.search(name) or name.endswith("公司")
        )  # one dictionary word: 中国石油化工集团公司
    tail = SUFFIX_RE.sub("", tokens[-1].text).removesuffix("有限")
    words = [w for w in [*body, tail] if w and not _is_place(w) and w not in _FILLER]
    if body and _is_place(body[0]):
        return sum(map(len, words)) >= 2
    strong = bool(_STRONG_RE.search(name)) and len(name) >= 5
    return strong and sum(len(w) for w in words if w not in _INDUSTRY) >= 2


@cache
def _is_place_word(word: str) -> bool:
    """jieba tags the word a place name (无锡, 烟台, 香港) in its dictionary."""
    import jieba.posseg

    return len(word) >= 2 and jieba.posseg.dt.word_tag_tab.get(word) == "ns"


def name_core(name: str) -> str:
    """A name without its leading place words and its suffix (无锡市红宝石电子有限公司 → 红宝石电子)."""
    import jieba

    words = jieba.lcut(SUFFIX_RE.sub("", name).removesuffix("有限").removesuffix("股份"))
    while words and _is_place(words[0]):
        words.pop(0)
    return "".join(words)
