"""Make a synthetic national project: many campaigns built from the example's own content.

Usage: python bench/corpus.py OUT_DIR [--campaigns N] [--own-testimonials]
       [--provinces P] [--testimonials T] [--code DIR]

With ``--own-testimonials`` every campaign quotes its own copies of the example's
testimonials (a campaign of the example without any gets one), as a national
project would: editing one then touches one campaign only.

With ``--provinces P`` (1 to 34) the campaigns are spread round-robin over the first
P of the 34 provinces and centrally-run cities of the 2025 reorganisation (names
as written in ``generator/data/provinces.yml``): campaign i is in province i mod P,
in its capital (``locality``), with the region the list gives it, and
``content/contacts.yml`` gains a social-insurance office and a post office
(``example: true``) for every such capital it has no point for.

With ``--testimonials T`` there are T testimonials in all, spread as evenly as the
count allows (campaign i has ⌈T/N⌉ or ⌊T/N⌋), each a copy of one of the example's
quotes that only its campaign quotes (the example's own files are removed); with
``--provinces`` its ``place`` is its campaign's. It implies ``--own-testimonials``.

``--code DIR`` copies the theme from ``DIR/themes`` and reads the provinces from
``DIR/generator/data`` (default: this checkout), so that a frozen copy of the code
builds with its own theme.
"""

from __future__ import annotations

import argparse
import re
import shutil
import unicodedata
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parent.parent

# The 34 provinces and centrally-run cities from 1 July 2025, each with the city or
# urban district where its social-insurance office sits (as named before the district
# level was removed, like the example's places).
NATIONAL_PROVINCES: tuple[tuple[str, str], ...] = (
    ("Hà Nội", "Quận Hoàn Kiếm"),
    ("Hải Phòng", "Quận Lê Chân"),
    ("Quảng Ninh", "TP. Hạ Long"),
    ("Bắc Ninh", "TP. Bắc Ninh"),
    ("Hưng Yên", "TP. Hưng Yên"),
    ("Ninh Bình", "TP. Ninh Bình"),
    ("Phú Thọ", "TP. Việt Trì"),
    ("Thái Nguyên", "TP. Thái Nguyên"),
    ("Tuyên Quang", "TP. Tuyên Quang"),
    ("Lào Cai", "TP. Lào Cai"),
    ("Cao Bằng", "TP. Cao Bằng"),
    ("Lạng Sơn", "TP. Lạng Sơn"),
    ("Điện Biên", "TP. Điện Biên Phủ"),
    ("Lai Châu", "TP. Lai Châu"),
    ("Sơn La", "TP. Sơn La"),
    ("Thanh Hóa", "TP. Thanh Hóa"),
    ("Nghệ An", "TP. Vinh"),
    ("Hà Tĩnh", "TP. Hà Tĩnh"),
    ("Quảng Trị", "TP. Đông Hà"),
    ("Huế", "Quận Thuận Hóa"),
    ("Đà Nẵng", "Quận Hải Châu"),
    ("Quảng Ngãi", "TP. Quảng Ngãi"),
    ("Gia Lai", "TP. Plây Cu"),
    ("Đắk Lắk", "TP. Buôn Ma Thuột"),
    ("Khánh Hòa", "TP. Nha Trang"),
    ("Lâm Đồng", "TP. Đà Lạt"),
    ("TP. Hồ Chí Minh", "Quận Bình Thạnh"),
    ("Đồng Nai", "TP. Biên Hòa"),
    ("Tây Ninh", "TP. Tây Ninh"),
    ("Cần Thơ", "Quận Ninh Kiều"),
    ("Vĩnh Long", "TP. Vĩnh Long"),
    ("Đồng Tháp", "TP. Sa Đéc"),
    ("An Giang", "TP. Long Xuyên"),
    ("Cà Mau", "TP. Cà Mau"),
)


