"""Shapes of the misses the fifteenth pass read (issue 19: the third, fifth, eighth and ninth unseen sets, the development
set and set B of t19c), each as a rule of the reader's grammar with invented sentences: the true one stays quiet, the
planted error is caught, and look-alikes stay quiet — a pairing that is not sure says nothing."""

from __future__ import annotations

from devplan.reader import audit_text, extract_facts
from tests.reader.shapes import assert_caught, assert_quiet, assert_raises
from tests.reader.shapes import errors as _errors
from tests.reader.shapes import fact_ending as _fact

# A completion of a plan named only by the words after its figure, with bounds on both sides.


def test_a_completion_of_a_plan_named_after_its_figure() -> None:
    text = "2023年，全区出台了80亿元规模的三年振兴计划，重点投向交通和水利，目前已完成50多亿元，占计划的{}%以上。"
    assert _errors(text.format("60")) == []  # 50–60 of 80: 62.5–75 %
    assert _errors(text.format("80")) == ["completion_level_target"]
    notes = [f.message for f in audit_text(text.format("60")).findings if f.check == "completion_level_target"]
    assert notes and notes[0].startswith("三年振兴计划")


def test_a_completion_of_a_plan_needs_one_plan_and_the_figure_done_right_before() -> None:
    # Two figures named as plans: which one the completion is of is not said.
    assert_quiet("2023年，出台了80亿元的振兴计划和20亿元的扶持计划，已完成50亿元，占计划的90%。")
    # A figure after the plan's words that says it was done (计划…完成) is no plan.
    assert_quiet("2023年，实施项目30亿元，计划内已完成25亿元，占计划的50%。")
    # 占年度计划的 is of the year's plan, which a plan over three years does not state.
    assert_quiet("2023年，全县出台了总投资50亿元的三年行动计划，今年完成投资20亿元，占年度计划的110%。")
    # A completion with its own figure inside is checked as before.
    inside = "2023年完成造林3.6万亩，为年度计划3万亩的{}%。"
    assert_caught(inside.format("120"), inside.format("130"), ["completion_level_target"])


# Investment named alone after a clause about building one kind of work is that work's investment.


def test_bare_investment_after_building_a_kind_of_work_is_that_works() -> None:
    text = ("2023年，全市完成地区固定资产投资528亿元，增长11.0%。\n"
            "城乡面貌日新月异。加大基础设施建设力度，完成投资{}亿元，一批重点工程相继实施。")
    assert _fact(extract_facts(text.format("55")), "完成投资55亿元").entity == "基础设施投资"
    assert_caught(text.format("55"), text.format("634"), ["part_exceeds_whole"])


def test_bare_investment_after_other_clauses_is_nobodys() -> None:
    # Work the lexicon does not know (生态建设) names no indicator; nor does a clause that builds nothing.
    eco = "2023年，全市完成固定资产投资528亿元。加大生态建设力度，完成投资634亿元。"
    assert _errors(eco) == []
    assert _fact(extract_facts(eco), "完成投资634亿元").entity != "生态投资"
    assert_quiet("2023年，全市完成固定资产投资528亿元。招商引资成效明显，完成投资634亿元。")


# A flow of new things in a review of several years, with no year of its own, is the span's sum.


_TERM = ("2023年，全面优化营商环境，新增各类市场主体{year}万户。\n"
         "各位代表！过去一年的工作，为本届政府划上了圆满句号。回望本届政府的奋斗路，我们坚定信心、砥砺前行。\n"
         "我们牢牢扭住发展第一要务，综合实力实现历史跨越。新增各类市场主体{term}万户。")


def test_a_flow_after_a_review_of_the_term_opens_is_the_terms_sum() -> None:
    assert extract_facts(_TERM.format(year="3.1", term="14.7"))[-1].cumulative
    assert_caught(_TERM.format(year="3.1", term="14.7"), _TERM.format(year="17.6", term="14.7"), ["part_exceeds_whole"])


def test_a_flow_in_a_paragraph_opening_with_five_years_is_their_sum() -> None:
    text = "2023年新增高新技术企业{}家。\n这五年，创新动能持续增强，新增高新技术企业120家，新增上市企业8家。"
    assert_caught(text.format("30"), text.format("130"), ["part_exceeds_whole"])


