"""Validate ``campaigns.yml`` one campaign at a time, so that one mistake hides nothing else.

Each campaign (list item) is validated on its own, and the parts the checks across
files need (id, period, references, outputs, image, figures) are read on their own
too: a misspelled key in a campaign still lets its dates, ids and references be checked.
"""

from __future__ import annotations

import typing
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from generator.errors import Diagnostic
from generator.load.document import Document
from generator.model import Campaign, CampaignsFile, Figure, Period, Site
from generator.validate.document import validate_document


@dataclass(frozen=True)
class CampaignParts:
    """What could be read of one written campaign, each part on its own (None: unreadable)."""

    index: int
    id: str | None
    period: Period | None
    province: str | None
    region_written: bool
    testimonials: list[str]
    verses: list[str]
    outputs: list[str] | None
    image: str | None
    figures: list[tuple[int, Figure]]


@dataclass
class CampaignsRead:
    """The site settings and campaigns that validated, the parts of every campaign, problems."""

    site: Site | None = None
    campaigns: dict[int, Campaign] = field(default_factory=dict)
    parts: list[CampaignParts] = field(default_factory=list)
    complete: bool = False
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def file(self) -> CampaignsFile | None:
        """The whole file as the model, when every part of it is valid."""
        if not self.complete or self.site is None:
            return None
        return CampaignsFile(site=self.site, campaigns=list(self.campaigns.values()))


@cache
def _adapter(model: type[BaseModel], name: str) -> TypeAdapter[Any]:
    info = model.model_fields[name]
    annotation: Any = info.annotation
    if info.metadata:
        annotation = typing.Annotated[(annotation, *info.metadata)]
    return TypeAdapter(annotation)


def read_field(model: type[BaseModel], name: str, raw: dict[str, Any]) -> Any:
    """Return field ``name`` of ``raw`` validated alone, its default when absent, or None."""
    info = model.model_fields[name]
    if name not in raw:
        return None if info.is_required() else info.get_default(call_default_factory=True)
    try:
        return _adapter(model, name).validate_python(raw[name])
    except ValidationError:
        return None


def _figures(raw: Any) -> list[tuple[int, Figure]]:
    found = []
    for index, item in enumerate(raw if isinstance(raw, list) else []):
        try:
            found.append((index, Figure.model_validate(item)))
        except ValidationError:
            continue
    return found


def read_parts(raw: dict[str, Any], index: int) -> CampaignParts:
    """Read the parts of one written campaign that the checks across files need."""
    return CampaignParts(
        index=index,
        id=read_field(Campaign, "id", raw),
        period=read_field(Campaign, "period", raw),
        province=read_field(Campaign, "province", raw),
        region_written=raw.get("region") is not None,
        testimonials=read_field(Campaign, "testimonials", raw) or [],
        verses=read_field(Campaign, "verses", raw) or [],
        outputs=read_field(Campaign, "outputs", raw),
        image=read_field(Campaign, "image", raw),
        figures=_figures(raw.get("figures")),
    )


def validate_campaigns_file(doc: Document) -> CampaignsRead:
    """Validate the site settings, then each campaign on its own; collect every problem."""
    data = doc.data
    if not isinstance(data, dict) or not isinstance(data.get("campaigns", []), list):
        whole, problems = validate_document(doc, CampaignsFile, data)
        if whole is None:
            return CampaignsRead(diagnostics=problems)
        return CampaignsRead(whole.site, dict(enumerate(whole.campaigns)), [], True, problems)
    shell, problems = validate_document(doc, CampaignsFile, {**data, "campaigns": []})
    read = CampaignsRead(complete=shell is not None, diagnostics=problems)
    read.site = shell.site if shell is not None else _quiet(Site, data.get("site"))
    for index, item in enumerate(data.get("campaigns") or []):
        campaign, found = validate_document(doc, Campaign, item, ("campaigns", index))
        read.diagnostics += found
        if campaign is None:
            read.complete = False
        else:
            read.campaigns[index] = campaign
        if isinstance(item, dict):
            read.parts.append(read_parts(item, index))
    return read


def _quiet(model: type[Site], raw: Any) -> Site | None:
    try:
        return model.model_validate(raw)
    except ValidationError:
        return None
