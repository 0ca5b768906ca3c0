#!/usr/bin/env bash
# Runs every PolicySearch test. Installs what the tests need from Debian (chromium for the
# browser test, poppler-utils for PDF ingestion) when it is missing and we may install.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
dotnet test PolicySearch.sln -c Release "$@"