def test_a_span_named_inside_a_paragraph_or_far_before_says_nothing_of_its_flows() -> None:
    # 超过近5年总和 compares; it does not make the year's flows sums over five years.
    inside = "2023年新增高新技术企业130家。\n二是创新竞进。全年新增科技型企业400家，超过近5年总和，新增高新技术企业120家。"
    assert not extract_facts(inside)[-1].cumulative
    assert _errors(inside) == []
    # Two paragraphs after a review opens, a report may be back at the year (刚刚过去的2023年).
    far = ("这五年，我们砥砺奋进。\n创新动能持续增强，新增高新技术企业500家。\n"
           "刚刚过去的2023年，我们狠抓落实，新增高新技术企业130家。")
    assert not extract_facts(far)[-1].cumulative
    # A year of its own (全年, 2023年) keeps the figure the year's.
    own = "这五年，创新动能持续增强，全年新增高新技术企业120家。"
    assert not extract_facts(own)[-1].cumulative


def test_a_year_written_out_is_no_span_of_years_reviewed() -> None:
    # 1983年以来 is not 83 years of review: the year's flows stay the year's.
    text = "过去的一年，我们将1983年以来被征地农民纳入保障，新增城镇就业20.97万人。"
    assert not extract_facts(text)[-1].cumulative


# Projects named as examples (…等项目) before the total of the same doings (共引进…项目N个，投资总额…) are some of it.

_EXAMPLES = ("2023年，全力开展招商引资，引进了投资超{a}亿元的甲装备产业园、45亿元的乙食品园区、30亿元的丙总部等项目。"
             "全市共引进重大项目40个，投资总额达{total}亿元。")


def test_examples_before_the_total_of_the_same_doings_are_some_of_it() -> None:
    assert _errors(_EXAMPLES.format(a="200", total="620")) == []
    assert _errors(_EXAMPLES.format(a="700", total="620")) == ["part_exceeds_whole"]  # one example above all
    assert _errors(_EXAMPLES.format(a="560", total="620")) == ["part_exceeds_whole"]  # the examples together


def test_examples_of_other_doings_or_years_or_said_about_are_no_part() -> None:
    # Signed (签约) is not brought in (引进): the total is of other doings.
    signed = _EXAMPLES.format(a="700", total="620").replace("引进了", "签约了")
    assert _errors(signed) == []
    # Examples of five years before one year's total.
    years = _EXAMPLES.format(a="700", total="620").replace("2023年，全力", "五年来，全力")
    assert _errors(years) == []
    # An example said about (约700亿元) is not held to the total.
    about = _EXAMPLES.format(a="700", total="620").replace("投资超700", "投资约700")
    assert _errors(about) == []
    # Examples in another paragraph say nothing of this total.
    apart = _EXAMPLES.format(a="700", total="620").replace("等项目。", "等项目。\n")
    assert _errors(apart) == []


# Things of a plan counted at a stage (…计划启动实施，…4户企业完成搬迁改造) are some of the plan's.

_PLAN = "2023年，30户企业退城入园计划启动实施，甲公司等{done}户企业完成搬迁改造，{prep}户企业正在开展前期工作。"


def test_things_of_a_plan_at_a_stage_are_some_of_it() -> None:
    assert_caught(_PLAN.format(done="6", prep="10"), _PLAN.format(done="36", prep="10"), ["part_exceeds_whole"])
    assert _errors(_PLAN.format(done="6", prep="40")) == ["part_exceeds_whole"]
    notes = [f.message for f in audit_text(_PLAN.format(done="6", prep="10")).findings if f.check == "part_exceeds_whole"]
    assert notes and notes[0].startswith("处于某一进度的6户企业不大于企业退城入园计划的30户")


def test_counts_without_a_plan_or_of_other_things_are_no_stage_of_it() -> None:
    # No plan: 30户企业入园 and 36户企业完成改造 may be different firms.
    assert _errors("2023年，30户企业入园投产，36户企业完成技术改造。") == []
    # Other things at a stage (项目, not 企业), or the same unit and noun with no stage after it.
    assert_quiet("2023年，30户企业退城入园计划启动实施，36个项目完成前期工作。",
                 "2023年，30户企业退城入园计划启动实施，全市36户企业获评先进。")


# A floor said to be kept over the years (保持在80.6%以上) held in the year whose exact level was stated before.

