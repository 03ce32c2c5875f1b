#!/usr/bin/env bash
# wasm (scripts/build-wasm.sh) then the npm package (scripts/build.mjs). cargo and esbuild skip
# unchanged work, so a warm run takes seconds.
. "$(dirname "$0")/lib.sh"
cd "$ROOT"
bash scripts/build-wasm.sh
node scripts/build.mjs
