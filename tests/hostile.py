"""A project whose every text field carries an attack: script, markup, links, line breaks.

Used by the build test (no live markup in any output) and the browser test (no dialog, no
outside request on any page).
"""

from __future__ import annotations

from pathlib import Path

from tests.conftest import MINI, copy_project

PAYLOADS = [
    "<img src=x onerror=alert(1)>",
    "</title><script>alert(2)</script>",
    '"><svg onload=alert(3)>',
    "[bấm](javascript:alert(4))",
    "![x](https://evil.example/track.png)",
    "*đậm* _nghiêng_ `mã` {: onclick=alert(5) }",
    "<iframe src=https://evil.example/></iframe>",
    "<a href=javascript:alert(6)>x</a>",
]


# A web address the model accepts, full of characters Markdown and HTML give a meaning.
TRICKY_URL = "https://example.vn/a_(b)*c[1]?d=1&e=`x`#~y"


def attack(tag: int) -> str:
    """A text with two payloads (every payload is in several fields), marked with its field."""
    first, second = PAYLOADS[tag % len(PAYLOADS)], PAYLOADS[(tag + 3) % len(PAYLOADS)]
    return f"T{tag} {first} {second}"


def _q(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def hostile_project(target: Path) -> Path:
    """Copy the mini project and put an attack into every text staff can write."""
    root = copy_project(MINI, target)
    campaigns = root / "campaigns.yml"
    text = campaigns.read_text(encoding="utf-8")
    replacements = {
        "title: {vi: Thử nghiệm, en: Test site}": f"title: {{vi: {_q(attack(1))}, en: {_q(attack(2))}}}",
        "title: {vi: Chiến dịch thử, en: Test campaign}": f"title: {{vi: {_q(attack(3))}, en: {_q(attack(4))}}}",
        "summary: {vi: Một chiến dịch để thử., en: A campaign for tests.}": f"summary: {{vi: {_q(attack(5))}}}\n    body: {_q(attack(6))}\n    locality: {_q(attack(7))}",
        "province: Đồng Tháp": f"province: {_q('Đồng Tháp ' + attack(8))}\n    region: south",
        "{vi: Đóng sau mùa lúa., en: Pay after the harvest.}": _q(attack(9)),
        "label: {vi: Người tham gia, en: Participants}": f"label: {_q(attack(10))}",
        "source: {title: Báo cáo thử}": f"source: {{title: {_q(attack(11))}, url: {_q(TRICKY_URL)}, publisher: {_q(attack(13))}}}",
        "organisation: {vi: BHXH huyện Thử, en: Test district social insurance}": f"organisation: {_q(attack(14))}",
    }
    for old, new in replacements.items():
        assert old in text, old
        text = text.replace(old, new)
    campaigns.write_text(text, encoding="utf-8")
    testimonial = root / "content" / "testimonials" / "chi-a.yml"
    lines = testimonial.read_text(encoding="utf-8").splitlines()
    fields = {
        "name": _q("Chị A " + attack(15)),
        "place": _q(attack(16)),
        "photo_alt": _q(attack(17)),
        "quote": _q(attack(18)),
        "source": f"{{title: {_q(attack(19))}, url: {_q(TRICKY_URL)}}}",
    }
    rewritten = [
        f"{line.split(':', 1)[0]}: {fields[line.split(':', 1)[0]]}"
        if line.split(":", 1)[0] in fields
        else line
        for line in lines
    ]
    testimonial.write_text("\n".join(rewritten) + "\n", encoding="utf-8")
    verses = root / "content" / "verses"
    verses.mkdir(parents=True, exist_ok=True)
    (verses / "ve-thu.yml").write_text(
        f"form: ve\ntitle: {_q(attack(21))}\nauthor: {_q(attack(22))}\n"
        f"note: {_q(attack(23))}\n"
        "lines:\n  - Nghe vè nghe ve\n  - Nghe vè bảo hiểm\n  - Đóng góp hằng tháng\n"
        "  - Về già có lương\n",
        encoding="utf-8",
    )
    text = campaigns.read_text(encoding="utf-8").replace(
        "testimonials: [chi-a]", "testimonials: [chi-a]\n    verses: [ve-thu]"
    )
    campaigns.write_text(text, encoding="utf-8")
    return root
