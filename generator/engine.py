"""Run the site engine (MkDocs with Material) on a folder of plain generated files."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

from generator.errors import RenderError, ThemeError
from generator.i18n import translator
from generator.model import Project
from generator.render.web import LocaleText, locale_prefix, render_nav
from generator.theme import Theme

PROJECT_MKDOCS = "mkdocs.yml"
_SET_BY_ANSINH = {"site_name", "site_url", "site_description", "docs_dir", "site_dir", "nav"}


def load_base_config(project_root: Path) -> dict[str, Any]:
    """Read the project's mkdocs.yml, the settings every locale's site starts from."""
    path = project_root / PROJECT_MKDOCS
    if not path.is_file():
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"{PROJECT_MKDOCS}:{mark.line + 1}:{mark.column + 1}" if mark else PROJECT_MKDOCS
        raise ThemeError(f"{where}: {getattr(error, 'problem', error)}") from None
    if not isinstance(data, dict):
        raise ThemeError(f"{PROJECT_MKDOCS}:1:1: a mapping of settings is expected")
    return {key: value for key, value in data.items() if key not in _SET_BY_ANSINH}


def mkdocs_config(project: Project, theme: Theme, locale: str, base: dict[str, Any],
                  site_dir: Path) -> dict[str, Any]:
    """Return the mkdocs.yml of one locale's site."""
    text = LocaleText(locale, project.site.default_locale)
    _ = translator(locale)
    config: dict[str, Any] = dict(base)
    theme_config = dict(config.get("theme") or {})
    theme_config.update({"name": "material", "language": locale, "font": False})
    overrides = [str(folder / "overrides") for folder in theme.folders if (folder / "overrides").is_dir()]
    if overrides:
        theme_config["custom_dir"] = overrides[0]
    config.update({
        "site_name": text.plain(project.site.title),
        "site_description": text.plain(project.site.description),
        "site_url": project.site.base_url + locale_prefix(project, locale),
        "docs_dir": "docs",
        "site_dir": str(site_dir),
        "theme": theme_config,
        "nav": render_nav(project, locale),
        "extra_css": sorted(set(config.get("extra_css", [])) | {
            f"assets/{name}" for name in theme.files("assets") if name.endswith(".css")}),
        "not_in_nav": "/campaigns/*.md\n/testimonials/*.md\n/verses/*.md",
    })
    plugins = config.get("plugins") or ["search"]
    config["plugins"] = [{"search": {"lang": [locale if locale in ("vi", "en") else "en"]}}
                         if p == "search" else p for p in plugins]
    config.setdefault("extra", {})["ansinh"] = {"hotline": project.site.hotline,
                                               "listen": _("Listen")}
    return config


def run_mkdocs(build_dir: Path, config: dict[str, Any], epoch: int) -> None:
    """Write the config beside the docs folder and build it strictly; raise on any warning."""
    config_path = build_dir / "mkdocs.yml"
    config_path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=True), "utf-8")
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(epoch), "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config_path)],
        capture_output=True, text=True, env=env, check=False,
    )
    if result.returncode != 0:
        lines = (result.stderr + result.stdout).splitlines()
        problems = [line for line in lines if line.startswith(("WARNING", "ERROR"))]
        details = "\n".join(problems or lines[-20:])
        raise RenderError(f"the site engine stopped on {config_path.parent / 'docs'}:\n{details}")
