"""What a check remembers between runs: card titles' fits kept in a file, themes read once
while their files are the same. Remembered answers must equal answers worked out anew."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from generator.load.theme import find_theme
from generator.model import card_text
from generator.validate import cards as card_checks
from generator.validate.cards import TITLE_FITS_FILE, TitleFits
from generator.validate.project import read_project
from generator.validate.theme import validate_theme

if TYPE_CHECKING:
    from generator.errors import Diagnostic
    from generator.model.theme import Theme, ThemeFiles

LONG_TITLE = (
    "Chiến dịch thử vận động người dân tham gia bảo hiểm xã hội tự nguyện và bảo hiểm y "
    "tế hộ gia đình tại các xã"
)
CUT_WARNING = "too-long-for-card"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def social_mini(mini: Path) -> Path:
    """The small project, its campaign shown on cards under a title too long for them."""
    edit(mini / "campaigns.yml", "{vi: Chiến dịch thử,", f'{{vi: "{LONG_TITLE}",')
    edit(
        mini / "campaigns.yml",
        "    testimonials: [chi-a]",
        "    testimonials: [chi-a]\n    outputs: [social]",
    )
    return mini


def card_warnings(project: Path, fits: TitleFits | None) -> list[str]:
    loaded = read_project(project, fits)
    return [d.format() for d in loaded.diagnostics if d.code == CUT_WARNING]


class Counting:
    """``title_cut``, counting its calls."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.calls = 0
        real = card_text.title_cut

        def counted(*args: object) -> int:
            self.calls += 1
            return real(*args)  # type: ignore[arg-type]

        monkeypatch.setattr(card_checks, "title_cut", counted)


