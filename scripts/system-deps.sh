#!/usr/bin/env bash
# Install the Debian packages the tests use (headless Chromium, espeak-ng, poppler, FriBiDi)
# when any is missing. Needs root or sudo; prints what it would need otherwise.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v espeak-ng >/dev/null 2>&1 || need+=(espeak-ng)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
# Pillow shapes Khmer (and other complex scripts) through the system's FriBiDi.
ldconfig -p 2>/dev/null | grep -q libfribidi || need+=(libfribidi0)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ]; then sudo=""; elif command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
  echo "Missing Debian packages: ${need[*]} (install them as root: apt-get install ${need[*]})" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
