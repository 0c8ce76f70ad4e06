"""Finding a region the way users name it: by its code (430381) or its name (湘乡市)."""

from __future__ import annotations

from collections import Counter

from devplan.lib.errors import NotFound, UsageError
from devplan.regions.models import Region


def find_region(name_or_code: str) -> Region:
    """The one region with this code or name; a clear error when there is none or the name is ambiguous."""
    key = name_or_code.strip()
    by_code = Region.objects.filter(code=key).first()
    if by_code is not None:
        return by_code
    matches = list(Region.objects.filter(name=key)[:5])
    if not matches:
        raise NotFound(f"没有名为“{key}”的行政区：请检查名称，或先运行 devplan init --demo 载入示例数据")
    if len(matches) > 1:
        codes = "、".join(f"{r.code}（{r.parent.name if r.parent else ''}{r.name}）" for r in matches)
        raise UsageError(f"有多个名为“{key}”的行政区，请用行政区划代码指明：{codes}")
    return matches[0]


def codes_by_name() -> dict[str, str]:
    """Each region name that names one region, and is no region's code, with that region's code: for the bulk
    doors, which match regions by code inside SQL and translate the names a file uses (湘乡市) first, as
    `find_region` takes them one at a time."""
    pairs = list(Region.objects.values_list("name", "code"))
    count, codes = Counter(name for name, _ in pairs), {code for _, code in pairs}
    return {name: code for name, code in pairs if count[name] == 1 and name not in codes}
