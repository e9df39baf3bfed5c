"""``ansinh new``: create a valid, commented file for staff to fill in."""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import unicodedata
from pathlib import Path

import yaml

from generator.commands.schema import write_schemas
from generator.errors import AnsinhError
from generator.i18n import _
from generator.load.theme import INSTALLED_THEMES, find_theme
from generator.render.views import templates

EXAMPLE_POLICY = INSTALLED_THEMES.parent / "content" / "policy.yml"


def slugify(name: str) -> str:
    """Turn a name into a file-safe id: «Cao Lãnh 2026» → cao-lanh-2026."""
    decomposed = unicodedata.normalize("NFD", name.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()
    words = "".join(ch if ch.isascii() and ch.isalnum() else " " for ch in plain).split()
    if not words:
        raise AnsinhError(
            _("«{name}» gives no usable name; use letters or digits").format(name=name)
        )
    return "-".join(words)


def quoted_text(text: str) -> str:
    """Return ``text`` for the inside of a YAML double-quoted string: «Chị "Lan"» → Chị \\"Lan\\".

    JSON's string escapes are YAML's, so quotes, backslashes and control characters stay
    text whatever the name typed on the command line holds.
    """
    return json.dumps(" ".join(text.split()), ensure_ascii=False)[1:-1]


def _template(root: Path, kind: str, name: str, slug: str) -> str:
    env = templates(find_theme(root, "default"), "scaffold")
    text: str = env.get_template(f"{kind}.yml.j2").render(name=quoted_text(name), slug=slug)
    return text


def _append_campaign(root: Path, block: str, slug: str) -> Path:
    path = root / "campaigns.yml"
    before = path.read_text(encoding="utf-8")
    try:
        data = yaml.safe_load(before) or {}
    except yaml.YAMLError:
        data = None
    if not isinstance(data, dict):
        raise AnsinhError(
            _(
                "campaigns.yml has a mistake, so nothing was added: run «ansinh check», correct "
                "it, then run «ansinh new campaign» again"
            )
        )
    if any(c.get("id") == slug for c in data.get("campaigns") or [] if isinstance(c, dict)):
        raise AnsinhError(
            _("a campaign «{slug}» already exists in campaigns.yml").format(slug=slug)
        )
    if "campaigns" not in data:
        block = "campaigns:\n" + block
    after = before.rstrip("\n") + "\n\n" + block
    new_data = yaml.safe_load(after)
    if not any(
        isinstance(c, dict) and c.get("id") == slug for c in new_data.get("campaigns") or []
    ):
        raise AnsinhError(
            _("cannot add to campaigns.yml safely: put «campaigns:» last in the file")
        )
    path.write_text(after, encoding="utf-8")
    return path


def create(root: Path, kind: str, name: str) -> Path:
    """Create the file for a new campaign, testimonial or verse; return its path."""
    slug = slugify(name)
    if kind == "campaign":
        block = _template(root, "campaign", name, slug)
        if not (root / "campaigns.yml").is_file():
            root.mkdir(parents=True, exist_ok=True)
            (root / "campaigns.yml").write_text(
                _template(root, "site", name, slug) + "\n" + block, encoding="utf-8"
            )
            write_schemas(root)
            if not (root / "content/policy.yml").is_file() and EXAMPLE_POLICY.is_file():
                (root / "content").mkdir(exist_ok=True)
                shutil.copyfile(EXAMPLE_POLICY, root / "content/policy.yml")
            return root / "campaigns.yml"
        return _append_campaign(root, block, slug)
    folder = root / "content" / ("testimonials" if kind == "testimonial" else "verses")
    target = folder / f"{slug}.yml"
    if target.exists():
        raise AnsinhError(_("{path} already exists").format(path=target))
    folder.mkdir(parents=True, exist_ok=True)
    target.write_text(_template(root, kind, name, slug), encoding="utf-8")
    return target


def run(args: argparse.Namespace) -> int:
    """Create the file, say where it is and what to do next."""
    appending = args.kind == "campaign" and (args.project / "campaigns.yml").is_file()
    created = create(args.project, args.kind, args.name)
    if appending:
        print(
            _("Added the campaign «{slug}» at the end of {path}").format(
                slug=slugify(args.name), path=created
            )
        )
    else:
        print(_("Created {path}").format(path=created))
    print(
        _(
            "Next: fill in the file, run «ansinh serve» to see it in the browser, "
            "and «ansinh check» to find mistakes."
        ),
        file=sys.stderr,
    )
    return 0
