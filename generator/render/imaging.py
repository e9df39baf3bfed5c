"""Image operations shared by the web photos and the printed ones (Pillow)."""

from __future__ import annotations

from PIL import Image


def crop_to(image: Image.Image, ratio: float) -> Image.Image:
    """Crop ``image`` to width/height ``ratio``: centred across, its upper third kept.

    Portraits keep the face: a photo taller than the frame loses two thirds of its excess
    at the bottom and one third at the top.
    """
    width, height = image.size
    if width / height > ratio:
        new_width = round(height * ratio)
        left = (width - new_width) // 2
        return image.crop((left, 0, left + new_width, height))
    new_height = round(width / ratio)
    top = (height - new_height) // 3
    return image.crop((0, top, width, top + new_height))
