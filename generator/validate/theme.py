"""Read and check a theme's data files once, when the theme is loaded, with located errors.

The social style and card layouts (``social/``), the loudspeaker settings and
formulas (``loudspeaker/``), the print layout (``print/layout.yml``) and the speech
abbreviations (``speech/``) are
validated like content files: every problem is a ``path:line:column`` diagnostic,
all reported together. Renderers receive the validated ``Theme`` and read no YAML.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from generator.errors import AnsinhError, Diagnostic, ThemeError
from generator.i18n import _, current_language
from generator.load.document import Document, Loc, load_yaml
from generator.load.theme import find_theme
from generator.model.cards import (
    CARD_KINDS,
    CardLayout,
    QrLayer,
    Shape,
    SocialStyle,
    StackBar,
    StackLayer,
    TextLayer,
)
from generator.model.loudspeaker import Formulas, Settings
from generator.model.printing import PrintLayout
from generator.model.region import REGIONS, Region
from generator.model.theme import (
    FontFace,
    LoudspeakerDesign,
    PrintDesign,
    PrintFace,
    SocialDesign,
    Theme,
    ThemeFiles,
)
from generator.speech import DEFAULT_ABBREVIATIONS, default_abbreviations, load_abbreviations
from generator.validate.document import validate_document

STYLE_FILE = "social/style.yml"
LAYOUT_DIR = "social/layouts"
SETTINGS_FILE = "loudspeaker/defaults.yml"
FORMULAS_FILE = "loudspeaker/regions.yml"
ABBREVIATIONS_FILE = "speech/abbreviations.yml"
PRINT_FILE = "print/layout.yml"
WEIGHTS = ("regular", "bold")
CSS_WEIGHTS = {"regular": 400, "bold": 700}


def load_theme(project_root: Path, name: str) -> Theme:
    """Find theme ``name`` and validate its data; raise ThemeError listing every problem."""
    theme, problems = validate_theme(find_theme(project_root, name))
    errors = [problem for problem in problems if problem.severity == "error"]
    if theme is None or errors:
        raise ThemeError("\n".join(problem.format() for problem in errors))
    return theme


def validate_theme(files: ThemeFiles) -> tuple[Theme | None, list[Diagnostic]]:
    """Validate every data file of a theme; return the theme (None on errors) and the problems.

    A build asks for the same theme several times (checking the project, loading its
    themes): while the theme's files are the same (``theme_fingerprint``) and messages
    are in the same language, the answer of the last reading is given again.
    """
    # By its folders: each finding of a theme makes a new ThemeFiles, equal to none.
    key = (files.name, files.folders, current_language(), theme_fingerprint(files))
    known = _VALIDATED.get(key)
    if known is None:
        known = _validate_theme(files)
        if len(_VALIDATED) >= _VALIDATED_KEPT:
            _VALIDATED.clear()
        _VALIDATED[key] = known
    return known[0], list(known[1])


# Themes validated in this process, by ``validate_theme``'s key; a few at most.
_Key = tuple[str, tuple[Path, ...], str, tuple[tuple[str, ...], ...]]
_VALIDATED: dict[_Key, tuple[Theme | None, list[Diagnostic]]] = {}
_VALIDATED_KEPT = 8


def theme_fingerprint(files: ThemeFiles) -> tuple[tuple[str, ...], ...]:
    """Return what a theme's validation depends on: for every file of its folders, its
    path and, for a YAML file, the SHA-1 of its bytes (a YAML file rewritten within the
    file system's clock tick is still seen); other files (fonts) count by their name."""
    found: list[tuple[str, ...]] = []
    for folder in files.folders:
        # Into linked folders too, as finding a theme's files does.
        for parent, _dirs, names in sorted(os.walk(folder, followlinks=True)):
            for name in sorted(names):
                path = os.path.join(parent, name)
                if name.endswith((".yml", ".yaml")):
                    try:
                        with open(path, "rb") as handle:
                            digest = hashlib.sha1(handle.read(), usedforsecurity=False)
                    except OSError:
                        continue
                    found.append((path, digest.hexdigest()))
                else:
                    found.append((path,))
    return tuple(found)


def _validate_theme(files: ThemeFiles) -> tuple[Theme | None, list[Diagnostic]]:
    problems: list[Diagnostic] = []
    social = _social_design(files, problems)
    loudspeaker = _loudspeaker_design(files, problems)
    printing = _print_design(files, problems)
    if social is None or loudspeaker is None or printing is None or problems:
        return None, problems
    return Theme(files.name, files.folders, social, loudspeaker, printing), problems


def _social_design(theme: ThemeFiles, problems: list[Diagnostic]) -> SocialDesign | None:
    style, style_doc = _load_data(theme, STYLE_FILE, SocialStyle, problems)
    layouts = _load_layouts(theme, problems)
    if style is None or style_doc is None:
        return None
    named = _check_names(theme, style, style_doc, layouts)
    problems += named
    if named:
        return None
    faces: dict[str, FontFace] = {}
    for family, files in style.fonts.items():
        for weight in WEIGHTS:
            scripts = {
                script: _found(theme, getattr(script_files, weight))
                for script, script_files in style.scripts.items()
            }
            faces[f"{family}-{weight}"] = FontFace(_found(theme, getattr(files, weight)), scripts)
    return SocialDesign(style, {name: layout for name, (layout, _doc) in layouts.items()}, faces)


def _found(theme: ThemeFiles, relative: str) -> Path:
    found = theme.find(relative)
    assert found is not None, relative  # _check_names reported every missing file
    return found


def _loudspeaker_design(theme: ThemeFiles, problems: list[Diagnostic]) -> LoudspeakerDesign | None:
    settings, _doc = _load_data(theme, SETTINGS_FILE, Settings, problems)
    formulas = _load_formulas(theme, problems)
    abbreviations = _load_abbreviations(theme, problems)
    if settings is None or formulas is None:
        return None
    return LoudspeakerDesign(settings, formulas, abbreviations)


def _print_design(theme: ThemeFiles, problems: list[Diagnostic]) -> PrintDesign | None:
    layout, doc = _load_data(theme, PRINT_FILE, PrintLayout, problems)
    if layout is None or doc is None:
        return None
    faces: list[PrintFace] = []
    for family, files in layout.fonts.items():
        for weight in WEIGHTS:
            relative = getattr(files, weight)
            found = theme.find(relative)
            if found is None:
                problems.append(
                    doc.diagnostic(
                        ("fonts", family, weight),
                        "missing-file",
                        _("font file «{path}» not found in the theme").format(path=relative),
                    )
                )
            else:
                faces.append(PrintFace(family, CSS_WEIGHTS[weight], found))
    return PrintDesign(layout, tuple(faces))


def _load_formulas(theme: ThemeFiles, problems: list[Diagnostic]) -> dict[Region, Formulas] | None:
    found = _read(theme, FORMULAS_FILE, problems)
    if found is None:
        return None
    if not isinstance(found.data, dict):
        problems.append(
            found.diagnostic((), "wrong-type", _("the file must be a mapping of regions"))
        )
        return None
    formulas: dict[Region, Formulas] = {}
    for region in REGIONS:
        if region not in found.data:
            problems.append(
                found.diagnostic(
                    (), "missing", _("missing required key «{key}»").format(key=region), key=True
                )
            )
            continue
        item, invalid = validate_document(found, Formulas, found.data[region], (region,))
        problems += invalid
        if item is not None:
            formulas[region] = item
    return formulas if len(formulas) == len(REGIONS) else None


def _load_abbreviations(theme: ThemeFiles, problems: list[Diagnostic]) -> dict[str, str] | None:
    table = theme.find(ABBREVIATIONS_FILE)
    if table is None or table.resolve() == DEFAULT_ABBREVIATIONS.resolve():
        return None
    try:
        # A theme's table adds readings to An Sinh's own, or changes some of them.
        return {**default_abbreviations(), **load_abbreviations(table)}
    except AnsinhError as error:
        problems.append(
            Diagnostic(_display(theme, ABBREVIATIONS_FILE), 1, 1, "error", "invalid", str(error))
        )
        return None


def _read(theme: ThemeFiles, relative: str, problems: list[Diagnostic]) -> Document | None:
    found = theme.find(relative)
    if found is None:
        problems.append(_missing(theme, relative))
        return None
    doc, read_problems = load_yaml(found, _display(theme, relative))
    problems += read_problems
    return doc


def _missing(theme: ThemeFiles, relative: str) -> Diagnostic:
    return Diagnostic(
        _display(theme, relative),
        1,
        1,
        "error",
        "missing-file",
        _("the theme has no {path}").format(path=relative),
    )


def _display(theme: ThemeFiles, relative: str) -> str:
    found = theme.find(relative)
    folder = next((f for f in theme.folders if found and found.is_relative_to(f)), theme.folders[0])
    return f"themes/{folder.name}/{relative}"


def _load_data(
    theme: ThemeFiles, relative: str, model: Any, problems: list[Diagnostic]
) -> tuple[Any, Document | None]:
    doc = _read(theme, relative, problems)
    if doc is None:
        return None, None
    item, invalid = validate_document(doc, model, doc.data)
    problems += invalid
    return item, doc


def _load_layouts(
    theme: ThemeFiles, problems: list[Diagnostic]
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
    theme: ThemeFiles,
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
