"""Fuzz the spoken-form normalizer: any text is read, quickly, and every number is spoken.

Properties, for any text of up to about 2,000 characters and each region:

* ``normalize`` and ``say`` never raise and return within ``LIMIT`` seconds of CPU time
  (``time.process_time``, with the garbage collector paused: neither other processes
  nor a collection of Hypothesis' own heap count). ``normalize``'s cache is cleared
  first, so that a replayed example is read again; ``say`` then reads from the cache;
* every ``SpeechWarning`` points into the NFC input: ``0 <= start <= end <= len``,
  its ``fragment`` is ``nfc[start:end]`` and its message is not empty;
* every number is read: each run of ASCII digits left in the spoken text lies inside
  the fragment of a warning (a part kept as written), and the spoken text holds no
  more ASCII digits than all the warnings' fragments together;
* ``say`` returns one line, and holds no more ASCII digits than ``normalize``'s text.
"""

from __future__ import annotations

import gc
import importlib
import re
import time
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from hypothesis import example, given, settings
from hypothesis import strategies as st

from generator.speech import normalize, say

REGIONS = ("north", "central", "south")
LIMIT = 1.0
MAX_SIZE = 2000
_DIGITS = re.compile(r"[0-9]+")
_CACHE = getattr(importlib.import_module("generator.speech.normalize"), "_normalize", None)


@contextmanager
def cpu_timer() -> Iterator[Callable[[], float]]:
    """Time the CPU the block takes, with the garbage collector paused."""
    gc.disable()
    start = time.process_time()
    try:
        yield lambda: time.process_time() - start
    finally:
        gc.enable()


def check_spoken(text: str, region: str) -> None:
    if hasattr(_CACHE, "cache_clear"):
        _CACHE.cache_clear()
    with cpu_timer() as elapsed:
        spoken = normalize(text, region)  # type: ignore[arg-type]
        assert elapsed() < LIMIT, f"normalize took {elapsed():.2f} s"
    assert isinstance(spoken.text, str)
    source = unicodedata.normalize("NFC", text)
    for warning in spoken.warnings:
        assert 0 <= warning.start <= warning.end <= len(source), warning
        assert warning.fragment == source[warning.start : warning.end], warning
        assert warning.message.strip(), warning
    fragments = [warning.fragment for warning in spoken.warnings]
    for run in _DIGITS.findall(spoken.text):
        assert any(run in fragment for fragment in fragments), (run, spoken)
    kept_digits = sum(len(run) for fragment in fragments for run in _DIGITS.findall(fragment))
    spoken_digits = sum(len(run) for run in _DIGITS.findall(spoken.text))
    assert spoken_digits <= kept_digits, spoken

    with cpu_timer() as elapsed:
        line = say(text, region)  # type: ignore[arg-type]
        assert elapsed() < LIMIT, f"say took {elapsed():.2f} s"
    assert "\n" not in line
    assert sum(len(run) for run in _DIGITS.findall(line)) == spoken_digits


regions = st.sampled_from(REGIONS)

WORDS = (
    "Sáng",
    "chiều",
    "ngày",
    "tháng",
    "năm",
    "từ",
    "đến",
    "người",
    "đồng",
    "triệu",
    "nghìn",
    "tỷ",
    "hộ",
    "xã",
    "huyện",
    "tỉnh",
    "Đồng Tháp",
    "bảo hiểm xã hội",
    "tham gia",
    "mức đóng",
    "hỗ trợ",
    "Quý",
    "thế kỷ",
    "khóa",
    "số",
    "lúc",
    "thứ",
    "mùng",
    "đường",
    "phố",
    "Nghị định",
    "Quyết định",
    "Luật",
    "Chỉ thị",
    "Công văn",
    "BHXH",
    "BHYT",
    "UBND",
    "TP.",
    "H.",
    "ĐBSCL",
    "XYZW",
    "iPhone",
    "Wi-Fi",
    "COVID-19",
    "ft",
    "km",
    "kg",
    "ha",
    "°C",
)
SYMBOLS = tuple("%&+×=≥≤<>~≈#@§№*•·–—-/:.,;!?…()[]“”«»\"'")
SEPARATORS = (" ", " ", " ", "", ", ", ". ", " - ", " – ", "/", ":", "-", "\n", "\n- ", "\t")
EMOJI = ("🙂", "👍🏽", "🇻🇳", "❤️", "\u200b", "\u00a0", "\ufeff")
ADDRESSES = (
    "https://baohiemxahoi.gov.vn/tin-tuc?id=12&p=3",
    "http://a.vn",
    "www.baohiemxahoi.gov.vn",
    "bhxh@gmail.com",
    "a.b@c.d",
    "ftp://x",
    "x.vn/1",
)


def grouped(value: int, mark: str) -> str:
    """Write ``value`` with a mark between groups of three digits."""
    return f"{value:,}".replace(",", mark)


