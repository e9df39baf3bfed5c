"""Contact points: Vietnamese phone numbers, a campaign's points, consent to publish a phone."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from generator.model.contacts import (
    ContactPoint,
    by_commune,
    contacts_for,
    nearest,
    phone_digits,
    place_key,
    public_point,
)


@pytest.mark.parametrize(
    ("written", "digits"),
    [
        ("0912 345 678", "0912345678"),
        ("0912.345.678", "0912345678"),
        ("+84 912 345 678", "0912345678"),
        ("0277 3851 234", "02773851234"),
        ("1900 9068", "19009068"),
        ("1800-1234", "18001234"),
        ("0912 345 67", None),
        ("0112 345 678", None),
        ("0912 345 678 9", None),
        ("19009068 (máy lẻ 2)", None),
        ("", None),
    ],
)
def test_phone_digits(written: str, digits: str | None) -> None:
    assert phone_digits(written) == digits


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Huyện Cao Lãnh", "cao lanh"),
        ("TP. Sa Đéc", "sa dec"),
        ("TP.Sa Đéc", "sa dec"),
        ("Thành phố Sa Đéc", "sa dec"),
        ("quận  Lê Chân", "le chan"),
        ("Đồng Tháp", "dong thap"),
        ("Xã Gáo Giồng", "gao giong"),
    ],
)
def test_place_key(name: str, key: str) -> None:
    assert place_key(name) == key


def point(
    name: str, kind: str, district: str, commune: str | None = None, **extra: object
) -> ContactPoint:
    return ContactPoint.model_validate(
        {
            "name": name,
            "kind": kind,
            "district": district,
            "commune": commune,
            "province": extra.pop("province", "Đồng Tháp"),
            "address": "—",
            **extra,
        }
    )


@dataclass(frozen=True)
class Place:
    province: str
    locality: str | None


POINTS = [
    point("BHXH huyện Cao Lãnh", "district_office", "Huyện Cao Lãnh"),
    point("UBND xã Gáo Giồng", "commune_office", "Huyện Cao Lãnh", "Xã Gáo Giồng"),
    point("Đại lý A", "collection_agent", "Huyện Cao Lãnh", "Xã Gáo Giồng"),
    point("Bưu điện Sa Đéc", "post_office", "TP. Sa Đéc", phone="0277 3861 000"),
    point("BHXH Hồng Ngự", "district_office", "Huyện Hồng Ngự"),
    point("BHXH Lê Chân", "district_office", "Quận Lê Chân", province="Hải Phòng"),
]


def names(points: list[ContactPoint]) -> list[str]:
    return [p.name for p in points]


def test_a_campaign_gets_the_points_of_its_districts_in_the_order_it_names_them() -> None:
    chosen = contacts_for(Place("Đồng Tháp", "TP. Sa Đéc, huyện Cao Lãnh"), POINTS)
    assert names(chosen) == [
        "Bưu điện Sa Đéc",
        "Đại lý A",
        "UBND xã Gáo Giồng",
        "BHXH huyện Cao Lãnh",
    ]
    assert [(c, names(ps)) for c, ps in by_commune(chosen)] == [
        (None, ["Bưu điện Sa Đéc"]),
        ("Xã Gáo Giồng", ["Đại lý A", "UBND xã Gáo Giồng"]),
        (None, ["BHXH huyện Cao Lãnh"]),
    ]


def test_a_campaign_of_a_whole_province_gets_all_its_points() -> None:
    chosen = contacts_for(Place("đồng tháp", None), POINTS)
    assert len(chosen) == 5 and "BHXH Lê Chân" not in names(chosen)
    assert contacts_for(Place("Lào Cai", None), POINTS) == []


def test_nearest_names_one_point_per_commune_with_phones_first() -> None:
    chosen = contacts_for(Place("Đồng Tháp", "TP. Sa Đéc, huyện Cao Lãnh"), POINTS)
    assert names(nearest(chosen, 2)) == ["Bưu điện Sa Đéc", "Đại lý A"]


def test_a_persons_phone_is_public_only_with_consent() -> None:
    hidden = point("Chị B", "collection_agent", "Huyện Cao Lãnh", phone="0912 345 678", person=True)
    shown = point(
        "Chị C",
        "collection_agent",
        "Huyện Cao Lãnh",
        phone="0912 345 679",
        person=True,
        phone_consent=True,
    )
    assert public_point(hidden).phone is None and hidden.tel is None
    assert public_point(shown) == shown and shown.tel == "tel:0912345679"
    office = POINTS[3]
    assert public_point(office) == office and office.tel == "tel:02773861000"
