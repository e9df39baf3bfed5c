"""Amounts, phone numbers, abbreviations, document numbers, symbols and whole sentences."""

from __future__ import annotations

import pytest

from generator.speech import normalize

AMOUNTS = [
    ("330.000 đ", "ba trăm ba mươi nghìn đồng"),
    ("330.000đ", "ba trăm ba mươi nghìn đồng"),
    ("330.000 đồng", "ba trăm ba mươi nghìn đồng"),
    ("330.000 VNĐ", "ba trăm ba mươi nghìn đồng"),
    ("330.000 VND", "ba trăm ba mươi nghìn đồng"),
    ("330000VNĐ", "ba trăm ba mươi nghìn đồng"),
    ("6 triệu đồng", "sáu triệu đồng"),
    ("1,5 triệu", "một phẩy năm triệu"),
    ("1,85 triệu", "một phẩy tám mươi lăm triệu"),
    ("1,5 triệu đ", "một phẩy năm triệu đồng"),
    ("6 triệu đồng/năm", "sáu triệu đồng mỗi năm"),
    ("330.000đ/tháng", "ba trăm ba mươi nghìn đồng mỗi tháng"),
    ("105.300 đồng/tháng", "một trăm linh năm nghìn ba trăm đồng mỗi tháng"),
    ("1.263.600 đồng/năm", "một triệu hai trăm sáu mươi ba nghìn sáu trăm đồng mỗi năm"),
    ("500.000 VNĐ/tháng", "năm trăm nghìn đồng mỗi tháng"),
    ("66.000 đồng/người/tháng", "sáu mươi sáu nghìn đồng mỗi người mỗi tháng"),
    ("2.000.000 đồng", "hai triệu đồng"),
    ("+2%/năm", "cộng hai phần trăm mỗi năm"),
    ("Trợ cấp thai sản 2 triệu đồng/con.", "Trợ cấp thai sản hai triệu đồng mỗi con."),
    ("7 tấn/ha", "bảy tấn mỗi héc-ta"),
    ("30.000 đồng/kg", "ba mươi nghìn đồng mỗi ki-lô-gam"),
    ("40 km/h", "bốn mươi ki-lô-mét mỗi giờ"),
    ("Sao/ha", "Sao, ha"),
]

PHONES = [
    ("1900 9068", "một chín không không, chín không sáu tám"),
    ("1900.9068", "một chín không không, chín không sáu tám"),
    ("19009068", "một chín không không, chín không sáu tám"),
    ("0912 345 678", "không chín một hai, ba bốn năm, sáu bảy tám"),
    ("0912.345.678", "không chín một hai, ba bốn năm, sáu bảy tám"),
    ("0912345678", "không chín một hai, ba bốn năm, sáu bảy tám"),
    ("(024) 3936 1234", "không hai bốn, ba chín ba sáu, một hai ba bốn"),
    ("+84 912 345 678", "cộng tám bốn, chín một hai, ba bốn năm, sáu bảy tám"),
    ("hotline 1900 9068", "đường dây nóng một chín không không, chín không sáu tám"),
    (
        "Gọi 1800 1234 để được tư vấn",
        "Gọi một tám không không, một hai ba bốn để được tư vấn",
    ),
    ("SĐT: 0987 654 321", "số điện thoại: không chín tám bảy, sáu năm bốn, ba hai một"),
]