_KEPT = ("2023年，全省地表水监测断面水质达标率82%，空气质量优良率90.1%。\n"
         "这五年，生态优势稳步提升。地表水监测断面水质达标率保持在{}%以上，生态环境质量居全国前列。")


def test_a_floor_kept_over_the_years_holds_in_the_year_stated_before() -> None:
    assert_caught(_KEPT.format("80.6"), _KEPT.format("92.6"), ["level_below_threshold"])


def test_a_floor_to_keep_or_of_another_thing_or_of_last_year_says_nothing() -> None:
    goal = _KEPT.format("92.6").replace("地表水监测断面水质达标率保持", "力争地表水监测断面水质达标率保持")
    assert _errors(goal) == []
    other = _KEPT.format("92.6").replace("地表水监测断面水质达标率保持", "城市集中式饮用水源地水质达标率保持")
    assert _errors(other) == []
    # A floor reached, not kept (达到…以上), is not held against a level of another sentence by this rule.
    reached = _KEPT.format("92.6").replace("保持在", "达到")
    assert _errors(reached) == []


# Parts by origin (从来源地看，…) are parts by one aspect.


def test_parts_by_origin_are_parts_by_one_aspect() -> None:
    text = "2023年全县接待游客520.0万人次。从来源地看，省内游客{}万人次，省外游客130.0万人次。"
    assert_caught(text.format("390.0"), text.format("490.0"), ["parts_total"])
    # Not all visitors are from inside or outside the province (境外游客): parts short of the whole are a note.
    assert _errors(text.format("290.0")) == []


def test_views_that_are_no_aspect_open_no_list() -> None:
    # 从总量看 and 从增速看 name measures of several things, not parts of the figure before.
    text = "2023年全县接待游客520.0万人次。从总量看，旅游收入48.6亿元，游客人均消费935元。"
    assert _fact(extract_facts(text), "旅游收入48.6亿元").whole is None


# Figures per thousand people: the things counted over the resident population.

_BEDS = "2023年全县常住人口50.0万人。全县医疗卫生机构床位3100张，每千{people}床位数{per}张。"


def test_a_figure_per_thousand_residents_is_the_count_over_them() -> None:
    assert_caught(_BEDS.format(people="常住人口", per="6.2"),
                  _BEDS.format(people="常住人口", per="7.2"), ["share_levels"])


def test_per_thousand_people_unnamed_may_be_of_the_registered_ones() -> None:
    # 每千人 does not say which people: the resident ones, the statistics' rule, or the registered ones where the report
    # states them too (3100张 over 43.1万 registered people is 7.2 per thousand).
    assert _errors(_BEDS.format(people="人", per="7.2")) == ["share_levels"]
    assert_quiet("2023年全县常住人口50.0万人，户籍人口43.1万人。全县医疗卫生机构床位3100张，每千人口床位数7.2张。")
    # No population stated for the year, or no count right before: nothing to divide.
    assert_quiet("2023年全县医疗卫生机构床位3100张，每千常住人口床位数7.2张。",
                 "2023年全县常住人口50.0万人。全县新增床位300张，每千常住人口床位数7.2张。")


# Yearly rates over a few years: the level grown from dated by 与2020年相比, and a multiple of a stated year's level.


def test_the_level_grown_from_is_of_the_year_compared_with() -> None:
    text = "与2020年相比，2023年全县一般公共预算收入由8.0亿元增加到10.0亿元，年均增长{}%。"
    assert_caught(text.format("7.7"), text.format("9.7"), ["growth_levels"])
    # Without a year compared with, 2023年…由A增加到B is a change within the year: no yearly rate is implied.
    assert _errors("2023年，全县城镇化率由55.1%提高到56.3%，年均提高0.6个百分点。") == []


def test_a_yearly_rate_beside_a_multiple_of_a_stated_years_level() -> None:
    text = "过去三年，全县一般公共预算收入年均增长{}%，2023年达到10.0亿元，是2020年的1.25倍。"
    assert_caught(text.format("7.7"), text.format("9.7"), ["growth_levels"])
    # GDP and output grow at comparable prices; a multiple in a list (分别是…) may be another thing's.
    assert _errors("过去三年，全县地区生产总值年均增长5.0%，2023年达到200亿元，是2020年的1.30倍。") == []
    assert_quiet("2023年实现农业总产值286.8亿元，年均增长5.6%；农产品加工产值350亿元，年均增长45.6%，分别是2018年的2.2倍、2.7倍。")


