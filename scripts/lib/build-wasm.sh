#!/usr/bin/env bash
# Builds the size-optimised WebAssembly module and its JS glue into wasm/:
#   1. cargo build --target wasm32-unknown-unknown --release (rustup target, or Debian + -Zbuild-std)
#   2. wasm-bindgen --target web --omit-default-module-path (no import.meta: the entries pass the bytes)
#   3. wasm-opt -Oz (npm `binaryen`; not Debian's binaryen 108, which miscompiles wasm-bindgen output)
# Needs the build setup first (bash scripts/setup.sh build; scripts/examples.sh and scripts/test.sh
# run it). Called by scripts/build-all.sh.
. "$(dirname "$0")/lib.sh"
cd "$ROOT"

locked="$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/[^0-9.]/, ""); print; exit}' Cargo.lock)"
[ "$locked" = "$WASM_BINDGEN_VERSION" ] ||
  die "Cargo.lock has wasm-bindgen $locked but scripts/toolchain.env pins $WASM_BINDGEN_VERSION"

mode="$(wasm_mode)"
step "wasm 1/3: cargo build (wasm32-unknown-unknown, $mode toolchain)"
if [ "$mode" = rustup ]; then
  note "REALTIME_CODEC_WASM=rustup: a development build, not the shipped (size-optimised) module"
  cargo build -p realtime-codec --lib --release --target wasm32-unknown-unknown --target-dir target/wasm
else
  # Debian's rustc is a stable build: RUSTC_BOOTSTRAP unlocks -Z flags for this command only.
  # immediate-abort: panics (none are reachable) compile to a trap without formatting machinery.
  RUSTUP_TOOLCHAIN="$DEBIAN_WASM_TOOLCHAIN" RUSTC_BOOTSTRAP=1 \
  RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort" \
    cargo build -p realtime-codec --lib --release --target wasm32-unknown-unknown \
      -Zbuild-std=std,panic_abort --target-dir target/wasm
fi
raw=target/wasm/wasm32-unknown-unknown/release/realtime_codec.wasm
[ -f "$raw" ] || die "cargo produced no $raw"

step "wasm 2/3: wasm-bindgen $WASM_BINDGEN_VERSION"
rm -rf wasm && mkdir -p wasm
wasm-bindgen "$raw" --out-dir wasm --target web --omit-default-module-path

step "wasm 3/3: wasm-opt -Oz"
# The feature flags are the ones rustc 1.96 emits for wasm32-unknown-unknown by default.
node_modules/.bin/wasm-opt wasm/realtime_codec_bg.wasm -Oz -o wasm/realtime_codec_bg.wasm \
  --enable-bulk-memory --enable-bulk-memory-opt --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue --enable-call-indirect-overlong
bytes=$(wc -c < wasm/realtime_codec_bg.wasm)
gz=$(gzip -9c wasm/realtime_codec_bg.wasm | wc -c)
note "wasm/realtime_codec_bg.wasm: $bytes bytes ($gz gzip)"