numbers = st.one_of(
    st.integers(0, 10**15).map(str),
    st.builds(grouped, st.integers(1000, 10**15), st.sampled_from(".,  ")),
    st.builds(
        "{}{}{}".format,
        st.integers(0, 10**6),
        st.sampled_from(".,/-:"),
        st.integers(0, 10**4),
    ),
    st.builds("{},{}%".format, st.integers(0, 100), st.integers(0, 99)),
    st.builds("{}đ".format, st.integers(0, 10**9).map(lambda v: grouped(v, "."))),
    st.builds("{} đồng/người".format, st.integers(0, 10**7).map(lambda v: grouped(v, "."))),
    st.builds("{}h{:02d}".format, st.integers(0, 30), st.integers(0, 70)),
    st.builds("{}g".format, st.integers(0, 30)),
    st.from_regex(r"\A[0-9]{1,25}\Z"),
    st.from_regex(r"\A[0-9][0-9 .,/:-]{0,30}[0-9]\Z"),
)
dates = st.one_of(
    st.builds("{}-{}".format, st.integers(0, 40), st.integers(0, 14)),
    st.builds("{}/{}/{}".format, st.integers(0, 40), st.integers(0, 14), st.integers(0, 3000)),
    st.builds(
        "{:04d}-{:02d}-{:02d}".format, st.integers(0, 9999), st.integers(0, 13), st.integers(0, 32)
    ),
    st.builds("{}.{}".format, st.integers(1, 12), st.integers(1900, 2100)),
    st.builds("ngày {}.{}".format, st.integers(0, 40), st.integers(0, 14)),
    st.builds("tháng {}-{}".format, st.integers(0, 14), st.integers(0, 3000)),
)
phones = st.one_of(
    st.sampled_from(
        (
            "0277 3851 234",
            "1900 9068",
            "1800-1091",
            "+84 912 345 678",
            "+84912345678",
            "0912.345.678",
            "(024) 3936 1234",
            "028.38123456",
        )
    ),
    st.from_regex(r"\A(\+84 ?|\(0[0-9]{1,4}\) ?)?[0-9]{1,5}([ .-][0-9]{1,5}){0,6}\Z"),
)
romans = st.one_of(
    st.sampled_from(("I", "II", "III", "IV", "IX", "XXI", "MCMXLV", "Quý III", "thế kỷ XXI")),
    st.from_regex(r"\A[IVXLCDM]{1,10}\Z"),
)
documents = st.one_of(
    st.sampled_from(
        (
            "Nghị định 159/2025/NĐ-CP",
            "Luật BHXH số 41/2024/QH15",
            "Quyết định 595/QĐ-BHXH",
            "Công văn 123/XYZ",
            "Chỉ thị 35-CT/TW",
        )
    ),
    st.from_regex(r"\A[0-9]{1,5}(/[0-9]{4})?/[A-ZĐ]{1,4}(-[A-ZĐ]{1,5})?\Z"),
)
mixed = st.from_regex(r"\A[0-9A-Za-zđĐ]{1,8}\Z")
tokens = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(WORDS),
    numbers,
    dates,
    phones,
    romans,
    documents,
    mixed,
    st.sampled_from(SYMBOLS),
    st.sampled_from(EMOJI),
    st.sampled_from(ADDRESSES),
    st.text(max_size=6),
)


@st.composite
def press_text(draw: st.DrawFn) -> str:
    """Return text like a press release: words, numbers, dates, codes, marks and noise."""
    parts: list[str] = []
    for _ in range(draw(st.integers(1, 80))):
        parts.append(draw(tokens))
        parts.append(draw(st.sampled_from(SEPARATORS)))
    return "".join(parts)[:MAX_SIZE]


@st.composite
def repeated_text(draw: st.DrawFn) -> str:
    """Return a short piece repeated up to 2,000 characters: where slow rules show."""
    piece = draw(st.one_of(tokens, st.sampled_from(SYMBOLS + SEPARATORS)))
    piece += draw(st.sampled_from(SEPARATORS))
    return (piece * (MAX_SIZE // max(1, len(piece)) + 1))[: draw(st.integers(1, MAX_SIZE))]


any_text = st.text(st.characters(exclude_categories=()), max_size=MAX_SIZE)


@given(text=any_text, region=regions)
@example(text="", region="north")
@example(text="\ud800 1 \udfff", region="south")
@example(text="1\u0301 2\u0323", region="central")
@example(text="٣ ３ 𝟙", region="north")
def test_normalize_any_text(text: str, region: str) -> None:
    check_spoken(text, region)


@given(text=press_text(), region=regions)
@example(text="Sáng 15-4, BHXH có 1.740 người, mã x7zq, gọi 1900 9068.", region="south")
@example(text="Xem www.baohiemxahoi.gov.vn (https://a.vn) hoặc 3G: 12.3456", region="north")
@example(text="Nghị định 159/2025/NĐ-CP, 22%, 330.000đ/người, Quý III/2024", region="central")
def test_normalize_press_text(text: str, region: str) -> None:
    check_spoken(text, region)


@settings(max_examples=max(20, settings.default.max_examples // 3))
@given(text=repeated_text(), region=regions)
@example(text="1 " * 1000, region="north")
@example(text="1-" * 1000, region="south")
@example(text="1.000 " * 333, region="central")
@example(text="1" * MAX_SIZE, region="north")
@example(text="(" * MAX_SIZE, region="north")
def test_normalize_repeated_text(text: str, region: str) -> None:
    check_spoken(text, region)
