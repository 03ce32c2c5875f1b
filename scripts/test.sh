#!/usr/bin/env bash
# The whole test suite, from a fresh clone: set up (build and test needs: scripts/setup.sh), build, then
#   1. Generated files:  the TypeScript types, the fast path's table and the bench's schemas,
#                        regenerated from the shape table and compared (scripts/generate.mjs --check);
#                        the README: every count it quotes, its two commands and .ci/run
#                        (scripts/readme.mjs --check)
#   2. Rust, native:     cargo test (the codec, the wire facts, test/vectors drift)
#   3. TypeScript types: tsc over ts/, over test/ and the scripts (JSDoc-typed, checkJs), and the
#                        type-level tests (vitest --typecheck)
#   4. Node + Chromium:  vitest over the built package: vectors through wasm in Node, in a Chromium
#                        page and worker (canonicalize, decode, check); API; CLI; npm pack + install +
#                        tsc + Vite; the playground; hostile inputs; parser conformance; a short soak
#   5. Supply chain and fuzz smoke: cargo deny (licences, bans, sources), npm audit, 20 s per fuzz target
. "$(dirname "$0")/lib/lib.sh"
cd "$ROOT"
bash scripts/setup.sh test
bash scripts/build-all.sh

mkdir -p target
step "test 1/5: generated files and the README (scripts/generate.mjs --check, scripts/readme.mjs --check)"
# Everything generated from the shape table (crate/src/shape/), regenerated and compared.
node scripts/generate.mjs --check || die "generated files are stale: run \`npm run generate\`"
node scripts/readme.mjs --check || die "README.md is stale: run \`npm run readme\` (or fix what is listed above)"

step "test 2/5: Rust (clippy, then native cargo test)"
# clippy denies unwrap/expect/panic in the library (see crate/src/lib.rs) and any warning.
cargo clippy --workspace --all-targets --locked --quiet -- -D warnings
# (The filter only hides build noise; the exit status checked is cargo's, saved before anything else runs.)
set +e
cargo test --workspace --locked > target/cargo-test.log 2>&1
status=$?
set -e
grep -Ev '^\s+(Compiling|Running|Doc-tests)' target/cargo-test.log
[ "$status" = 0 ] || die "cargo test failed (exit $status)"
rust_passed=$(grep -Eo 'test result: ok\. [0-9]+ passed' target/cargo-test.log | awk '{s+=$4} END {print s+0}')

step "test 3/5: TypeScript types (tsc + vitest --typecheck)"
node_modules/.bin/tsc -p tsconfig.json --noEmit
node_modules/.bin/tsc -p test/tsconfig.json --noEmit
set +e
node_modules/.bin/vitest run --typecheck.only 2>&1 | tee target/vitest-types.log
status=${PIPESTATUS[0]}
set -e
[ "$status" = 0 ] || die "type-level tests failed (exit $status)"
types_passed=$(sed 's/\x1b\[[0-9;]*m//g' target/vitest-types.log | grep -Eo 'Tests +[0-9]+ passed' | grep -Eo '[0-9]+' | tail -1)

step "test 4/5: Node and Chromium (vitest, against dist/ and the packed tarball)"
set +e
node_modules/.bin/vitest run 2>&1 | tee target/vitest.log
status=${PIPESTATUS[0]}
set -e
[ "$status" = 0 ] || die "vitest failed (exit $status)"
node_passed=$(sed 's/\x1b\[[0-9;]*m//g' target/vitest.log | grep -Eo 'Tests +[0-9]+ passed' | grep -Eo '[0-9]+' | tail -1)

step "test 5/5: supply chain and fuzz smoke"
cargo deny --log-level warn check --hide-inclusion-graph licenses bans sources
note "cargo deny: licences, bans and sources ok (advisories: database not reachable here; see README)"
set +e
audit=$(npm audit 2>&1)
status=$?
set -e
if [ "$status" = 0 ]; then
  note "npm audit: no vulnerabilities"
elif grep -q "audit endpoint returned an error" <<<"$audit"; then
  note "npm audit: skipped, the registry here refuses the audit endpoint ($(grep -Eo '[0-9]{3} [A-Za-z ]+ - POST' <<<"$audit" | head -1))"
else
  echo "$audit"
  die "npm audit reported vulnerabilities"
fi
if [ "${SKIP_FUZZ_SMOKE:-}" = 1 ]; then
  note "fuzz smoke skipped (SKIP_FUZZ_SMOKE=1)"
else
  bash scripts/fuzz.sh 20
  node scripts/fuzz-fast.mjs 20
fi

step "summary"
note "Rust native: $rust_passed tests passed"
note "TypeScript type-level: $types_passed tests passed (plus tsc over ts/ and test/)"
note "Node and Chromium (wasm): $node_passed tests passed"
echo "$((rust_passed + types_passed + node_passed)) passed, 0 failed"
