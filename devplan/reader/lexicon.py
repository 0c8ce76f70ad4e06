"""The lexicon of standard indicators: names and aliases to codes, loaded from lexicon.json beside this file."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache
from importlib import resources

# 外贸进出口总额 is named as 进出口: a word for the total may follow the thing.
_TOTAL_WORDS = ("总额", "总量", "总数", "总值")
# 中小微企业 of 市场主体, 工业技改投资 of 固定资产投资: a part's own qualifier is short.
_QUALIFIER_MAX = 4


@dataclass(frozen=True, slots=True)
class Indicator:
    """One standard indicator; see the "about" text in lexicon.json for what each field means."""

    code: str
    name: str
    aliases: tuple[str, ...] = ()
    prices: str = "current"
    scope_adjusted: bool = False
    part_of: str | None = None
    own_scope: bool = False


@dataclass(frozen=True, slots=True)
class Ratio:
    """A percentage named after two levels: 存贷比 = 贷款余额 ÷ 存款余额 × 100."""

    name: str
    numerator: str
    denominator: str


@dataclass(frozen=True, slots=True)
class Kind:
    """Things that are, by meaning, some of another thing named beside them: 企业 are 市场主体, 出口 is some of
    进出口, 税收收入 some of 一般公共预算收入 — with no 其中 to say so."""

    wholes: tuple[str, ...]
    parts: tuple[str, ...]
    # Words that tell apart parts which together make the whole (出口 and 进口 make 进出口).
    partition: tuple[str, ...] = ()


@dataclass(frozen=True)
class Lexicon:
    indicators: dict[str, Indicator]
    attributes: tuple[str, ...]
    overlapping: dict[str, tuple[str, ...]]
    heads: tuple[str, ...] = ()
    ratios: tuple[Ratio, ...] = ()
    kinds: tuple[Kind, ...] = ()
    _names: tuple[tuple[str, str], ...] = field(repr=False, default=())

    def find(self, subject: str | None) -> Indicator | None:
        """The indicator whose longest name or alias occurs in `subject`, or None."""
        name = self.name_in(subject)
        return self.indicators[self._exact[name]] if name else None

    def name_in(self, subject: str | None) -> str | None:
        """The longest indicator name or alias that occurs in `subject` (the one `find` goes by), or None."""
        return self._longest_name(subject) if subject else None

    def mentions(self, text: str) -> bool:
        """Whether any indicator name or alias occurs in `text`: one scan, a cheap test before cleaning the text up
        for `name_in`."""
        return self._any_name.search(text) is not None

    @cached_property
    def _any_name(self) -> re.Pattern[str]:
        return re.compile(_trie([name for name, _ in self._names]))

    @cached_property
    def _longest_name(self) -> Callable[[str], str | None]:
        # Subjects repeat (生产总值, 固定资产投资 …) and every name is tried on each: a bounded cache halves the reader's
        # time in this lookup on the corpus.
        @lru_cache(maxsize=4096)
        def longest(subject: str) -> str | None:
            if not self.mentions(subject):
                return None  # most subjects name no indicator: one scan tells, not one test per name
            return next((name for name, _ in self._names if name in subject and not _per(subject, name)), None)

        return longest

    def named(self, subject: str | None) -> Indicator | None:
        """The indicator `subject` is exactly the name or an alias of: 高新区生产总值 and 人均生产总值 name
        other things than 生产总值, though they contain it."""
        code = self._exact.get(subject or "")
        return self.indicators[code] if code else None

    def wholes_of(self, code: str | None) -> tuple[str, ...]:
        """The indicators `code` is a part of, nearest first (规上工业增加值 → 工业增加值 → 第二产业增加值 → GDP)."""
        return self._wholes.get(code or "", ())

    def parts_of(self, code: str) -> tuple[str, ...]:
        """The indicators that are parts of `code`, directly or down a chain."""
        return self._parts.get(code, ())

    @cached_property
    def _wholes(self) -> dict[str, tuple[str, ...]]:
        chains: dict[str, tuple[str, ...]] = {}
        for code in self.indicators:
            chain: list[str] = []
            parent = self.indicators[code].part_of
            while parent and parent in self.indicators and parent not in chain:
                chain.append(parent)
                parent = self.indicators[parent].part_of
            chains[code] = tuple(chain)
        return chains

    @cached_property
    def _parts(self) -> dict[str, tuple[str, ...]]:
        found: dict[str, list[str]] = {}
        for code, chain in self._wholes.items():
            for whole in chain:
                found.setdefault(whole, []).append(code)
        return {code: tuple(parts) for code, parts in found.items()}

    @cached_property
    def _exact(self) -> dict[str, str]:
        return {name: code for name, code in reversed(self._names)}

    def kinds_of(self, whole: str | None) -> tuple[Kind, ...]:
        """The kinds whose wholes `whole` names: its name ends with one (促市场主体发展25条 is no count of 市场主体;
        外贸进出口总额 is named as 进出口, the word for a total after it)."""
        if not whole:
            return ()
        core = whole[:-2] if whole.endswith(_TOTAL_WORDS) else whole
        if not (whole.endswith(self._all_wholes) or core.endswith(self._all_wholes)):
            return ()  # most subjects: one test, not one per kind
        return tuple(kind for kind in self.kinds if whole.endswith(kind.wholes) or core.endswith(kind.wholes))

    @cached_property
    def _all_wholes(self) -> tuple[str, ...]:
        return tuple(w for kind in self.kinds for w in kind.wholes)

    def kind_within(self, whole: str | None, part: str | None) -> Kind | None:
        """The kind by which `part` names some of what `whole` names (中小微企业 of 新增市场主体; 出口 of 外贸进出口总额):
        the part's name ends with one of its parts, after a qualifier of at most four characters, and names no
        whole itself — but for a part word that holds the whole's (城镇常住人口 of 常住人口)."""
        if not part:
            return None
        return next((kind for kind in self.kinds_of(whole)
                     if any(part.endswith(p) and len(part) - len(p) <= _QUALIFIER_MAX and not _names_whole(part, p, kind)
                            for p in kind.parts)), None)

    def overlaps(self, subject: str, siblings: list[str]) -> bool:
        """The subject names a category counted inside one of its siblings (竣工投产 within 续建/新开工)."""
        return any(category in subject and any(w in s for w in within for s in siblings)
                   for category, within in self.overlapping.items())


