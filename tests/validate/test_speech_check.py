"""``check`` reports what a loudspeaker could not read, at the place staff wrote it."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import Runner


def test_unreadable_fragments_are_located_in_the_source(mini: Path, ansinh: Runner) -> None:
    campaigns = mini / "campaigns.yml"
    campaigns.write_text(
        campaigns.read_text("utf-8").replace(
            "      - {vi: Đóng sau mùa lúa., en: Pay after the harvest.}",
            '      - {vi: "Xem www.bhxh.gov.vn hoặc Công văn 12/XYZ-ABC.", en: Pay later.}',
        ),
        "utf-8",
    )
    code, out, _err = ansinh("-C", mini, "check")
    assert code == 0
    assert out.splitlines() == [
        "campaigns.yml:14:19: warning: loa không đọc được «www.bhxh.gov.vn»: Địa chỉ web hoặc "
        "thư điện tử; không đọc lên loa, hãy đưa kèm bằng chữ.",
        "campaigns.yml:14:52: warning: loa không đọc được «XYZ-ABC»: Không rõ ký hiệu văn bản; "
        "giữ nguyên như khi viết.",
    ]


def test_a_campaign_without_loudspeakers_is_not_read(mini: Path, ansinh: Runner) -> None:
    campaigns = mini / "campaigns.yml"
    text = campaigns.read_text("utf-8").replace(
        "      - {vi: Đóng sau mùa lúa., en: Pay after the harvest.}",
        '      - {vi: "Xem www.bhxh.gov.vn.", en: Pay later.}',
    )
    text = text.replace(
        "    testimonials: [chi-a]", "    testimonials: [chi-a]\n    outputs: [web]"
    )
    campaigns.write_text(text, "utf-8")
    assert ansinh("-C", mini, "check")[:2] == (0, "")


def test_check_reads_abbreviations_with_the_theme_table_the_build_uses(
    mini: Path, ansinh: Runner
) -> None:
    campaigns = mini / "campaigns.yml"
    text = campaigns.read_text("utf-8").replace(
        "      - {vi: Đóng sau mùa lúa., en: Pay after the harvest.}",
        '      - {vi: "Chi hội HPN nhắc: BHXH tự nguyện đóng sau mùa lúa.", en: Pay later.}',
    )
    campaigns.write_text(text, "utf-8")
    warning = (
        "campaigns.yml:14:23: warning: loa không đọc được «HPN»: Chữ viết tắt chưa có trong "
        "bảng; hãy thêm cách đọc vào bảng chữ viết tắt."
    )
    assert ansinh("-C", mini, "check")[1].splitlines() == [warning]

    theme = mini / "themes" / "local"
    (theme / "speech").mkdir(parents=True)
    (theme / "theme.yml").write_text("name: local\nextends: default\n", "utf-8")
    # The theme's table adds one reading; the default readings still hold («BHXH»).
    (theme / "speech" / "abbreviations.yml").write_text("HPN: Hội Phụ nữ\n", "utf-8")
    campaigns.write_text(text.replace("site:\n", "site:\n  theme: local\n", 1), "utf-8")
    assert ansinh("-C", mini, "check")[:2] == (0, "")
