"""Did-you-mean: the value or key staff most likely meant when they wrote another.

Staff write Vietnamese: a key typed in Vietnamese (``tỉnh:``), a choice typed as its
Vietnamese word (``region: miền Nam``), a date typed the Vietnamese way (31/12/2024).
Each is matched after folding (lower case, no marks, đ → d), so «Miền nam», «mien Nam»
and «miền Nam» all find ``south``.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable

# Vietnamese words for each key, folded; a word may stand for several keys, the first
# allowed where it was written wins (``ten`` is a campaign's title, a person's name).
_KEY_WORDS: dict[str, tuple[str, ...]] = {
    "tinh": ("province",),
    "tinh thanh": ("province",),
    "tinh/thanh pho": ("province",),
    "thanh pho": ("province",),
    "tieu de": ("title", "headline"),
    "ten": ("name", "title"),
    "ho ten": ("name",),
    "ho va ten": ("name",),
    "tom tat": ("summary",),
    "mo ta": ("summary", "body"),
    "noi dung": ("body", "quote"),
    "vung": ("region",),
    "mien": ("region",),
    "khu vuc": ("region",),
    "dia phuong": ("locality", "place"),
    "huyen": ("locality", "district"),
    "quan": ("district",),
    "quan/huyen": ("district",),
    "xa": ("locality", "place", "commune"),
    "phuong": ("commune",),
    "xa/phuong": ("commune",),
    "thoi gian": ("period",),
    "thoi han": ("period",),
    "bat dau": ("start",),
    "tu ngay": ("start",),
    "ket thuc": ("end",),
    "den ngay": ("end",),
    "doi tuong": ("audience",),
    "thong diep": ("messages",),
    "loi nhan": ("messages",),
    "hinh": ("image", "photo"),
    "anh": ("image", "photo"),
    "hinh anh": ("image", "photo"),
    "cau noi": ("quote",),
    "trich dan": ("quote",),
    "loi ke": ("quote",),
    "vai tro": ("role",),
    "noi o": ("place",),
    "dia chi": ("place", "address"),
    "nguon": ("source",),
    "ngay": ("date", "as_of"),
    "gio": ("time", "hours"),
    "gio lam viec": ("hours",),
    "gio mo cua": ("hours",),
    "thoi gian lam viec": ("hours",),
    "dien thoai": ("phone",),
    "so dien thoai": ("phone",),
    "sdt": ("phone",),
    "loai": ("kind",),
    "loai hinh": ("kind",),
    "diem hen": ("meeting_point",),
    "diem tap trung": ("meeting_point",),
    "noi tap trung": ("meeting_point",),
    "so ho": ("households",),
    "ho gia dinh": ("households",),
    "thanh vien": ("members",),
    "so thanh vien": ("members",),
    "truong nhom": ("leader",),
    "nhom": ("groups",),
    "cac nhom": ("groups",),
    "lich": ("outings",),
    "buoi": ("outings",),
    "lich di": ("outings",),
    "dong y": ("consent",),
    "so lieu": ("figures",),
    "gia tri": ("value",),
    "so luong": ("value",),
    "chi tieu": ("target", "monthly_target"),
    "chi tieu thang": ("monthly_target",),
    "ke hoach": ("target",),
    "muc tieu": ("target",),
    "don vi": ("unit",),
    "nhan": ("label",),
    "tac gia": ("author",),
    "the tho": ("form",),
    "the loai": ("form",),
    "cau tho": ("lines",),
    "cac cau": ("lines",),
    "dong": ("lines",),
    "dau ra": ("outputs",),
    "xuat ban": ("outputs",),
    "hinh thuc dong": ("payment_modes",),
    "phuong thuc dong": ("payment_modes",),
    "ngon ngu": ("locales",),
    "ngon ngu chinh": ("default_locale",),
    "duong day nong": ("hotline",),
    "hotline": ("hotline",),
    "to chuc": ("organisation",),
    "co quan": ("organisation",),
    "dia chi web": ("base_url",),
    "xung ho": ("salutation",),
    "danh xung": ("salutation",),
    "hien thi": ("display",),
    "pham vi": ("scope",),
    "da dong y": ("given",),
    "loi chung thuc": ("testimonials",),
    "nhan chung": ("testimonials",),
    "chung thuc": ("testimonials",),
    "tho": ("verses",),
    "bai tho": ("verses",),
    "giao dien": ("theme",),
}

# Vietnamese words for the choices of enumerations, folded; the first allowed choice wins.
_CHOICE_WORDS: dict[str, tuple[str, ...]] = {
    "mien bac": ("north",),
    "bac": ("north",),
    "bac bo": ("north",),
    "mien trung": ("central",),
    "trung": ("central",),
    "trung bo": ("central",),
    "mien nam": ("south",),
    "nam": ("south",),
    "nam bo": ("south",),
    "mien tay": ("south",),
    "nguoi tham gia": ("participant",),
    "tham gia": ("participant",),
    "nguoi dong": ("participant",),
    "huu tri": ("pensioner",),
    "nguoi huu tri": ("pensioner",),
    "nguoi huong luong huu": ("pensioner",),
    "dai ly": ("agent", "collection_agent"),
    "dai ly thu": ("agent", "collection_agent"),
    "buu dien": ("post_office",),
    "buu cuc": ("post_office",),
    "ubnd xa": ("commune_office",),
    "ubnd phuong": ("commune_office",),
    "uy ban nhan dan xa": ("commune_office",),
    "uy ban nhan dan phuong": ("commune_office",),
    "bhxh huyen": ("district_office",),
    "bhxh quan": ("district_office",),
    "bao hiem xa hoi huyen": ("district_office",),
    "bao hiem xa hoi quan": ("district_office",),
    "nhan vien thu": ("agent",),
    "can bo": ("official",),
    "lanh dao": ("official",),
    "hang thang": ("monthly",),
    "moi thang": ("monthly",),
    "3 thang": ("every_3_months",),
    "ba thang": ("every_3_months",),
    "6 thang": ("every_6_months",),
    "sau thang": ("every_6_months",),
    "12 thang": ("every_12_months",),
    "hang nam": ("every_12_months",),
    "mot nam": ("every_12_months",),
    "dong truoc": ("years_in_advance",),
    "dong truoc nhieu nam": ("years_in_advance",),
    "mot lan": ("lump_sum",),
    "dong mot lan": ("lump_sum",),
    "ho ngheo": ("poor",),
    "ngheo": ("poor",),
    "ho can ngheo": ("near_poor",),
    "can ngheo": ("near_poor",),
    "dan toc thieu so": ("ethnic_minority",),
    "khac": ("other",),
    "luc bat": ("luc_bat",),
    "song that luc bat": ("song_that_luc_bat",),
    "ve": ("ve",),
    "ho": ("ho", "households"),
    "vong co": ("vong_co",),
    "tu do": ("free",),
    "tho tu do": ("free",),
    "nguoi": ("people",),
    "so nguoi": ("people",),
    "ho gia dinh": ("households",),
    "dong": ("vnd",),
    "vnd": ("vnd",),
    "day du": ("full",),
    "ho ten day du": ("full",),
    "viet tat": ("initials",),
    "chu cai dau": ("initials",),
    "trang web": ("web",),
    "website": ("web",),
    "ban in": ("print",),
    "in": ("print",),
    "mang xa hoi": ("social",),
    "loa": ("loudspeaker",),
    "loa phat thanh": ("loudspeaker",),
    "thu hai": ("mon",),
    "thu ba": ("tue",),
    "thu tu": ("wed",),
    "thu nam": ("thu",),
    "thu sau": ("fri",),
    "thu bay": ("sat",),
    "chu nhat": ("sun",),
}
_DAY_MONTH_YEAR = re.compile(r"^\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})\s*$")


def fold(text: str) -> str:
    """Lower-case ``text`` and drop its marks (đ → d), spaces collapsed: «Miền  Nam» → mien nam."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.lower().replace("_", " ").split())


