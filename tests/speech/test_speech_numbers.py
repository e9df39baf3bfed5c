"""Numbers, decimals and percentages, read aloud in the three regions."""

from __future__ import annotations

import pytest

from generator.speech import normalize

NORTH = [
    ("0", "không"),
    ("1", "một"),
    ("5", "năm"),
    ("10", "mười"),
    ("11", "mười một"),
    ("14", "mười bốn"),
    ("15", "mười lăm"),
    ("20", "hai mươi"),
    ("21", "hai mươi mốt"),
    ("24", "hai mươi tư"),
    ("25", "hai mươi lăm"),
    ("31", "ba mươi mốt"),
    ("44", "bốn mươi tư"),
    ("55", "năm mươi lăm"),
    ("99", "chín mươi chín"),
    ("100", "một trăm"),
    ("101", "một trăm linh một"),
    ("104", "một trăm linh bốn"),
    ("105", "một trăm linh năm"),
    ("110", "một trăm mười"),
    ("111", "một trăm mười một"),
    ("115", "một trăm mười lăm"),
    ("121", "một trăm hai mươi mốt"),
    ("250", "hai trăm năm mươi"),
    ("1.000", "một nghìn"),
    ("1.001", "một nghìn không trăm linh một"),
    ("1.005", "một nghìn không trăm linh năm"),
    ("1.010", "một nghìn không trăm mười"),
    ("1.740", "một nghìn bảy trăm bốn mươi"),
    ("1995", "một nghìn chín trăm chín mươi lăm"),
    ("2021", "hai nghìn không trăm hai mươi mốt"),
    ("2025", "hai nghìn không trăm hai mươi lăm"),
    ("10.000", "mười nghìn"),
    ("18.000", "mười tám nghìn"),
    ("18679", "mười tám nghìn sáu trăm bảy mươi chín"),
    ("39.783", "ba mươi chín nghìn bảy trăm tám mươi ba"),
    ("100.000", "một trăm nghìn"),
    ("330.000", "ba trăm ba mươi nghìn"),
    ("105.300", "một trăm linh năm nghìn ba trăm"),
    ("1.000.000", "một triệu"),
    ("1.000.001", "một triệu không trăm linh một"),
    ("1.500.000", "một triệu năm trăm nghìn"),
    ("1.443.793", "một triệu bốn trăm bốn mươi ba nghìn bảy trăm chín mươi ba"),
    ("2.340.000", "hai triệu ba trăm bốn mươi nghìn"),
    ("10.296.000", "mười triệu hai trăm chín mươi sáu nghìn"),
    ("23.400.000", "hai mươi ba triệu bốn trăm nghìn"),
    ("46.800.000", "bốn mươi sáu triệu tám trăm nghìn"),
    ("1.000.000.000", "một tỷ"),
    ("2.500.000.000", "hai tỷ năm trăm triệu"),
    ("5.000.000.001", "năm tỷ không trăm linh một"),
    ("12.000.050.000", "mười hai tỷ không trăm năm mươi nghìn"),
    ("1.000.000.000.000", "một nghìn tỷ"),
    ("1.000.000.000.000.000.000", "một tỷ tỷ"),
    ("1,500,000", "một triệu năm trăm nghìn"),
    ("1\u00a0500\u00a0000", "một triệu năm trăm nghìn"),
    ("05 hồ sơ", "năm hồ sơ"),
    ("mã số 012345", "mã số không một hai ba bốn năm"),
    ("87,59", "tám mươi bảy phẩy năm mươi chín"),
    ("1,24", "một phẩy hai mươi tư"),
    ("1,05", "một phẩy không năm"),
    ("1,5", "một phẩy năm"),
    ("0,5", "không phẩy năm"),
    ("2,25", "hai phẩy hai mươi lăm"),
    ("0,125", "không phẩy một trăm hai mươi lăm"),
    ("3,14159", "ba phẩy một bốn một năm chín"),
    ("1.234,5", "một nghìn hai trăm ba mươi tư phẩy năm"),
    ("87,59%", "tám mươi bảy phẩy năm mươi chín phần trăm"),
    ("1,24 %", "một phẩy hai mươi tư phần trăm"),
    ("4,5%", "bốn phẩy năm phần trăm"),
    ("22%", "hai mươi hai phần trăm"),
    ("100%", "một trăm phần trăm"),
    ("Điều 36.1", "Điều ba mươi sáu chấm một"),
]

SOUTH = [
    ("105", "một trăm lẻ năm"),
    ("1.740", "một ngàn bảy trăm bốn mươi"),
    ("2021", "hai ngàn không trăm hai mươi mốt"),
    ("1.005", "một ngàn không trăm lẻ năm"),
    ("330.000", "ba trăm ba mươi ngàn"),
    ("24", "hai mươi bốn"),
    ("1.000.000.000.000", "một ngàn tỷ"),
    ("1,05", "một phẩy không năm"),
    ("87,59%", "tám mươi bảy phẩy năm mươi chín phần trăm"),
]

