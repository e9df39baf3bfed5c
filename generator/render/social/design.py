"""A theme's social design made ready to draw: colours parsed, fonts opened once per process.

Worker processes receive the theme anew with every piece of work; the design is kept
by the content of the theme's social data (and the state of its font files), so each
process builds it once, not once per campaign.
"""

from __future__ import annotations

import hashlib
import json
import pickle
import sys
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import PIL

from generator.model.cards import CardLayout, SocialStyle
from generator.model.theme import SocialDesign, Theme
from generator.render.social.cards import Palette
from generator.text.colour import parse_colour
from generator.text.typeset import FaceMaker

Slots = dict[str, str]

# The code that decides how a card looks: a change to it renames every card.
DRAWING_MODULES = (
    "generator.render.social.cards",
    "generator.render.social.plan",
    "generator.render.links",
    "generator.text.typeset",
)


@dataclass(frozen=True)
class Design:
    """A theme's social style and card layouts, with colours and fonts resolved.

    ``digests`` has, per layout name, a SHA-256 hex digest of everything a card of that
    layout is drawn with besides its texts: the layout, the colours, the font files, the
    drawing code and Pillow's version.
    """

    style: SocialStyle
    layouts: dict[str, CardLayout]
    palette: Palette
    digests: dict[str, str] = field(default_factory=dict)


_DESIGNS: dict[str, Design] = {}


def card_design(theme: Theme) -> Design:
    """Return the theme's validated card design with its palette (built once per process)."""
    key = hashlib.sha256(pickle.dumps(theme.social))
    for face in theme.social.faces.values():
        for path in (face.main, *face.scripts.values()):
            stat = path.stat()
            key.update(f"{path}:{stat.st_mtime_ns}:{stat.st_size}".encode())
    found = _DESIGNS.get(key.hexdigest())
    if found is None:
        found = _DESIGNS[key.hexdigest()] = _design(theme.social)
    return found


def _design(social: SocialDesign) -> Design:
    faces = {name: FaceMaker(face.main, dict(face.scripts)) for name, face in social.faces.items()}
    colours = {name: parse_colour(value) for name, value in social.style.colours.items()}
    common = hashlib.sha256()
    common.update(json.dumps(social.style.colours, sort_keys=True).encode())
    for name, face in sorted(social.faces.items()):
        common.update(name.encode())
        for path in (face.main, *(p for _script, p in sorted(face.scripts.items()))):
            stat = path.stat()
            common.update(_file_digest(path, stat.st_mtime_ns, stat.st_size).encode())
    common.update(_code_digest().encode())
    digests = {
        name: hashlib.sha256(
            (common.hexdigest() + name + layout.model_dump_json()).encode()
        ).hexdigest()
        for name, layout in social.layouts.items()
    }
    return Design(social.style, social.layouts, Palette(colours, faces), digests)


@cache
def _file_digest(path: Path, _mtime_ns: int, _size: int) -> str:
    """A font file's SHA-256, read again only when the file changed (``serve``)."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


@cache
def _code_digest() -> str:
    digest = hashlib.sha256(PIL.__version__.encode())
    for name in DRAWING_MODULES:
        module = sys.modules[name]
        digest.update(Path(str(module.__file__)).read_bytes())
    return digest.hexdigest()
