#!/usr/bin/env bash
# Builds the four size-optimised WebAssembly modules and their JS glue into wasm/, two per protocol:
#   realtime_codec_bg.wasm            beta client events (the crate built as is)
#   realtime_codec_server_bg.wasm     beta server events (--features server-module), loaded
#                                     separately so that sending alone never loads it
#   realtime_codec_ga_bg.wasm         GA client events (--features ga-module)
#   realtime_codec_ga_server_bg.wasm  GA server events (--features ga-module,server-module)
# Each goes through:
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
[ "$mode" = rustup ] && note "REALTIME_CODEC_WASM=rustup: a development build, not the shipped (size-optimised) module"
rm -rf wasm && mkdir -p wasm

# build_module NAME [CARGO FEATURES]: builds wasm/NAME.js and wasm/NAME_bg.wasm.
build_module() {
  local name="$1" features="${2:-}" raw
  step "wasm $name 1/3: cargo build (wasm32-unknown-unknown, $mode toolchain${features:+, features $features})"
  if [ "$mode" = rustup ]; then
    cargo build -p realtime-codec --lib --release --target wasm32-unknown-unknown --target-dir target/wasm \
      ${features:+--features "$features"}
  else
    # Debian's rustc is a stable build: RUSTC_BOOTSTRAP unlocks -Z flags for this command only.
    # immediate-abort: panics (none are reachable) compile to a trap without formatting machinery.
    # location-detail=none: no file/line/column strings for panic locations nothing would print
    # (about 0.5 KB per module; see docs/size.md).
    RUSTUP_TOOLCHAIN="$DEBIAN_WASM_TOOLCHAIN" RUSTC_BOOTSTRAP=1 \
    RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none" \
      cargo build -p realtime-codec --lib --release --target wasm32-unknown-unknown \
        -Zbuild-std=std,panic_abort --target-dir target/wasm ${features:+--features "$features"}
  fi
  # Both builds write the same artifact path: it is copied out before the next build.
  raw=target/wasm/wasm32-unknown-unknown/release/realtime_codec.wasm
  [ -f "$raw" ] || die "cargo produced no $raw"
  cp "$raw" "target/wasm/$name.wasm"

  step "wasm $name 2/3: wasm-bindgen $WASM_BINDGEN_VERSION"
  wasm-bindgen "target/wasm/$name.wasm" --out-dir wasm --out-name "$name" --target web --omit-default-module-path

  step "wasm $name 3/3: wasm-opt -Oz -Oz"
  # The feature flags are the ones rustc 1.96 emits for wasm32-unknown-unknown by default.
  # -Oz twice: the second pass finds more (about 1 KB gzip per module; a third finds nothing,
  # measured in docs/size.md). The producers and target_features sections are read by no one.
  node_modules/.bin/wasm-opt "wasm/${name}_bg.wasm" -Oz -Oz --strip-producers --strip-target-features \
    -o "wasm/${name}_bg.wasm" \
    --enable-bulk-memory --enable-bulk-memory-opt --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue --enable-call-indirect-overlong
  local bytes gz
  bytes=$(wc -c < "wasm/${name}_bg.wasm")
  gz=$(gzip -9c "wasm/${name}_bg.wasm" | wc -c)
  note "wasm/${name}_bg.wasm: $bytes bytes ($gz gzip)"
}

build_module realtime_codec
build_module realtime_codec_server server-module
build_module realtime_codec_ga ga-module
build_module realtime_codec_ga_server ga-module,server-module