# Lines of projects at a stage named before a colon (新开工项目：46个，…) are parts of the projects counted before them.

_LINES = "2023年全县实施重点项目120个，完成投资150.0亿元。\n新开工项目：{new}个，完成投资52.0亿元。\n续建项目：74个，完成投资{old}亿元。"


def test_lines_of_stages_are_parts_of_the_projects_before() -> None:
    facts = extract_facts(_LINES.format(new="46", old="98.0"))
    assert _fact(facts, "46个").entity == "新开工项目"
    assert _fact(facts, "46个").whole == _fact(facts, "120个").index
    assert_caught(_LINES.format(new="46", old="98.0"), _LINES.format(new="146", old="98.0"), ["part_exceeds_whole"])
    assert _errors(_LINES.format(new="46", old="198.0")) == ["part_exceeds_whole"]


def test_lines_of_other_labels_or_without_projects_before_are_no_parts() -> None:
    # Completed projects may have started in earlier years (not a stage of this year's projects), and a reserve is
    # no part of the projects under way.
    assert_quiet("2023年全县实施重点项目120个，完成投资150.0亿元。\n竣工项目：130个，完成投资52.0亿元。")
    alone = "新开工项目：46个，完成投资52.0亿元。\n续建项目：74个，完成投资98.0亿元。"
    assert _errors(alone) == []
    assert _fact(extract_facts(alone), "46个").whole is None


# Shares against a whole named short: 财政收入总计, 全县 (the place's own figure of the part's measure), and shares said about.


def test_a_share_of_a_total_named_with_zongji() -> None:
    text = "2023年全县财政收入总计25.6亿元，其中本级一般公共预算收入12.3亿元，占财政收入总计的{}%。"
    assert_caught(text.format("48.0"), text.format("58.0"), ["share_levels"])


def test_a_zones_share_of_the_place_is_of_the_places_figure_of_its_measure() -> None:
    text = "2023年全县完成固定资产投资114.3亿元，增长9.0%。经济开发区完成投资40.0亿元，占全县{}的{}%。"
    assert _errors(text.format("", "35.0")) == []
    assert_caught(text.format("投资", "35.0"), text.format("", "45.0"), ["share_levels"])
    # Another measure than the place's figure stated (增加值 against investment), or none stated: nothing to divide.
    assert_quiet("2023年全县完成固定资产投资114.3亿元。经济开发区完成增加值40.0亿元，占全县的45.0%。",
                 "2023年全县工业投资50.0亿元。经济开发区完成投资40.0亿元，占全县的45.0%。")


def test_a_share_said_about_fits_within_a_tenth() -> None:
    text = "2023年全县地区生产总值200.0亿元。第三产业增加值80.0亿元，{}。"
    assert _errors(text.format("占地区生产总值的40%左右")) == []
    assert _errors(text.format("约占地区生产总值的43%")) == []  # 40 is within a tenth of 约43
    assert_raises(["share_levels"], text.format("占地区生产总值的50%左右"), text.format("约占地区生产总值的53%"))


# Parts by an aspect that each name one part of the list before (分级次看，县级税收收入…) break that part down.

_LEVELS = ("2023年全县一般公共预算收入12.0亿元，其中税收收入9.0亿元，非税收入3.0亿元。"
           "分级次看，县级{what}{county}亿元，乡镇级{what}4.0亿元。")


def test_parts_by_an_aspect_naming_one_part_break_that_part_down() -> None:
    facts = extract_facts(_LEVELS.format(what="税收收入", county="5.0"))
    assert _fact(facts, "县级税收收入5.0亿元").whole == _fact(facts, "其中税收收入9.0亿元").index
    assert_caught(_LEVELS.format(what="税收收入", county="5.0"),
                  _LEVELS.format(what="税收收入", county="6.0"), ["parts_total"])


def test_parts_by_an_aspect_naming_no_part_stay_of_the_lists_whole() -> None:
    facts = extract_facts(_LEVELS.format(what="收入", county="8.0"))
    assert _fact(facts, "县级收入8.0亿元").whole == _fact(facts, "12.0亿元").index
    assert _errors(_LEVELS.format(what="收入", county="8.0")) == []  # 8 + 4 = 12, the revenue's whole
