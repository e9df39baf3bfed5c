"""Charts drawn at build time as small, accessible inline SVG."""

from __future__ import annotations

from decimal import Decimal

from markupsafe import Markup

from generator.render.escape import svg_text

WIDTH = 320
BAR_HEIGHT = 28


def progress_svg(label: str, value: int, target: int, summary: str, chart_id: str) -> Markup:
    """Draw one figure against its target as a bar; the summary is what a screen reader says."""
    share = min(Decimal(value) / Decimal(target), Decimal(1)) if target else Decimal(0)
    filled = int((share * WIDTH).to_integral_value())
    title_id, desc_id = f"{chart_id}-title", f"{chart_id}-desc"
    return Markup(
        f'<svg class="ansinh-chart" viewBox="0 0 {WIDTH} {BAR_HEIGHT + 4}" role="img" '
        f'aria-labelledby="{title_id} {desc_id}" preserveAspectRatio="none" focusable="false">'
        f'<title id="{title_id}">{svg_text(label)}</title>'
        f'<desc id="{desc_id}">{svg_text(summary)}</desc>'
        f'<rect x="0" y="2" width="{WIDTH}" height="{BAR_HEIGHT}" rx="6" '
        'class="ansinh-chart__track"/>'
        f'<rect x="0" y="2" width="{filled}" height="{BAR_HEIGHT}" rx="6" '
        'class="ansinh-chart__bar"/>'
        "</svg>"
    )
