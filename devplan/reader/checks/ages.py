"""Age groups: shares of a population by age (0—15岁人口占16.8%，16—59岁人口占60.1%，60岁及以上人口占23.1%) that follow
on from each other from 0 to an open top are all of it, so they sum to 100 — a group inside another (其中65岁及以上) aside."""

from __future__ import annotations

import re
from decimal import Decimal

from devplan.reader.checks.common import plain
from devplan.reader.extract import Sentence
from devplan.reader.findings import ERROR, INFO, Evidence, Finding
from devplan.reader.interval import HUNDRED, Interval, rounded

# 0—15岁人口占常住人口的16.8%, 60岁及以上人口占23.1%, 65岁以上的占16.4%: a group, then its share before the next clause.
_GROUP = re.compile(
    r"(?P<lo>\d{1,3})\s*(?:[—–\-~～至到]\s*(?P<hi>\d{1,3})\s*(?:周)?岁|(?:周)?岁\s*(?:及以上|以上))"
    r"[^,;。%\d]{0,16}?占[^,;。%\d]{0,12}?(?P<share>\d{1,3}(?:\.\d+)?)\s*%"
)
_MIN_GROUPS = 3


def check_age_groups(sentence: Sentence) -> list[Finding]:
    if "岁" not in sentence.text:
        return []
    groups = [(int(m.group("lo")), int(m.group("hi")) if m.group("hi") else None, Decimal(m.group("share")), m)
              for m in _GROUP.finditer(sentence.text)]
    chain: list[tuple[int, int | None, Decimal, re.Match[str]]] = []
    expected = 0
    for lo, hi, share, found in groups:
        if lo != expected or (chain and chain[-1][1] is None):
            continue  # 其中65岁及以上: inside the group before, or after the open top
        chain.append((lo, hi, share, found))
        if hi is None:
            break
        expected = hi + 1
    if len(chain) < _MIN_GROUPS or chain[-1][1] is not None:
        return []
    shares = [share for _, _, share, _ in chain]
    total = sum(shares, Decimal(0))
    total_iv = sum((rounded(s) for s in shares), Interval.exact(Decimal(0)))
    ids = [f.index for f in sentence.facts if f.kind == "share" and f.value in shares]
    arithmetic = f"{' + '.join(plain(s) for s in shares)} = {plain(total)}"
    common = Evidence(facts=ids, stated=HUNDRED, computed=total, arithmetic=arithmetic)
    named = "、".join(f"{lo}—{hi}岁" if hi is not None else f"{lo}岁及以上" for lo, hi, _, _ in chain)
    if total_iv.lo <= HUNDRED <= total_iv.hi:
        finding = Finding("structure_ratio_sum", INFO, f"{named}各组所占比重之和{plain(total)}%，按舍入为100%，相符。", **common)
    else:
        finding = Finding("structure_ratio_sum", ERROR,
                          f"{named}各组所占比重之和为{plain(total)}%，按任何舍入都不是100%：各年龄组合起来就是全部人口。", **common)
    finding.sentence = sentence.text
    return [finding]
