"""Consent: where a testimonial appears, and initials instead of the name when asked."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.model.consent import initials_name, public_ids
from tests.conftest import Runner


@pytest.mark.parametrize(
    ("name", "salutation", "expected"),
    [
        ("Lê Thị Như Trúc", "chị", "Chị T."),
        ("Trần Văn Bảy", "ông", "Ông B."),
        ("Huỳnh Thị Thảo", None, "T."),
        ("Đinh Ánh", "em", "Em Á."),
        ("Nga", "cô", "Cô N."),
        ("Lê Thị Như Trúc (Út)", "chị", "Chị T."),
        ("Nguyễn Văn Bảy.", "anh", "Anh B."),
    ],
)
def test_initials_keep_the_kinship_term_and_the_given_names_initial(
    name: str, salutation: str | None, expected: str
) -> None:
    assert initials_name(name, salutation) == expected


def test_public_ids_are_numbers_in_order_and_spell_no_name() -> None:
    assert public_ids(["tran-van-bay", "le-thi-nhu-truc"]) == {
        "le-thi-nhu-truc": "nguoi-1",
        "tran-van-bay": "nguoi-2",
    }


def with_private_person(mini: Path) -> None:
    folder = mini / "content" / "testimonials"
    text = (folder / "chi-a.yml").read_text("utf-8")
    text = text.replace("name: Chị A", "name: Trần Văn Bảy").replace(
        "salutation: chị", "salutation: anh"
    )
    text = text.replace('"Chị A cười, áo xanh"', '"Anh Trần Văn Bảy cười"').replace(
        '"Ms A smiling, in a blue shirt"', '"Mr Trần Văn Bảy smiling"'
    )
    text = text.replace(
        "scope: [web, print, social, loudspeaker]}",
        "scope: [web, print, social, loudspeaker], display: initials}",
    )
    (folder / "chi-a.yml").unlink()
    (folder / "tran-van-bay.yml").write_text(text, "utf-8")
    shutil.move(
        mini / "content" / "media" / "chi-a.jpg", mini / "content" / "media" / "tran-van-bay.jpg"
    )
    for path in (folder / "tran-van-bay.yml", mini / "campaigns.yml"):
        path.write_text(
            path.read_text("utf-8")
            .replace("chi-a.jpg", "tran-van-bay.jpg")
            .replace("[chi-a]", "[tran-van-bay]"),
            "utf-8",
        )


def test_a_person_named_by_initials_is_never_named_in_any_output(
    mini: Path, ansinh: Runner, tmp_path: Path
) -> None:
    with_private_person(mini)
    assert ansinh("-C", mini, "check")[0] == 0
    out = tmp_path / "site"
    assert ansinh("-C", mini, "build", "--out", out)[0] == 0
    leaks = []
    for file in sorted(out.rglob("*")):
        relative = file.relative_to(out).as_posix()
        if "tran-van-bay" in relative or "Bảy" in relative:
            leaks.append(relative)
        if file.is_file() and file.suffix in (".html", ".txt", ".json", ".ics", ".xml", ".md"):
            text = file.read_text("utf-8")
            if "Bảy" in text or "tran-van-bay" in text or "Tr\\u1ea7n" in text:
                leaks.append(f"{relative}: text")
    assert leaks == []
    page = next(out.glob("testimonials/nguoi-*/index.html")).read_text("utf-8")
    assert "Anh B." in page and "xã Thử" in page


def test_check_says_where_a_testimonial_will_not_appear_and_why(mini: Path, ansinh: Runner) -> None:
    path = mini / "content" / "testimonials" / "chi-a.yml"
    path.write_text(
        path.read_text("utf-8").replace(
            "scope: [web, print, social, loudspeaker]", "scope: [web, social]"
        ),
        "utf-8",
    )
    code, out, _err = ansinh("-C", mini, "check")
    assert code == 0
    assert out == (
        "campaigns.yml:24:20: warning: «chi-a» sẽ xuất hiện trên: trang web, mạng xã hội; "
        "không xuất hiện trên: bản in, loa phát thanh, vì «consent.scope» không ghi cách dùng này\n"
    )


def test_check_warns_where_the_text_still_names_a_person_shown_by_initials(
    mini: Path, ansinh: Runner
) -> None:
    with_private_person(mini)
    path = mini / "content" / "testimonials" / "tran-van-bay.yml"
    path.write_text(
        path.read_text("utf-8").replace(
            "quote: {vi: Tôi đã tham gia.", 'quote: {vi: "Tôi là Bảy, đã tham gia."'
        ),
        "utf-8",
    )
    code, out, _err = ansinh("-C", mini, "check")
    assert code == 0
    assert out.splitlines() == [
        "content/testimonials/tran-van-bay.yml:5:17: warning: «Trần Văn Bảy» là tên của người "
        "này, người chỉ đồng ý hiện tên viết tắt; hãy bỏ khỏi đoạn chữ này",
        "content/testimonials/tran-van-bay.yml:5:46: warning: «Trần Văn Bảy» là tên của người "
        "này, người chỉ đồng ý hiện tên viết tắt; hãy bỏ khỏi đoạn chữ này",
        "content/testimonials/tran-van-bay.yml:7:13: warning: «Bảy» là tên của người này, "
        "người chỉ đồng ý hiện tên viết tắt; hãy bỏ khỏi đoạn chữ này",
    ]
