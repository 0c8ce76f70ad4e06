"""The rules a key project is judged by, in one place: the thresholds of its light (money against time
progress, milestones against their planned dates — `devplan.projects.pace` applies them), which projects
count as lagging (滞后), and both said in words. The dashboard, the projects page and its filter, the brief,
`devplan projects --lagging` and the API read them here, so a leader counts the same projects everywhere."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings

from devplan.arithmetic.progress import Light
from devplan.indicators.assessment import Thresholds
from devplan.projects.pace import Pace

# What "滞后" selects, in the words every filter, legend and count uses.
LAGGING_WORDS = "黄灯、红灯或应开工未开工"


@dataclass(frozen=True)
class ProjectRules:
    """The gaps of the money light and the days after which an overdue milestone makes a project red."""

    gaps: Thresholds
    red_days: int

    def sentence(self) -> str:
        """The whole rule of a project's light, for the brief's footnote and the pages' legends."""
        return (f"与各自数据所属月份的序时进度相比，{self.gaps.sentence()}；"
                f"节点（立项、用地、环评、施工许可、开工、竣工）过了计划日期仍未完成的，逾期{self.red_days}天以内"
                f"至少为黄灯，超过{self.red_days}天为红灯；两者取较差的")


def project_rules() -> ProjectRules:
    """The rules in force (DEVPLAN_PROJECT_GREEN_GAP / _YELLOW_GAP, DEVPLAN_MILESTONE_RED_DAYS)."""
    return ProjectRules(Thresholds(settings.DEVPLAN_PROJECT_GREEN_GAP, settings.DEVPLAN_PROJECT_YELLOW_GAP),
                        settings.DEVPLAN_MILESTONE_RED_DAYS)


def is_lagging(light: Light, not_started: bool) -> bool:
    """The one definition of a lagging project: a yellow or red light, or due to start and not started."""
    return light in (Light.YELLOW, Light.RED) or not_started


def light_reason(result: Pace, overdue: list[str], not_started: bool) -> str | None:
    """Why a project's light is what it is, where the progress gap alone does not say it: "节点逾期：用地" when
    an overdue milestone makes the light worse than the money's, "应开工未开工" for a project due to start;
    None when the light is the gap's."""
    if result.milestones_decide and overdue:
        return f"节点逾期：{'、'.join(overdue)}"
    if not_started:
        return "应开工未开工"
    return None
