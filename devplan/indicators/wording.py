"""How an in-step (同步) target is said, the same on every page, command and document."""

from __future__ import annotations


def in_step_words(step_code: str | None, step_name: str | None) -> str:
    """"与经济增长同步" when the target keeps step with GDP (how plans say it), else "与<指标>增长同步"."""
    if step_code == "gdp":
        return "与经济增长同步"
    return f"与{step_name or step_code or ''}增长同步"
