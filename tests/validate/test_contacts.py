"""content/contacts.yml: every problem at its place, with its exact message."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.i18n import set_language
from generator.load.document import load_yaml
from generator.model import Site
from generator.model.contacts import ContactPoint
from generator.validate.contacts import validate_contacts

PATH = "content/contacts.yml"
GOOD = """\
contacts:
  - name: Bảo hiểm xã hội huyện Cao Lãnh
    kind: district_office
    district: Huyện Cao Lãnh
    province: Đồng Tháp
    address: Thị trấn Mỹ Thọ
    phone: "0277 3851 234"
"""


@pytest.fixture(autouse=True)
def _english_messages() -> None:
    # The messages' English text is their id: exact, whatever the catalogues hold.
    set_language("en")


def check(tmp_path: Path, text: str) -> tuple[list[ContactPoint], list[str]]:
    file = tmp_path / "contacts.yml"
    file.write_text(text, encoding="utf-8")
    doc, problems = load_yaml(file, PATH)
    assert doc is not None and not problems
    points, diagnostics = validate_contacts(doc)
    return points, [d.format() for d in diagnostics]


def test_a_good_file_gives_its_points(tmp_path: Path) -> None:
    points, problems = check(tmp_path, GOOD)
    assert problems == []
    assert [(p.name, p.kind, p.tel) for p in points] == [
        ("Bảo hiểm xã hội huyện Cao Lãnh", "district_office", "tel:02773851234")
    ]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        pytest.param(
            '"0277 3851 234"',
            '"0277 385"',
            "content/contacts.yml:7:12: error: «0277 385» is not a Vietnamese phone number: "
            "write 10 digits for a mobile (0912 345 678), 11 for a landline with its area "
            "code (0277 3851 234), or a 1800 or 1900 number",
            id="short phone",
        ),
        pytest.param(
            '"0277 3851 234"',
            '"0912 345 678 (chị Trúc)"',
            "content/contacts.yml:7:12: error: «0912 345 678 (chị Trúc)» is not a Vietnamese "
            "phone number: write 10 digits for a mobile (0912 345 678), 11 for a landline with "
            "its area code (0277 3851 234), or a 1800 or 1900 number",
            id="phone with words",
        ),
        pytest.param(
            "kind: district_office",
            "kind: đại lý thu",
            "content/contacts.yml:3:11: error: «đại lý thu» is not a kind of contact point; "
            "write one of: collection_agent, post_office, commune_office, district_office; "
            "did you mean «collection_agent»?",
            id="kind in Vietnamese",
        ),
        pytest.param(
            "kind: district_office",
            "kind: post_ofice",
            "content/contacts.yml:3:11: error: «post_ofice» is not a kind of contact point; "
            "write one of: collection_agent, post_office, commune_office, district_office; "
            "did you mean «post_office»?",
            id="kind misspelt",
        ),
        pytest.param(
            "kind: district_office",
            "kind: chợ",
            "content/contacts.yml:3:11: error: «chợ» is not a kind of contact point; "
            "write one of: collection_agent, post_office, commune_office, district_office",
            id="kind unknown",
        ),
        pytest.param(
            "province: Đồng Tháp",
            "province: Dong Thap tinh",
            "content/contacts.yml:5:15: error: «Dong Thap tinh» is not a province in the list "
            "of provinces; did you mean «Đồng Tháp»?",
            id="province misspelt",
        ),
        pytest.param(
            "province: Đồng Tháp",
            "province: Atlantis",
            "content/contacts.yml:5:15: error: «Atlantis» is not a province in the list "
            "of provinces",
            id="province unknown",
        ),
        pytest.param(
            "    address: Thị trấn Mỹ Thọ\n",
            "",
            "content/contacts.yml:2:5: error: missing required key «address»",
            id="missing address",
        ),
        pytest.param(
            "    address: Thị trấn Mỹ Thọ\n",
            "    adress: Thị trấn Mỹ Thọ\n",
            "content/contacts.yml:2:5: error: missing required key «address»\n"
            "content/contacts.yml:6:5: error: unknown key «adress»; did you mean «address»?",
            id="misspelt key",
        ),
    ],
)
def test_each_problem_is_located_and_explained(
    tmp_path: Path, old: str, new: str, expected: str
) -> None:
    assert old in GOOD
    points, problems = check(tmp_path, GOOD.replace(old, new))
    assert points == []
    assert problems == expected.split("\n")


def test_a_province_is_found_without_marks_or_its_unit_word(tmp_path: Path) -> None:
    text = GOOD.replace("province: Đồng Tháp", "province: tỉnh dong thap")
    points, problems = check(tmp_path, text)
    assert problems == [] and len(points) == 1


def test_the_same_point_twice_is_reported_at_the_second(tmp_path: Path) -> None:
    second = GOOD.split("\n", 1)[1].replace("huyện Cao Lãnh", "Huyện Cao Lãnh")
    points, problems = check(tmp_path, GOOD + second)
    assert len(points) == 1
    assert problems == [
        "content/contacts.yml:8:5: error: this contact point is already listed at line 2; "
        "remove one"
    ]


PERSON = """\
contacts:
  - name: Chị Lê Thị Như Trúc
    kind: collection_agent
    commune: Xã Gáo Giồng
    district: Huyện Cao Lãnh
    province: Đồng Tháp
    address: Ấp 1
    phone: "+84 912 345 678"
    person: true
