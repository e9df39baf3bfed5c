"""The command line on the example project, as staff use it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import Runner
from tests.test_pipeline import snapshot


def place_of(path: Path, needle: str, offset: int = 0) -> tuple[int, int]:
    """Return the 1-based line and column where ``needle`` starts (plus ``offset``)."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number, line.index(needle) + 1 + offset
    raise AssertionError(f"{needle!r} not in {path}")


def replace(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def test_the_example_checks_clean(example: Path, ansinh: Runner) -> None:
    code, out, err = ansinh("-C", example, "check")
    assert (code, out, err.splitlines()[0]) == (0, "", "Không có lỗi.")
    code, out, err = ansinh("--lang", "en", "-C", example, "check")
    assert (code, out, err.splitlines()[0]) == (0, "", "No errors.")


def test_six_mistakes_in_different_files_are_all_reported(
    example: Path, ansinh: Runner, tmp_path: Path
) -> None:
    out = tmp_path / "site"
    assert ansinh("-C", example, "build", "--out", out)[0] == 0
    before = snapshot(out)

    thao = example / "content/testimonials/huynh-thi-thao.yml"
    replace(thao, "role: participant", "role: participant: ngày 12")
    verse = example / "content/verses/ve-cho-phien.yml"
    replace(verse, "author:", "autor:")
    policy = example / "content/policy.yml"
    replace(policy, "income_floor: 1500000", "income_floor: một triệu rưỡi")
    truc = example / "content/testimonials/le-thi-nhu-truc.yml"
    replace(truc, "role: agent", "role: agent\nphoto: chi-truc.jpg")
    campaigns = example / "campaigns.yml"
    replace(campaigns, "- id: dak-lak", "- id: lao-cai")
    replace(campaigns, "end: 2021-12-31", "end: 2020-12-31")

    syntax = place_of(thao, "role: participant: ", len("role: participant"))
    key = place_of(verse, "autor:")
    wrong_type = place_of(policy, "một triệu rưỡi")
    photo = place_of(truc, "chi-truc.jpg")
    duplicate = place_of(campaigns, "lao-cai")
    first_lao_cai = [
        n
        for n, line in enumerate(campaigns.read_text("utf-8").splitlines(), 1)
        if "- id: lao-cai" in line
    ][1]
    end = place_of(campaigns, "2020-12-31")
    lines = campaigns.read_text("utf-8").splitlines()[: end[0]]
    start_line = next(line for line in reversed(lines) if "start: " in line)
    start = start_line[start_line.index("start: ") + 7 :][:10]
    expected = {
        f"content/testimonials/huynh-thi-thao.yml:{syntax[0]}:{syntax[1]}: error: Lỗi cú pháp "
        "YAML: đoạn chữ của «role» có ': ' nên YAML hiểu thành một khóa mới; hãy đặt cả đoạn "
        'chữ trong ngoặc kép, ví dụ role: "…: …"',
        f"content/verses/ve-cho-phien.yml:{key[0]}:{key[1]}: error: khóa «autor» không hợp lệ; "
        "có phải ý bạn là «author»?",
        f"content/policy.yml:{wrong_type[0]}:{wrong_type[1]}: error: «income_floor» phải là một "
        "số nguyên, nhưng đang là chữ «một triệu rưỡi»",
        f"content/testimonials/le-thi-nhu-truc.yml:{photo[0]}:{photo[1]}: error: không tìm thấy "
        "tệp content/media/chi-truc.jpg",
        f"campaigns.yml:{first_lao_cai}:{duplicate[1]}: error: mã chiến dịch «lao-cai» bị trùng "
        f"(đã dùng ở dòng {duplicate[0]})",
        f"campaigns.yml:{end[0]}:{end[1]}: error: ngày kết thúc 2020-12-31 đứng trước ngày bắt "
        f"đầu {start}",
        # Renaming «dak-lak» leaves its progress report without a campaign.
        "content/progress/dak-lak.csv:1:1: error: không có chiến dịch nào có mã «dak-lak»: tệp "
        "tiến độ phải đặt tên theo mã chiến dịch, ví dụ content/progress/dbscl-cum-thi-dua-9.csv",
    }
    code, stdout, _ = ansinh("-C", example, "check")
    assert code == 1
    assert set(stdout.splitlines()) == expected

    code, stdout, _ = ansinh("-C", example, "build", "--out", out)
    assert code == 1
    assert set(stdout.splitlines()) == expected
    assert snapshot(out) == before


def test_python_dash_m_runs_the_same_command(example: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "generator", "-C", str(example), "check", "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (result.returncode, json.loads(result.stdout)) == (0, [])
    assert "Traceback" not in result.stderr


def test_no_traceback_for_a_broken_project(tmp_path: Path) -> None:
    (tmp_path / "campaigns.yml").write_text("site: [\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "generator", "-C", str(tmp_path), "build"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert result.stdout.startswith(
        "campaigns.yml:1:7: error: Lỗi cú pháp YAML: dấu '[' mở ở đây chưa được đóng"
    )
    assert not (tmp_path / "site").exists()
