"""Dates, months, times, ordinals and ranges, read aloud."""

from __future__ import annotations

import pytest

from generator.speech import normalize

NORTH = [
    ("1/7/2025", "ngày một tháng bảy năm hai nghìn không trăm hai mươi lăm"),
    ("ngày 1/7/2025", "ngày một tháng bảy năm hai nghìn không trăm hai mươi lăm"),
    ("Ngày 1/7/2025", "Ngày một tháng bảy năm hai nghìn không trăm hai mươi lăm"),
    ("12/06/2021", "ngày mười hai tháng sáu năm hai nghìn không trăm hai mươi mốt"),
    ("03/6/2021", "ngày ba tháng sáu năm hai nghìn không trăm hai mươi mốt"),
    ("1/1/2018", "ngày một tháng một năm hai nghìn không trăm mười tám"),
    ("25/12/2025", "ngày hai mươi lăm tháng mười hai năm hai nghìn không trăm hai mươi lăm"),
    ("ngày 19/4", "ngày mười chín tháng tư"),
    ("ngày 20/11", "ngày hai mươi tháng mười một"),
    ("ngày 24/12", "ngày hai mươi tư tháng mười hai"),
    ("ngày 21/5", "ngày hai mươi mốt tháng năm"),
    ("Từ 1/7", "Từ ngày một tháng bảy"),
    ("trước 31/12", "trước ngày ba mươi mốt tháng mười hai"),
    ("tháng 9/2021", "tháng chín năm hai nghìn không trăm hai mươi mốt"),
    ("9/2021", "tháng chín năm hai nghìn không trăm hai mươi mốt"),
    ("tháng 10/2025", "tháng mười năm hai nghìn không trăm hai mươi lăm"),
    ("tháng 4", "tháng tư"),
    ("tháng 1", "tháng một"),
    ("tháng 12", "tháng mười hai"),
    ("Tháng 11", "Tháng mười một"),
    ("lương tháng 13", "lương tháng mười ba"),
    ("trong 4 tháng", "trong bốn tháng"),
    ("năm 2020", "năm hai nghìn không trăm hai mươi"),
    ("quý IV/2025", "quý bốn năm hai nghìn không trăm hai mươi lăm"),
    ("Quý I", "Quý một"),
    ("Quốc hội khóa XV", "Quốc hội khóa mười lăm"),
    (
        "16/2/1995-16/2/2025",
        "từ ngày mười sáu tháng hai năm một nghìn chín trăm chín mươi lăm "
        "đến ngày mười sáu tháng hai năm hai nghìn không trăm hai mươi lăm",
    ),
    (
        "từ 1/7/2025 - 31/12/2025",
        "từ ngày một tháng bảy năm hai nghìn không trăm hai mươi lăm "
        "đến ngày ba mươi mốt tháng mười hai năm hai nghìn không trăm hai mươi lăm",
    ),
    (
        "giai đoạn 2026–2030",
        "giai đoạn hai nghìn không trăm hai mươi sáu đến hai nghìn không trăm ba mươi",
    ),
    ("1-7-2025", "ngày một tháng bảy năm hai nghìn không trăm hai mươi lăm"),
    ("ngày 01.07.2025", "ngày một tháng bảy năm hai nghìn không trăm hai mươi lăm"),
    (
        "Ngày 16-2-1995 - 16-2-2025",
        "Từ ngày mười sáu tháng hai năm một nghìn chín trăm chín mươi lăm "
        "đến ngày mười sáu tháng hai năm hai nghìn không trăm hai mươi lăm",
    ),
    ("Tỷ lệ 1/3 số hộ", "Tỷ lệ một phần ba số hộ"),
    ("6h30", "sáu giờ ba mươi phút"),
    ("6h", "sáu giờ"),
    ("6g30", "sáu giờ ba mươi phút"),
    ("19:00", "mười chín giờ"),
    ("7:30", "bảy giờ ba mươi phút"),
    ("17h05", "mười bảy giờ năm phút"),
    ("21h15", "hai mươi mốt giờ mười lăm phút"),
    ("14:45", "mười bốn giờ bốn mươi lăm phút"),
    ("lúc 6h30 sáng", "lúc sáu giờ ba mươi phút sáng"),
    ("5:00–6:00", "từ năm giờ đến sáu giờ"),
    ("từ 17h-19h", "từ mười bảy giờ đến mười chín giờ"),
    ("thứ 2", "thứ hai"),
    ("thứ 4", "thứ tư"),
    ("thứ 7", "thứ bảy"),
    ("Thứ 6", "Thứ sáu"),
    ("Chủ nhật", "Chủ nhật"),
    ("lần thứ 1", "lần thứ nhất"),
    ("lần thứ 2", "lần thứ hai"),
    ("lần thứ 14", "lần thứ mười bốn"),
    ("thứ 2 - thứ 6", "thứ hai đến thứ sáu"),
    ("Thứ 3, thứ 5 hằng tuần", "Thứ ba, thứ năm hằng tuần"),
    ("3 - 4 người", "ba đến bốn người"),
    ("5-10 năm", "năm đến mười năm"),
    ("15–19 năm", "mười lăm đến mười chín năm"),
    ("20-30%", "hai mươi đến ba mươi phần trăm"),
    ("45% - 75%", "bốn mươi lăm phần trăm đến bảy mươi lăm phần trăm"),
    (
        "1.500.000–46.800.000 đồng",
        "một triệu năm trăm nghìn đến bốn mươi sáu triệu tám trăm nghìn đồng",
    ),
    (
        "1.500.000 đồng - 46.800.000 đồng",
        "một triệu năm trăm nghìn đồng đến bốn mươi sáu triệu tám trăm nghìn đồng",
    ),
]

