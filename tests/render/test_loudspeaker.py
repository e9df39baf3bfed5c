"""The loudspeaker renderer, on the example project.

Golden files: tests/golden/loudspeaker/<campaign>/<length>.txt and the
operator page. After a deliberate change, regenerate them and review the diff:

    make golden
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import struct
import subprocess
import unicodedata
from decimal import Decimal
from pathlib import Path

import pytest

from generator.model import Period, Project
from generator.model.region import REGIONS
from generator.model.theme import Theme, ThemeFiles
from generator.render import Output
from generator.render.loudspeaker import scripts as loudspeaker
from generator.render.loudspeaker.audio import (
    espeak_speed,
    preview_format,
    render_preview,
    render_wav,
    wav_seconds,
)
from generator.render.loudspeaker.broadcast import Script, build_scripts
from generator.render.loudspeaker.figures import figure_words, round_for_ear
from generator.render.loudspeaker.parts import figure_sayers
from generator.render.loudspeaker.recital import recital_lines
from generator.render.loudspeaker.schedule import fold
from generator.render.loudspeaker.scripts import (
    OPERATOR_INDEX,
    load_kit,
    render_loudspeaker,
    render_loudspeaker_with_notices,
    render_operator_pages,
    split_chunks,
)
from generator.render.loudspeaker.wording import (
    KINSHIP,
    apply_words,
    salutation_notices,
    spoken_name,
    word_pattern,
)
from generator.render.views import LocaleText
from generator.validate.project import load_project
from generator.validate.theme import load_theme, validate_theme
from tests.golden import check_golden

REPO = Path(__file__).resolve().parents[2]
CAMPAIGNS = ["le-chan-hai-phong", "dak-lak", "lao-cai", "dong-thap", "dbscl-cum-thi-dua-9"]
LENGTHS = {"1-phut": 60, "3-phut": 180, "5-phut": 300}
RATE_LINE = 15  # of themes/default/loudspeaker/defaults.yml
SEPARATOR = re.compile(r"^----- .* -----$", re.MULTILINE)


@pytest.fixture(scope="module")
def project() -> Project:
    return load_project(REPO)[0]


@pytest.fixture(scope="module")
def theme() -> Theme:
    return load_theme(REPO, "default")


@pytest.fixture(scope="module")
def rendered(project: Project, theme: Theme) -> tuple[dict[str, Output], list[str]]:
    outputs, notices = render_loudspeaker_with_notices(project, theme)
    return {o.path: o for o in outputs}, notices


@pytest.fixture(scope="module")
def outputs(rendered: tuple[dict[str, Output], list[str]]) -> dict[str, Output]:
    return rendered[0]


@pytest.fixture(scope="module")
def scripts(project: Project, theme: Theme) -> dict[tuple[str, str], object]:
    kit = load_kit(theme)
    found = {}
    for campaign in project.campaigns:
        for script in build_scripts(
            project, theme, campaign, kit.settings, kit.formulas, kit.abbreviations
        ):
            found[(campaign.id, script.length.id)] = script
    return found


def pieces(txt: str) -> list[str]:
    """The text between the dashed lines of a .txt script, as an operator pastes it."""
    body = "\n".join(line for line in txt.splitlines() if not line.startswith("#"))
    return [piece.strip() for piece in SEPARATOR.split(body)[1:-1]]


@pytest.mark.parametrize("campaign", CAMPAIGNS)
@pytest.mark.parametrize("length", LENGTHS)
def test_golden_script(outputs: dict[str, Output], campaign: str, length: str) -> None:
    data = outputs[f"loudspeaker/{campaign}/{length}.txt"].data
    check_golden(f"loudspeaker/{campaign}/{length}.txt", data.decode("utf-8"))


@pytest.mark.parametrize("locale", ["vi", "en"])
def test_golden_operator_page(
    project: Project, theme: Theme, locale: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(loudspeaker, "audio_available", lambda: True)
    monkeypatch.setattr(loudspeaker, "preview_format", lambda wanted: "wav")
    pages = render_operator_pages(project, theme, locale)
    assert set(pages) == {OPERATOR_INDEX} | {f"loudspeaker/{c}.md" for c in CAMPAIGNS}
    for name, page in pages.items():
        check_golden(f"loudspeaker/pages.{locale}/{name.removeprefix('loudspeaker/')}", page)


def test_every_output_is_made(outputs: dict[str, Output]) -> None:
    formats = ["txt", "html", "pdf"]
    expected = {f"loudspeaker/{c}/{n}.{f}" for c in CAMPAIGNS for n in LENGTHS for f in formats}
    assert shutil.which("espeak-ng"), "espeak-ng is needed for the audio previews"
    sound = preview_format("opus")
    expected |= {f"loudspeaker/{c}/1-phut.{sound}" for c in CAMPAIGNS}
    assert not {name for name in outputs if name.endswith((f"3-phut.{sound}", f"5-phut.{sound}"))}
    expected |= {f"loudspeaker/{c}/schedule.ics" for c in CAMPAIGNS}
    assert expected <= set(outputs)
    assert {o.locale for o in outputs.values()} == {"vi"}
    sounds = ("wav", "mp3", "opus")
    assert {o.kind for o in outputs.values() if o.format in sounds} <= {"audio"}
    assert {o.kind for o in outputs.values() if o.format not in sounds} == {"loudspeaker"}


def test_vietnamese_only_is_not_repeated_at_every_build(
    rendered: tuple[dict[str, Output], list[str]],
) -> None:
    assert not [notice for notice in rendered[1] if "chỉ làm bằng tiếng Việt" in notice]


@pytest.mark.parametrize("campaign", CAMPAIGNS)
@pytest.mark.parametrize("length", LENGTHS)
def test_length_within_a_fifth(scripts: dict, campaign: str, length: str) -> None:
    script = scripts[(campaign, length)]
    assert abs(script.seconds - LENGTHS[length]) <= 0.2 * LENGTHS[length]
    assert script.rate == 200


@pytest.mark.parametrize("campaign", CAMPAIGNS)
@pytest.mark.parametrize("length", LENGTHS)
def test_estimate_matches_espeak(theme: Theme, scripts: dict, campaign: str, length: str) -> None:
    script = scripts[(campaign, length)]
    settings, formulas = theme.loudspeaker.settings, theme.loudspeaker.formulas
    speed = espeak_speed(script.rate, settings.espeak_syllables_per_word[script.region])
    wav = render_wav(script.spoken_text, formulas[script.region].voice, speed)
    estimated, measured = script.seconds, wav_seconds(wav)
    assert abs(measured - estimated) <= 0.15 * estimated, (estimated, measured)


def preview_source(theme: Theme, scripts: dict) -> bytes:
    """The WAV a preview is made from (espeak-ng gives the same bytes every time)."""
    script = scripts[("dong-thap", "1-phut")]
    settings, formulas = theme.loudspeaker.settings, theme.loudspeaker.formulas
    speed = espeak_speed(script.rate, settings.espeak_syllables_per_word[script.region])
    return render_wav(script.spoken_text, formulas[script.region].voice, speed)


def test_the_preview_is_ogg_opus_at_a_speech_bitrate_and_the_same_bytes_every_time(
    outputs: dict[str, Output], theme: Theme, scripts: dict
) -> None:
    assert shutil.which("opusenc"), "opus-tools is needed for the audio previews"
    preview = outputs["loudspeaker/dong-thap/1-phut.opus"]
    wav = preview_source(theme, scripts)
    assert preview.data[:4] == b"OggS" and b"OpusHead" in preview.data[:64]
    assert render_preview(wav, "opus") == preview.data
    # 24 kbit/s: about 3 kB a second of speech, against 44 kB a second as WAV.
    assert len(preview.data) < len(wav) / 8


def test_wav_header_has_no_date(theme: Theme, scripts: dict) -> None:
    wav = preview_source(theme, scripts)
    chunks, position = [], 12
    while position + 8 <= len(wav):
        chunks.append(wav[position : position + 4])
        position += 8 + struct.unpack_from("<I", wav, position + 4)[0]
    assert wav[:4] == b"RIFF" and chunks[:2] == [b"fmt ", b"data"]
    assert b"LIST" not in chunks and b"ICRD" not in wav[:4096]


def test_spoken_form_has_no_digits_abbreviations_or_warnings(scripts: dict) -> None:
    for key, script in scripts.items():
        for part in script.parts:
            assert not re.search(r"\d", part.spoken), (key, part.spoken)
            assert not re.search(r"\b(BHXH|BHYT|TP\.|NĐ-CP)", part.spoken), (key, part.spoken)
            assert part.warnings == (), (key, part.warnings)
            *inner, last = part.spoken.split("\n")
            assert re.search(r"[.!?…][”\"»]?$", last), (key, last)
            for line in inner:
                assert re.search(r"[.!?…,;:][”\"»]?$", line), (key, line)


def test_figure_sentence(outputs: dict[str, Output], scripts: dict) -> None:
    written = [p.written for p in scripts[("dong-thap", "3-phut")].parts if p.kind == "figure"]
    # The newest dated figure comes first: the total of the progress reports (3.201 of 3.935).
    assert written[0] == (
        "Đến ngày 3/6/2021, số người tham gia mới ở TP. Sa Đéc, huyện Cao Lãnh "
        "là hơn 3.200 người. Con số này đạt hơn 81% tổng chỉ tiêu của các đơn vị."
    )
    txt = outputs["loudspeaker/dong-thap/3-phut.txt"].data.decode()
    assert (
        "Đến ngày ba tháng sáu năm hai ngàn không trăm hai mươi mốt, số người tham gia "
        "mới ở thành phố Sa Đéc, huyện Cao Lãnh là hơn ba ngàn hai trăm người. "
        "Con số này đạt hơn tám mươi mốt phần trăm"
    ) in txt


def test_hotline_said_twice_in_every_script(outputs: dict[str, Output]) -> None:
    for path, output in outputs.items():
        if path.endswith(".txt"):
            assert output.data.decode().count("một chín không không, chín không sáu tám") == 2


@pytest.mark.parametrize(
    ("region", "opening"),
    [
        ("le-chan-hai-phong", "Kính thưa bà con nhân dân!"),
        ("dak-lak", "Kính thưa toàn thể bà con!"),
        ("dong-thap", "Kính thưa bà con cô bác!"),
    ],
)
def test_opening_by_region(outputs: dict[str, Output], region: str, opening: str) -> None:
    assert pieces(outputs[f"loudspeaker/{region}/1-phut.txt"].data.decode())[0].startswith(opening)


def test_split_chunks_cuts_at_sentence_ends_and_loses_nothing() -> None:
    sentence = "Bà con đóng ba trăm ba mươi nghìn đồng mỗi tháng, được Nhà nước hỗ trợ. "
    text = (sentence * 30).strip() + "\n\n" + (sentence * 40).strip()
    chunks = split_chunks(text, 2000)
    assert "".join(chunks) == text
    assert len(chunks) > 1
    assert all(len(chunk) <= 2000 for chunk in chunks)
    assert all(re.search(r"[.!?…]\s*$", chunk) for chunk in chunks)


def test_split_chunks_cuts_an_overlong_sentence_at_a_comma() -> None:
    text = ", ".join(["một hai ba bốn năm"] * 200) + "."
    chunks = split_chunks(text, 500)
    assert "".join(chunks) == text
    assert all(len(chunk) <= 500 for chunk in chunks)
    assert all(chunk.endswith(", ") for chunk in chunks[:-1])


@pytest.mark.parametrize("campaign", CAMPAIGNS)
@pytest.mark.parametrize("length", LENGTHS)
def test_txt_pieces(outputs: dict[str, Output], scripts: dict, campaign: str, length: str) -> None:
    txt = outputs[f"loudspeaker/{campaign}/{length}.txt"].data.decode("utf-8")
    found = pieces(txt)
    assert found and all(len(piece) <= 2000 for piece in found)
    assert all(re.search(r"[.!?…][”\"»]?$", piece) for piece in found)
    assert not any("-----" in piece or piece.startswith("#") for piece in found)
    spoken = scripts[(campaign, length)].spoken_text
    assert " ".join(" ".join(found).split()) == " ".join(spoken.split())
    assert txt.splitlines()[-1] == "----- Hết -----"


def _unfold(data: bytes) -> list[str]:
    text = data.decode("utf-8")
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    physical = text.split("\r\n")[:-1]
    assert all(len(line.encode("utf-8")) <= 75 for line in physical)
    lines: list[str] = []
    for line in physical:
        if line.startswith(" "):
            lines[-1] += line[1:]
        else:
            lines.append(line)
    return lines


@pytest.mark.parametrize("campaign", CAMPAIGNS)
def test_calendar(
    project: Project, outputs: dict[str, Output], scripts: dict, campaign: str
) -> None:
    lines = _unfold(outputs[f"loudspeaker/{campaign}/schedule.ics"].data)
    stack: list[str] = []
    events: list[dict[str, str]] = []
    for line in lines:
        name, _sep, value = line.partition(":")
        if name == "BEGIN":
            stack.append(value)
            if value == "VEVENT":
                events.append({})
        elif name == "END":
            assert stack.pop() == value
        elif stack and stack[-1] == "VEVENT":
            events[-1][name] = value
    assert stack == [] and lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    assert "VERSION:2.0" in lines and "TZID:Asia/Ho_Chi_Minh" in lines
    assert "TZOFFSETTO:+0700" in lines
    settings = next(c for c in project.campaigns if c.id == campaign).loudspeaker
    assert len(events) == len(settings.times)
    seconds = scripts[(campaign, "3-phut")].seconds * settings.repeats
    for event, time in zip(events, sorted(settings.times), strict=True):
        start = event["DTSTART;TZID=Asia/Ho_Chi_Minh"]
        assert start.endswith(time.replace(":", "") + "00")
        assert re.fullmatch(
            r"FREQ=WEEKLY;WKST=MO;BYDAY=(MO|TU|WE|TH|FR|SA|SU)(,\w\w)*;"
            r"UNTIL=\d{8}T165959Z",
            event["RRULE"],
        )
        minutes, secs = re.fullmatch(r"PT(\d+)M(\d+)S", event["DURATION"]).groups()
        assert int(minutes) * 60 + int(secs) == -(-seconds // 1)
        assert re.fullmatch(r"\d{8}T000000Z", event["DTSTAMP"])
        assert event["UID"].startswith(campaign) and "3-phut.txt" in event["DESCRIPTION"]


def test_fold_never_splits_a_character() -> None:
    line = "SUMMARY:" + "Đồng Tháp: truyền thông nhóm nhỏ cuối tuần " * 5
    folded = fold(line)
    assert all(len(part.encode()) <= 75 for part in folded.split("\r\n"))
    assert folded.replace("\r\n ", "") == line


@pytest.mark.parametrize("campaign", CAMPAIGNS)
def test_sheet_html_is_self_contained(outputs: dict[str, Output], campaign: str) -> None:
    html = outputs[f"loudspeaker/{campaign}/3-phut.html"].data.decode("utf-8")
    assert not re.search(r"https?:|//|\bsrc=|\bhref=|url\(|@import|<script|<link", html)
    assert "@media print" in html and "size: A4" in html
    sizes = [float(size) for size in re.findall(r"font-size:\s*([\d.]+)pt", html)]
    assert min(sizes) >= 14 and sizes[0] >= 18  # body 18 pt; only the sources are smaller
    assert "Đọc là:" in html and "<h2>1. Lời chào" in html


def test_sheet_pdf_is_its_html_laid_out_for_print(
    outputs: dict[str, Output], tmp_path: Path
) -> None:
    pdf = outputs["loudspeaker/le-chan-hai-phong/3-phut.pdf"].data
    assert pdf.startswith(b"%PDF-")
    source = tmp_path / "sheet.pdf"
    source.write_bytes(pdf)
    info = subprocess.run(
        ["pdfinfo", str(source)], check=True, capture_output=True, text=True
    ).stdout
    assert "Page size:       595.276 x 841.89 pts (A4)" in info
    assert "Producer:        WeasyPrint" in info
    text = " ".join(
        subprocess.run(
            ["pdftotext", str(source), "-"], check=True, capture_output=True, text=True
        ).stdout.split()
    )
    assert text == unicodedata.normalize("NFC", text)
    html = outputs["loudspeaker/le-chan-hai-phong/3-phut.html"].data.decode("utf-8")
    title = re.search(r"<h1>(.*)</h1>", html)
    assert title is not None and " ".join(title.group(1).split()) in text
    assert "Kính thưa bà con nhân dân!" in text and "Nghị định 159/2025/ NĐ-CP" in text
    assert "Đọc là:" in text and "1/5" in text  # the page footer of the print rules
    fonts = subprocess.run(
        ["pdffonts", str(source)], check=True, capture_output=True, text=True
    ).stdout.splitlines()[2:]
    assert len(fonts) == 2 and all("Noto-Sans" in line for line in fonts)
    assert all("CID TrueType      Identity-H       yes yes yes" in line for line in fonts)


def test_render_is_deterministic(
    project: Project, theme: Theme, outputs: dict[str, Output]
) -> None:
    again = {o.path: o for o in render_loudspeaker(project, theme)}
    assert again.keys() == outputs.keys()
    assert all(again[path].data == outputs[path].data for path in outputs)


def test_without_consent_a_testimonial_is_never_broadcast(
    project: Project, theme: Theme, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(loudspeaker, "audio_available", lambda: False)
    truc = project.testimonials["le-thi-nhu-truc"]
    withheld = truc.model_copy(
        update={"consent": truc.consent.model_copy(update={"scope": ["web", "print", "social"]})}
    )
    changed = project.model_copy(
        update={"testimonials": {**project.testimonials, "le-thi-nhu-truc": withheld}}
    )
    outputs, notices = render_loudspeaker_with_notices(changed, theme)
    texts = [o.data.decode("utf-8") for o in outputs if o.format in ("txt", "html")]
    assert texts and not any("Lê Thị Như Trúc" in text for text in texts)
    assert any("Huỳnh Thị Thảo" in text for text in texts)
    assert not any(o.kind == "audio" for o in outputs)
    assert notices[0] == "Chưa cài espeak-ng: kịch bản loa không có bản nghe thử (.wav)."


def test_operator_page_links_are_raw_html(project: Project, theme: Theme) -> None:
    # The Vietnamese page is published at loudspeaker/dong-thap/, beside the files; the
    # English one at en/loudspeaker/dong-thap/.
    page = render_operator_pages(project, theme, "vi")["loudspeaker/dong-thap.md"]
    links = re.findall(r'<a href="([^"]+)"', page)
    assert "1-phut.txt" in links and "schedule.ics" in links
    assert re.findall(r"\]\(([^)]+)\)", page) == ["index.md"]
    english = render_operator_pages(project, theme, "en")["loudspeaker/dong-thap.md"]
    assert '<a href="../../../loudspeaker/dong-thap/1-phut.pdf">' in english


def test_the_operators_list_links_each_campaigns_page(project: Project, theme: Theme) -> None:
    index = render_operator_pages(project, theme, "vi")[OPERATOR_INDEX]
    assert re.findall(r"\]\(([^)]+)\)", index) == [
        f"{c.id}.md" for c in project.campaigns if "loudspeaker" in c.outputs
    ]
    assert "<a href" not in index  # no file is listed here: an edit of a script leaves it as it is


def test_an_operator_page_title_is_escaped_once(project: Project, theme: Theme) -> None:
    campaign = next(c for c in project.campaigns if c.id == "dong-thap")
    starred = campaign.model_copy(update={"title": "Lúa *mới* & <b>bảo hiểm</b>!"})
    renamed = project.model_copy(
        update={"campaigns": [starred if c is campaign else c for c in project.campaigns]}
    )
    page = render_operator_pages(renamed, theme, "vi")["loudspeaker/dong-thap.md"]
    front = page.split("---")[1]
    assert 'title: "Kịch bản loa: Lúa *mới* &amp; &lt;b&gt;bảo hiểm&lt;/b&gt;!"' in front
    assert "<b>" not in page


def test_a_broken_theme_file_is_reported(tmp_path: Path) -> None:
    folder = tmp_path / "broken"
    shutil.copytree(REPO / "themes" / "default" / "loudspeaker", folder / "loudspeaker")
    defaults = folder / "loudspeaker" / "defaults.yml"
    defaults.write_text(defaults.read_text().replace("rate: 200", "rate: 20"), encoding="utf-8")
    broken = ThemeFiles("broken", (folder, REPO / "themes" / "default"))
    theme, problems = validate_theme(broken)
    assert theme is None
    assert [(p.path, p.line, p.column, p.code) for p in problems] == [
        ("themes/broken/loudspeaker/defaults.yml", RATE_LINE, 7, "out-of-range")
    ]
    assert "«rate»" in problems[0].message


_QUOTE = re.compile(r"“[^”]*”")
_YOU = re.compile(r"(?<!\w)bạn(?!\w)(?!\s+(bè|đời|hàng|học)(?!\w))", re.IGNORECASE)


@pytest.fixture(scope="module")
def every_region(project: Project, theme: Theme) -> list[Script]:
    """Every script of every example campaign, as if broadcast in each region."""
    kit = load_kit(theme)
    made = []
    for campaign in project.campaigns:
        for region in REGIONS:
            moved = campaign.model_copy(update={"region": region})
            made += build_scripts(
                project, theme, moved, kit.settings, kit.formulas, kit.abbreviations
            )
    return made


def test_no_script_says_ban_to_listeners(every_region: list[Script]) -> None:
    for script in every_region:
        for part in script.parts:
            for text in (part.written, part.spoken):
                unquoted = _QUOTE.sub("", text)
                assert not _YOU.search(unquoted), (script.campaign.id, script.region, text)


def test_the_webs_ban_becomes_ba_con(scripts: dict) -> None:
    myths = [p.spoken for s in scripts.values() for p in s.parts if p.kind == "myth"]
    assert any("bà con có lương hưu hằng tháng suốt đời" in text for text in myths)


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("Bạn có lương hưu.", "Bà con có lương hưu."),
        ("Các bạn nhớ đóng, bạn nhé.", "Bà con nhớ đóng, bà con nhé."),
        ("Rủ bạn bè, bạn hàng cùng tham gia.", "Rủ bạn bè, bạn hàng cùng tham gia."),
        ("Chị kể: “Tôi rủ bạn tôi.” Bạn thì sao?", "Chị kể: “Tôi rủ bạn tôi.” Bà con thì sao?"),
    ],
)
def test_words_of_every_region(theme: Theme, text: str, said: str) -> None:
    words = theme.loudspeaker.settings.words
    assert apply_words(text, words, word_pattern(words)) == said


@pytest.mark.parametrize(
    ("region", "said"),
    [
        ("north", "Có thẻ khi ốm đau, khi bị ốm. “Ốm thì đi khám.”"),
        ("central", "Có thẻ khi ốm đau, khi bị ốm. “Ốm thì đi khám.”"),
        ("south", "Có thẻ khi đau bệnh, khi bị bệnh. “Ốm thì đi khám.”"),
    ],
)
def test_regional_words_apply_to_the_scripts_own_sentences(
    project: Project, theme: Theme, region: str, said: str
) -> None:
    kit = load_kit(theme)
    campaign = project.campaigns[0].model_copy(
        update={
            "region": region,
            "headline": None,
            "messages": ["Nghe này.", "Có thẻ khi ốm đau, khi bị ốm. “Ốm thì đi khám.”"],
        }
    )
    script = build_scripts(project, theme, campaign, kit.settings, kit.formulas, None)[0]
    assert [p.written for p in script.parts if p.kind == "message"] == [said]


def test_every_quoted_person_has_a_kinship_term(every_region: list[Script]) -> None:
    introduced = [
        p.written.split("lời chia sẻ của ", 1)[1]
        for s in every_region
        for p in s.parts
        if p.kind == "testimonial"
    ]
    assert introduced
    for text in introduced:
        assert text.split()[0] in KINSHIP, text
    assert any(text.startswith("chị Lê Thị Như Trúc,") for text in introduced)


@pytest.mark.parametrize(
    ("name", "role", "salutation", "said"),
    [
        ("Lê Thị Như Trúc", "agent", "chị", "chị Lê Thị Như Trúc"),
        ("Lê Thị Như Trúc", "agent", None, "chị Lê Thị Như Trúc"),
        ("Trần Thị Lan", "pensioner", None, "bà Trần Thị Lan"),
        ("Nguyễn Văn Nam", "participant", None, "anh Nguyễn Văn Nam"),
        ("Nguyễn Văn Nam", "pensioner", None, "ông Nguyễn Văn Nam"),
        ("Nguyễn Văn Nam", "pensioner", "chú", "chú Nguyễn Văn Nam"),
        ("H'Hen Niê", "participant", None, "H'Hen Niê"),
        ("Chị A", "participant", "chị", "Chị A"),
    ],
)
def test_spoken_name(
    project: Project, name: str, role: str, salutation: str | None, said: str
) -> None:
    person = project.testimonials["le-thi-nhu-truc"].model_copy(
        update={"name": name, "role": role, "salutation": salutation}
    )
    assert spoken_name(person) == said
    assert bool(salutation_notices([person])) == (said == name and not name.startswith("Chị"))


def test_a_missing_kinship_term_is_a_notice(
    project: Project, theme: Theme, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(loudspeaker, "audio_available", lambda: False)
    truc = project.testimonials["le-thi-nhu-truc"]
    unnamed = truc.model_copy(update={"name": "H'Hen Niê", "salutation": None})
    changed = project.model_copy(
        update={"testimonials": {**project.testimonials, "le-thi-nhu-truc": unnamed}}
    )
    dong_thap = next(c for c in changed.campaigns if c.id == "dong-thap")
    notices = loudspeaker.render_loudspeaker_campaign(changed, theme, dong_thap)[1]
    assert notices[0] == (
        "lời chia sẻ «le-thi-nhu-truc»: loa gọi H'Hen Niê mà không có từ xưng hô; "
        "hãy thêm «salutation:» (chị, anh, cô, chú, bà, ông hoặc em) vào tệp của lời chia sẻ"
    )


def _verse_lines(script: Script) -> list[tuple[str, list[str]]]:
    found = []
    for part in script.parts:
        if part.kind == "verse":
            title = part.spoken.split("\n")[0]
            found.append((title, part.spoken.split("\n")[1:]))
    return found


def test_verse_lines_pause_after_the_six_and_stop_after_the_eight(scripts: dict) -> None:
    checked = 0
    for script in scripts.values():
        for title, lines in _verse_lines(script):
            if "Hò Đồng Tháp" not in title and "Lương hưu cho tuổi già" not in title:
                continue
            for index, line in enumerate(lines):
                end = r"[.?!…]$" if index % 2 else r"[,?!]$"
                assert re.search(end, line), (title, line)
                checked += 1
    assert checked >= 20


def test_song_that_luc_bat_stops_only_after_the_eight(scripts: dict) -> None:
    lines = next(
        lines
        for script in scripts.values()
        for title, lines in _verse_lines(script)
        if "Mẹ khuyên con" in title
    )
    assert [line[-1] for line in lines] == [",", ",", ",", ".", ",", ",", ",", "."]


@pytest.mark.parametrize(
    ("form", "lines", "said"),
    [
        ("luc_bat", ["Ai ơi nhớ lúc về già", "Có lương hưu trí cả nhà yên vui"], [",", "."]),
        ("luc_bat", ["Một dòng sáu chữ đây.", "Dòng tám chữ tiếp theo đây nhé;"], [",", "."]),
        ("luc_bat", ["Tuổi cao ốm yếu ai chăm?", "Lương hưu tháng tháng, yên tâm."], ["?", "."]),
        ("luc_bat", ["Dòng một", "Dòng hai", "Dòng ba lẻ"], [",", ".", "."]),
        (
            "ve",
            ["Nghe vẻ nghe ve,", "Bà con chớ đắn đo:", "Ba trăm nghìn", "Mỗi tháng"],
            [",", ":", ",", "."],
        ),
        ("free", ["Một câu;", "Câu cuối,"], [";", "."]),
    ],
)
def test_recital_lines(project: Project, form: str, lines: list[str], said: list[str]) -> None:
    verse = next(iter(project.verses.values())).model_copy(
        update={"form": form, "lines": lines, "parts": []}
    )
    assert [line[-1] for line in recital_lines(verse)] == said


@pytest.mark.parametrize(
    ("value", "rounded"),
    [
        (280, 280),
        (1_740, 1_740),
        (2_921, 2_900),
        (5_656, 5_700),
        (10_494, 10_000),
        (18_679, 19_000),
        (39_783, 40_000),
        (73_710, 74_000),
        (105_300, 105_000),
        (330_000, 330_000),
        (1_263_600, 1_300_000),
        (1_850_000, 1_850_000),
    ],
)
def test_round_for_ear(value: int, rounded: int) -> None:
    assert round_for_ear(value) == rounded


@pytest.mark.parametrize(
    ("rounding", "value", "qualifier", "said"),
    [
        (True, 18_679, "", "gần 19.000"),
        (True, 2_921, "", "hơn 2.900"),
        (True, 18_000, "trên ", "trên 18.000"),
        (True, 18_679, "trên ", "khoảng 19.000"),
        (False, 18_679, "", "18.679"),
    ],
)
def test_count_for_the_ear(rounding: bool, value: int, qualifier: str, said: str) -> None:
    assert figure_sayers(rounding)["count"](value, qualifier) == said


def test_amounts_and_shares_for_the_ear() -> None:
    say = figure_sayers(True)
    assert say["about"](73_710) == "khoảng 74.000"
    assert say["about"](165_000) == "165.000"
    assert say["share"](Decimal("87.59")) == "gần 88%"
    assert figure_sayers(False)["share"](Decimal("87.59")) == "87,59%"


def test_health_amounts_are_rounded_one_a_sentence(scripts: dict) -> None:
    health = next(p.written for s in scripts.values() for p in s.parts if p.kind == "health")
    assert "Người thứ hai đóng khoảng 74.000 đồng." in health
    assert all(len(re.findall(r"\d[\d.]*", s)) <= 1 for s in health.split(". "))


@pytest.mark.parametrize(
    ("as_of", "start", "old"),
    [
        (dt.date(2021, 5, 31), dt.date(2021, 1, 1), False),
        (dt.date(2020, 1, 1), dt.date(2021, 1, 1), False),
        (dt.date(2019, 12, 31), dt.date(2021, 1, 1), True),
        (dt.date(2023, 2, 27), dt.date(2024, 2, 29), True),
    ],
)
def test_a_figure_is_old_a_year_before_the_campaign_starts(
    project: Project, as_of: dt.date, start: dt.date, old: bool
) -> None:
    figure = project.campaigns[0].figures[0].model_copy(update={"as_of": as_of})
    words = figure_words(figure, LocaleText("vi", "vi"), start)
    assert words.old is old


@pytest.mark.parametrize(
    ("label", "as_of", "subject"),
    [
        (
            "Người tham gia BHXH tự nguyện ở Đắk Lắk năm 2021 (số báo cáo: trên 18.000)",
            dt.date(2021, 12, 31),
            "số người tham gia BHXH tự nguyện ở Đắk Lắk",
        ),
        (
            "Người tham gia mới năm 2022 ở xã Cư Êbur",
            dt.date(2022, 6, 30),
            "số người tham gia mới ở xã Cư Êbur",
        ),
        (
            "Người tham gia năm 2021 so với kế hoạch năm 2022",
            dt.date(2022, 1, 10),
            "số người tham gia năm 2021",
        ),
        ("Hộ tham gia BHYT từ năm 20210", dt.date(2021, 3, 1), "số hộ tham gia BHYT từ năm 20210"),
    ],
)
def test_the_label_does_not_say_the_year_the_date_says(
    project: Project, label: str, as_of: dt.date, subject: str
) -> None:
    figure = (
        project.campaigns[0].figures[0].model_copy(update={"label": {"vi": label}, "as_of": as_of})
    )
    assert figure_words(figure, LocaleText("vi", "vi"), dt.date(2022, 1, 1)).subject == subject


def test_an_old_figure_is_said_with_its_year(project: Project, theme: Theme) -> None:
    kit = load_kit(theme)
    campaign = next(c for c in project.campaigns if c.id == "dong-thap")
    later = campaign.model_copy(
        update={"period": Period(start=dt.date(2023, 1, 1), end=dt.date(2023, 12, 31))}
    )
    script = build_scripts(project, theme, later, kit.settings, kit.formulas, None)[-1]
    figures = [p.written for p in script.parts if p.kind == "figure"]
    assert figures[0].startswith("Theo số liệu năm 2021, số người tham gia")
    assert figures[1].startswith("Cũng theo số liệu năm đó, ")


def test_residents_do_not_hear_the_office_title_first(scripts: dict) -> None:
    for (campaign, _length), script in scripts.items():
        headline = next(p for p in script.parts if p.kind == "headline")
        assert headline.written != f"{script.campaign.title['vi']}.", campaign
        assert script.parts[1] is headline
    dong_thap = scripts[("dong-thap", "1-phut")]
    assert "nhóm nhỏ" not in dong_thap.spoken_text


def test_without_messages_the_headline_is_said_first(project: Project, theme: Theme) -> None:
    kit = load_kit(theme)
    bare = project.campaigns[0].model_copy(update={"messages": []})
    script = build_scripts(project, theme, bare, kit.settings, kit.formulas, None)[0]
    # The residents' headline, else the office's title.
    assert script.parts[1].written == "Buôn bán ở chợ cũng có lương hưu."
    untitled = bare.model_copy(update={"headline": None})
    script = build_scripts(project, theme, untitled, kit.settings, kit.formulas, None)[0]
    assert script.parts[1].written == "Lê Chân: lương hưu cho người buôn bán ở chợ."


def test_names_of_the_law_keep_their_words(theme: Theme) -> None:
    words = {**theme.loudspeaker.settings.words, **theme.loudspeaker.formulas["south"].words}
    text = "Chế độ ốm đau khác với lúc ốm đau."
    said = apply_words(text, words, word_pattern(words))
    assert said == "Chế độ ốm đau khác với lúc đau bệnh."


def test_a_script_cannot_be_named_like_the_operator_page(tmp_path: Path) -> None:
    # loudspeaker/<campaign>/index.html is the campaign's operator page: a script «index»
    # would put its sheet there.
    folder = tmp_path / "broken"
    shutil.copytree(REPO / "themes" / "default" / "loudspeaker", folder / "loudspeaker")
    defaults = folder / "loudspeaker" / "defaults.yml"
    text = defaults.read_text("utf-8")
    defaults.write_text(text.replace("  - id: 3-phut", "  - id: index"), encoding="utf-8")
    line = text[: text.index("  - id: 3-phut")].count("\n") + 1
    theme, problems = validate_theme(ThemeFiles("broken", (folder, REPO / "themes" / "default")))
    assert theme is None
    assert [(p.path, p.line, p.column, p.code) for p in problems] == [
        ("themes/broken/loudspeaker/defaults.yml", line, 9, "reserved-name")
    ]
