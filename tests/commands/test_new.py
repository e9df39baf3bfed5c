from __future__ import annotations

from pathlib import Path

import pytest

from generator.commands.new import slugify
from tests.conftest import Runner


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Cao Lãnh 2026", "cao-lanh-2026"),
        ("Lê Thị Như Trúc", "le-thi-nhu-truc"),
        ("Đắk Lắk", "dak-lak"),
        ("  Vè chợ phiên! ", "ve-cho-phien"),
        ("Hòa/Hoà", "hoa-hoa"),
    ],
)
def test_names_become_file_safe_ids(name: str, slug: str) -> None:
    assert slugify(name) == slug


def test_new_files_in_an_empty_folder_make_a_valid_project(tmp_path: Path, ansinh: Runner) -> None:
    project = tmp_path / "moi"
    assert ansinh("-C", project, "new", "campaign", "Cao Lãnh 2026")[0] == 0
    assert ansinh("-C", project, "new", "campaign", "Sa Đéc")[0] == 0
    assert ansinh("-C", project, "new", "testimonial", "Nguyễn Văn Bé")[0] == 0
    assert ansinh("-C", project, "new", "verse", "Lương hưu")[0] == 0
    assert (project / "content/testimonials/nguyen-van-be.yml").is_file()
    assert (project / "schema/campaigns.json").is_file()
    assert ansinh("-C", project, "check") == (0, "", "")


def test_new_campaign_is_added_to_an_existing_project(mini: Path, ansinh: Runner) -> None:
    code, out, _ = ansinh("-C", mini, "new", "campaign", "Tháng vận động 2026")
    assert (code, out) == (0, f"Đã tạo {mini / 'campaigns.yml'}\n")
    assert "id: thang-van-dong-2026" in (mini / "campaigns.yml").read_text("utf-8")
    assert ansinh("-C", mini, "check") == (0, "", "")


def test_existing_files_are_never_overwritten(mini: Path, ansinh: Runner) -> None:
    code, _, err = ansinh("-C", mini, "new", "testimonial", "Chị A")
    assert code == 1
    assert err == f"lỗi: {mini / 'content/testimonials/chi-a.yml'} đã có\n"
    code, _, err = ansinh("-C", mini, "new", "campaign", "Thử nghiệm")
    assert (code, err) == (1, "lỗi: campaigns.yml đã có chiến dịch «thu-nghiem»\n")
