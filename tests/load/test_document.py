from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.i18n import set_language
from generator.load.document import Mark, Tagged, load_yaml
from generator.load.reader import CoreLoader, compose


def load(tmp_path: Path, text: str):
    path = tmp_path / "f.yml"
    path.write_text(text, encoding="utf-8")
    return load_yaml(path, "f.yml")


def test_keeps_the_place_of_every_key_and_value(tmp_path: Path) -> None:
    doc, problems = load(tmp_path, "site:\n  title: An Sinh\nlist:\n  - a\n  - {b: 2}\n")
    assert problems == []
    assert doc.data == {"site": {"title": "An Sinh"}, "list": ["a", {"b": 2}]}
    assert doc.values[("site", "title")] == Mark(2, 10)
    assert doc.keys[("site", "title")] == Mark(2, 3)
    assert doc.values[("list", 1, "b")] == Mark(5, 9)


def test_dates_stay_text_so_an_impossible_date_is_reported_later(tmp_path: Path) -> None:
    doc, problems = load(tmp_path, "day: 2021-02-30\n")
    assert problems == [] and doc.data == {"day": "2021-02-30"}


def test_text_is_normalized_to_nfc(tmp_path: Path) -> None:
    decomposed = "Ho\u0300a"
    doc, _ = load(tmp_path, f"name: {decomposed}\n{decomposed}: 1\n")
    assert doc.data == {"name": "H\u00f2a", "H\u00f2a": 1}


def test_marks_left_by_pasting_are_dropped_and_joiners_kept(tmp_path: Path) -> None:
    pasted = "L\u01b0\u01a1ng\u200e h\u01b0u\u200f\ufeff cho\u00ad n\u00f4ng d\u00e2n\u061c"
    kept = "\U0001f468\u200d\U0001f33e \u1780\u200b\u1781 a\u200cb"
    doc, problems = load(tmp_path, f'quote: "{pasted}"\nother: "{kept}"\n')
    assert problems == []
    assert doc.data == {"quote": "L\u01b0\u01a1ng h\u01b0u cho n\u00f4ng d\u00e2n", "other": kept}


def test_half_a_utf16_pair_is_a_located_error_and_no_traceback(tmp_path: Path) -> None:
    doc, problems = load(tmp_path, 'title: "Chi\\u1ebfn d\\ud800 th\\u1eed"\n"k\\udfff": 1\n')
    assert [(p.line, p.column, p.code) for p in problems] == [
        (1, 8, "control-character"),
        (2, 1, "control-character"),
    ]
    assert "«\\ud800»" in problems[0].message
    assert doc.data == {"title": "Chi\u1ebfn d\ufffd th\u1eed", "k\ufffd": 1}
    for problem in problems:
        problem.format().encode("utf-8")


def test_a_pasted_mark_reaches_no_page_script_or_caption(tmp_path: Path) -> None:
    from generator.pipeline import build_site
    from generator.validate.project import read_project
    from tests.conftest import MINI, copy_project

    project = copy_project(MINI, tmp_path / "mini")
    campaigns = project / "campaigns.yml"
    text = campaigns.read_text(encoding="utf-8")
    text = text.replace(
        "{vi: Chi\u1ebfn d\u1ecbch th\u1eed,", '{vi: "Chi\u1ebfn\u200e d\u1ecbch\u00ad th\u1eed",'
    )
    text = text.replace(
        "    testimonials: [chi-a]",
        "    testimonials: [chi-a]\n    outputs: [web, social, loudspeaker]",
    )
    campaigns.write_text(text, encoding="utf-8")
    assert [d.format() for d in read_project(project).diagnostics] == []
    build_site(project, project / "site")
    written = [p for p in (project / "site").rglob("*") if p.suffix in {".html", ".txt", ".md"}]
    assert any("Chi\u1ebfn d\u1ecbch th\u1eed" in p.read_text("utf-8") for p in written)
    assert not [p for p in written if {"\u200e", "\u00ad"} & set(p.read_text("utf-8"))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: 1\nb: 2\na: 3\n", "f.yml:3:1: error: khóa «a» bị lặp (đã viết ở dòng 1); chỉ giữ một"),
        (
            "value: 1.740\n",
            "f.yml:1:8: error: «1.740» bị hiểu là số thập phân; hãy viết 1740, không có dấu chấm",
        ),
    ],
)
def test_reading_problems_are_located(tmp_path: Path, text: str, expected: str) -> None:
    _, problems = load(tmp_path, text)
    assert [p.format() for p in problems] == [expected]


