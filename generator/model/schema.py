"""JSON Schema of the YAML files, for editors that complete and underline as staff type."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from generator.model import CampaignsFile, Policy, Testimonial, Verse
from generator.model.contacts import ContactsFile
from generator.model.progress import GroupsFile

SCHEMA_FILES: dict[str, tuple[type[BaseModel], str]] = {
    "campaigns": (CampaignsFile, "campaigns.yml"),
    "testimonial": (Testimonial, "content/testimonials/*.yml"),
    "verse": (Verse, "content/verses/*.yml"),
    "policy": (Policy, "content/policy.yml"),
    "contacts": (ContactsFile, "content/contacts.yml"),
    "groups": (GroupsFile, "content/groups/*.yml"),
}


def project_schema(name: str) -> dict[str, Any]:
    """Return the JSON Schema of one kind of file (``campaigns``, ``testimonial``, ...)."""
    model, pattern = SCHEMA_FILES[name]
    schema = model.model_json_schema()
    if name in ("testimonial", "verse"):
        schema["properties"].pop("id", None)
        schema["required"] = [key for key in schema.get("required", []) if key != "id"]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"An Sinh: {pattern}",
        **schema,
    }
