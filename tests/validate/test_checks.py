"""Every kind of content problem, reported with its exact place and message."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import Runner


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


CASES = [
    pytest.param(
        "campaigns.yml",
        "    province: Đồng Tháp\n",
        "    province: Đồng Tháp\n    regoin: south\n",
        ["campaigns.yml:12:5: error: khóa «regoin» không hợp lệ; có phải ý bạn là «region»?"],
        id="misspelled key",
    ),
    pytest.param(
        "campaigns.yml",
        "        value: 2921\n",
        "        value: hai nghìn\n",
        [
            "campaigns.yml:19:16: error: «value» phải là một số nguyên, nhưng đang là chữ «hai nghìn»"
        ],
        id="wrong type",
    ),
    pytest.param(
        "campaigns.yml",
        '  hotline: "1900 9068"\n',
        "",
        ["campaigns.yml:1:1: error: thiếu khóa bắt buộc «hotline»"],
        id="missing key",
    ),
    pytest.param(
        "campaigns.yml",
        "  - id: thu-nghiem\n",
        "  - id: index\n",
        [
            "campaigns.yml:8:9: error: «index» là tên của các trang liệt kê chiến dịch "
            "(campaigns/, loudspeaker/): hãy chọn mã khác"
        ],
        id="campaign id of the list pages",
    ),
    pytest.param(
        "campaigns.yml",
        "end: 2021-12-31",
        "end: 2021-02-30",
        [
            "campaigns.yml:12:38: error: «end» phải là một ngày có thật, viết NĂM-THÁNG-NGÀY "
            "(ví dụ 2025-07-01), nhưng đang là chữ «2021-02-30»"
        ],
        id="impossible date",
    ),
    pytest.param(
        "campaigns.yml",
        "end: 2021-12-31",
        "end: 2020-12-31",
        ["campaigns.yml:12:38: error: ngày kết thúc 2020-12-31 đứng trước ngày bắt đầu 2021-01-01"],
        id="end before start",
    ),
    pytest.param(
        "campaigns.yml",
        "  - id: thu-nghiem\n",
        "  - id: Thử nghiệm\n",
        [
            "campaigns.yml:8:9: error: «Thử nghiệm» không dùng được làm mã: chỉ dùng chữ thường "
            "không dấu, chữ số và dấu gạch ngang; có phải ý bạn là «thu-nghiem»?"
        ],
        id="invalid id",
    ),
    pytest.param(
        "campaigns.yml",
        "    testimonials: [chi-a]",
        "    testimonials: [chi-b]",
        [
            "campaigns.yml:24:20: error: không có tệp content/testimonials/chi-b.yml; "
            "có phải ý bạn là «chi-a»?"
        ],
        id="missing testimonial",
    ),
    pytest.param(
        "campaigns.yml",
        "    testimonials: [chi-a]",
        "    testimonials: [chi-a]\n    image: anh.jpg",
        ["campaigns.yml:25:12: error: không tìm thấy tệp content/media/anh.jpg"],
        id="missing image",
    ),
    pytest.param(
        "campaigns.yml",
        "    testimonials: [chi-a]",
        "    testimonials: [chi-a]\n    image: ../../campaigns.yml",
        [
            "campaigns.yml:25:12: error: «../../campaigns.yml» trỏ ra ngoài content/media/; hãy đặt "
            "tệp vào content/media/ và ghi tên tệp tính từ thư mục đó"
        ],
        id="path leaving the project",
    ),
    pytest.param(
        "campaigns.yml",
        "    province: Đồng Tháp\n",
        "    province: Đồng Tháp\n    region: west\n",
        [
            "campaigns.yml:12:13: error: «region» không thể là chữ «west»; "
            "hãy chọn một trong: north, central, south"
        ],
        id="invalid choice",
    ),
    pytest.param(
        "campaigns.yml",
        "percent_of_target: 87.59",
        "percent_of_target: 88.1",
        [
            "campaigns.yml:21:28: warning: 88.1% không khớp 2921/3335 = 87.6%; hãy bỏ "
            "«percent_of_target» (tỷ lệ được tự tính) hoặc sửa lại số liệu"
        ],
        id="typed percentage that disagrees",
    ),
    pytest.param(
        "campaigns.yml",
        "en: Pay after the harvest.}",
        "fr: Payer après la récolte.}",
        [
            "campaigns.yml:14:33: error: «fr» không nằm trong các ngôn ngữ của trang (vi, en)",
            "campaigns.yml:14:9: warning: chưa có bản dịch «en»; trang sẽ hiện bản «vi»",
        ],
        id="unknown and missing translation",
    ),
    pytest.param(
        "content/testimonials/chi-a.yml",
        "role: participant",
        "role: participant: yes",
        [
            "content/testimonials/chi-a.yml:2:18: error: Lỗi cú pháp YAML: đoạn chữ của «role» có "
            "': ' nên YAML hiểu thành một khóa mới; hãy đặt cả đoạn chữ trong ngoặc kép, ví dụ "
            'role: "…: …"'
        ],
        id="yaml syntax",
    ),
    pytest.param(
        "content/testimonials/chi-a.yml",
        "consent: {given: true,",
        "consent: {given: false,",
        [
            "campaigns.yml:24:20: warning: «chi-a» sẽ xuất hiện trên: không ở đâu; không xuất hiện "
            "trên: trang web, bản in, mạng xã hội, loa phát thanh, vì người này chưa đồng ý"
        ],
        id="no consent",
    ),
    pytest.param(
        "content/policy.yml",
        "    income_ceiling: 46800000",
        "    income_ceiling: 1000000",
        ["content/policy.yml:6:21: error: mức trần 1000000 thấp hơn mức sàn 1500000"],
        id="ceiling below floor",
    ),
    pytest.param(
        "content/policy.yml",
        "      groups: {poor: 50,",
        "      groups: {poorest: 50,",
        [
            "content/policy.yml:10:16: error: «groups» không thể là chữ «poorest»; có phải ý bạn là "
            "«poor»? (chọn một trong: poor, near_poor, ethnic_minority, other)"
        ],
        id="unknown support group",
    ),
]


@pytest.mark.parametrize(("file", "old", "new", "expected"), CASES)
def test_each_problem_is_reported_exactly(
    mini: Path, ansinh: Runner, file: str, old: str, new: str, expected: list[str]
) -> None:
    edit(mini / file, old, new)
    code, out, _ = ansinh("-C", mini, "check")
    assert out.splitlines() == sorted(expected, key=_place)
    assert code == (1 if any(": error: " in line for line in expected) else 0)


def _place(line: str) -> tuple[str, int, int]:
    path, row, column = line.split(":")[:3]
    return path, int(row), int(column)


def test_a_clean_project_prints_nothing(mini: Path, ansinh: Runner) -> None:
    assert ansinh("-C", mini, "check")[:2] == (0, "")


def test_messages_in_english(mini: Path, ansinh: Runner) -> None:
    edit(
        mini / "campaigns.yml",
        "    province: Đồng Tháp\n",
        "    province: Đồng Tháp\n    regoin: south\n",
    )
    code, out, _ = ansinh("--lang", "en", "-C", mini, "check")
    assert (code, out) == (
        1,
        "campaigns.yml:12:5: error: unknown key «regoin»; did you mean «region»?\n",
    )


def test_json_format(mini: Path, ansinh: Runner) -> None:
    import json

    edit(mini / "campaigns.yml", "        value: 2921\n", "        value: hai nghìn\n")
    code, out, _ = ansinh("-C", mini, "check", "--format", "json")
    assert code == 1
    assert json.loads(out) == [
        {
            "path": "campaigns.yml",
            "line": 19,
            "column": 16,
            "severity": "error",
            "code": "wrong-type",
            "message": "«value» phải là một số nguyên, nhưng đang là chữ «hai nghìn»",
        }
    ]


def test_a_folder_without_a_project(tmp_path: Path, ansinh: Runner) -> None:
    code, out, _ = ansinh("-C", tmp_path, "check")
    assert code == 1
    assert out.splitlines()[0] == (
        "campaigns.yml:1:1: error: không tìm thấy campaigns.yml: hãy chạy An Sinh trong thư mục "
        "dự án, hoặc tạo mới bằng «ansinh new campaign TÊN»"
    )


def test_broadcast_times_written_without_a_leading_zero_check_clean_and_reach_the_calendar(
    mini: Path, ansinh: Runner, tmp_path: Path
) -> None:
    edit(
        mini / "campaigns.yml",
        "    province: Đồng Tháp\n",
        "    province: Đồng Tháp\n    loudspeaker: {times: [6:30, 17:00]}\n",
    )
    assert ansinh("-C", mini, "check")[:2] == (0, "")
    code, _out, _err = ansinh("-C", mini, "build", "--out", tmp_path / "site")
    assert code == 0
    calendar = (tmp_path / "site" / "loudspeaker" / "thu-nghiem" / "schedule.ics").read_text()
    assert "T063000" in calendar and "T170000" in calendar


@pytest.mark.parametrize("written", ["25:00", "6h30", "06:60"])
def test_an_impossible_clock_time_gets_a_clock_message(
    mini: Path, ansinh: Runner, written: str
) -> None:
    edit(
        mini / "campaigns.yml",
        "    province: Đồng Tháp\n",
        f'    province: Đồng Tháp\n    loudspeaker: {{times: ["{written}"]}}\n',
    )
    code, out, _err = ansinh("-C", mini, "check")
    assert code == 1
    assert out.startswith("campaigns.yml:12:27: error: «times» phải là giờ trong ngày")
    assert f"«{written}»" in out
