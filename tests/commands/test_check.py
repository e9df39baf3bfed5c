"""``ansinh check`` tells staff what it found, and what it looked at when all is well."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.render.loudspeaker.scripts import loudspeaker_notices
from generator.validate.project import load_project
from tests.conftest import MINI, Runner

CLEAN_VI = (
    "Không có lỗi.\n"
    "Đã kiểm tra: 1 chiến dịch, 1 lời chia sẻ, 0 bài thơ, 2 trang viết tay, 1 tệp ảnh, "
    "0 báo cáo tiến độ, các mức chính sách và giao diện «default».\n"
    "Kịch bản loa (1 chiến dịch) chỉ làm bằng tiếng Việt, không làm cho: en.\n"
)
CLEAN_EN = (
    "No errors.\n"
    "Checked: 1 campaigns, 1 testimonials, 0 verses, 2 pages, 1 media files, "
    "0 progress reports, the policy figures and the theme «default».\n"
    "Loudspeaker scripts (1 campaigns) are made in Vietnamese only, not in: en.\n"
)


def test_a_clean_check_says_so_and_what_it_checked(ansinh: Runner) -> None:
    assert ansinh("-C", MINI, "check") == (0, "", CLEAN_VI)
    assert ansinh("--lang", "en", "-C", MINI, "check") == (0, "", CLEAN_EN)


def test_json_stays_a_bare_list(ansinh: Runner) -> None:
    assert ansinh("-C", MINI, "check", "--format", "json") == (0, "[]\n", "")


def test_problems_are_counted_after_the_list(mini: Path, ansinh: Runner) -> None:
    campaigns = mini / "campaigns.yml"
    text = campaigns.read_text("utf-8")
    campaigns.write_text(text.replace("value: 2921", "value: nhiều"), "utf-8")
    code, out, err = ansinh("-C", mini, "check")
    assert (code, err) == (1, "1 lỗi, 0 cảnh báo: hãy sửa rồi chạy lại «ansinh check».\n")
    assert out.startswith("campaigns.yml:19:16: error: ") and out.count("\n") == 1


def test_warnings_alone_are_not_errors(mini: Path, ansinh: Runner) -> None:
    campaigns = mini / "campaigns.yml"
    text = campaigns.read_text("utf-8")
    campaigns.write_text(text.replace("value: 2921", "value: 2922"), "utf-8")
    code, out, err = ansinh("-C", mini, "check")
    assert (code, out.count(": warning: "), out.count("\n")) == (0, 1, 1)
    assert err.startswith("Không có lỗi; có 1 cảnh báo.\nĐã kiểm tra: 1 chiến dịch,")


@pytest.mark.parametrize("command", ["check", "build", "serve"])
def test_a_missing_project_folder_is_named(tmp_path: Path, ansinh: Runner, command: str) -> None:
    missing = tmp_path / "khong-co"
    assert ansinh("-C", missing, command) == (
        1,
        "",
        f"lỗi: không có thư mục «{missing}»; hãy kiểm tra đường dẫn sau -C\n",
    )
    assert not missing.exists()


def test_a_file_is_not_a_project_folder(ansinh: Runner) -> None:
    file = MINI / "campaigns.yml"
    assert ansinh("-C", file, "check") == (
        1,
        "",
        f"lỗi: «{file}» là một tệp, không phải thư mục dự án\n",
    )


def test_builds_do_not_repeat_that_scripts_are_vietnamese_only() -> None:
    project, _warnings = load_project(MINI)
    assert not [n for n in loudspeaker_notices(project) if "tiếng Việt" in n]
