#!/usr/bin/env bash
# Install the Debian packages the build and tests use (headless Chromium, espeak-ng, opus-tools,
# poppler, zbar, FriBiDi, Pango)
# when any is missing. Needs root or sudo; prints what it would need otherwise.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v espeak-ng >/dev/null 2>&1 || need+=(espeak-ng)
command -v opusenc >/dev/null 2>&1 || need+=(opus-tools)  # audio previews as Ogg Opus
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
command -v zbarimg >/dev/null 2>&1 || need+=(zbar-tools)  # reads the posters' QR codes back
# Pillow shapes Khmer (and other complex scripts) through the system's FriBiDi.
ldconfig -p 2>/dev/null | grep -q libfribidi || need+=(libfribidi0)
# WeasyPrint (print: posters, operator sheets) lays out text with Pango and HarfBuzz.
ldconfig -p 2>/dev/null | grep -q 'libpango-1\.0\.so' || need+=(libpango-1.0-0)
ldconfig -p 2>/dev/null | grep -q 'libpangoft2-1\.0\.so' || need+=(libpangoft2-1.0-0)
ldconfig -p 2>/dev/null | grep -q 'libharfbuzz-subset\.so' || need+=(libharfbuzz-subset0)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ]; then sudo=""; elif command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
  echo "Missing Debian packages: ${need[*]} (install them as root: apt-get install ${need[*]})" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