ABBREVIATIONS = [
    ("BHXH tự nguyện", "bảo hiểm xã hội tự nguyện"),
    ("BHYT hộ gia đình", "bảo hiểm y tế hộ gia đình"),
    ("BHTN", "bảo hiểm thất nghiệp"),
    ("UBND xã", "Ủy ban nhân dân xã"),
    ("HĐND tỉnh", "Hội đồng nhân dân tỉnh"),
    ("MTTQ", "Mặt trận Tổ quốc"),
    ("TP.Sa Đéc", "thành phố Sa Đéc"),
    ("TP. Sa Đéc", "thành phố Sa Đéc"),
    ("TP.HCM", "Thành phố Hồ Chí Minh"),
    ("Q.1", "quận một"),
    ("Q. Lê Chân", "quận Lê Chân"),
    ("P.5", "phường năm"),
    ("TX. Hồng Lĩnh", "thị xã Hồng Lĩnh"),
    ("ĐBSCL", "Đồng bằng sông Cửu Long"),
    ("ứng dụng VssID", "ứng dụng vi-ét-ét-ai-đi"),
    ("COVID-19", "cô-vít mười chín"),
    ("BHXHVN", "Bảo hiểm xã hội Việt Nam"),
    ("Luật BHXH", "Luật bảo hiểm xã hội"),
    ("BHXH, BHYT", "bảo hiểm xã hội, bảo hiểm y tế"),
    ("(BHXH)", "(bảo hiểm xã hội)"),
    ("BHXH.", "bảo hiểm xã hội."),
    ("Sở LĐ-TB&XH", "Sở Lao động - Thương binh và Xã hội"),
    ("Zalo", "da-lô"),
]

DOCUMENTS = [
    (
        "Nghị định 159/2025/NĐ-CP",
        "Nghị định số một trăm năm mươi chín năm hai nghìn không trăm hai mươi lăm của Chính phủ",
    ),
    (
        "Nghị định số 134/2015/NĐ-CP",
        "Nghị định số một trăm ba mươi tư năm hai nghìn không trăm mười lăm của Chính phủ",
    ),
    (
        "Luật BHXH số 41/2024/QH15",
        "Luật bảo hiểm xã hội số bốn mươi mốt năm hai nghìn không trăm hai mươi tư "
        "của Quốc hội khóa mười lăm",
    ),
    (
        "Thông tư 39/2020/TT-BTTTT",
        "Thông tư số ba mươi chín năm hai nghìn không trăm hai mươi "
        "của Bộ Thông tin và Truyền thông",
    ),
    (
        "theo 159/2025/NĐ-CP",
        "theo nghị định số một trăm năm mươi chín năm hai nghìn không trăm hai mươi lăm "
        "của Chính phủ",
    ),
    (
        "Quyết định 595/QĐ-BHXH",
        "Quyết định số năm trăm chín mươi lăm của Bảo hiểm xã hội Việt Nam",
    ),
    (
        "Nghị định 73/2024/NĐ-CP",
        "Nghị định số bảy mươi ba năm hai nghìn không trăm hai mươi tư của Chính phủ",
    ),
    (
        "Nghị quyết 12/2025/NQ-HĐND",
        "Nghị quyết số mười hai năm hai nghìn không trăm hai mươi lăm của Hội đồng nhân dân",
    ),
    (
        "Công văn số 01/2025 ngày 12/6/2025",
        "Công văn số một năm hai nghìn không trăm hai mươi lăm "
        "ngày mười hai tháng sáu năm hai nghìn không trăm hai mươi lăm",
    ),
    (
        "Quyết định số 1234/QĐ-BHXH ngày 12/6/2025 của BHXH Việt Nam",
        "Quyết định số một nghìn hai trăm ba mươi tư ngày mười hai tháng sáu năm hai nghìn "
        "không trăm hai mươi lăm của Bảo hiểm xã hội Việt Nam",
    ),
    (
        "Quyết định 15/2025/QĐ-UBND",
        "Quyết định số mười lăm năm hai nghìn không trăm hai mươi lăm của Ủy ban nhân dân",
    ),
]

