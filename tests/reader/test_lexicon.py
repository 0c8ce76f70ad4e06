"""The lexicon maps subjects to indicator codes and is plain data that can be extended."""

from __future__ import annotations

import json
from importlib import resources

from devplan.reader import audit_text, extract_facts, lexicon_from_dict
from devplan.reader.lexicon import default_lexicon


def test_aliases_map_to_the_contract_codes() -> None:
    lexicon = default_lexicon()
    found = {name: (lexicon.find(name) or lexicon.find("")) for name in ["GDP", "公共财政预算收入", "社消零", "固投"]}
    assert {name: ind.code for name, ind in found.items() if ind} == {
        "GDP": "gdp", "公共财政预算收入": "fiscal_revenue", "社消零": "retail_sales", "固投": "fai",
    }


def test_the_longest_name_wins() -> None:
    assert default_lexicon().find("单位GDP能耗").code == "energy_intensity"  # type: ignore[union-attr]


def test_codes_are_unique_snake_case() -> None:
    data = json.loads(resources.files("devplan.reader").joinpath("lexicon.json").read_text(encoding="utf-8"))
    codes = [item["code"] for item in data["indicators"]]
    assert len(codes) == len(set(codes))
    assert all(code.replace("_", "").isalnum() and code == code.lower() for code in codes)


def test_extending_the_lexicon_with_data_only() -> None:
    data = json.loads(resources.files("devplan.reader").joinpath("lexicon.json").read_text(encoding="utf-8"))
    data["indicators"].append({"code": "tea_output", "name": "茶叶产量", "aliases": ["茶叶总产"]})
    facts = extract_facts("2023年,全县茶叶总产1.2万吨。", lexicon_from_dict(data))
    assert [f.indicator for f in facts] == ["tea_output"]


def test_part_of_relations_drive_the_cross_sentence_check() -> None:
    # 房地产开发投资 is counted within 固定资产投资 by definition: more than it is an error. 重点项目 investment is counted
    # by a 口径 of its own (own_scope): more than all investment is a question to ask, a warning.
    text = "1-10月,全县固定资产投资完成100亿元。1-10月,{}完成120亿元。"
    result = audit_text(text.format("房地产开发投资"))
    assert [(f.check, f.severity) for f in result.findings] == [("part_exceeds_whole", "error")]
    result = audit_text(text.format("重点项目投资"))
    assert [(f.check, f.severity) for f in result.findings] == [("part_exceeds_whole", "warning")]
