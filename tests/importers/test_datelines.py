"""Date lines: one test per printed form, zones, text run onto a date, and non-dates."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from newsroom_desktop.importers.datelines import RULES, find_date, parse_dateline, parse_iso

HCM = ZoneInfo("Asia/Ho_Chi_Minh")
SAMPLE_MOMENT = datetime(2021, 9, 7, 6, 59, tzinfo=HCM)


@pytest.mark.parametrize(
    "line",
    [
        "Cập nhật lúc 06:59 ngày 07/09/2021",
        "07/09/2021 - 06:59",
        "06:59 - 07/09/2021",
        "Thứ Ba, 07/09/2021 06:59 (GMT+7)",
        "Thứ ba, 7/9/2021, 06:59 (GMT+7)",
        "Sep 7, 2021, 6:59 AM",
        "Updated on September 7, 2021, at 6:59 a.m.",
        "Updated 06:59, 7 September 2021",
        "7 September 2021 06:59",
        "2021-09-07T06:59:00+07:00",
        "Published: 07/09/2021 | 06h59",
    ],
)
def test_every_issue_form_reads_as_the_sample_moment(line):
    assert parse_dateline(line, HCM) == SAMPLE_MOMENT


def test_each_rule_reads_its_own_example():
    for rule in RULES:
        found = find_date(rule.example, HCM)
        assert found is not None, rule.name
        assert found.rule == rule.name


def test_section_and_date_on_one_line_gives_the_section_back():
    found = find_date("Thời sự 07-09-2021", HCM)
    assert found is not None
    assert found.moment == datetime(2021, 9, 7, tzinfo=HCM)
    assert found.rest == "Thời sự"
    assert not found.has_time


def test_date_run_onto_the_headline_is_split_off():
    found = find_date("Tăng cường sự lãnh đạo của Đảng07/09/2021 06:59", HCM)
    assert found is not None
    assert found.moment == SAMPLE_MOMENT
    assert found.rest == "Tăng cường sự lãnh đạo của Đảng"
    assert parse_dateline("Tăng cường sự lãnh đạo của Đảng 07/09/2021 06:59", HCM) is None


def test_times_without_a_zone_are_in_the_newsroom_zone():
    bangkok = ZoneInfo("Asia/Bangkok")
    assert parse_dateline("07/09/2021 - 06:59", bangkok) == datetime(
        2021, 9, 7, 6, 59, tzinfo=bangkok
    )


def test_a_written_zone_wins_over_the_newsroom_zone():
    assert parse_dateline("07/09/2021 06:59 (GMT+9)", HCM) == datetime(
        2021, 9, 6, 21, 59, tzinfo=UTC
    )
    eastern = parse_dateline("September 7, 2021 6:59 PM ET", HCM)
    assert eastern is not None
    assert eastern.utcoffset() == timedelta(hours=-4)
    assert eastern.hour == 18


def test_pm_and_midnight_hours():
    assert parse_dateline("Sep 7, 2021, 12:05 AM", HCM) == datetime(2021, 9, 7, 0, 5, tzinfo=HCM)
    assert parse_dateline("Sep 7, 2021, 6:59 PM", HCM) == datetime(2021, 9, 7, 18, 59, tzinfo=HCM)


@pytest.mark.parametrize(
    "line",
    ["Sáng 07/9, Trung tướng Trần Quốc Tỏ", "31/02/2021 06:59", "Tin tức mới nhất", "06:59"],
)
def test_lines_that_are_not_date_lines(line):
    assert parse_dateline(line, HCM) is None


def test_metadata_dates_keep_their_offset_and_naive_ones_take_the_zone():
    assert parse_iso("2021-09-07T06:59:00+07:00", UTC) == datetime(
        2021, 9, 7, 6, 59, tzinfo=timezone(timedelta(hours=7))
    )
    assert parse_iso("2021-09-07T06:59:00", HCM) == SAMPLE_MOMENT
    assert parse_iso("2021-09-06T23:59:00Z", HCM) == SAMPLE_MOMENT
    assert parse_iso("not a date", HCM) is None


@pytest.mark.parametrize(
    ("line", "moment"),
    [
        ("2023/02/21 21:20", datetime(2023, 2, 21, 21, 20, tzinfo=HCM)),
        ("2022-5-3T23:57:00", datetime(2022, 5, 3, 23, 57, tzinfo=HCM)),
        ("le 7 septembre 2021 à 06:59", datetime(2021, 9, 7, 6, 59, tzinfo=HCM)),
        ("3 de mayo de 2022", datetime(2022, 5, 3, tzinfo=HCM)),
        ("4. Juni 2020 09:27", datetime(2020, 6, 4, 9, 27, tzinfo=HCM)),
        ("Par Matthieu Hy le 07 Mai 2020", datetime(2020, 5, 7, tzinfo=HCM)),
    ],
)
def test_year_first_and_other_languages_month_names(line, moment):
    found = find_date(line, HCM)
    assert found is not None
    assert found.moment == moment
