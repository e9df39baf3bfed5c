"""The social-card design of a theme: style (fonts, colours) and card layouts, checked.

``themes/<name>/social/style.yml`` names font files and colours;
``social/layouts/*.yml`` are the card layouts (``generator.render.social.cards``). Both
are validated with the project's located loader, so a theme mistake is reported
as ``file:line:column`` like any content mistake.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from generator.errors import Diagnostic, ThemeError
from generator.i18n import _
from generator.render.social.cards import (
    CardLayout,
    Palette,
    QrLayer,
    Shape,
    StackBar,
    StackLayer,
    TextLayer,
    parse_colour,
)
from generator.text.typeset import FaceMaker
from generator.load.theme import Theme
from generator.validate.document import validate_document
from generator.load.document import Document, Loc, load_yaml

STYLE_FILE = "social/style.yml"
LAYOUT_DIR = "social/layouts"
CARD_KINDS = ("site", "verse", "testimonial")
SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"
Slots = dict[str, str]


def _check_hex(value: str) -> str:
    if not re.fullmatch(r"#[0-9a-fA-F]{6}", value):
        raise ValueError("a colour is written #rrggbb, e.g. #0a3d62")
    return value.lower()


class StyleData(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class FontFiles(StyleData):
    """The files of one font family, relative to the theme folder."""

    regular: str
    bold: str


class SocialStyle(StyleData):
    """``social/style.yml``: font families, fonts per script, named colours, campaign platforms."""

    fonts: dict[str, FontFiles] = Field(min_length=1)
    scripts: dict[Literal["khmer"], FontFiles] = Field(default_factory=dict)
    colours: dict[str, Annotated[str, AfterValidator(_check_hex)]] = Field(min_length=1)
    platforms: list[Annotated[str, Field(pattern=SLUG)]] = Field(min_length=1)


@dataclass(frozen=True)
class Design:
    """A theme's social style and card layouts, with colours and fonts resolved."""

    style: SocialStyle
    layouts: dict[str, CardLayout]
    palette: Palette


def load_design(theme: Theme) -> Design:
    """Read and check the theme's social style and card layouts; report every problem at once."""
    problems: list[Diagnostic] = []
    style, style_doc = _load_data(theme, STYLE_FILE, SocialStyle, problems)
    layouts = _load_layouts(theme, problems)
    if style is not None and style_doc is not None:
        problems += _check_names(theme, style, style_doc, layouts)
    if problems or style is None:
        raise ThemeError("\n".join(problem.format() for problem in problems))
    faces: dict[str, FaceMaker] = {}
    for family, files in style.fonts.items():
        for weight in ("regular", "bold"):
            scripts = {
                name: _theme_file(theme, getattr(script_files, weight))
                for name, script_files in style.scripts.items()
            }
            main = _theme_file(theme, getattr(files, weight))
            faces[f"{family}-{weight}"] = FaceMaker(main, scripts)
    colours = {name: parse_colour(value) for name, value in style.colours.items()}
    return Design(
        style, {name: layout for name, (layout, _doc) in layouts.items()}, Palette(colours, faces)
    )


def _display(theme: Theme, relative: str) -> str:
    found = theme.find(relative)
    folder = next((f for f in theme.folders if found and found.is_relative_to(f)), theme.folders[0])
    return f"themes/{folder.name}/{relative}"


def _load_data(
    theme: Theme, relative: str, model: Any, problems: list[Diagnostic]
) -> tuple[Any, Document | None]:
    found = theme.find(relative)
    if found is None:
        problems.append(
            Diagnostic(
                _display(theme, relative),
                1,
                1,
                "error",
                "missing-file",
                _("the theme has no {path}").format(path=relative),
            )
        )
        return None, None
    doc, read_problems = load_yaml(found, _display(theme, relative))
    problems += read_problems
    if doc is None:
        return None, None
    item, invalid = validate_document(doc, model, doc.data)
    problems += invalid
    return item, doc


