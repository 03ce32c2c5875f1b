#!/usr/bin/env bash
# Installs what building and testing need, skipping whatever is already there:
#   1. npm dependencies (npm ci, from package-lock.json)
#   2. a wasm32 Rust toolchain: rustup's target if installed, else Debian's rustc-web recipe
#   3. the wasm-bindgen CLI at exactly the version in scripts/toolchain.env (cargo install --locked)
#   4. Chromium for the real-browser tests: Debian's package (no browser download), or CHROMIUM_PATH
#   5. cargo-deny and cargo-fuzz (cargo install --locked, pinned) for the supply-chain check and fuzz smoke
# wasm-opt comes from the npm package `binaryen` (step 1). Safe to run any number of times.
. "$(dirname "$0")/lib.sh"
cd "$ROOT"

step "setup 1/5: npm dependencies"
command -v node >/dev/null || die "Node.js 20+ is required"
command -v cargo >/dev/null || die "Rust (cargo) is required: https://rustup.rs"
if [ -f node_modules/.package-lock.json ] && [ node_modules/.package-lock.json -nt package-lock.json ] \
   && [ -x node_modules/.bin/vitest ]; then
  note "node_modules is up to date"
else
  npm ci --no-audit --no-fund
fi

step "setup 2/5: wasm32 toolchain"
mode="$(wasm_mode)"
if [ "$mode" = rustup ]; then
  note "using rustup's installed wasm32-unknown-unknown target"
else
  note "rustup has no wasm32-unknown-unknown std here: using Debian's rustc-web with -Zbuild-std"
  missing=""
  for pkg in $DEBIAN_WASM_PACKAGES; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing="$missing $pkg"
  done
  if [ -n "$missing" ]; then
    note "installing:$missing"
    as_root apt-get update -q
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q $missing
  else
    note "Debian packages present: $DEBIAN_WASM_PACKAGES"
  fi
  if ! rustup toolchain list | grep -q "^$DEBIAN_WASM_TOOLCHAIN"; then
    note "linking rustup toolchain $DEBIAN_WASM_TOOLCHAIN -> /usr"
    rustup toolchain link "$DEBIAN_WASM_TOOLCHAIN" /usr
  fi
  note "$(RUSTUP_TOOLCHAIN=$DEBIAN_WASM_TOOLCHAIN rustc --version)"
fi

step "setup 3/5: wasm-bindgen CLI $WASM_BINDGEN_VERSION"
if [ "$(wasm-bindgen --version 2>/dev/null || true)" = "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  note "already installed"
else
  note "cargo install wasm-bindgen-cli --version $WASM_BINDGEN_VERSION --locked (a few minutes, once)"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --locked
fi

step "setup 4/5: Chromium for the browser tests"
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

step "setup 5/5: cargo-deny $CARGO_DENY_VERSION and cargo-fuzz $CARGO_FUZZ_VERSION"
if [ "$(cargo deny --version 2>/dev/null)" = "cargo-deny $CARGO_DENY_VERSION" ]; then
  note "cargo-deny already installed"
else
  note "cargo install cargo-deny --version $CARGO_DENY_VERSION --locked (a few minutes, once)"
  cargo install cargo-deny --version "$CARGO_DENY_VERSION" --locked
fi
if [ "$(cargo fuzz --version 2>/dev/null | awk '{print $2}')" = "$CARGO_FUZZ_VERSION" ]; then
  note "cargo-fuzz already installed"
else
  note "cargo install cargo-fuzz --version $CARGO_FUZZ_VERSION --locked"
  cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked
fi
