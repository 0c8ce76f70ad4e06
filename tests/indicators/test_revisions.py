"""Figures are append-only: a revision adds a row, and "as of" reads return what was known then."""

from datetime import UTC, datetime
from decimal import Decimal as D

import pytest

from devplan.indicators.models import Figure
from devplan.indicators.services import figure_as_of, figure_history, find_indicator
from devplan.lib.errors import DevplanError
from devplan.revisions import AppendOnlyError
from tests.writing import Provenance, record_figure

pytestmark = pytest.mark.django_db

JAN = datetime(2024, 2, 20, tzinfo=UTC)
MAR = datetime(2024, 3, 15, tzinfo=UTC)


@pytest.fixture
def gdp(demo):
    return find_indicator("gdp")


def test_a_revision_keeps_the_old_value_readable_as_of_before_it(demo, gdp):
    record_figure(demo, gdp, 2024, 3, Provenance(reason="统计局快报", by_name="统计局", known_at=JAN), value=D("150.2"))
    record_figure(
        demo, gdp, 2024, 3, Provenance(reason="有责修数：核减虚报产值", by_name="统计局", known_at=MAR), value=D("146.8")
    )
    assert figure_as_of(demo, gdp, 2024, 3, datetime(2024, 3, 1, tzinfo=UTC)).value == D("150.2")
    assert figure_as_of(demo, gdp, 2024, 3, datetime(2024, 3, 31, tzinfo=UTC)).value == D("146.8")
    assert figure_as_of(demo, gdp, 2024, 3, datetime(2024, 1, 1, tzinfo=UTC)) is None
    history = figure_history(demo, gdp, 2024, 3)
    assert [(f.revision, f.value, f.reason) for f in history] == [
        (1, D("150.2"), "统计局快报"),
        (2, D("146.8"), "有责修数：核减虚报产值"),
    ]


def test_revisions_cannot_be_updated_or_deleted(demo, gdp):
    figure = record_figure(demo, gdp, 2024, 6, Provenance(by_name="统计局"), value=D("300"))
    figure.value = D("1")
    with pytest.raises(AppendOnlyError):
        figure.save()
    with pytest.raises(AppendOnlyError):
        figure.delete()
    with pytest.raises(AppendOnlyError):
        Figure.objects.filter(pk=figure.pk).update(value=D("1"))
    with pytest.raises(AppendOnlyError):
        Figure.objects.filter(pk=figure.pk).delete()
    assert Figure.objects.get(pk=figure.pk).value == D("300")


def test_a_revision_cannot_be_backdated_before_the_one_it_replaces(demo, gdp):
    record_figure(demo, gdp, 2024, 9, Provenance(known_at=MAR), value=D("1"))
    with pytest.raises(DevplanError):
        record_figure(demo, gdp, 2024, 9, Provenance(known_at=JAN), value=D("2"))


def test_stated_precision_is_kept_for_documents(demo, gdp):
    figure = record_figure(demo, gdp, 2024, 12, Provenance(), value=D("600"), growth_pct=D("9.0"))
    assert figure.stated("growth_pct") == "9.0"
    assert figure.stated("value") == "600"
