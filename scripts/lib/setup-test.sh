#!/usr/bin/env bash
# What testing needs on top of the build needs (scripts/test.sh installs both), skipping whatever
# is already there:
#   1. Chromium for the real-browser tests: Debian's package (no browser download), or CHROMIUM_PATH
#   2. cargo-deny (cargo install --locked, pinned) for the supply-chain check
#   3. cargo-fuzz (cargo install --locked, pinned) for the fuzz smoke; skipped with SKIP_FUZZ_SMOKE=1
# Safe to run any number of times. `setup-test.sh chromium` does step 1 only (npm run bench).
. "$(dirname "$0")/lib.sh"
cd "$ROOT"

step "setup (test) 1/3: Chromium for the browser tests"
if [ -n "${CHROMIUM_PATH:-}" ]; then
  [ -x "$CHROMIUM_PATH" ] || die "CHROMIUM_PATH=$CHROMIUM_PATH is not an executable"
  note "using CHROMIUM_PATH=$CHROMIUM_PATH"
elif [ -x /usr/bin/chromium ]; then
  note "$(/usr/bin/chromium --version 2>/dev/null | head -1)"
elif command -v apt-get >/dev/null; then
  note "installing Debian's chromium"
  as_root apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium
else
  die "no Chromium: install one and set CHROMIUM_PATH to it"
fi

[ "${1:-}" = chromium ] && exit 0

step "setup (test) 2/3: cargo-deny $CARGO_DENY_VERSION"
if [ "$(cargo deny --version 2>/dev/null)" = "cargo-deny $CARGO_DENY_VERSION" ]; then
  note "already installed"
else
  note "cargo install cargo-deny --version $CARGO_DENY_VERSION --locked (a few minutes, once)"
  cargo install cargo-deny --version "$CARGO_DENY_VERSION" --locked --force
fi

step "setup (test) 3/3: cargo-fuzz $CARGO_FUZZ_VERSION"
if [ "${SKIP_FUZZ_SMOKE:-}" = 1 ]; then
  note "skipped (SKIP_FUZZ_SMOKE=1: no fuzz smoke to run)"
elif [ "$(cargo fuzz --version 2>/dev/null | awk '{print $2}')" = "$CARGO_FUZZ_VERSION" ]; then
  note "already installed"
else
  note "cargo install cargo-fuzz --version $CARGO_FUZZ_VERSION --locked"
  cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked --force
fi