SYMBOLS = [
    ("Nam & nữ", "Nam và nữ"),
    ("20 × 2.340.000", "hai mươi nhân hai triệu ba trăm bốn mươi nghìn"),
    ("20 x 2.340.000", "hai mươi nhân hai triệu ba trăm bốn mươi nghìn"),
    ("45% + 2%", "bốn mươi lăm phần trăm cộng hai phần trăm"),
    ("≥ 15 năm", "lớn hơn hoặc bằng mười lăm năm"),
    ("1 + 1 = 2", "một cộng một bằng hai"),
    ("~ 5%", "khoảng năm phần trăm"),
    ("30°C", "ba mươi độ xê"),
    ("hộ nghèo/cận nghèo", "hộ nghèo, cận nghèo"),
    ("45/100", "bốn mươi lăm trên một trăm"),
    ("Bà Rịa - Vũng Tàu", "Bà Rịa, Vũng Tàu"),
    ("Bà Rịa-Vũng Tàu", "Bà Rịa-Vũng Tàu"),
    ("BHXH   tự \t nguyện", "bảo hiểm xã hội tự nguyện"),
    ("- Mức đóng: 22%", "Mức đóng: hai mươi hai phần trăm"),
    ("“An sinh” cho mọi nhà!", "“An sinh” cho mọi nhà!"),
    ("THÔNG BÁO\n\n- Mức đóng 22%", "THÔNG BÁO\nMức đóng hai mươi hai phần trăm"),
]

