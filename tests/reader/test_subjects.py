"""The subject helpers' shortcuts agree with the patterns they stand in front of."""

from __future__ import annotations

import re
from re import _constants as sre
from re import _parser as sre_parse

from devplan.reader.subjects import _TRAIL, _TRAIL_ENDS


def _last_characters(items: list, ends: set[str]) -> bool:
    """Add to `ends` every character a match of the parsed `items` can end with; True when the match may be empty."""
    for op, arg in reversed(items):
        if op is sre.LITERAL:
            ends.add(chr(arg))
            return False
        if op is sre.IN:
            assert all(kind is sre.LITERAL for kind, _ in arg), "a class other than listed characters"
            ends.update(chr(code) for _, code in arg)
            return False
        if op is sre.BRANCH:
            empty = [_last_characters(list(alternative), ends) for alternative in arg[1]]
            if not any(empty):
                return False
        elif op is sre.SUBPATTERN:
            if not _last_characters(list(arg[3]), ends):
                return False
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            if not _last_characters(list(arg[2]), ends) and arg[0] > 0:
                return False
        else:
            assert op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT), f"no rule for {op}"
    return True


def test_every_trailing_word_ends_in_a_listed_character():
    ends: set[str] = set()
    assert not _last_characters(list(sre_parse.parse(_TRAIL.pattern)), ends)
    assert ends == _TRAIL_ENDS, f"missing {''.join(sorted(ends - _TRAIL_ENDS))}, extra {''.join(sorted(_TRAIL_ENDS - ends))}"


def test_the_last_characters_of_optional_words_and_alternatives():
    ends: set[str] = set()
    _last_characters(list(sre_parse.parse(re.compile(r"(?:增长|减)?(?:了|过)$").pattern)), ends)
    assert ends == {"了", "过"}
