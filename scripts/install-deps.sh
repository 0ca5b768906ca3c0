#!/usr/bin/env bash
# Installs the Debian packages PolicySearch uses at test or run time, if absent:
#   chromium      - the browser test drives /usr/bin/chromium through Playwright
#   poppler-utils - pdftotext, used to read PDF documents
set -uo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
[ ${#missing[@]} -eq 0 ] && exit 0
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo -n"; else
    echo "install-deps: missing ${missing[*]} and not root; the tests that need them will skip." >&2; exit 0; fi
fi
echo "install-deps: installing ${missing[*]} from Debian" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >/dev/null 2>&1 || true
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null 2>&1 \
  || echo "install-deps: could not install ${missing[*]}; the tests that need them will skip." >&2
exit 0