def make_corpus(
    target: Path,
    campaigns: int,
    own_testimonials: bool = False,
    *,
    provinces: int = 0,
    testimonials: int = 0,
    code: Path = REPO,
) -> Path:
    """Write a project with ``campaigns`` campaigns cycling through the example's five.

    Only the English titles are numbered: the Vietnamese ones are laid out on posters
    that have no room to spare. ``provinces`` (0: keep the example's places) and
    ``testimonials`` (0: as ``own_testimonials`` says) are described in the module's
    docstring. Raises ValueError for more provinces than there are, or for a province
    of ``NATIONAL_PROVINCES`` that ``code``'s list of provinces does not name.
    """
    target.mkdir(parents=True, exist_ok=True)
    shutil.copytree(REPO / "content", target / "content", dirs_exist_ok=True)
    shutil.copytree(code / "themes", target / "themes", dirs_exist_ok=True)
    shutil.copyfile(REPO / "mkdocs.yml", target / "mkdocs.yml")
    data = yaml.safe_load((REPO / "campaigns.yml").read_text(encoding="utf-8"))
    examples = data["campaigns"]
    places = national_places(provinces, code) if provinces else []
    quoted = [name for example in examples for name in example.get("testimonials") or []]
    made = []
    for index in range(campaigns):
        campaign = dict(examples[index % len(examples)])
        per_campaign_files(target, campaign["id"], f"{campaign['id']}-{index:04d}")
        campaign["id"] = f"{campaign['id']}-{index:04d}"
        title = campaign["title"]
        campaign["title"] = (
            {k: f"{v} ({index})" if k != "vi" else v for k, v in title.items()}
            if isinstance(title, dict)
            else title
        )
        place = places[index % len(places)] if places else None
        if place is not None:
            campaign["province"], campaign["locality"], campaign["region"] = place
        if testimonials:
            count = testimonials // campaigns + (index < testimonials % campaigns)
            names = (campaign.get("testimonials") or []) + quoted
            chosen = [names[k % len(names)] for k in range(count)]
            campaign["testimonials"] = numbered_copies(target, chosen, index, place)
        elif own_testimonials:
            campaign["testimonials"] = own_copies(target, campaign.get("testimonials"), index)
        made.append(campaign)
    data["campaigns"] = made
    for folder in PER_CAMPAIGN:
        for path in (target / "content" / folder).glob("*"):
            if path.stem in {c["id"] for c in examples}:
                path.unlink()
    if testimonials:
        for name in set(quoted):
            (target / "content" / "testimonials" / f"{name}.yml").unlink()
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    (target / "campaigns.yml").write_text(text, encoding="utf-8")
    if places:
        add_contacts(target / "content" / "contacts.yml", places)
    return target


# Content folders with one file per campaign, named after its id.
PER_CAMPAIGN = ("groups", "progress")


def per_campaign_files(target: Path, example: str, campaign: str) -> None:
    """Give a corpus campaign copies of its example's per-campaign files."""
    for folder in PER_CAMPAIGN:
        for path in (target / "content" / folder).glob(f"{example}.*"):
            shutil.copyfile(path, path.with_name(campaign + path.suffix))


def own_copies(target: Path, names: list[str] | None, index: int) -> list[str]:
    """Copy the testimonials a campaign quotes (or the first one) under names of its own."""
    folder = target / "content" / "testimonials"
    names = names or [sorted(p.stem for p in folder.glob("*.yml") if "-c" not in p.stem)[0]]
    copies = []
    for name in names:
        copy = f"{name}-c{index:04d}"
        shutil.copyfile(folder / f"{name}.yml", folder / f"{copy}.yml")
        copies.append(copy)
    return copies