def test_messages_in_english(tmp_path: Path) -> None:
    set_language("en")
    _, problems = load(tmp_path, "a: 1\na: 2\n")
    assert [p.format() for p in problems] == [
        "f.yml:2:1: error: duplicate key «a» (first written at line 1); keep only one"
    ]


def test_a_file_that_is_not_utf8_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "f.yml"
    path.write_bytes("tên: Trúc".encode("cp1258"))
    doc, problems = load_yaml(path, "f.yml")
    assert doc is None
    assert problems[0].code == "encoding" and (problems[0].line, problems[0].column) == (1, 2)


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("6:30", "6:30"),  # YAML 1.1 would read the sexagesimal number 390
        ("17:00", "17:00"),
        ("yes", "yes"),
        ("no", "no"),
        ("on", "on"),
        ("off", "off"),
        ("true", True),
        ("False", False),
        ("~", None),
        ("null", None),
        ("1740", 1740),
        ("-5", -5),
        ("0x1f", 31),
        ("1.5", 1.5),
        ("0277.3851234", "0277.3851234"),
        ("02773851234", "02773851234"),  # a leading zero keeps a phone number as text
        ("2025-07-01", "2025-07-01"),
    ],
)
def test_plain_scalars_follow_the_yaml_1_2_core_schema(
    tmp_path: Path, written: str, value: object
) -> None:
    doc, problems = load(tmp_path, f"v: {written}\n")
    assert problems == []
    assert doc.data == {"v": value}
    assert type(doc.data["v"]) is type(value)


def test_merge_keys_bring_in_a_mapping_and_written_keys_win(tmp_path: Path) -> None:
    text = "base: &b {a: 1, b: 2}\nchild:\n  <<: *b\n  b: 3\nlist: [*b]\n"
    doc, problems = load(tmp_path, text)
    assert problems == []
    assert doc.data["child"] == {"a": 1, "b": 3}
    assert doc.data["list"] == [{"a": 1, "b": 2}]


def test_an_alias_that_contains_itself_is_a_located_error(tmp_path: Path) -> None:
    doc, problems = load(tmp_path, "ok: 1\nlines: &a [*a]\n")
    assert [p.format() for p in problems] == [
        "f.yml:2:8: error: bí danh «*» này trỏ tới một giá trị chứa chính nó; "
        "hãy viết giá trị ra đầy đủ"
    ]
    assert doc.data["ok"] == 1


def test_an_alias_bomb_stops_at_the_value_limit_quickly(tmp_path: Path) -> None:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    for prev, name in zip("abcdefghi", "bcdefghij", strict=True):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    _doc, problems = load(tmp_path, "\n".join(lines) + "\n")
    assert [p.code for p in problems] == ["too-large"]


