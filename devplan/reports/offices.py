"""Who makes and who receives devplan's documents: the reporting office under the report's title and in the
brief's 版头, and the brief's 报送/抄送 lines — from settings, else worded from the region's own name."""

from __future__ import annotations

from django.conf import settings

from devplan.regions.models import Region


def reporting_office(region: Region) -> str:
    """`DEVPLAN_REPORT_OFFICE`, else "<region>发展和改革局"."""
    return settings.DEVPLAN_REPORT_OFFICE or f"{region.name}发展和改革局"


def _level(region: Region) -> str:
    """The region's own word for itself (湘乡市 → 市, 韶山县 → 县, 雨湖区 → 区), as 市委、市直 use it."""
    return region.name[-1] if region.name[-1:] in {"市", "县", "区", "旗", "州", "省"} else ""


def brief_distribution(region: Region) -> list[str]:
    """'报送：…' and '抄送：…' (`DEVPLAN_BRIEF_SEND_TO`, `DEVPLAN_BRIEF_COPY_TO`, else the usual leaders and
    departments of the region)."""
    level = _level(region)
    send = settings.DEVPLAN_BRIEF_SEND_TO or f"{region.name}委、{level}人大、{level}政府、{level}政协领导"
    copy = settings.DEVPLAN_BRIEF_COPY_TO or f"{LOWER.get(region.level, '各乡镇（街道）')}，{level}直各有关单位"
    return [f"报送：{send}。", f"抄送：{copy}。"]


# The governments one level down, to whom a brief is copied: a county's townships, a prefecture's counties,
# a province's prefectures.
LOWER: dict[str, str] = {Region.Level.COUNTY: "各乡镇（街道）", Region.Level.PREFECTURE: "各县（市、区）",
         Region.Level.PROVINCE: "各市州"}
