"""The relations county texts state that no check covered (the forty-eighth pass, sets Q, R, S and T): a quotient of two
stated levels against the stated ratio — births per thousand people, pupils per teacher, a yield per mu past the area's
change or its list, a benefit per head per month — and a product said as its total after the average (户均…，合计…).
Invented sentences, each true and with an error planted."""

from tests.reader.shapes import assert_caught, assert_quiet


def test_a_rate_per_thousand_is_the_events_over_the_residents() -> None:
    assert_caught("2022年末全市常住人口64.30万人。全年出生人口4822人，人口出生率为7.50‰；死亡人口4180人，人口死亡率为6.50‰。",
                  "2022年末全市常住人口64.30万人。全年出生人口4822人，人口出生率为8.10‰；死亡人口4180人，人口死亡率为6.50‰。",
                  ["share_levels"])
    assert_caught("2022年末全市常住人口64.30万人。全年出生人口4822人，人口出生率为7.50‰；死亡人口4180人，人口死亡率为6.50‰。",
                  "2022年末全市常住人口64.30万人。全年出生人口4822人，人口出生率为7.50‰；死亡人口4180人，人口死亡率为5.90‰。",
                  ["share_levels"])


def test_a_rate_per_thousand_of_the_registered_people_it_names() -> None:
    assert_caught("2022年末全县户籍人口51.20万人。全年出生人口3840人，户籍人口出生率为7.50‰。",
                  "2022年末全县户籍人口51.20万人。全年出生人口3840人，户籍人口出生率为8.30‰。", ["share_levels"])


def test_a_rate_per_thousand_beside_the_registered_people_alone_is_not_judged() -> None:
    # The residents the rate is of are not stated: the registered count is no stand-in for them.
    assert_quiet("2022年末全县户籍总人口51.20万人，其中城镇人口20.10万人。全年出生人口3840人，人口出生率为8.30‰。")


def test_pupils_per_teacher_is_the_pupils_over_the_teachers() -> None:
    assert_caught("2022年，全县在校学生6.48万人，专任教师4320人，生师比为15.0。",
                  "2022年，全县在校学生6.48万人，专任教师4320人，生师比为16.2。", ["share_levels"])
    assert_caught("2022年末全县初中在校学生18240人，初中专任教师1520人，生师比为12.0∶1。",
                  "2022年末全县初中在校学生18240人，初中专任教师1520人，生师比为13.0∶1。", ["share_levels"])


def test_pupils_per_teacher_of_other_schools_or_written_the_other_way_is_not_judged() -> None:
    assert_quiet("2022年末全县在校学生18240人，小学专任教师1120人，生师比为12.0∶1。",
                 "2022年末全县在校学生18240人，专任教师1520人，生师比为1:11.0。")


def test_a_yield_per_mu_past_the_areas_change() -> None:
    assert_caught("2022年，全县粮食播种面积52.0万亩，比上年的51.2万亩增加0.8万亩；粮食总产量23.4万吨，增长1.9%，平均亩产450公斤。",
                  "2022年，全县粮食播种面积52.0万亩，比上年的51.2万亩增加0.8万亩；粮食总产量23.4万吨，增长1.9%，平均亩产480公斤。",
                  ["share_levels"])


def test_a_yield_per_mu_of_the_area_the_sentence_before_lists() -> None:
    assert_caught("2022年，全县粮食播种面积52.0万亩，其中小麦30.0万亩，玉米18.0万亩。粮食总产量23.4万吨，平均亩产450公斤。",
                  "2022年，全县粮食播种面积52.0万亩，其中小麦30.0万亩，玉米18.0万亩。粮食总产量23.4万吨，平均亩产420公斤。",
                  ["share_levels"])


def test_a_crops_yield_after_the_area_of_another_is_not_judged() -> None:
    assert_quiet("2022年，全县粮食播种面积52.0万亩，其中小麦30.0万亩。小麦总产量14.1万吨，平均亩产470公斤。")


def test_an_average_per_household_with_its_total_after() -> None:
    assert_caught("2022年，产业基地带动农户2,150户，户均增收4,200元，合计增收903万元。",
                  "2022年，产业基地带动农户2,150户，户均增收4,200元，合计增收953万元。", ["share_levels"])


def test_a_benefit_per_head_per_month() -> None:
    assert_caught("2022年末特困供养对象2400人，其中集中供养600人。全年发放特困供养资金2304万元，折合人均每月800元。",
                  "2022年末特困供养对象2400人，其中集中供养600人。全年发放特困供养资金2304万元，折合人均每月860元。",
                  ["share_levels"])


def test_a_benefit_per_head_per_month_of_other_people_is_not_judged() -> None:
    assert_quiet("2022年末特困供养对象2400人。全年发放医疗救助资金2304万元，折合人均每月860元。")


def test_a_ratio_of_two_levels_named_in_percent() -> None:
    assert_caught("2022年，全县一般公共预算收入9.60亿元，一般公共预算支出32.00亿元。全县财政自给率（一般公共预算收入与支出之比）为30.0%。",
                  "2022年，全县一般公共预算收入9.60亿元，一般公共预算支出32.00亿元。全县财政自给率（一般公共预算收入与支出之比）为33.0%。",
                  ["share_levels"])


def test_a_ratio_in_percent_of_levels_found_paragraphs_back() -> None:
    assert_caught("2022年，全县一般公共预算收入完成9.60亿元。\n一般公共预算支出完成32.00亿元。\n主要支出项目中，教育支出6.1亿元。\n"
                  "全县财政自给率（一般公共预算收入与支出之比）为30.0%。",
                  "2022年，全县一般公共预算收入完成9.60亿元。\n一般公共预算支出完成32.00亿元。\n主要支出项目中，教育支出6.1亿元。\n"
                  "全县财政自给率（一般公共预算收入与支出之比）为33.0%。", ["share_levels"])


def test_a_ratio_in_percent_of_terms_not_stated_is_not_judged() -> None:
    assert_quiet("2022年，全县税收收入7.20亿元，一般公共预算支出32.00亿元。全县财政自给率（一般公共预算收入与支出之比）为33.0%。")


def test_spending_per_visitor_past_a_part_of_the_visitors() -> None:
    assert_caught("2022年，全县接待游客520.0万人次，其中过夜游客130.0万人次；实现旅游总收入41.60亿元，游客人均消费800元。",
                  "2022年，全县接待游客520.0万人次，其中过夜游客130.0万人次；实现旅游总收入41.60亿元，游客人均消费860元。",
                  ["share_levels"])