def test_remembered_fits_give_the_same_warnings_without_laying_titles_out(
    social_mini: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    counting = Counting(monkeypatch)
    fresh = card_warnings(social_mini, None)
    assert len(fresh) == 1 and "«story»" in fresh[0]
    laid_out = counting.calls
    assert laid_out > 0

    fits = TitleFits()
    assert card_warnings(social_mini, fits) == fresh
    saved = social_mini / TITLE_FITS_FILE
    saved.parent.mkdir(parents=True, exist_ok=True)
    saved.write_bytes(fits.data())
    counting.calls = 0
    assert card_warnings(social_mini, TitleFits.read(saved)) == fresh
    assert counting.calls == 0

    # A changed title is laid out again; the file then holds only the titles in use.
    edit(social_mini / "campaigns.yml", LONG_TITLE, LONG_TITLE + " miền núi phía Bắc")
    again = TitleFits.read(saved)
    changed = card_warnings(social_mini, again)
    assert counting.calls > 0
    assert changed != fresh and changed == card_warnings(social_mini, None)
    assert set(json.loads(again.data())["cuts"]) == set(again.used)
    assert len(again.used) < len(again.cuts)


def test_fits_are_worked_out_again_when_a_layout_or_the_salt_changes(
    social_mini: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The project's own theme: the default one, its story card's title larger.
    installed = Path(__file__).resolve().parents[2] / "themes" / "default"
    own = social_mini / "themes" / "mine"
    (own / "social" / "layouts").mkdir(parents=True)
    (own / "theme.yml").write_text("extends: default\n", encoding="utf-8")
    layout = own / "social" / "layouts" / "story.yml"
    card = (installed / "social" / "layouts" / "story.yml").read_text(encoding="utf-8")
    layout.write_text(card, encoding="utf-8")
    edit(social_mini / "campaigns.yml", "  locales: [vi, en]", "  locales: [vi, en]\n  theme: mine")
    fits = TitleFits()
    fresh = card_warnings(social_mini, fits)
    assert len(fresh) == 1 and "«story»" in fresh[0] and " 7 " in fresh[0]
    counting = Counting(monkeypatch)

    layout.write_text(card + "\n# a comment changes no answer\n", encoding="utf-8")
    assert card_warnings(social_mini, fits) == fresh
    assert counting.calls == 0

    title = "{slot: title, font: sans-bold, size: 92, min_size: 60, max_lines: 4,"
    assert title in card
    layout.write_text(card.replace(title, title.replace("max_lines: 4", "max_lines: 3")), "utf-8")
    larger = card_warnings(social_mini, fits)
    assert counting.calls > 0
    assert larger == card_warnings(social_mini, None) and larger != fresh

    # Another salt (a font, Pillow or the typesetting code changed): nothing kept is trusted.
    counting.calls = 0
    stale = TitleFits(fits.salt[::-1], {key: (0, "") for key in fits.cuts})
    assert card_warnings(social_mini, stale) == larger
    assert counting.calls > 0


def test_a_broken_fits_file_is_ignored(social_mini: Path) -> None:
    fresh = card_warnings(social_mini, None)
    saved = social_mini / TITLE_FITS_FILE
    saved.parent.mkdir(parents=True, exist_ok=True)
    hostile = ('{"salt": "s", "cuts": {"x": [1e999, "story"]}}', "[" * 200_000)
    broken = ("", "[]", "{", '{"salt": 1, "cuts": {"x": 3}}', '{"salt": "s"}', "\x00", *hostile)
    for broken_text in broken:
        saved.write_text(broken_text, encoding="utf-8")
        assert card_warnings(social_mini, TitleFits.read(saved)) == fresh


def test_a_build_keeps_the_fits_and_check_reads_them(social_mini: Path) -> None:
    from generator.pipeline import build_site

    build_site(social_mini, social_mini / "site")
    kept = json.loads((social_mini / TITLE_FITS_FILE).read_text(encoding="utf-8"))
    assert kept["cuts"] and all(isinstance(v, list) for v in kept["cuts"].values())
    assert any(count > 0 for count, _card in kept["cuts"].values())


def test_a_theme_is_read_once_while_its_files_stay_the_same(
    mini: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator.validate import theme as theme_checks

    read: list[str] = []
    real = theme_checks._validate_theme

    def counted(files: ThemeFiles) -> tuple[Theme | None, list[Diagnostic]]:
        read.append(files.name)
        return real(files)

    monkeypatch.setattr(theme_checks, "_validate_theme", counted)
    theme, problems = validate_theme(find_theme(mini, "default"))
    assert theme is not None and not problems
    # Found again, as each step of a build finds it: the same answer, not read again.
    again, _problems = validate_theme(find_theme(mini, "default"))
    assert again is theme and read == ["default"]

    # The project's own theme, its layouts in a linked folder: an edit there is seen.
    installed = Path(__file__).resolve().parents[2] / "themes" / "default"
    layouts = mini / "elsewhere" / "layouts"
    layouts.mkdir(parents=True)
    story = (installed / "social" / "layouts" / "story.yml").read_text(encoding="utf-8")
    (layouts / "story.yml").write_text(story, encoding="utf-8")
    own = mini / "themes" / "mine"
    (own / "social").mkdir(parents=True)
    (own / "theme.yml").write_text("extends: default\n", encoding="utf-8")
    (own / "social" / "layouts").symlink_to(layouts, target_is_directory=True)
    first, _problems = validate_theme(find_theme(mini, "mine"))
    assert first is not None and first.social.layouts["story"].size == (1080, 1920)
    (layouts / "story.yml").write_text(
        story.replace("size: [1080, 1920]", "size: [1080, 1350]"), "utf-8"
    )
    edited, _problems = validate_theme(find_theme(mini, "mine"))
    assert edited is not None and edited.social.layouts["story"].size == (1080, 1350)
    assert read == ["default", "mine", "mine"]

    # A broken file: reported, and the caller's list of problems is its own.
    (own / "social" / "style.yml").write_text("broken: [\n", encoding="utf-8")
    broken, problems = validate_theme(find_theme(mini, "mine"))
    assert broken is None and problems
    problems.clear()
    assert validate_theme(find_theme(mini, "mine"))[1]


def test_a_replaced_card_font_is_seen_by_the_next_build_of_the_same_process(
    social_mini: Path,
) -> None:
    """The live preview checks and builds again in one process: a font file replaced
    between two builds must give the answers a new process gives."""
    import subprocess
    import sys

    from generator.pipeline import build_site

    installed = Path(__file__).resolve().parents[2] / "themes" / "default"
    own = social_mini / "themes" / "mine"
    (own / "fonts").mkdir(parents=True)
    (own / "theme.yml").write_text("extends: default\n", encoding="utf-8")
    bold = own / "fonts" / "NotoSans-Bold.ttf"
    bold.write_bytes((installed / "fonts" / "NotoSans-Bold.ttf").read_bytes())
    edit(social_mini / "campaigns.yml", "  locales: [vi, en]", "  locales: [vi, en]\n  theme: mine")
    build_site(social_mini, social_mini / "site")
    before = card_warnings(social_mini, TitleFits.read(social_mini / TITLE_FITS_FILE))

    # The bold face replaced by the narrower regular one, under the same name.
    bold.write_bytes((installed / "fonts" / "NotoSans-Regular.ttf").read_bytes())
    build_site(social_mini, social_mini / "site")
    kept = card_warnings(social_mini, TitleFits.read(social_mini / TITLE_FITS_FILE))
    (social_mini / TITLE_FITS_FILE).unlink()
    fresh = subprocess.run(
        [sys.executable, "-m", "generator.cli", "--lang", "vi", "-C", str(social_mini), "check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert fresh.returncode == 0, fresh.stderr
    assert kept == [line for line in fresh.stdout.splitlines() if "quá dài cho ảnh" in line]
    assert kept != before


def test_a_fits_file_that_cannot_be_written_stops_no_build(social_mini: Path) -> None:
    from generator.pipeline import build_site

    saved = social_mini / TITLE_FITS_FILE
    saved.mkdir(parents=True)  # a folder where the file should be
    summary = build_site(social_mini, social_mini / "site")
    assert summary.outputs > 0 and saved.is_dir()
    assert not [p.name for p in saved.parent.iterdir() if p.name.endswith(".new")]


def test_the_print_fonts_of_earlier_builds_are_forgotten(mini: Path) -> None:
    from generator.pipeline import forget_fonts
    from generator.render.print import weasy
    from generator.render.print.engine import render_pdf
    from generator.validate.theme import load_theme

    theme = load_theme(mini, "default")
    forget_fonts()  # what tests run before in this process loaded
    render_pdf("<p>Bảo hiểm xã hội</p>", theme, "test.pdf")
    assert weasy._fonts.cache_info().currsize == 1
    forget_fonts()
    assert weasy._fonts.cache_info().currsize == 0
