"""Shapes of the misses the fifteenth pass read (issue 19: the third, fifth, eighth and ninth unseen sets, the development
set and set B of t19c), each as a rule of the reader's grammar with invented sentences: the true one stays quiet, the
planted error is caught, and look-alikes stay quiet — a pairing that is not sure says nothing."""

from __future__ import annotations

from devplan.reader import Fact, audit_text, extract_facts


def _errors(text: str) -> list[str]:
    return [f.check for f in audit_text(text).findings if f.severity == "error"]


def _fact(facts: list[Fact], text: str) -> Fact:
    return next(f for f in facts if f.text.endswith(text))


# A completion of a plan named only by the words after its figure, with bounds on both sides.


def test_a_completion_of_a_plan_named_after_its_figure() -> None:
    text = "2023年，全区出台了80亿元规模的三年振兴计划，重点投向交通和水利，目前已完成50多亿元，占计划的{}%以上。"
    assert _errors(text.format("60")) == []  # 50–60 of 80: 62.5–75 %
    assert _errors(text.format("80")) == ["completion_level_target"]
    notes = [f.message for f in audit_text(text.format("60")).findings if f.check == "completion_level_target"]
    assert notes and notes[0].startswith("三年振兴计划")


def test_a_completion_of_a_plan_needs_one_plan_and_the_figure_done_right_before() -> None:
    # Two figures named as plans: which one the completion is of is not said.
    two = "2023年，出台了80亿元的振兴计划和20亿元的扶持计划，已完成50亿元，占计划的90%。"
    assert _errors(two) == []
    # A figure after the plan's words that says it was done (计划…完成) is no plan.
    done = "2023年，实施项目30亿元，计划内已完成25亿元，占计划的50%。"
    assert _errors(done) == []
    # A completion with its own figure inside is checked as before.
    inside = "2023年完成造林3.6万亩，为年度计划3万亩的{}%。"
    assert _errors(inside.format("120")) == []
    assert _errors(inside.format("130")) == ["completion_level_target"]


# Investment named alone after a clause about building one kind of work is that work's investment.


def test_bare_investment_after_building_a_kind_of_work_is_that_works() -> None:
    text = ("2023年，全市完成地区固定资产投资528亿元，增长11.0%。\n"
            "城乡面貌日新月异。加大基础设施建设力度，完成投资{}亿元，一批重点工程相继实施。")
    assert _fact(extract_facts(text.format("55")), "完成投资55亿元").entity == "基础设施投资"
    assert _errors(text.format("55")) == []
    assert _errors(text.format("634")) == ["part_exceeds_whole"]


def test_bare_investment_after_other_clauses_is_nobodys() -> None:
    # Work the lexicon does not know (生态建设) names no indicator; nor does a clause that builds nothing.
    eco = "2023年，全市完成固定资产投资528亿元。加大生态建设力度，完成投资634亿元。"
    assert _errors(eco) == []
    assert _fact(extract_facts(eco), "完成投资634亿元").entity != "生态投资"
    plain = "2023年，全市完成固定资产投资528亿元。招商引资成效明显，完成投资634亿元。"
    assert _errors(plain) == []