SENTENCES = [
    (
        "north",
        "Đến hết tháng 9/2021, quận Lê Chân có 1.740 người tham gia BHXH tự nguyện, "
        "39.783 người tham gia BHYT hộ gia đình.",
        "Đến hết tháng chín năm hai nghìn không trăm hai mươi mốt, quận Lê Chân có một nghìn "
        "bảy trăm bốn mươi người tham gia bảo hiểm xã hội tự nguyện, ba mươi chín nghìn bảy trăm "
        "tám mươi ba người tham gia bảo hiểm y tế hộ gia đình.",
    ),
    (
        "north",
        "Mức đóng thấp nhất là 330.000 đồng/tháng, hotline 1900 9068.",
        "Mức đóng thấp nhất là ba trăm ba mươi nghìn đồng mỗi tháng, đường dây nóng "
        "một chín không không, chín không sáu tám.",
    ),
    (
        "north",
        "Từ ngày 1/7/2025, mức đóng BHXH tự nguyện bằng 22% mức thu nhập tháng do người "
        "tham gia lựa chọn.",
        "Từ ngày một tháng bảy năm hai nghìn không trăm hai mươi lăm, mức đóng bảo hiểm xã hội "
        "tự nguyện bằng hai mươi hai phần trăm mức thu nhập tháng do người tham gia lựa chọn.",
    ),
    (
        "north",
        "Người thuộc hộ nghèo được Nhà nước hỗ trợ 50% (165.000 đồng/tháng), hộ cận nghèo 40% "
        "(132.000 đồng/tháng).",
        "Người thuộc hộ nghèo được Nhà nước hỗ trợ năm mươi phần trăm (một trăm sáu mươi lăm "
        "nghìn đồng mỗi tháng), hộ cận nghèo bốn mươi phần trăm (một trăm ba mươi hai nghìn "
        "đồng mỗi tháng).",
    ),
    (
        "north",
        "Mức thu nhập làm căn cứ đóng từ 1.500.000–46.800.000 đồng/tháng.",
        "Mức thu nhập làm căn cứ đóng từ một triệu năm trăm nghìn đến bốn mươi sáu triệu tám "
        "trăm nghìn đồng mỗi tháng.",
    ),
    (
        "north",
        "Khung giờ phát sóng: 5:00–6:00 và 17:00–19:00.",
        "Khung giờ phát sóng: từ năm giờ đến sáu giờ và từ mười bảy giờ đến mười chín giờ.",
    ),
    (
        "north",
        "Tính đến ngày 31/12/2024, toàn tỉnh có 18.679 người tham gia BHXH tự nguyện, "
        "đạt 87,59% kế hoạch.",
        "Tính đến ngày ba mươi mốt tháng mười hai năm hai nghìn không trăm hai mươi tư, toàn "
        "tỉnh có mười tám nghìn sáu trăm bảy mươi chín người tham gia bảo hiểm xã hội tự "
        "nguyện, đạt tám mươi bảy phẩy năm mươi chín phần trăm kế hoạch.",
    ),
    (
        "north",
        "Lãnh đạo UBND TP.Sa Đéc dự buổi tuyên truyền lúc 7h30 sáng thứ 7.",
        "Lãnh đạo Ủy ban nhân dân thành phố Sa Đéc dự buổi tuyên truyền lúc bảy giờ ba mươi "
        "phút sáng thứ bảy.",
    ),
    (
        "north",
        "Theo Nghị định 159/2025/NĐ-CP, Nhà nước hỗ trợ tối đa 10 năm (120 tháng).",
        "Theo Nghị định số một trăm năm mươi chín năm hai nghìn không trăm hai mươi lăm của "
        "Chính phủ, Nhà nước hỗ trợ tối đa mười năm (một trăm hai mươi tháng).",
    ),
    (
        "north",
        "Bà Nguyễn Thị Lan, 58 tuổi, đóng 1 lần cho 5 năm còn thiếu.",
        "Bà Nguyễn Thị Lan, năm mươi tám tuổi, đóng một lần cho năm năm còn thiếu.",
    ),
    (
        "north",
        "Thời gian đóng từ 16/2/1995-16/2/2025 là 30 năm.",
        "Thời gian đóng từ ngày mười sáu tháng hai năm một nghìn chín trăm chín mươi lăm đến "
        "ngày mười sáu tháng hai năm hai nghìn không trăm hai mươi lăm là ba mươi năm.",
    ),
    (
        "north",
        "Mỗi hộ có 3 - 4 người thì người thứ 2 đóng 70%, người thứ 3 đóng 60%.",
        "Mỗi hộ có ba đến bốn người thì người thứ hai đóng bảy mươi phần trăm, người thứ ba "
        "đóng sáu mươi phần trăm.",
    ),
    (
        "north",
        "Năm 2021, do ảnh hưởng của dịch COVID-19, nhiều lao động mất việc.",
        "Năm hai nghìn không trăm hai mươi mốt, do ảnh hưởng của dịch cô-vít mười chín, "
        "nhiều lao động mất việc.",
    ),
    (
        "north",
        "Trợ cấp mai táng bằng 10 lần mức tham chiếu (23.400.000 đồng).",
        "Trợ cấp mai táng bằng mười lần mức tham chiếu (hai mươi ba triệu bốn trăm nghìn đồng).",
    ),
    (
        "north",
        "Nam đủ 20 năm đóng được hưởng 45%, mỗi năm thêm 2%, tối đa 75%.",
        "Nam đủ hai mươi năm đóng được hưởng bốn mươi lăm phần trăm, mỗi năm thêm hai phần "
        "trăm, tối đa bảy mươi lăm phần trăm.",
    ),
    (
        "north",
        "Tuổi nghỉ hưu năm 2026: nam 61 tuổi 6 tháng, nữ 57 tuổi.",
        "Tuổi nghỉ hưu năm hai nghìn không trăm hai mươi sáu: nam sáu mươi mốt tuổi sáu "
        "tháng, nữ năm mươi bảy tuổi.",
    ),
    (
        "south",
        "Tổng số người tham gia BHXH tự nguyện tăng 1.443.793 người so với năm 2020.",
        "Tổng số người tham gia bảo hiểm xã hội tự nguyện tăng một triệu bốn trăm bốn mươi ba "
        "ngàn bảy trăm chín mươi ba người so với năm hai ngàn không trăm hai mươi.",
    ),
    (
        "south",
        "Nghị định 159/2025/NĐ-CP có hiệu lực từ 1/7/2025.",
        "Nghị định số một trăm năm mươi chín năm hai ngàn không trăm hai mươi lăm của Chính "
        "phủ có hiệu lực từ ngày một tháng bảy năm hai ngàn không trăm hai mươi lăm.",
    ),
    (
        "south",
        "Chi phí khám bệnh 105.000đ, BHYT chi trả 80%.",
        "Chi phí khám bệnh một trăm lẻ năm ngàn đồng, bảo hiểm y tế chi trả tám mươi phần trăm.",
    ),
    (
        "central",
        "Mức đóng tối đa là 10.296.000 đồng/tháng.",
        "Mức đóng tối đa là mười triệu hai trăm chín mươi sáu ngàn đồng mỗi tháng.",
    ),
    (
        "central",
        "Hộ cận nghèo được hỗ trợ 40%, tức 132.000 đồng/tháng, trong tối đa 120 tháng.",
        "Hộ cận nghèo được hỗ trợ bốn mươi phần trăm, tức một trăm ba mươi hai ngàn đồng mỗi "
        "tháng, trong tối đa một trăm hai mươi tháng.",
    ),
    (
        "central",
        "Liên hệ BHXH huyện qua số 0234 3822 105 vào thứ 2 đến thứ 6.",
        "Liên hệ bảo hiểm xã hội huyện qua số không hai ba bốn, ba tám hai hai, một không năm "
        "vào thứ hai đến thứ sáu.",
    ),
]


