# Shared helpers for the scripts (sourced, never run): progress output and the toolchain checks.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source=../toolchain.env
. "$ROOT/scripts/toolchain.env"
export PATH="$HOME/.cargo/bin:$PATH"

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }
note() { printf '    %s\n' "$*"; }
die() { printf '\033[31merror:\033[0m %s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    die "need root to run: $*"; fi
}

# Which way to build wasm32. The shipped module is always built by Debian's rustc-web with
# -Zbuild-std and panic=immediate-abort ("debian"): rustup's prebuilt wasm32 std (where that
# target is installed) cannot be rebuilt that way on stable, and gives a different, 34 KB larger
# module, so the published artifact would depend on the machine. REALTIME_CODEC_WASM=rustup
# builds with rustup's target anyway, for a machine without Debian's packages: a development
# build, not the shipped module (the scripts say so).
wasm_mode() {
  if [ "${REALTIME_CODEC_WASM:-debian}" = rustup ]; then
    echo rustup
  else
    echo debian
  fi
}

# Whether rustup's own wasm32 target is installed (only to explain why it is not used).
rustup_has_wasm32() {
  command -v rustup >/dev/null && rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown
}