def test_merging_something_that_is_not_a_mapping_is_a_located_error(tmp_path: Path) -> None:
    _doc, problems = load(tmp_path, "a:\n  <<: 5\n  b: 1\n")
    assert [(p.line, p.column, p.code) for p in problems] == [(2, 7, "bad-merge")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "a: " + "[" * 100_000,
            "f.yml:1:53: error: các giá trị lồng nhau sâu quá 50 tầng; hãy viết phẳng hơn "
            "(có dấu '[' hay '{' nào mở mà chưa đóng không?)",
        ),
        (
            "a0: &a0 x\n" + "".join(f"a{i}: &a{i} [*a{i - 1}]\n" for i in range(1, 60)),
            "f.yml:1:5: error: các giá trị lồng nhau sâu quá 50 tầng; hãy viết phẳng hơn "
            "(có dấu '[' hay '{' nào mở mà chưa đóng không?)",
        ),
        (
            "a: 1\nb: x\x00y\n",
            "f.yml:2:5: error: tệp có ký tự điều khiển ẩn U+0000 mà YAML không cho phép; "
            "hãy xóa nó (gõ lại đoạn chữ quanh chỗ này)",
        ),
        (
            "a: !!int x\n",
            "f.yml:1:4: error: «x» được ghi là !!int nhưng không phải; hãy sửa giá trị hoặc bỏ !!int",
        ),
        (
            "a: !!python/name:os.system\n",
            "f.yml:1:4: error: không được dùng thẻ «!!python/name:os.system» ở đây; hãy xóa đi",
        ),
    ],
    ids=["deep", "alias chain", "nul", "wrong tag", "python tag"],
)
def test_hostile_text_is_a_located_problem(tmp_path: Path, text: str, expected: str) -> None:
    _, problems = load(tmp_path, text)
    assert [p.format() for p in problems] == [expected]


def test_a_file_over_the_size_limit_is_not_read(tmp_path: Path) -> None:
    doc, problems = load(tmp_path, "a: " + "x" * 1_000_000)
    assert doc is None
    assert [p.format() for p in problems] == [
        "f.yml:1:1: error: tệp nặng 1.000.003 byte, vượt giới hạn 1.000.000 byte; "
        "hãy tách thành các tệp nhỏ hơn"
    ]


def test_tags_are_kept_for_mkdocs(tmp_path: Path) -> None:
    path = tmp_path / "mkdocs.yml"
    path.write_text("format: !!python/name:pymdownx.superfences.fence_code_format\n")
    doc, problems = load_yaml(path, "mkdocs.yml", keep_tags=True)
    assert problems == []
    assert doc is not None
    assert doc.data["format"] == Tagged(
        "tag:yaml.org,2002:python/name:pymdownx.superfences.fence_code_format", ""
    )


@pytest.mark.parametrize(
    "text",
    ["a: 1\nb: [x, 6:30, 0277, 1.5, 2021-01-01, true, yes]\n", "- &a {b: c}\n- <<: *a\n  d: e\n"],
)
def test_libyaml_and_pure_python_compose_the_same_nodes(text: str) -> None:
    fast = compose(text)
    slow = CoreLoader(text).get_single_node()
    assert yaml.serialize(fast) == yaml.serialize(slow)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-8-sig"])
def test_notepad_unicode_and_utf8_with_a_mark_are_read(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "f.yml"
    path.write_bytes("tên: Trúc\nnơi: Gáo Giồng\n".encode(encoding))
    doc, problems = load_yaml(path, "f.yml")
    assert problems == []
    assert doc is not None and doc.data == {"tên": "Trúc", "nơi": "Gáo Giồng"}


def test_windows_1258_is_reported_at_its_first_byte_with_the_steps_to_save_as_utf8(
    tmp_path: Path,
) -> None:
    set_language("en")
    path = tmp_path / "f.yml"
    path.write_bytes("name: Chị A\n".encode() + "place: Tân\n".encode("cp1258"))
    _doc, problems = load_yaml(path, "f.yml")
    assert [p.format() for p in problems] == [
        "f.yml:2:9: error: the file is not saved as UTF-8: the byte 0xE2 here («â» in "
        "Windows-1258) is not UTF-8 text. Save the file as UTF-8: in Notepad, File › Save As, "
        "Encoding «UTF-8», Save; in Word, File › Save As, type «Plain Text (*.txt)», then "
        "«Other encoding» › «Unicode (UTF-8)»; then retype any letters that look wrong"
    ]