CENTRAL = [
    ("15", "mười lăm"),
    ("105", "một trăm lẻ năm"),
    ("1.001", "một ngàn không trăm lẻ một"),
    ("1.740", "một ngàn bảy trăm bốn mươi"),
    ("2021", "hai ngàn không trăm hai mươi mốt"),
    ("1.500.000", "một triệu năm trăm ngàn"),
]


@pytest.mark.parametrize(("written", "spoken"), NORTH)
def test_speech_number_north(written: str, spoken: str) -> None:
    result = normalize(written)
    assert result.text == spoken
    assert result.warnings == ()


@pytest.mark.parametrize(("written", "spoken"), SOUTH)
def test_speech_number_south(written: str, spoken: str) -> None:
    assert normalize(written, region="south").text == spoken


@pytest.mark.parametrize(("written", "spoken"), CENTRAL)
def test_speech_number_central(written: str, spoken: str) -> None:
    assert normalize(written, region="central").text == spoken


SHORTHAND = [
    ("north", "5 ha", "năm héc-ta"),
    ("north", "10 km", "mười ki-lô-mét"),
    ("north", "20 km2", "hai mươi ki-lô-mét vuông"),
    ("north", "50 m²", "năm mươi mét vuông"),
    ("north", "3 kg", "ba ki-lô-gam"),
    ("central", "3 kg", "ba ki-lô-gam"),
    ("south", "3kg", "ba ký"),
    ("north", "120 cm", "một trăm hai mươi xăng-ti-mét"),
    ("north", "48h", "bốn mươi tám giờ"),
    ("north", "50k", "năm mươi nghìn"),
    ("south", "50k", "năm mươi ngàn"),
    ("north", "5tr", "năm triệu"),
    ("north", "1,2 tr", "một phẩy hai triệu"),
    ("north", "1 mình", "một mình"),
    ("north", "-5", "âm năm"),
    ("north", "−0,5%", "âm không phẩy năm phần trăm"),
    ("north", "(-5%)", "(âm năm phần trăm)"),
    ("north", "từ 20 -30%", "từ hai mươi đến ba mươi phần trăm"),
    ("north", "x2", "gấp hai"),
    ("north", "gấp x3 lần", "gấp ba lần"),
    ("north", "1/2 chi phí", "một phần hai chi phí"),
    ("north", "3/4", "ba phần tư"),
    ("north", "Khoảng 2/5 hộ", "Khoảng hai phần năm hộ"),
    ("north", "Từ 1/4", "Từ ngày một tháng tư"),
    ("north", "Lễ 2/9", "Lễ ngày hai tháng chín"),
    ("north", "số 5A", "số năm a"),
    ("north", "25/3B", "hai mươi lăm trên ba bê"),
    ("south", "hẻm 25/3", "hẻm hai mươi lăm trên ba"),
    ("north", "Quốc lộ 1A", "Quốc lộ một a"),
    ("north", "tổ 4", "tổ bốn"),
    ("north", "500g đường", "năm trăm gam đường"),
    ("south", "Cân 20g muối", "Cân hai mươi gam muối"),
    (
        "north",
        "Quyết định số 12/2024/QĐ-UBND",
        "Quyết định số mười hai năm hai nghìn không trăm hai mươi tư của Ủy ban nhân dân",
    ),
    ("north", "10.000 - 20.000 đồng", "mười nghìn đến hai mươi nghìn đồng"),
    (
        "north",
        "0251.3822.333 - 0919.222.333",
        "không hai năm một, ba tám hai hai, ba ba ba hoặc không chín một chín, hai hai hai, ba ba ba",
    ),
]


@pytest.mark.parametrize(("region", "written", "spoken"), SHORTHAND)
def test_speech_units_and_shorthand(region: str, written: str, spoken: str) -> None:
    result = normalize(written, region=region)  # type: ignore[arg-type]
    assert result.text == spoken
    assert result.warnings == ()


@pytest.mark.parametrize(
    ("region", "written", "spoken"),
    [
        ("north", "24", "hai mươi tư"),
        ("central", "24", "hai mươi tư"),
        ("south", "24", "hai mươi bốn"),
        ("south", "1,24", "một phẩy hai mươi bốn"),
        ("south", "tháng 4", "tháng tư"),
        ("south", "thứ 4", "thứ tư"),
        ("south", "14", "mười bốn"),
    ],
)
def test_speech_four_after_tens_is_regional(region: str, written: str, spoken: str) -> None:
    assert normalize(written, region=region).text == spoken  # type: ignore[arg-type]
