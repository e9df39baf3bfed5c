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


NEXT = (
    "Tiếp theo: điền nội dung vào tệp, chạy «ansinh serve» để xem trên trình duyệt, "
    "và «ansinh check» để tìm lỗi.\n"
)


def assert_valid(ansinh: Runner, project: Path) -> None:
    """Check passes: the scaffolds' sample texts are warnings until replaced, never errors."""
    code, out, err = ansinh("-C", project, "check")
    assert code == 0
    assert all(": warning: " in line for line in out.splitlines())
    assert err.startswith(("Không có lỗi.\n", "Không có lỗi; có "))


def test_new_files_in_an_empty_folder_make_a_valid_project(tmp_path: Path, ansinh: Runner) -> None:
    project = tmp_path / "moi"
    assert ansinh("-C", project, "new", "campaign", "Cao Lãnh 2026") == (
        0,
        f"Đã tạo {project / 'campaigns.yml'}\n",
        NEXT,
    )
    assert ansinh("-C", project, "new", "campaign", "Sa Đéc")[0] == 0
    assert ansinh("-C", project, "new", "testimonial", "Nguyễn Văn Bé")[0] == 0
    assert ansinh("-C", project, "new", "verse", "Lương hưu")[0] == 0
    assert (project / "content/testimonials/nguyen-van-be.yml").is_file()
    assert (project / "schema/campaigns.json").is_file()
    assert_valid(ansinh, project)


def test_new_campaign_is_added_to_an_existing_project(mini: Path, ansinh: Runner) -> None:
    assert ansinh("-C", mini, "new", "campaign", "Tháng vận động 2026") == (
        0,
        f"Đã thêm chiến dịch «thang-van-dong-2026» vào cuối {mini / 'campaigns.yml'}\n",
        NEXT,
    )
    assert "id: thang-van-dong-2026" in (mini / "campaigns.yml").read_text("utf-8")
    assert_valid(ansinh, mini)


def test_existing_files_are_never_overwritten(mini: Path, ansinh: Runner) -> None:
    code, _, err = ansinh("-C", mini, "new", "testimonial", "Chị A")
    assert code == 1
    assert err == f"lỗi: {mini / 'content/testimonials/chi-a.yml'} đã có\n"
    code, _, err = ansinh("-C", mini, "new", "campaign", "Thử nghiệm")
    assert (code, err) == (1, "lỗi: campaigns.yml đã có chiến dịch «thu-nghiem»\n")


def test_names_with_quotes_colons_and_backslashes_stay_text(mini: Path, ansinh: Runner) -> None:
    name = 'Chị Lan: đại lý #1 "Gáo Giồng" \\ x'
    assert ansinh("-C", mini, "new", "testimonial", name)[0] == 0
    assert ansinh("-C", mini, "new", "campaign", name)[0] == 0
    assert ansinh("-C", mini, "new", "verse", name)[0] == 0
    text = (mini / "content/testimonials/chi-lan-dai-ly-1-gao-giong-x.yml").read_text("utf-8")
    assert 'name: "Chị Lan: đại lý #1 \\"Gáo Giồng\\" \\\\ x"\n' in text
    assert_valid(ansinh, mini)


def test_a_broken_campaigns_file_is_left_alone(mini: Path, ansinh: Runner) -> None:
    broken = (mini / "campaigns.yml").read_text("utf-8") + "  - id: [x\n"
    (mini / "campaigns.yml").write_text(broken, encoding="utf-8")
    assert ansinh("-C", mini, "new", "campaign", "Mới") == (
        1,
        "",
        "lỗi: campaigns.yml đang có lỗi nên chưa thêm được gì: hãy chạy «ansinh check», sửa "
        "lỗi, rồi chạy lại «ansinh new campaign»\n",
    )
    assert (mini / "campaigns.yml").read_text("utf-8") == broken