def _load_layouts(
    theme: Theme, problems: list[Diagnostic]
) -> dict[str, tuple[CardLayout, Document]]:
    """Load every layout; one with ``extends: NAME`` starts from that layout's keys."""
    docs: dict[str, Document] = {}
    for relative, path in theme.files(LAYOUT_DIR).items():
        if relative.endswith(".yml"):
            doc, read_problems = load_yaml(path, _display(theme, f"{LAYOUT_DIR}/{relative}"))
            problems += read_problems
            if doc is not None:
                docs[relative.removesuffix(".yml")] = doc
    layouts: dict[str, tuple[CardLayout, Document]] = {}
    for name, doc in docs.items():
        data = doc.data if isinstance(doc.data, dict) else {}
        base = docs.get(str(data.get("extends")))
        base_data = base.data if base is not None and isinstance(base.data, dict) else None
        if "extends" in data and (base_data is None or "extends" in base_data):
            problems.append(
                doc.diagnostic(
                    ("extends",),
                    "unknown-layout",
                    _(
                        "«extends: {name}» must name another layout of this folder, "
                        "one without «extends»"
                    ).format(name=data["extends"]),
                )
            )
            continue
        own = {key: value for key, value in data.items() if key != "extends"}
        layout, invalid = validate_document(
            doc, CardLayout, {**base_data, **own} if base_data else doc.data
        )
        problems += invalid
        if layout is not None:
            layouts[name] = (layout, doc)
    return layouts


def _check_names(
    theme: Theme,
    style: SocialStyle,
    style_doc: Document,
    layouts: dict[str, tuple[CardLayout, Document]],
) -> list[Diagnostic]:
    """Check that every card has a layout and every colour, font and file named is defined."""
    problems: list[Diagnostic] = []
    for name in (*style.platforms, *CARD_KINDS):
        if name not in layouts:
            problems.append(
                style_doc.diagnostic(
                    (),
                    "missing-layout",
                    _("the theme has no card layout {path}").format(
                        path=f"{LAYOUT_DIR}/{name}.yml"
                    ),
                )
            )
    for loc, files in [(("fonts", k), v) for k, v in style.fonts.items()] + [
        (("scripts", k), v) for k, v in style.scripts.items()
    ]:
        for weight in ("regular", "bold"):
            file = getattr(files, weight)
            if theme.find(file) is None:
                problems.append(
                    style_doc.diagnostic(
                        loc + (weight,),
                        "missing-file",
                        _("font file «{path}» not found in the theme").format(path=file),
                    )
                )
    fonts = {f"{family}-{weight}" for family in style.fonts for weight in ("regular", "bold")}
    for layout, doc in layouts.values():
        for ref_loc, kind, value in _references(layout):
            if isinstance(doc.data, dict) and ref_loc[0] not in doc.data:
                continue  # inherited through «extends»: reported in its own file
            known = style.colours if kind == "colour" else fonts
            message = (
                _("unknown colour «{name}»; choose one of: {choices}")
                if kind == "colour"
                else _("unknown font «{name}»; choose one of: {choices}")
            )
            if value not in known:
                problems.append(
                    doc.diagnostic(
                        ref_loc,
                        f"unknown-{kind}",
                        message.format(name=value, choices=", ".join(sorted(known))),
                    )
                )
    return problems


def _references(layout: CardLayout) -> Iterator[tuple[Loc, str, str]]:
    yield ("background",), "colour", layout.background
    for index, layer in enumerate(layout.layers):
        at: Loc = ("layers", index)
        if isinstance(layer, Shape):
            yield at + ("fill",), "colour", layer.fill
        elif isinstance(layer, QrLayer):
            yield at + ("dark",), "colour", layer.dark
            yield at + ("light",), "colour", layer.light
        elif isinstance(layer, TextLayer):
            yield at + ("colour",), "colour", layer.colour
            yield at + ("font",), "font", layer.font
        elif isinstance(layer, StackLayer):
            for number, item in enumerate(layer.items):
                yield at + ("items", number, "colour"), "colour", item.colour
                if not isinstance(item, StackBar):
                    yield at + ("items", number, "font"), "font", item.font


def _theme_file(theme: Theme, relative: str) -> Path:
    found = theme.find(relative)
    if found is None:  # already reported by _check_names
        raise ThemeError(_("font file «{path}» not found in the theme").format(path=relative))
    return found