# 每千常住人口执业医师数 counts doctors: a name after 每千, 每万 … is what they are counted per, not what is measured.
_PER = ("每千", "每万", "每百", "每十万")


def _per(subject: str, name: str) -> bool:
    """Every occurrence of `name` in `subject` comes right after a word for per (每千常住人口)."""
    at = subject.find(name)
    while at >= 0:
        if not subject[:at].endswith(_PER):
            return False
        at = subject.find(name, at + 1)
    return True


def _trie(words: list[str]) -> str:
    """A pattern that matches where any of `words` begins, written as a trie (words sharing a first character share one
    branch): the engine tries a branch per character at each place, not every word."""
    if "" in words:
        return ""  # a word ends here, which is all the pattern needs to find
    rests: dict[str, list[str]] = {}
    for word in words:
        rests.setdefault(word[0], []).append(word[1:])
    branches = [re.escape(first) + _trie(rest) for first, rest in rests.items()]
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


def _names_whole(part: str, word: str, kind: Kind) -> bool:
    """The part's name holds a whole of the kind outside the part word it ends with (进出口 ends with 出口)."""
    qualifier = part[: len(part) - len(word)]
    return any(w in qualifier or (w in part and w not in word) for w in kind.wholes)


def lexicon_from_dict(data: dict) -> Lexicon:
    """Build a Lexicon from the structure of lexicon.json (used by tests to try extensions)."""
    indicators = {
        item["code"]: Indicator(
            code=item["code"],
            name=item["name"],
            aliases=tuple(item.get("aliases", ())),
            prices=item.get("prices", "current"),
            scope_adjusted=bool(item.get("scope_adjusted", False)),
            part_of=item.get("part_of"),
            own_scope=bool(item.get("own_scope", False)),
        )
        for item in data["indicators"]
    }
    names = [(name, ind.code) for ind in indicators.values() for name in (ind.name, *ind.aliases)]
    names.sort(key=lambda pair: len(pair[0]), reverse=True)
    return Lexicon(
        indicators=indicators,
        attributes=tuple(sorted(data.get("attributes", ()), key=len, reverse=True)),
        overlapping={o["category"]: tuple(o["within"]) for o in data.get("overlapping", ())},
        heads=tuple(sorted(data.get("heads", ()), key=len, reverse=True)),
        ratios=tuple(Ratio(r["name"], r["numerator"], r["denominator"]) for r in data.get("ratios", ())),
        kinds=tuple(Kind(tuple(k["wholes"]), tuple(k["parts"]), tuple(k.get("partition", ()))) for k in data.get("kinds", ())),
        _names=tuple(names),
    )


@cache
def default_lexicon() -> Lexicon:
    """The lexicon shipped with devplan."""
    text = resources.files("devplan.reader").joinpath("lexicon.json").read_text(encoding="utf-8")
    return lexicon_from_dict(json.loads(text))