NORTH = AMOUNTS + PHONES + ABBREVIATIONS + DOCUMENTS + SYMBOLS


@pytest.mark.parametrize(("written", "spoken"), NORTH)
def test_speech_text_north(written: str, spoken: str) -> None:
    result = normalize(written)
    assert result.text == spoken
    assert result.warnings == ()


@pytest.mark.parametrize(("region", "written", "spoken"), SENTENCES)
def test_speech_sentences(region: str, written: str, spoken: str) -> None:
    result = normalize(written, region=region)  # type: ignore[arg-type]
    assert result.text == spoken
    assert result.warnings == ()


@pytest.mark.parametrize(
    ("region", "written", "spoken"),
    [
        ("south", "10.296.000 đồng/tháng", "mười triệu hai trăm chín mươi sáu ngàn đồng mỗi tháng"),
        (
            "south",
            "Nghị định 159/2025/NĐ-CP",
            "Nghị định số một trăm năm mươi chín năm hai ngàn "
            "không trăm hai mươi lăm của Chính phủ",
        ),
        ("central", "1900 9068", "một chín không không, chín không sáu tám"),
        ("central", "330.000đ/tháng", "ba trăm ba mươi ngàn đồng mỗi tháng"),
        ("south", "BHXH tự nguyện", "bảo hiểm xã hội tự nguyện"),
        ("central", "6 triệu đồng/năm", "sáu triệu đồng mỗi năm"),
    ],
)
def test_speech_text_other_regions(region: str, written: str, spoken: str) -> None:
    assert normalize(written, region=region).text == spoken  # type: ignore[arg-type]


MORE_DOCUMENTS = [
    ("123/QĐ-UBND", "quyết định số một trăm hai mươi ba của Ủy ban nhân dân"),
    (
        "Công văn 456/BHXH-TCKT",
        "Công văn số bốn trăm năm mươi sáu của Bảo hiểm xã hội",
    ),
    ("Công văn số 12/UBND-VX", "Công văn số mười hai của Ủy ban nhân dân"),
    ("35-CT/TW", "chỉ thị số ba mươi lăm của Trung ương"),
    ("Chỉ thị 35-CT/TW", "Chỉ thị số ba mươi lăm của Trung ương"),
    ("Kế hoạch số 12-KH/TU", "Kế hoạch số mười hai của Tỉnh ủy"),
    ("Quyết định 12/QĐ", "Quyết định số mười hai"),
    ("Công điện 01/CĐ-TTg", "Công điện số một của Thủ tướng Chính phủ"),
    (
        "Luật số 58/2014/QH13",
        "Luật số năm mươi tám năm hai nghìn không trăm mười bốn của Quốc hội khóa mười ba",
    ),
]

