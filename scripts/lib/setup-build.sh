#!/usr/bin/env bash
# What building needs (the main job, scripts/examples.sh, installs only this), skipping whatever is
# already there:
#   1. npm dependencies (npm ci, from package-lock.json); wasm-opt comes from the npm package `binaryen`
#   2. the wasm32 Rust toolchain: Debian's rustc-web recipe, whatever rustup has (scripts/lib/lib.sh
#      wasm_mode says why; REALTIME_CODEC_WASM=rustup opts into rustup's target for a dev build)
#   3. the wasm-bindgen CLI at exactly the version in scripts/toolchain.env (cargo install --locked)
# No browser and no other cargo tool: those are test needs (scripts/lib/setup-test.sh).
# Safe to run any number of times.
. "$(dirname "$0")/lib.sh"
cd "$ROOT"

step "setup (build) 1/3: npm dependencies"
command -v node >/dev/null || die "Node.js 20+ is required"
command -v cargo >/dev/null || die "Rust (cargo) is required: https://rustup.rs"
if [ -f node_modules/.package-lock.json ] && [ node_modules/.package-lock.json -nt package-lock.json ] \
   && [ -x node_modules/.bin/vitest ]; then
  note "node_modules is up to date"
else
  npm ci --no-audit --no-fund
fi

step "setup (build) 2/3: wasm32 toolchain"
mode="$(wasm_mode)"
if [ "$mode" = rustup ]; then
  rustup_has_wasm32 || die "REALTIME_CODEC_WASM=rustup, but rustup has no wasm32-unknown-unknown target"
  note "REALTIME_CODEC_WASM=rustup: rustup's wasm32-unknown-unknown target, a development build"
  note "(not the shipped module: rustup's prebuilt std cannot be built with panic=immediate-abort)"
else
  if rustup_has_wasm32; then
    note "rustup's wasm32-unknown-unknown target is installed but not used: its prebuilt std cannot"
    note "be rebuilt with panic=immediate-abort, and the shipped .wasm must not depend on the machine"
  fi
  note "the shipped module: Debian's rustc-web with -Zbuild-std"
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

step "setup (build) 3/3: wasm-bindgen CLI $WASM_BINDGEN_VERSION"
if [ "$(wasm-bindgen --version 2>/dev/null || true)" = "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  note "already installed"
else
  note "cargo install wasm-bindgen-cli --version $WASM_BINDGEN_VERSION --locked (a few minutes, once)"
  # --force: the version check above found no working binary, even if cargo's own records say
  # the crate is installed (a deleted or broken binary would otherwise be skipped).
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --locked --force
fi