"""


def test_a_persons_phone_without_consent_is_kept_out_and_warned_about(tmp_path: Path) -> None:
    points, problems = check(tmp_path, PERSON)
    assert problems == [
        "content/contacts.yml:8:12: warning: «Chị Lê Thị Như Trúc» is a person who has not "
        "agreed to publish this phone number («phone_consent: true»): it is shown nowhere"
    ]
    assert points[0].tel is None


def test_a_persons_phone_with_consent_is_called(tmp_path: Path) -> None:
    points, problems = check(tmp_path, PERSON + "    phone_consent: true\n")
    assert problems == []
    assert points[0].tel == "tel:+84912345678"


def test_the_file_must_hold_a_list(tmp_path: Path) -> None:
    _points, problems = check(tmp_path, "contacts:\n  name: Bưu điện\n")
    assert problems == [
        "content/contacts.yml:2:3: error: the file must hold «contacts:», a list of contact "
        "points («- name: …»)"
    ]


def check_for_site(tmp_path: Path, hours: str) -> tuple[list[ContactPoint], list[str]]:
    """Check a point with these opening hours against a site in vi and en."""
    file = tmp_path / "contacts.yml"
    file.write_text(GOOD + f"    hours: {hours}\n", "utf-8")
    doc, _problems = load_yaml(file, PATH)
    assert doc is not None
    site = Site(
        title="An Sinh",
        base_url="https://bhxh.example.vn/",
        locales=["vi", "en"],
        hotline="1900 9068",
        organisation="BHXH tỉnh Đồng Tháp",
    )
    points, diagnostics = validate_contacts(doc, site)
    return points, [d.format() for d in diagnostics]


def test_opening_hours_are_checked_against_the_sites_languages(tmp_path: Path) -> None:
    # «fr» is no language of the site: its text would be shown nowhere, silently.
    points, problems = check_for_site(tmp_path, "{vi: Sáng thứ Bảy, fr: Samedi matin}")
    assert problems == [
        "content/contacts.yml:8:31: error: «fr» is not one of the site's languages (vi, en)",
        "content/contacts.yml:8:12: warning: no «en» translation; the «vi» text is shown instead",
    ]
    assert points[0].hours == {"vi": "Sáng thứ Bảy", "fr": "Samedi matin"}


def test_opening_hours_without_the_main_language_are_an_error(tmp_path: Path) -> None:
    # Vietnamese pages would show the English hours.
    _points, problems = check_for_site(tmp_path, "{en: Saturday morning}")
    assert problems == [
        "content/contacts.yml:8:12: error: this text has no «vi» version, the site's main language"
    ]


def test_opening_hours_in_one_text_need_no_translation(tmp_path: Path) -> None:
    points, problems = check_for_site(tmp_path, "7:00–11:00 sáng thứ Bảy")
    assert problems == []
    assert points[0].hours == "7:00–11:00 sáng thứ Bảy"


@pytest.mark.parametrize("hours", ['""', '"  "', '{vi: ""}', "{vi: Sáng thứ Bảy, en: ' '}"])
def test_blank_opening_hours_are_an_error(tmp_path: Path, hours: str) -> None:
    points, problems = check(tmp_path, GOOD + f"    hours: {hours}\n")
    assert points == []
    assert len(problems) == 1 and problems[0].startswith("content/contacts.yml:8:")
    assert "error" in problems[0]