BRACKETS = [
    ("Đồng bằng sông Cửu Long (ĐBSCL)", "Đồng bằng sông Cửu Long"),
    ("Tuổi trẻ Thủ đô (TTTĐ)", "Tuổi trẻ Thủ đô"),
    ("Trung tâm Phục vụ hành chính công (TTPVHCC) mở", "Trung tâm Phục vụ hành chính công mở"),
    ("Ủy ban nhân dân (UBND) xã", "Ủy ban nhân dân xã"),
    ("cán bộ (anh Minh)", "cán bộ (anh Minh)"),
    ("Bảo hiểm xã hội Việt Nam (vss.gov.vn)", "Bảo hiểm xã hội Việt Nam"),
    ("email bhxh@gmail.com hoặc", "thư điện tử hoặc"),
    ("Đ/c Lan", "Đồng chí Lan"),
    ("giải quyết TTHC", "giải quyết thủ tục hành chính"),
    ("Bảo hiểm xã hội tự nguyện (BHXH tự nguyện) là", "Bảo hiểm xã hội tự nguyện là"),
    ("Bảo hiểm xã hội (BHXH tự nguyện) là", "Bảo hiểm xã hội (bảo hiểm xã hội tự nguyện) là"),
    ("Hướng dẫn 12-HD/BTGTW", "Hướng dẫn số mười hai của Ban Tuyên giáo Trung ương"),
    ("Sáng nay (15-4), xã họp.", "Sáng nay (ngày mười lăm tháng tư), xã họp."),
    ("Hôm qua (20.5), xã họp.", "Hôm qua (ngày hai mươi tháng năm), xã họp."),
    ("Hôm nay, 3-4 người đến.", "Hôm nay, ba đến bốn người đến."),
    ("Tổng đài hoạt động 24/7.", "Tổng đài hoạt động hai mươi tư trên bảy."),
    ("Từ 24/7 đến 28/7", "Từ ngày hai mươi tư tháng bảy đến ngày hai mươi tám tháng bảy"),
]


@pytest.mark.parametrize(("written", "spoken"), MORE_DOCUMENTS + BRACKETS)
def test_speech_documents_and_brackets(written: str, spoken: str) -> None:
    assert normalize(written).text == spoken


@pytest.mark.parametrize(
    ("written", "spoken"),
    [
        ("hotline 1800-1091", "đường dây nóng một tám không không, một không chín một"),
        ("0277.3851234", "không hai bảy bảy, ba tám năm, một hai ba bốn"),
        ("(0277) 3851234", "không hai bảy bảy, ba tám năm, một hai ba bốn"),
        ("028.38123456", "không hai tám, ba tám một hai, ba bốn năm sáu"),
        ("0296.385.2147", "không hai chín sáu, ba tám năm, hai một bốn bảy"),
        ("0986-123-456", "không chín tám sáu, một hai ba, bốn năm sáu"),
        (
            "giai đoạn 1900-1945",
            "giai đoạn một nghìn chín trăm đến một nghìn chín trăm bốn mươi lăm",
        ),
        ("từ 1800-2000 hộ", "từ một nghìn tám trăm đến hai nghìn hộ"),
    ],
)
def test_speech_phone_numbers_with_hyphens_and_dots(written: str, spoken: str) -> None:
    result = normalize(written)
    assert result.text == spoken
    assert result.warnings == ()


@pytest.mark.parametrize(
    ("written", "spoken"),
    [
        ("0912 345 6789", "không chín một hai, ba bốn năm, sáu bảy tám chín"),
        ("0912 345 678 90", "không chín một hai, ba bốn năm, sáu bảy tám chín mươi"),
        ("1 2 3 0912 345 678", "một hai ba không chín một hai, ba bốn năm, sáu bảy tám"),
        ("+84 912 345 678 9", "cộng tám bốn, chín một hai, ba bốn năm, sáu bảy tám chín"),
        ("1900 9068 1", "một chín không không, chín không sáu tám một"),
        # A phone number has at most eleven digits: the rule stops collecting groups
        # there, so a long run of numbers is read in linear time (it took seconds).
        ("1 " * 1000, " ".join(["một"] * 1000)),
        ("1-" * 999 + "1", " đến ".join(["một"] * 1000)),
    ],
)
def test_speech_phone_numbers_among_other_numbers(written: str, spoken: str) -> None:
    result = normalize(written)
    assert result.text == spoken
    assert result.warnings == ()
