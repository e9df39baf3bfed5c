"""Audio previews of loudspeaker scripts, spoken by espeak-ng, kept as Ogg Opus, MP3 or WAV.

espeak-ng is an optional system program: without it there is no audio and the
caller says so once. Its output for the same text, voice and speed is the same
bytes, and its WAV header carries no date, so builds stay reproducible.

The theme's ``audio_format`` chooses what is published: ``opus`` (the default;
opusenc from Debian's opus-tools, 24 kbit/s mono tuned for speech, about 0.18 MB
a minute against 2.4 MB as WAV), ``mp3`` (lame or ffmpeg, 48 kbit/s) or ``wav``.
Where the encoder is missing the preview stays WAV. The encoders run with a fixed
stream serial number and no dates, so their output is the same bytes every build.
"""

from __future__ import annotations

import shutil
import struct
import subprocess
import tempfile
from pathlib import Path

from generator.errors import RenderError

ESPEAK = "espeak-ng"
MIN_SPEED, MAX_SPEED = 80, 450


def audio_available() -> bool:
    """Say whether espeak-ng can be run."""
    return shutil.which(ESPEAK) is not None


def espeak_speed(rate: int, syllables_per_word: float) -> int:
    """Return espeak-ng's -s (words a minute) that speaks ``rate`` syllables a minute."""
    return max(MIN_SPEED, min(MAX_SPEED, round(rate / syllables_per_word)))


def _run(command: list[str]) -> None:
    try:
        subprocess.run(command, check=True, capture_output=True, timeout=600)
    except (OSError, subprocess.SubprocessError) as error:
        raise RenderError(f"{command[0]}: {error}") from error


def render_wav(text: str, voice: str, speed: int) -> bytes:
    """Return ``text`` spoken by espeak-ng as WAV bytes."""
    program = shutil.which(ESPEAK)
    if program is None:
        raise RenderError(f"{ESPEAK} is not installed")
    with tempfile.TemporaryDirectory(prefix="ansinh-audio-") as folder:
        source, target = Path(folder) / "script.txt", Path(folder) / "script.wav"
        source.write_text(text, encoding="utf-8")
        _run(
            [
                program,
                "-v",
                voice,
                "-s",
                str(speed),
                "-b",
                "1",
                "-f",
                str(source),
                "-w",
                str(target),
            ]
        )
        return target.read_bytes()


def mp3_encoder() -> list[str] | None:
    """Return the command that turns script.wav into script.mp3, or None."""
    if shutil.which("lame"):
        return [
            "lame",
            "--quiet",
            "-m",
            "m",
            "-b",
            "48",
            "--noreplaygain",
            "script.wav",
            "script.mp3",
        ]
    if shutil.which("ffmpeg"):
        return [
            "ffmpeg",
            "-nostdin",
            "-loglevel",
            "error",
            "-i",
            "script.wav",
            "-map_metadata",
            "-1",
            "-fflags",
            "+bitexact",
            "-flags:a",
            "+bitexact",
            "-ac",
            "1",
            "-b:a",
            "48k",
            "script.mp3",
        ]
    return None


OPUS_KBITS = 24
PREVIEW_FORMATS = ("opus", "mp3", "wav")


def opus_encoder() -> list[str] | None:
    """Return the command that turns script.wav into script.opus (Ogg Opus), or None."""
    if not shutil.which("opusenc"):
        return None
    return [
        "opusenc",
        "--quiet",
        "--speech",
        "--bitrate",
        str(OPUS_KBITS),
        "--serial",
        "1",
        "--discard-comments",
        "script.wav",
        "script.opus",
    ]


def preview_format(wanted: str) -> str:
    """Return the format the previews are made in: ``wanted``, or "wav" if it cannot be."""
    if wanted == "opus" and opus_encoder() is not None:
        return "opus"
    if wanted == "mp3" and mp3_encoder() is not None:
        return "mp3"
    return "wav"


def encoders_found() -> list[str]:
    """Return the audio encoders installed, for the cache key of rendered audio."""
    return [name for name in ("opusenc", "lame", "ffmpeg") if shutil.which(name)]


def render_preview(wav: bytes, fmt: str) -> bytes:
    """Return ``wav`` in ``fmt`` (a result of ``preview_format``); raise RenderError on failure."""
    if fmt == "wav":
        return wav
    command = opus_encoder() if fmt == "opus" else mp3_encoder()
    if command is None:
        raise RenderError(f"no encoder for .{fmt}")
    with tempfile.TemporaryDirectory(prefix="ansinh-preview-") as folder:
        (Path(folder) / "script.wav").write_bytes(wav)
        try:
            subprocess.run(command, check=True, capture_output=True, timeout=600, cwd=folder)
        except (OSError, subprocess.SubprocessError) as error:
            raise RenderError(f"{command[0]}: {error}") from error
        return (Path(folder) / f"script.{fmt}").read_bytes()


def render_mp3(wav: bytes) -> bytes | None:
    """Return ``wav`` encoded as MP3 when lame or ffmpeg is installed, else None."""
    command = mp3_encoder()
    if command is None:
        return None
    with tempfile.TemporaryDirectory(prefix="ansinh-mp3-") as folder:
        (Path(folder) / "script.wav").write_bytes(wav)
        try:
            subprocess.run(command, check=True, capture_output=True, timeout=600, cwd=folder)
        except (OSError, subprocess.SubprocessError) as error:
            raise RenderError(f"{command[0]}: {error}") from error
        return (Path(folder) / "script.mp3").read_bytes()


def wav_seconds(data: bytes) -> float:
    """Return the length of a PCM WAV file in seconds, read from its header."""
    if data[:4] != b"RIFF" or data[8:12] != b"WAVE":
        raise ValueError("not a WAV file")
    position, byte_rate, size = 12, 0, None
    while position + 8 <= len(data):
        chunk, length = (
            data[position : position + 4],
            struct.unpack_from("<I", data, position + 4)[0],
        )
        if chunk == b"fmt ":
            byte_rate = struct.unpack_from("<I", data, position + 16)[0]
        elif chunk == b"data":
            size = min(length, len(data) - position - 8)
            break
        position += 8 + length + (length & 1)
    if not byte_rate or size is None:
        raise ValueError("WAV file without format or data")
    return float(size / byte_rate)
