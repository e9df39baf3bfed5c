"""The typed, frozen model of an An Sinh project: content types, regions, figures, policy.

Everything the renderers see is one of these classes; raw YAML never leaves
``generator.load`` and ``generator.validate``.
"""

from __future__ import annotations

from generator.model.clock import ClockTime
from generator.model.content import (
    Benefit,
    Campaign,
    CampaignsFile,
    Consent,
    Figure,
    FigureUnit,
    HouseholdHealthInsurance,
    LocaleCode,
    LocalizedText,
    Loudspeaker,
    Model,
    Myth,
    Page,
    PaymentMode,
    Period,
    Policy,
    Project,
    Site,
    Slug,
    Source,
    StateSupport,
    SupportGroup,
    Testimonial,
    TestimonialRole,
    Use,
    Verse,
    VerseForm,
    VersePart,
    VoluntaryInsurance,
    Weekday,
)
from generator.model.region import Region

__all__ = [
    "Benefit",
    "Campaign",
    "CampaignsFile",
    "ClockTime",
    "Consent",
    "Figure",
    "FigureUnit",
    "HouseholdHealthInsurance",
    "LocaleCode",
    "LocalizedText",
    "Loudspeaker",
    "Model",
    "Myth",
    "Page",
    "PaymentMode",
    "Period",
    "Policy",
    "Project",
    "Region",
    "Site",
    "Slug",
    "Source",
    "StateSupport",
    "SupportGroup",
    "Testimonial",
    "TestimonialRole",
    "Use",
    "Verse",
    "VerseForm",
    "VersePart",
    "VoluntaryInsurance",
    "Weekday",
]