def numbered_copies(
    target: Path, names: list[str], index: int, place: tuple[str, str, str] | None
) -> list[str]:
    """Copy each of ``names`` as ``NAME-cINDEX-K``; with a place, say it is the campaign's.

    ``place`` is (province, locality, region); the copy's ``place:`` line becomes
    «locality, province».
    """
    folder = target / "content" / "testimonials"
    line = f"place: {place[1]}, {place[0]}" if place is not None else None
    copies = []
    for number, name in enumerate(names):
        copy = f"{name}-c{index:04d}-{number}"
        text = (folder / f"{name}.yml").read_text(encoding="utf-8")
        if line is not None:
            text = re.sub(r"(?m)^place: .*$", line.replace("\\", "\\\\"), text, count=1)
        (folder / f"{copy}.yml").write_text(text, encoding="utf-8")
        copies.append(copy)
    return copies


def national_places(count: int, code: Path = REPO) -> list[tuple[str, str, str]]:
    """Return (province, locality, region) for the first ``count`` provinces.

    The region is the one ``code/generator/data/provinces.yml`` gives the province.
    Raises ValueError when ``count`` is not 1 to 34 or a province is not in that list.
    """
    if not 1 <= count <= len(NATIONAL_PROVINCES):
        raise ValueError(f"--provinces must be 1 to {len(NATIONAL_PROVINCES)}, not {count}")
    listed = yaml.safe_load((code / "generator" / "data" / "provinces.yml").read_text("utf-8"))
    region_of = {_fold(name): region for region, names in listed.items() for name in names}
    places = []
    for province, locality in NATIONAL_PROVINCES[:count]:
        region = region_of.get(_fold(province))
        if region is None:
            raise ValueError(f"{province} is not in {code}/generator/data/provinces.yml")
        places.append((province, locality, region))
    return places


def add_contacts(path: Path, places: list[tuple[str, str, str]]) -> None:
    """Append an office and a post office for each capital ``path`` has no point for."""
    listed: list[dict[str, Any]] = yaml.safe_load(path.read_text("utf-8"))["contacts"]
    covered = {(_fold(p["province"]), _fold(p.get("district") or "")) for p in listed}
    added = []
    for province, locality, _region in places:
        if (_fold(province), _fold(locality)) in covered:
            continue
        where = {"district": locality, "province": province}
        address = f"{locality}, {province}"
        added += [
            {
                "name": f"Bảo hiểm xã hội {locality}",
                "kind": "district_office",
                **where,
                "address": address,
                "example": True,
                "hours": {
                    "vi": "Thứ Hai đến thứ Sáu, giờ hành chính",
                    "en": "Monday to Friday, office hours",
                },
            },
            {
                "name": f"Bưu điện {locality}",
                "kind": "post_office",
                **where,
                "address": address,
                "example": True,
                "hours": {
                    "vi": "Hằng ngày, giờ mở cửa của bưu điện",
                    "en": "Every day, post-office hours",
                },
            },
        ]
    if added:
        text = yaml.safe_dump(added, allow_unicode=True, sort_keys=False)
        indented = "".join(f"  {line}" if line.strip() else line for line in text.splitlines(True))
        with path.open("a", encoding="utf-8") as file:
            file.write("\n  # --- Corpus: capitals of the national corpus's provinces ---\n")
            file.write(indented)


def _fold(name: str) -> str:
    """Fold a name for comparison: NFC, lower case, single spaces."""
    return " ".join(unicodedata.normalize("NFC", name).lower().split())


if __name__ == "__main__":
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("out", type=Path)
    parser.add_argument("--campaigns", type=int, default=100)
    parser.add_argument("--own-testimonials", action="store_true")
    parser.add_argument("--provinces", type=int, default=0, help="1 to 34; 0: the example's")
    parser.add_argument("--testimonials", type=int, default=0, help="in all; 0: as before")
    parser.add_argument("--code", type=Path, default=REPO, help="holds generator/ and themes/")
    arguments = parser.parse_args()
    print(
        make_corpus(
            arguments.out,
            arguments.campaigns,
            arguments.own_testimonials,
            provinces=arguments.provinces,
            testimonials=arguments.testimonials,
            code=arguments.code,
        )
    )
