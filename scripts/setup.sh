#!/usr/bin/env bash
# Installs what the project needs, skipping whatever is already there (safe to run again):
#   bash scripts/setup.sh build   the build needs: npm packages, a wasm32 toolchain, the wasm-bindgen
#                                 CLI (scripts/lib/setup-build.sh; the main job runs only this)
#   bash scripts/setup.sh test    the build needs, then the test needs: Chromium, cargo-deny, cargo-fuzz
#                                 (scripts/lib/setup-test.sh; scripts/test.sh runs this)
#   bash scripts/setup.sh bench   the build needs, then Chromium (npm run bench measures in a page too)
#   bash scripts/setup.sh         the same as `test`: everything
. "$(dirname "$0")/lib/lib.sh"
cd "$ROOT"
case "${1:-test}" in
  build) bash scripts/lib/setup-build.sh ;;
  test) bash scripts/lib/setup-build.sh && bash scripts/lib/setup-test.sh ;;
  bench) bash scripts/lib/setup-build.sh && bash scripts/lib/setup-test.sh chromium ;;
  *) die "usage: bash scripts/setup.sh [build|test|bench]" ;;
esac
