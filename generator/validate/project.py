"""Validate a project's files into the model, resolve cross-references, collect every problem.

``read_project`` reports everything ``build`` would refuse: the content, the theme's
data files and the project's ``mkdocs.yml`` too, each problem at its place.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from generator.errors import ContentError, Diagnostic
from generator.i18n import _
from generator.load.document import Document, Loc
from generator.load.mkdocs import read_base_config
from generator.load.project import (
    CAMPAIGNS_FILE,
    CONTACTS_FILE,
    GROUPS_DIR,
    POLICY_FILE,
    TESTIMONIALS_DIR,
    VERSES_DIR,
    ProjectFiles,
    load_files,
)
from generator.load.theme import locate_theme
from generator.model import Campaign, LocalizedText, Policy, Project, Testimonial, Verse
from generator.model.consent import public_testimonials
from generator.model.contacts import public_points
from generator.model.printing import (
    TextBlock,
    character_name,
    font_coverage,
    leaflet_texts,
    missing_glyphs,
    poster_texts,
)
from generator.model.theme import Theme
from generator.validate.campaigns import validate_campaigns_file
from generator.validate.cards import TitleFits, check_cards
from generator.validate.checks import check_project
from generator.validate.contacts import validate_contacts
from generator.validate.document import validate_document
from generator.validate.groups import validate_groups
from generator.validate.loaded import Loaded, sort_diagnostics
from generator.validate.pages import validate_pages
from generator.validate.progress import validate_progress
from generator.validate.progress_figure import with_progress_figure
from generator.validate.speech import check_spoken_texts
from generator.validate.theme import validate_theme


def _validate_named(
    loaded: Loaded, files: ProjectFiles, folder: str, model: type[Testimonial] | type[Verse]
) -> dict[str, Any]:
    """Validate every ``folder/*.yml`` into ``model``, the file name giving the id."""
    found: dict[str, Any] = {}
    for name, doc in files.named(folder).items():
        if not isinstance(doc.data, dict):
            loaded.diagnostics.append(
                doc.diagnostic(
                    (), "wrong-type", _("the file must be a mapping of 'key: value' lines")
                )
            )
            continue
        if "id" in doc.data:
            loaded.diagnostics.append(
                doc.diagnostic(
                    ("id",),
                    "unknown-key",
                    _("remove «id»: the file name «{name}» is the id").format(name=name),
                    key=True,
                )
            )
            continue
        item, problems = validate_document(doc, model, {"id": name, **doc.data})
        loaded.diagnostics.extend(problems)
        if item is not None:
            found[name] = item
    return found


def validate_files(files: ProjectFiles) -> Loaded:
    """Validate every file read into the model, then run the checks across files."""
    loaded = Loaded(root=files.root, documents=files.documents)
    loaded.diagnostics.extend(files.diagnostics)
    doc = files.documents.get(CAMPAIGNS_FILE)
    if doc is not None:
        loaded.campaigns = validate_campaigns_file(doc)
        loaded.diagnostics.extend(loaded.campaigns.diagnostics)
    loaded.testimonials = _validate_named(loaded, files, TESTIMONIALS_DIR, Testimonial)
    loaded.verses = _validate_named(loaded, files, VERSES_DIR, Verse)
    policy_doc = files.documents.get(POLICY_FILE)
    if policy_doc is not None:
        loaded.policy, problems = validate_document(policy_doc, Policy, policy_doc.data)
        loaded.diagnostics.extend(problems)
    loaded.pages, problems = validate_pages(files.pages, loaded.site)
    loaded.diagnostics.extend(problems)
    periods = {part.id: part.period for part in loaded.campaigns.parts if part.id}
    loaded.progress, problems = validate_progress(files.progress, periods, dt.date.today())
    loaded.progress_tables = files.progress
    loaded.diagnostics.extend(problems)
    loaded.groups, problems = validate_groups(files.named(GROUPS_DIR), periods, loaded.progress)
    loaded.diagnostics.extend(problems)
    contacts_doc = files.documents.get(CONTACTS_FILE)
    if contacts_doc is not None:
        loaded.contacts, problems = validate_contacts(contacts_doc, loaded.site)
        loaded.diagnostics.extend(problems)
    check_project(loaded)
    return loaded


def _theme_name(loaded: Loaded) -> str:
    if loaded.site is not None:
        return loaded.site.theme
    doc = loaded.documents.get(CAMPAIGNS_FILE)
    site = doc.data.get("site") if doc is not None and isinstance(doc.data, dict) else None
    written = site.get("theme") if isinstance(site, dict) else None
    return written if isinstance(written, str) and written.isascii() else "default"


def check_site_files(loaded: Loaded, fits: TitleFits | None = None) -> list[Diagnostic]:
    """Return the problems of the theme named in campaigns.yml and of the project's mkdocs.yml.

    ``fits``: the card titles' fits worked out by earlier checks (``TitleFits``).
    """
    _config, problems = read_base_config(loaded.root)
    name = _theme_name(loaded)
    theme_files, message, theme_problems = locate_theme(loaded.root, name)
    problems += theme_problems
    doc = loaded.documents.get(CAMPAIGNS_FILE)
    if message is not None and doc is not None:
        problems.append(doc.diagnostic(("site", "theme"), "missing-theme", message))
    theme = None
    if theme_files is not None:
        theme, theme_problems = validate_theme(theme_files)
        problems += theme_problems
        if theme is not None and doc is not None:
            problems += check_poster_texts(loaded, doc, theme)
        if theme is not None:
            problems += check_cards(loaded, theme, fits)
    if doc is not None:
        problems += check_campaign_themes(loaded, doc)
    # What the loudspeaker cannot read, with the abbreviation table the build will use.
    problems += check_spoken_texts(loaded, theme.loudspeaker.abbreviations if theme else None)
    return problems


def check_campaign_themes(loaded: Loaded, doc: Document) -> list[Diagnostic]:
    """Return the problems of the themes campaigns name for their print and cards."""
    problems: list[Diagnostic] = []
    named: dict[str, list[int]] = {}
    for index, campaign in sorted(loaded.campaigns.campaigns.items()):
        if campaign.theme is not None:
            named.setdefault(campaign.theme, []).append(index)
    named.pop(_theme_name(loaded), None)  # checked as the site's theme
    for name, indexes in sorted(named.items()):
        files, message, found = locate_theme(loaded.root, name)
        problems += found
        if message is not None:
            problems += [
                doc.diagnostic(("campaigns", i, "theme"), "missing-theme", message) for i in indexes
            ]
        elif files is not None:
            problems += validate_theme(files)[1]
    return problems


def check_poster_texts(loaded: Loaded, doc: Document, theme: Theme) -> list[Diagnostic]:
    """Say, at the text, what is too long for its block of the campaign's poster or leaflet,
    and which characters no print font can draw."""
    found = []
    layout = theme.print.layout
    coverage = font_coverage(tuple(face.path for face in theme.print.faces))
    for index, campaign in sorted(loaded.campaigns.campaigns.items()):
        if "print" not in campaign.outputs:
            continue
        placed: list[tuple[str, str, tuple[str | int, ...], LocalizedText, dict[str, TextBlock]]]
        placed = [
            ("poster", b, w, v, layout.poster.text_blocks) for b, w, v in poster_texts(campaign)
        ]
        placed += [
            ("leaflet", b, w, v, layout.leaflet.text_blocks) for b, w, v in leaflet_texts(campaign)
        ]
        figure = _printed_figure_label(loaded, campaign)
        if figure is not None:
            placed += [
                ("poster", "figure_label", *figure, layout.poster.text_blocks),
                ("leaflet", "figure_label", *figure, layout.leaflet.text_blocks),
            ]
        for sheet, block, where, value, blocks in placed:
            text = value if isinstance(value, str) else value.get("vi") or ""
            loc: Loc = ("campaigns", index, *where)
            if isinstance(value, dict):
                loc += ("vi",)
            most = blocks[block].max_chars
            if len(text) > most:
                message = (
                    _(
                        "{length} characters do not fit the poster's {block} block, which "
                        "holds {most}; cut {cut}"
                    )
                    if sheet == "poster"
                    else _(
                        "{length} characters do not fit the leaflet's {block} block, which "
                        "holds {most}; cut {cut}"
                    )
                ).format(length=len(text), block=block, most=most, cut=len(text) - most)
                found.append(doc.diagnostic(loc, "too-long-for-print", message))
            if sheet == "poster":
                found += [
                    doc.diagnostic(
                        loc,
                        "no-glyph",
                        _(
                            "no print font has the character {character}; write it another way"
                        ).format(character=character_name(char)),
                    )
                    for char in missing_glyphs(text, coverage)
                ]
    return found + _printed_quote_problems(loaded, theme)


def _printed_figure_label(
    loaded: Loaded, campaign: Campaign
) -> tuple[tuple[str | int, ...], LocalizedText] | None:
    """Return where the label of the figure print shows is written, and that label.

    Print shows the first figure measured against a plan, else the first; a progress
    report's total comes first, labelled with the campaign's place (its locality, else its
    province), which is where a label too long is written.
    """
    site = loaded.site
    if site is None:
        return None
    progress = loaded.progress.get(campaign.id)
    shown = with_progress_figure(campaign, progress, site.locales, site.default_locale)
    planned = [f for f in shown.figures if f.target or f.percent_of_target is not None]
    if not shown.figures:
        return None
    figure = (planned or shown.figures)[0]
    if figure not in campaign.figures:  # the progress total, labelled in every locale
        written = figure.label
        label = written if isinstance(written, str) else written.get(site.default_locale, "")
        return ("locality" if campaign.locality else "province",), label
    return ("figures", campaign.figures.index(figure), "label"), figure.label


def _printed_quote_problems(loaded: Loaded, theme: Theme) -> list[Diagnostic]:
    """Say, in the testimonial's file, which quote a leaflet prints is too long for it."""
    most = theme.print.layout.leaflet.text_blocks["quote"].max_chars
    locale = loaded.site.default_locale if loaded.site else "vi"
    found: dict[str, Diagnostic] = {}
    for _index, campaign in sorted(loaded.campaigns.campaigns.items()):
        if "print" not in campaign.outputs:
            continue
        printed = next(
            (
                name
                for name in campaign.testimonials
                if (item := loaded.testimonials.get(name)) is not None
                and item.consent.given
                and "print" in item.consent.scope
            ),
            None,
        )
        doc = loaded.documents.get(f"{TESTIMONIALS_DIR}/{printed}.yml")
        if printed is None or doc is None or printed in found:
            continue
        quote = loaded.testimonials[printed].quote
        text = " ".join((quote if isinstance(quote, str) else quote.get(locale, "")).split())
        if len(text) > most:
            loc: Loc = ("quote",) if isinstance(quote, str) else ("quote", locale)
            message = _(
                "{length} characters do not fit the leaflet's {block} block, which holds "
                "{most}; cut {cut}"
            ).format(length=len(text), block="quote", most=most, cut=len(text) - most)
            found[printed] = doc.diagnostic(loc, "too-long-for-print", message)
    return list(found.values())


def read_project(root: Path, fits: TitleFits | None = None) -> Loaded:
    """Read and validate every file of the project at ``root``, collecting all problems;
    ``fits`` as for ``check_site_files``."""
    loaded = validate_files(load_files(root))
    loaded.diagnostics.extend(check_site_files(loaded, fits))
    return loaded


def load_project(root: Path, fits: TitleFits | None = None) -> tuple[Project, list[Diagnostic]]:
    """Return the validated project and its warnings, or raise ContentError with every
    problem; ``fits`` as for ``check_site_files``."""
    loaded = read_project(root, fits)
    file = loaded.campaigns_file
    if loaded.errors or file is None or loaded.policy is None:
        raise ContentError(sort_diagnostics(loaded.diagnostics))
    testimonials, campaigns = public_testimonials(loaded.testimonials, file.campaigns)
    site = file.site
    campaigns = [
        with_progress_figure(c, loaded.progress.get(c.id), site.locales, site.default_locale)
        for c in campaigns
    ]
    project = Project(
        site=file.site,
        campaigns=campaigns,
        testimonials=testimonials,
        verses=loaded.verses,
        policy=loaded.policy,
        pages=loaded.pages,
        progress=loaded.progress,
        groups=loaded.groups,
        contacts=public_points(loaded.contacts),
    )
    return project, sort_diagnostics(loaded.diagnostics)
