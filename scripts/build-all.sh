#!/usr/bin/env bash
# Builds wasm/ (scripts/lib/build-wasm.sh) then the npm package in dist/ (scripts/lib/build.mjs).
# cargo and esbuild skip unchanged work, so a warm run takes seconds. Needs the build setup
# (bash scripts/setup.sh build; scripts/examples.sh and scripts/test.sh run it).
. "$(dirname "$0")/lib/lib.sh"
cd "$ROOT"
bash scripts/lib/build-wasm.sh
node scripts/lib/build.mjs
