from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.commands.verse import run_verse_check
from generator.errors import AnsinhError, ContentError
from generator.i18n import set_language

REPO = Path(__file__).resolve().parents[2]
GOOD = REPO / "content" / "verses" / "luong-huu-luc-bat.yml"
BROKEN = "Ai ơi nhớ lúc về già,\n\nCó lương hưu trí cả làng yên vui.\n"


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_good_yaml_verse_prints_an_empty_json_list(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_verse_check(GOOD, None, "json") == 0
    assert json.loads(capsys.readouterr().out) == []


def test_broken_text_verse_json_and_exit_code(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, "ca-dao.txt", BROKEN)
    assert run_verse_check(path, None, "json") == 1
    assert json.loads(capsys.readouterr().out) == [
        {
            "line": 2,
            "position": 6,
            "severity": "error",
            "code": "rhyme",
            "message": "«làng» không vần với «già» (dòng 1, chữ 6): vần -ang với -a",
        }
    ]


def test_text_report_in_vietnamese(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, "ca-dao.txt", BROKEN + "Tham gia bảo hiểm 15 thôi,\n")
    assert run_verse_check(path, None, "text") == 1
    assert capsys.readouterr().out.splitlines() == [
        f"{path}: dòng 2, chữ 6: lỗi: «làng» không vần với «già» (dòng 1, chữ 6): vần -ang với -a",
        f"{path}: dòng 3: lỗi: sau dòng sáu chữ (câu lục) phải có dòng tám chữ (câu bát)",
        f"{path}: dòng 3, chữ 5: cảnh báo: «15» không phải một âm tiết tiếng Việt; "
        "hãy viết số và chữ viết tắt thành chữ",
        f"{path}: 2 lỗi, 1 cảnh báo",
    ]


def test_text_report_in_english(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, "ca-dao.txt", BROKEN)
    set_language("en")
    assert run_verse_check(path, None, "text") == 1
    assert capsys.readouterr().out.splitlines() == [
        f"{path}: line 2, syllable 6: error: «làng» does not rhyme with «già» "
        "(line 1, syllable 6): -ang against -a",
        f"{path}: 1 error(s), 0 warning(s)",
    ]


def test_warnings_alone_exit_zero(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(
        tmp_path,
        "kieu.txt",
        "Mai cốt cách, tuyết tinh thần,\nMột người một vẻ, mười phân vẹn mười.\n",
    )
    assert run_verse_check(path, None, "json") == 0
    assert [item["severity"] for item in json.loads(capsys.readouterr().out)] == ["warning"]


def test_form_option_applies_to_text_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(
        tmp_path,
        "ve.txt",
        "Nghe vẻ nghe ve,\nNghe vè nói ngược.\nNgựa đi ba bước,\nQuay lại đàng sau.\n",
    )
    assert run_verse_check(path, "ve", "json") == 1
    assert [(item["line"], item["code"]) for item in json.loads(capsys.readouterr().out)] == [
        (4, "ve-no-rhyme")
    ]


def test_form_option_overrides_a_yaml_form(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_verse_check(GOOD, "song_that_luc_bat", "json") == 1
    assert json.loads(capsys.readouterr().out)[0]["code"] == "syllable-count"


def test_unknown_form_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "x.txt", "Trăm năm trong cõi người ta,\n")
    with pytest.raises(AnsinhError, match="không có thể thơ «sonnet»"):
        run_verse_check(path, "sonnet", "text")


def test_invalid_yaml_is_a_content_error_with_its_place(tmp_path: Path) -> None:
    path = write(tmp_path, "hong.yml", "form: luc_bat\nlines: [a, b\n")
    with pytest.raises(ContentError) as raised:
        run_verse_check(path, None, "text")
    item = raised.value.diagnostics[0]
    assert (item.path, item.line, item.column, item.code) == (str(path), 2, 8, "yaml-syntax")


def test_invalid_verse_fields_are_content_errors(tmp_path: Path) -> None:
    path = write(tmp_path, "thieu.yml", "form: luc_bat\nlines: [Trăm năm]\n")
    with pytest.raises(ContentError) as raised:
        run_verse_check(path, None, "text")
    assert [item.format() for item in raised.value.diagnostics] == [
        f"{path}:1:1: error: thiếu khóa bắt buộc «title»"
    ]


def test_missing_file_is_a_content_error(tmp_path: Path) -> None:
    with pytest.raises(ContentError):
        run_verse_check(tmp_path / "khong-co.yml", None, "text")


CA_DAO = "Con cò mà đi ăn đêm\nĐậu phải cành mềm lộn cổ xuống ao\n"


@pytest.mark.parametrize(
    ("flags", "code", "severities"),
    [
        ([], 1, ["error", "warning"]),
        (["--strict"], 1, ["error", "warning"]),
        (["--folk"], 0, ["warning", "warning"]),
    ],
)
def test_folk_flag_turns_the_traditions_licences_into_warnings(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    flags: list[str],
    code: int,
    severities: list[str],
) -> None:
    from generator.cli import main

    path = tmp_path / "ca-dao.txt"
    path.write_text(CA_DAO, encoding="utf-8")
    assert main(["verse", "check", str(path), "--format", "json", *flags]) == code
    assert [d["severity"] for d in json.loads(capsys.readouterr().out)] == severities


def test_folk_warning_names_the_licence(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "ca-dao.txt"
    path.write_text(CA_DAO, encoding="utf-8")
    assert run_verse_check(path, None, "json", folk=True, region="south") == 0
    found = json.loads(capsys.readouterr().out)
    assert [(d["line"], d["position"], d["severity"]) for d in found] == [
        (1, 4, "warning"),
        (2, 4, "warning"),
    ]
    assert found[0]["code"] == "verse.folk.bang_at_4"
    assert "lệ dân gian" in found[0]["message"]
