"""Run the site engine (MkDocs with Material) on a folder of plain generated files."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import material
import yaml
from babel import Locale
from babel.core import get_global

from generator.i18n import N_, translator
from generator.model import Project
from generator.model.theme import Theme
from generator.render.escape import html_text
from generator.render.social.render import og_image
from generator.render.views import LocaleText, locale_prefix
from generator.render.web.engine_hooks import HOOKS_FILE
from generator.render.web.pages import render_nav

STYLESHEET = "css/site.css"
MATERIAL_TEMPLATES = Path(material.__file__).parent / "templates"


@dataclass(frozen=True)
class PythonName:
    """A Python object named in mkdocs.yml, written as ``!!python/name:module.object``."""

    name: str


def _represent_python_name(dumper: yaml.SafeDumper, value: PythonName) -> yaml.ScalarNode:
    return dumper.represent_scalar(f"tag:yaml.org,2002:python/name:{value.name}", "")


yaml.SafeDumper.add_representer(PythonName, _represent_python_name)
# Python-Markdown's documented toc option: heading anchors fold đ and tone marks.
SLUGIFY = PythonName("generator.text.fold.slugify")
# Interface strings some of Material's own language files leave in English (its
# Vietnamese says "Initializing search"): marked here so that our catalogs carry them.
MATERIAL_GAPS = (
    N_("Initializing search"),
    N_("Authors"),
    N_("Metadata"),
    N_("RSS feed"),
    N_("RSS feed of updated content"),
    N_("Contributors"),
    N_("Tabs"),
)
_UI_STRING = re.compile(r'^\s*"([^"]+)":\s*"((?:[^"\\]|\\.)*)",?\s*$', re.MULTILINE)


def material_ui_strings(locale: str = "en") -> dict[str, str]:
    """Return Material's interface strings of a locale, by key, from its own language file.

    Returns {} for a locale Material does not ship.
    """
    path = MATERIAL_TEMPLATES / "partials" / "languages" / f"{locale}.html"
    if not path.is_file():
        return {}
    text = path.read_text("utf-8")
    return {key: json.loads(f'"{value}"') for key, value in _UI_STRING.findall(text)}


def search_settings(locale: str) -> dict[str, Any]:
    """Return the engine's search plugin settings for a locale: its language, and the
    separator and pipeline the plugin would otherwise look up in the theme's language
    files (Material's own, else English) by compiling them on every run."""
    english, shipped = material_ui_strings(), material_ui_strings(locale)

    def setting(name: str) -> str:
        key = f"search.config.{name}"
        return shipped.get(key) or english.get(key, "")

    return {
        "lang": [locale if locale in ("vi", "en") else "en"],
        "separator": setting("separator"),
        "pipeline": [step for step in re.split(r"\s*,\s*", setting("pipeline")) if step],
    }


def language_partial(locale: str, translate: Callable[[str], str]) -> str:
    """Return a Material language file for a locale, completed from our catalogs.

    Material's own translation of a string is kept; a string it leaves in English (its
    Vietnamese file says "Initializing search") or lacks is translated by our catalogs.
    The search engine's settings (``search.config.*``) are not text and stay as shipped.
    """
    english = material_ui_strings()
    shipped = material_ui_strings(locale)
    strings = {}
    for key, text in english.items():
        own = shipped.get(key)
        if key.startswith("search.config.") or (own is not None and own != text):
            strings[key] = own if own is not None else text
        else:
            strings[key] = translate(text)
    strings.update({"language": locale, "direction": shipped.get("direction", "ltr")})
    body = ",\n".join(
        f"  {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}"
        for k, v in sorted(strings.items())
    )
    return "{% macro t(key) %}{{ {\n" + body + "\n}[key] }}{% endmacro %}\n"


def stylesheet(theme: Theme) -> bytes:
    """Join the theme's style sheets into one file: one render-blocking request, not several."""
    parts = [
        f"/* {name} */\n".encode() + path.read_bytes()
        for name, path in theme.files("assets").items()
        if name.endswith(".css")
    ]
    return b"\n".join(parts)


def overrides_files(theme: Theme, locale: str) -> dict[str, bytes]:
    """Return the engine template overrides of the whole theme chain for one locale."""
    files = {name: path.read_bytes() for name, path in theme.files("overrides").items()}
    partial = f"partials/languages/{locale}.html"
    if locale != "en" and partial not in files:
        files[partial] = language_partial(locale, translator(locale, theme.locale_dirs)).encode()
    return files


def mkdocs_config(
    project: Project,
    theme: Theme,
    locale: str,
    base: dict[str, Any],
    site_dir: Path,
    overrides_dir: Path,
) -> dict[str, Any]:
    """Return the mkdocs.yml of one locale's site."""
    text = LocaleText(locale, project.site.default_locale)
    _ = translator(locale, theme.locale_dirs)
    config: dict[str, Any] = dict(base)
    theme_config = dict(config.get("theme") or {})
    theme_config.update({"name": "material", "language": locale, "font": False})
    theme_config["custom_dir"] = str(overrides_dir)
    config.update(
        {
            "site_name": str(html_text(text.plain(project.site.title))),
            "site_description": str(html_text(text.plain(project.site.description))),
            "site_url": project.site.base_url + locale_prefix(project, locale),
            "copyright": config.get("copyright")
            or str(html_text(text.plain(project.site.organisation))),
            "docs_dir": "docs",
            "site_dir": str(site_dir),
            "theme": theme_config,
            "nav": render_nav(project, theme, locale),
            "extra_css": [*config.get("extra_css", []), f"assets/{STYLESHEET}"],
            "extra_javascript": [
                {"path": f"assets/{name}", "defer": True}
                for name in theme.files("assets")
                if name.startswith("js/") and name.endswith(".js")
            ],
            "not_in_nav": "/campaigns/*.md\n/testimonials/*.md\n/verses/*.md\n/progress/*.md"
            "\n/loudspeaker/*.md",
            "hooks": [HOOKS_FILE],
        }
    )
    config["markdown_extensions"] = with_slugify(config.get("markdown_extensions") or [])
    plugins = config.get("plugins") or ["search"]
    config["plugins"] = [
        {"search": search_settings(locale)} if p == "search" else p for p in plugins
    ]
    config.setdefault("extra", {})["ansinh"] = {
        "hotline": project.site.hotline,
        "locale": locale,
        "root_url": project.site.base_url,
        "up": "../" if locale_prefix(project, locale) else "",
        "alternates": [
            {"lang": code, "prefix": locale_prefix(project, code), "name": language_name(code)}
            for code in project.site.locales
        ],
        "languages_label": _("Languages"),
        "og_locale": og_locale(locale),
        "site_image": og_image(project, theme, locale).engine_meta(),
    }
    return config


def with_slugify(extensions: list[Any]) -> list[Any]:
    """Return the Markdown extensions with An Sinh's anchors, unless the project names its own."""
    out: list[Any] = []
    for item in extensions:
        if item == "toc" or (isinstance(item, dict) and "toc" in item):
            options = dict(item["toc"] or {}) if isinstance(item, dict) else {}
            options.setdefault("slugify", SLUGIFY)
            item = {"toc": options}
        out.append(item)
    if not any(isinstance(item, dict) and "toc" in item for item in out):
        out.append({"toc": {"slugify": SLUGIFY}})
    return out


def og_locale(code: str) -> str:
    """Return the language_TERRITORY form Open Graph uses: vi → vi_VN, en → en_US."""
    likely = str(get_global("likely_subtags").get(code, code)).split("_")
    return f"{likely[0]}_{likely[-1]}" if len(likely) > 1 else code


def language_name(code: str) -> str:
    """Return a language's name in that language: Tiếng Việt, English, ខ្មែរ."""
    name = Locale.parse(code, sep="-").get_display_name(code) or code
    return name[:1].upper() + name[1:]