def slug(text: str) -> str:
    """Return the id form of a name: «Trần Văn Bình» → tran-van-binh."""
    return "-".join(re.sub(r"[^a-z0-9]+", " ", fold(text)).split())


def closest(written: str, choices: Iterable[str], cutoff: float = 0.6) -> str | None:
    """Return the choice nearest to ``written``, ignoring case and marks, or None."""
    options = list(choices)
    by_fold = {fold(choice): choice for choice in options}
    if fold(written) in by_fold:
        return by_fold[fold(written)]
    close = difflib.get_close_matches(fold(written), list(by_fold), n=1, cutoff=cutoff)
    return by_fold[close[0]] if close else None


def choice_hint(written: object, choices: Iterable[str]) -> str | None:
    """Return the choice meant by ``written``: its Vietnamese word or its nearest spelling."""
    if not isinstance(written, str):
        return None
    options = list(choices)
    meant = [choice for choice in _CHOICE_WORDS.get(fold(written), ()) if choice in options]
    return meant[0] if meant else closest(written, options)


def key_hint(written: str, allowed: Iterable[str]) -> str | None:
    """Return the English key meant by a Vietnamese key such as ``tỉnh``, if allowed here."""
    options = set(allowed)
    return next((key for key in _KEY_WORDS.get(fold(written), ()) if key in options), None)


def date_hint(written: object) -> str | None:
    """Return 31/12/2024 (day, month, year) as 2024-12-31, or None if it is not one."""
    if not isinstance(written, str):
        return None
    found = _DAY_MONTH_YEAR.match(written)
    if found is None:
        return None
    day, month, year = (int(part) for part in found.groups())
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"
