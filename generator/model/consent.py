"""What the public sees of a testimonial: the whole name, or initials when consent says so.

A person may agree to be quoted only as «Chị T., Sa Đéc» (``consent.display: initials``).
The project model then holds the public form of that testimonial, so every output shows
the same: the name becomes the kinship term and the initial of the given name, the id
(which staff usually write as the name, and which becomes page and file names) becomes a
neutral one, and a written photo description, which may name the person, is dropped.
"""

from __future__ import annotations

import hashlib

from generator.model.content import Campaign, Testimonial


def initials_name(name: str, salutation: str | None) -> str:
    """Return «Chị T.» for «Lê Thị Như Trúc» and ``chị``; «T.» without a salutation."""
    words = name.split()
    initial = f"{words[-1][0].upper()}." if words else ""
    return f"{salutation.capitalize()} {initial}" if salutation else initial


def public_id(testimonial_id: str) -> str:
    """Return a stable id that does not spell the person's name: ``nguoi-`` and a hash."""
    return "nguoi-" + hashlib.sha256(testimonial_id.encode()).hexdigest()[:8]


def public_testimonial(testimonial: Testimonial) -> Testimonial:
    """Return the testimonial as the public may see it."""
    if testimonial.consent.display != "initials":
        return testimonial
    return testimonial.model_copy(
        update={
            "id": public_id(testimonial.id),
            "name": initials_name(testimonial.name, testimonial.salutation),
            "photo_alt": None,
        }
    )


def public_testimonials(
    testimonials: dict[str, Testimonial], campaigns: list[Campaign]
) -> tuple[dict[str, Testimonial], list[Campaign]]:
    """Return the testimonials by their public id, and the campaigns referring to those ids."""
    public = {name: public_testimonial(item) for name, item in testimonials.items()}
    renamed = {name: item.id for name, item in public.items() if item.id != name}
    if not renamed:
        return public, campaigns
    campaigns = [
        campaign.model_copy(
            update={"testimonials": [renamed.get(ref, ref) for ref in campaign.testimonials]}
        )
        for campaign in campaigns
    ]
    return {item.id: item for item in public.values()}, campaigns
