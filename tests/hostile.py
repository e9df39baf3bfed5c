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
    ":smile: ==đánh dấu== ^^chèn^^ ++ctrl++",
]

# Markdown extensions a project may turn on in mkdocs.yml that give plain text a meaning
# (an emoji name becomes a picture drawn into the page), as mkdocs.yml items.
EXTENSIONS = [
    "pymdownx.emoji:\n"
    "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
    "      emoji_generator: !!python/name:material.extensions.emoji.to_svg",
    "pymdownx.mark",
    "pymdownx.caret",
    "pymdownx.keys",
]


# The campaign's place, short enough for the printed label of its progress total.
LOCALITY = "T7 " + PAYLOADS[1]

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
    settings = root / "mkdocs.yml"
    extensions = "".join(f"  - {name}\n" for name in EXTENSIONS)
    text = settings.read_text(encoding="utf-8")
    settings.write_text(
        text.replace("  - admonition\n", "  - admonition\n" + extensions), encoding="utf-8"
    )
    campaigns = root / "campaigns.yml"
    text = campaigns.read_text(encoding="utf-8")
    replacements = {
        "title: {vi: Thử nghiệm, en: Test site}": f"title: {{vi: {_q(attack(1))}, en: {_q(attack(2))}}}",
        "title: {vi: Chiến dịch thử, en: Test campaign}": f"title: {{vi: {_q(attack(3))}, en: {_q(attack(4))}}}",
        "summary: {vi: Một chiến dịch để thử., en: A campaign for tests.}": f"summary: {{vi: {_q(attack(5))}}}\n    body: {_q(attack(6))}\n    locality: {_q(LOCALITY)}",
        # The province stays a real one, whose contact points (attacked below) are shown.
        "province: Đồng Tháp": f"province: Đồng Tháp\n    image_alt: {_q(attack(8))}",
        "{vi: Đóng sau mùa lúa., en: Pay after the harvest.}": _q(attack(9)),
        "label: {vi: Người tham gia, en: Participants}": f"label: {_q(attack(10))}",
        "source: {title: Báo cáo thử}": f"source: {{title: {_q(attack(11))}, url: {_q(TRICKY_URL)}, publisher: {_q(attack(13))}}}",
        "organisation: {vi: BHXH huyện Thử, en: Test district social insurance}": f"organisation: {_q(attack(14))}\n  description: {_q(attack(24))}",
        "    messages:\n": f"    headline: {_q(attack(25))}\n    audience: [{_q(attack(26))}]\n    messages:\n",
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
    _field_reports(root)
    return root


def _field_reports(root: Path) -> None:
    """Attack the contact points, the outreach groups and the progress report."""
    province, district = "Đồng Tháp", _q(LOCALITY)
    (root / "content" / "contacts.yml").write_text(
        f"contacts:\n  - name: {_q(attack(27))}\n    kind: post_office\n"
        f"    district: {district}\n    province: {province}\n"
        f"    address: {_q(attack(28))}\n    hours: {_q(attack(29))}\n    phone: 0277 3851 234\n",
        encoding="utf-8",
    )
    unit = "Nhóm " + attack(30)
    (root / "content" / "progress").mkdir(parents=True, exist_ok=True)
    quoted = unit.replace('"', '""')
    (root / "content" / "progress" / "thu-nghiem.csv").write_text(
        "Ngày,Đơn vị,Số người,Chỉ tiêu,Ghi chú\n"
        f'15/05/2021,"{quoted}",12,100,"{attack(33).replace(chr(34), chr(34) * 2)}"\n',
        encoding="utf-8",
    )
    (root / "content" / "groups").mkdir(parents=True, exist_ok=True)
    (root / "content" / "groups" / "thu-nghiem.yml").write_text(
        f"groups:\n  - name: {_q(unit)}\n    leader: {_q(attack(31))}\n    members: 3\n"
        "    monthly_target: 10\n    outings:\n"
        f"      - {{date: 2021-06-05, time: '07:30', meeting_point: {_q(attack(32))}, "
        "households: 18}\n",
        encoding="utf-8",
    )
