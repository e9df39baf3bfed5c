"""Did-you-mean, placeholders, copied translations and card texts, said exactly at their place."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.validate.hints import choice_hint, date_hint, fold, key_hint, slug
from tests.conftest import Runner


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def check(ansinh: Runner, project: Path) -> list[str]:
    return ansinh("--lang", "en", "-C", project, "check")[1].splitlines()


@pytest.mark.parametrize(
    ("written", "choices", "meant"),
    [
        ("miền Nam", ["north", "central", "south"], "south"),
        ("Miền  trung", ["north", "central", "south"], "central"),
        ("người tham gia", ["pensioner", "participant", "agent", "official"], "participant"),
        ("hưu trí", ["pensioner", "participant", "agent", "official"], "pensioner"),
        ("every_12_month", ["monthly", "every_6_months", "every_12_months"], "every_12_months"),
        ("Monthly", ["monthly", "every_6_months"], "monthly"),
        ("hộ", ["people", "households", "vnd"], "households"),
        ("hò", ["luc_bat", "ve", "ho", "free"], "ho"),
        ("lục bát", ["luc_bat", "ve", "ho", "free"], "luc_bat"),
        ("xyz", ["north", "central", "south"], None),
    ],
)
def test_choices_are_found_from_their_vietnamese_words_and_near_spellings(
    written: str, choices: list[str], meant: str | None
) -> None:
    assert choice_hint(written, choices) == meant


def test_vietnamese_keys_dates_and_names() -> None:
    assert key_hint("tỉnh", ["province", "title"]) == "province"
    assert key_hint("Tên", ["name", "role"]) == "name"
    assert key_hint("tên", ["title", "summary"]) == "title"
    assert key_hint("tỉnh", ["name"]) is None
    assert date_hint("31/12/2024") == "2024-12-31"
    assert date_hint("1.6.2021") == "2021-06-01"
    assert date_hint("12/31/2024") is None
    assert fold("Miền  Nam") == "mien nam"
    assert slug("Trần Văn Bình") == "tran-van-binh"


def test_each_common_mistake_gets_the_fix(mini: Path, ansinh: Runner) -> None:
    campaigns = mini / "campaigns.yml"
    edit(campaigns, "    province: Đồng Tháp\n", "    province: Đồng Tháp\n    vùng: miền Nam\n")
    edit(campaigns, "[monthly, every_6_months]", "[monthly, every_12_month]")
    edit(campaigns, "percent_of_target: 87.59", 'percent_of_target: "87,59%"')
    edit(campaigns, "as_of: 2021-06-03", "as_of: 03/06/2021")
    edit(campaigns, "testimonials: [chi-a]", "testimonials: [Chị A]")
    testimonial = mini / "content/testimonials/chi-a.yml"
    edit(testimonial, "role: participant", "role: người tham gia")
    assert check(ansinh, mini) == [
        "campaigns.yml:12:5: error: unknown key «vùng»: keys are written in English; "
        "write «region»",
        "campaigns.yml:16:30: error: «payment_modes» cannot be the text «every_12_month»; did you "
        "mean «every_12_months»? (choose one of: monthly, every_3_months, every_6_months, "
        "every_12_months, years_in_advance, lump_sum)",
        "campaigns.yml:22:28: error: «percent_of_target» is computed from «value» and «target»: "
        "remove this line (to check a reported percentage, write it as a plain number such as "
        "87.59, without % or a decimal comma), found the text «87,59%»",
        "campaigns.yml:23:16: error: «as_of» must be a date written YYYY-MM-DD, found the text "
        "«03/06/2021»; write 2021-06-03",
        "campaigns.yml:25:20: error: «Chị A» is the person's name; write the file name of their "
        "testimonial, «chi-a» (content/testimonials/chi-a.yml)",
        "content/testimonials/chi-a.yml:2:7: error: «role» cannot be the text «người tham gia»; "
        "did you mean «participant»? (choose one of: pensioner, participant, agent, official)",
    ]


@pytest.mark.parametrize(
    ("written", "hint"),
    [
        (
            "Chi-A.JPG",
            "; the file is named «chi-a.jpg»: capital and small letters must match exactly",
        ),
        (
            "content/media/chi-a.jpg",
            "; write «chi-a.jpg»: photo names are written from inside content/media/",
        ),
        ("chi-a.jpeg", "; did you mean «chi-a.jpg»?"),
    ],
)
def test_a_photo_name_that_is_nearly_right_names_the_file(
    mini: Path, ansinh: Runner, written: str, hint: str
) -> None:
    edit(mini / "content/testimonials/chi-a.yml", "photo: chi-a.jpg", f"photo: {written}")
    assert check(ansinh, mini) == [
        f"content/testimonials/chi-a.yml:4:8: error: file not found: content/media/{written}{hint}"
    ]


def test_scaffold_text_and_copied_translations_are_warned_until_replaced(
    mini: Path, ansinh: Runner
) -> None:
    campaigns = mini / "campaigns.yml"
    edit(campaigns, "en: Test campaign}", "en: Chiến dịch thử}")
    edit(campaigns, "summary: {vi: Một chiến dịch để thử.,", 'summary: {vi: "«Điền: tóm tắt»",')
    assert check(ansinh, mini) == [
        "campaigns.yml:9:37: warning: the «en» text is the «vi» text copied unchanged; translate "
        "it, or remove the «en» line to show the «vi» text openly",
        "campaigns.yml:10:20: warning: sample text from «ansinh new» is still here: replace "
        "«Điền: tóm tắt» with the real text",
    ]


def test_a_copied_translation_does_not_count_as_translated(mini: Path, ansinh: Runner) -> None:
    from generator.model import Site
    from generator.validate.translations import count_translations, is_copy

    site = Site(
        title="x",
        base_url="https://x.vn/",
        locales=["vi", "en"],
        hotline="1900 9068",
        organisation="x",
    )
    assert is_copy({"vi": "Chiến dịch", "en": "Chiến dịch"}, "en", "vi")
    assert not is_copy({"vi": "An Sinh", "en": "An Sinh"}, "en", "vi")
    counts = count_translations(
        [site.model_copy(update={"title": {"vi": "Đạt", "en": "Đạt"}})], site
    )
    assert counts["en"]["translated"] < counts["vi"]["translated"]


def test_emoji_and_titles_too_long_for_cards_are_warned_with_what_to_cut(
    mini: Path, ansinh: Runner
) -> None:
    long_title = (
        "Chiến dịch thử 🎉 vận động người dân tham gia bảo hiểm xã hội tự nguyện và bảo hiểm y "
        "tế hộ gia đình tại các xã"
    )
    edit(mini / "campaigns.yml", "{vi: Chiến dịch thử,", f'{{vi: "{long_title}",')
    edit(
        mini / "campaigns.yml",
        "    testimonials: [chi-a]",
        "    testimonials: [chi-a]\n    outputs: [social]",
    )
    assert check(ansinh, mini) == [
        "campaigns.yml:9:17: warning: this title is too long for the «testimonial» card, "
        "which would cut it with «…»; shorten it by at least 11 characters",
        "campaigns.yml:9:33: warning: «🎉» (U+1F389) is not in the fonts of the social-media "
        "cards and would be drawn there as an empty box; remove it or write it in words",
    ]


def test_the_measured_cut_is_what_the_drawn_card_needs() -> None:
    from generator.model.card_text import title_boxes, title_cut
    from generator.render.social.cards import plan_card
    from generator.render.social.design import card_design
    from generator.text.typeset import FaceMaker
    from generator.validate.theme import load_theme
    from tests.conftest import MINI

    theme = load_theme(MINI, "default")
    design = card_design(theme)
    faces = {n: FaceMaker(f.main, dict(f.scripts)) for n, f in theme.social.faces.items()}
    title = (
        "Vận động người dân tham gia bảo hiểm xã hội tự nguyện và bảo hiểm y tế hộ gia đình "
        "năm 2026 tại các xã vùng sâu vùng xa của tỉnh"
    )
    slots = {"brand": "BẢO HIỂM XÃ HỘI TỰ NGUYỆN · ĐỒNG THÁP", "message": "Đóng sau mùa lúa."}
    for card in design.style.platforms:
        layout = design.layouts[card]
        empty = frozenset({"figure"})
        boxes = title_boxes(layout, "title", faces, empty)
        if not boxes:
            continue
        cut = max(title_cut(box, title, faces) for box in boxes)

        def drawn(text: str, layout=layout, card=card) -> str:
            plan = plan_card(card, layout, {**slots, "title": text}, design.palette)
            return " ".join(line.text for line in plan.lines("title"))

        assert cut > 0 and drawn(title).endswith("…")
        kept = title[: len(title) - cut]
        assert not drawn(kept).endswith("…"), card
        one_more = title[: len(title) - cut + 1 + len(title[len(title) - cut :].split()[0])]
        assert drawn(one_more).endswith("…"), card


def test_new_files_warn_at_every_placeholder_until_it_is_replaced(
    tmp_path: Path, ansinh: Runner
) -> None:
    project = tmp_path / "moi"
    assert ansinh("-C", project, "new", "campaign", "Cao Lãnh 2026")[0] == 0
    assert ansinh("-C", project, "new", "testimonial", "Nguyễn Văn Bé")[0] == 0
    assert ansinh("-C", project, "new", "verse", "Lương hưu")[0] == 0
    lines = check(ansinh, project)
    assert len(lines) == 15  # the campaign 9 (headline 2), the testimonial 3, the verse 3
    assert all(
        ": warning: sample text from «ansinh new» is still here: replace «Điền:" in line
        for line in lines
    )
    assert lines[0] == (
        "campaigns.yml:17:39: warning: sample text from «ansinh new» is still here: replace "
        "«Điền: tên chiến dịch bằng tiếng Anh» with the real text"
    )
    for path in [project / "campaigns.yml", *project.glob("content/*/*.yml")]:
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r"«Điền: ([^»]*)»", r"\1", text), encoding="utf-8")
    assert check(ansinh, project) == []
