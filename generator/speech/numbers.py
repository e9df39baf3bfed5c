"""Vietnamese readings of integers, decimals, digit strings and ordinals.

Integers are read in groups of three digits with the regional words of
:mod:`generator.speech.regions`:

- tens: "mười" for 1, "<digit> mươi" from 2; after "mươi" 1 is "mốt", 4 is the
  region's ``four_after_tens`` ("tư") and 5 is "lăm"; after "mười" 5 is "lăm"
  and 1 and 4 stay "một", "bốn" (11 → mười một, 14 → mười bốn, 15 → mười lăm).
- a group after a larger one is read in full: 2021 → hai nghìn không trăm hai
  mươi mốt; 1.005 → một nghìn không trăm linh năm. A group that is all zeros
  is skipped: 1.000.001 → một triệu không trăm linh một.
- beyond "tỷ" the scale words repeat: 10^12 → một nghìn tỷ, 10^18 → một tỷ tỷ.

Fractional digits after the decimal comma: up to three digits are read as a
number, each leading zero said as "không" (87,59 → năm mươi chín; 1,05 →
không năm; 1,5 → năm); four or more digits are read one by one.
"""

from __future__ import annotations

from generator.speech.regions import RegionWords

DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
BILLION = 10**9
MAX_FRACTION_AS_NUMBER = 3


def _tens_and_units(tens: int, units: int, after_hundreds: bool, words: RegionWords) -> list[str]:
    """Read the last two digits of a group."""
    if tens == 0:
        if units == 0:
            return []
        return [words.zero_tens, DIGITS[units]] if after_hundreds else [DIGITS[units]]
    if tens == 1:
        head = ["mười"]
        tail = {0: [], 5: ["lăm"]}.get(units, [DIGITS[units]])
        return head + tail
    head = [DIGITS[tens], "mươi"]
    special = {0: [], 1: ["mốt"], 4: [words.four_after_tens], 5: ["lăm"]}
    return head + special.get(units, [DIGITS[units]])


def read_group(group: int, full: bool, words: RegionWords) -> list[str]:
    """Read a number below 1.000; ``full`` says "không trăm" for a zero hundreds digit."""
    hundreds, rest = divmod(group, 100)
    tens, units = divmod(rest, 10)
    spoken: list[str] = []
    if full or hundreds:
        spoken += [DIGITS[hundreds], "trăm"]
    return spoken + _tens_and_units(tens, units, full or hundreds > 0, words)


def _read_below_billion(number: int, leading: bool, words: RegionWords) -> list[str]:
    """Read 0 < ``number`` < 10^9; ``leading`` is false when a larger part was said."""
    millions, rest = divmod(number, 1_000_000)
    thousands, units = divmod(rest, 1000)
    spoken: list[str] = []
    first = leading
    for group, scale in ((millions, "triệu"), (thousands, words.thousand), (units, "")):
        if group == 0:
            continue
        spoken += read_group(group, not first, words)
        if scale:
            spoken.append(scale)
        first = False
    return spoken


def _read_positive(number: int, leading: bool, words: RegionWords) -> list[str]:
    """Read ``number`` > 0 as a list of syllables."""
    high, low = divmod(number, BILLION)
    spoken: list[str] = []
    if high:
        spoken += _read_positive(high, leading, words) + ["tỷ"]
    if low:
        spoken += _read_below_billion(low, leading and not high, words)
    return spoken


def read_int(number: int, words: RegionWords) -> str:
    """Read a non-negative integer aloud."""
    if number == 0:
        return DIGITS[0]
    return " ".join(_read_positive(number, True, words))


def read_digits(digits: str) -> str:
    """Read a string of digits one by one ("1900" → một chín không không)."""
    return " ".join(DIGITS[int(d)] for d in digits if d.isdigit())


def read_number_string(digits: str, words: RegionWords) -> str:
    """Read a written digit string: a code with a leading zero and 4+ digits one by one."""
    if len(digits) >= 4 and digits.startswith("0"):
        return read_digits(digits)
    return read_int(int(digits), words)


def read_fraction(digits: str, words: RegionWords) -> str:
    """Read the digits after a decimal comma (see the module docstring)."""
    if len(digits) > MAX_FRACTION_AS_NUMBER:
        return read_digits(digits)
    significant = digits.lstrip("0")
    zeros = [DIGITS[0]] * (len(digits) - len(significant))
    rest = [read_int(int(significant), words)] if significant else []
    return " ".join(zeros + rest)


def read_decimal(integer: int, fraction: str, words: RegionWords) -> str:
    """Read a decimal number written with a comma ("87,59")."""
    return f"{read_int(integer, words)} {words.decimal_point} {read_fraction(fraction, words)}"


def read_ordinal(number: int, words: RegionWords) -> str:
    """Read the number after "thứ": 1 → nhất, 4 → tư, others as cardinals."""
    return {1: "nhất", 4: "tư"}.get(number) or read_int(number, words)


def read_month(month: int, words: RegionWords) -> str:
    """Read a month number 1–12 with the region's month names."""
    return words.months[month - 1]


_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_ROMAN_PAIRS = (
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)


def roman_to_int(numeral: str) -> int | None:
    """Return the value of a Roman numeral up to C, or None if it is not one."""
    if not numeral or any(c not in _ROMAN for c in numeral):
        return None
    total = 0
    for current, following in zip(numeral, numeral[1:] + " ", strict=True):
        value = _ROMAN[current]
        total += -value if following in _ROMAN and _ROMAN[following] > value else value
    return total if _int_to_roman(total) == numeral else None


def _int_to_roman(number: int) -> str:
    """Write ``number`` (1–399) as a canonical Roman numeral."""
    out = []
    for value, letters in _ROMAN_PAIRS:
        while number >= value:
            out.append(letters)
            number -= value
    return "".join(out)