OTHER_REGIONS = [
    ("south", "1/7/2025", "ngày một tháng bảy năm hai ngàn không trăm hai mươi lăm"),
    ("south", "21h", "hai mươi mốt giờ"),
    ("south", "3 - 4 người", "ba đến bốn người"),
    ("south", "tháng 4/2025", "tháng tư năm hai ngàn không trăm hai mươi lăm"),
    ("south", "thứ 7", "thứ bảy"),
    ("central", "tháng 9/2021", "tháng chín năm hai ngàn không trăm hai mươi mốt"),
    ("central", "5:00–6:00", "từ năm giờ đến sáu giờ"),
    ("central", "ngày 19/4", "ngày mười chín tháng tư"),
    ("central", "lần thứ 1", "lần thứ nhất"),
]


@pytest.mark.parametrize(("written", "spoken"), NORTH)
def test_speech_dates_north(written: str, spoken: str) -> None:
    result = normalize(written)
    assert result.text == spoken
    assert result.warnings == ()


@pytest.mark.parametrize(("region", "written", "spoken"), OTHER_REGIONS)
def test_speech_dates_other_regions(region: str, written: str, spoken: str) -> None:
    assert normalize(written, region=region).text == spoken  # type: ignore[arg-type]


# Day-month with a hyphen or a dot, ISO dates, streets named after a date:
# the words around the numbers decide between a date, a range and a section.
CONTEXTUAL = [
    ("north", "sáng 15-4", "sáng ngày mười lăm tháng tư"),
    ("north", "ngày 2.9", "ngày hai tháng chín"),
    ("north", "tháng 6-2024", "tháng sáu năm hai nghìn không trăm hai mươi tư"),
    ("south", "tháng 6-2024", "tháng sáu năm hai ngàn không trăm hai mươi bốn"),
    ("central", "tháng 8.2023", "tháng tám năm hai ngàn không trăm hai mươi ba"),
    ("north", "2025-07-01", "ngày một tháng bảy năm hai nghìn không trăm hai mươi lăm"),
    ("north", "ngày 2025-07-01", "ngày một tháng bảy năm hai nghìn không trăm hai mươi lăm"),
    ("north", "từ 3 đến 9-10", "từ ngày ba đến ngày chín tháng mười"),
    ("north", "Đến 30-6, xã đạt", "Đến ngày ba mươi tháng sáu, xã đạt"),
    ("north", "Từ 15-4 các đại lý", "Từ ngày mười lăm tháng tư các đại lý"),
    ("north", "từ 2-3 người", "từ hai đến ba người"),
    ("north", "sau 5-7 ngày", "sau năm đến bảy ngày"),
    ("north", "từ 5-10 năm", "từ năm đến mười năm"),
    ("north", "trước 10-12 phải xong", "trước mười đến mười hai phải xong"),
    (
        "north",
        "đến 9-10 năm 2025",
        "đến ngày chín tháng mười năm hai nghìn không trăm hai mươi lăm",
    ),
    ("north", "2.9", "hai chấm chín"),
    ("north", "Điều 36.1", "Điều ba mươi sáu chấm một"),
    ("north", "đường 30/4", "đường Ba Mươi Tháng Tư"),
    ("south", "đường 3-2", "đường Ba Tháng Hai"),
    ("central", "đường 1/5", "đường Một Tháng Năm"),
    (
        "north",
        "ngày 1/7/2025 7h30",
        "ngày một tháng bảy năm hai nghìn không trăm hai mươi lăm, bảy giờ ba mươi phút",
    ),
    ("north", "ngày 15/4 lúc 8h", "ngày mười lăm tháng tư lúc tám giờ"),
    ("north", "ngày 15/4 8h-10h", "ngày mười lăm tháng tư, từ tám giờ đến mười giờ"),
    ("north", "8h ngày 15/4", "tám giờ ngày mười lăm tháng tư"),
    ("north", "lần thứ IV", "lần thứ tư"),
    ("north", "lần thứ I", "lần thứ nhất"),
    ("south", "Đại hội lần thứ XIII", "Đại hội lần thứ mười ba"),
    ("south", "lúc 17g", "lúc mười bảy giờ"),
    ("south", "17g ngày 30-6", "mười bảy giờ ngày ba mươi tháng sáu"),
    ("south", "làm việc 7g-11g", "làm việc từ bảy giờ đến mười một giờ"),
    ("south", "Từ 7g đến 11g", "Từ bảy giờ đến mười một giờ"),
    ("north", "Địa chỉ: 12/5 đường Lê Lợi", "Địa chỉ: mười hai trên năm đường Lê Lợi"),
    ("north", "số 12/5 Lê Lợi", "số mười hai trên năm Lê Lợi"),
    ("north", "nhà số 12/5", "nhà số mười hai trên năm"),
    (
        "north",
        "Văn bản số 12/5 của UBND tỉnh.",
        "Văn bản số mười hai trên năm của Ủy ban nhân dân tỉnh.",
    ),
    ("south", "Tờ trình số 30/4 ngày 2/5", "Tờ trình số ba mươi trên bốn ngày hai tháng năm"),
    ("central", "Số 7/8 đã nộp.", "Số bảy trên tám đã nộp."),
    ("north", "ngày 12/5 đường phố rợp cờ", "ngày mười hai tháng năm đường phố rợp cờ"),
    ("north", "Sáng 12/5 đường Lê Lợi", "Sáng ngày mười hai tháng năm đường Lê Lợi"),
]


@pytest.mark.parametrize(("region", "written", "spoken"), CONTEXTUAL)
def test_speech_dates_in_context(region: str, written: str, spoken: str) -> None:
    result = normalize(written, region=region)  # type: ignore[arg-type]
    assert result.text == spoken
    assert result.warnings == ()
