"""Colours: ``#rrggbb`` parsed to RGB, relative luminance and contrast ratio (WCAG 2.x)."""

from __future__ import annotations

RGB = tuple[int, int, int]


def parse_colour(value: str) -> RGB:
    """Read ``#rrggbb``."""
    digits = value.lstrip("#")
    return int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16)


def luminance(colour: RGB) -> float:
    """Return the WCAG relative luminance of a colour."""
    channels = [c / 255 for c in colour]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(first: RGB, second: RGB) -> float:
    """Return the WCAG contrast ratio of two colours, from 1 to 21."""
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)
