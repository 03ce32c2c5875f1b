#!/usr/bin/env bash
# Fuzzes the Rust entry points with cargo fuzz (libFuzzer + AddressSanitizer), seeded from
# test/vectors. Usage: scripts/fuzz.sh [SECONDS_PER_TARGET=60] [TARGET...]
# Targets: decode, canonicalize, roundtrip (fuzz/fuzz_targets/). A crash is saved under
# fuzz/artifacts/TARGET/ and fails the run: turn it into a vector in test/vectors.
. "$(dirname "$0")/lib/lib.sh"
cd "$ROOT"
seconds="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(decode canonicalize roundtrip)

step "fuzz 1/3: toolchain (nightly + cargo-fuzz $CARGO_FUZZ_VERSION)"
rustup run nightly rustc --version >/dev/null 2>&1 || rustup toolchain install nightly --profile minimal \
  || die "cargo fuzz needs a nightly Rust toolchain"
if [ "$(cargo fuzz --version 2>/dev/null | awk '{print $2}')" != "$CARGO_FUZZ_VERSION" ]; then
  cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked
fi
note "$(rustup run nightly rustc --version), $(cargo fuzz --version)"

step "fuzz 2/3: seed corpora from test/vectors"
node -e '
  const fs = require("fs"), path = require("path"), crypto = require("crypto");
  const inputs = fs.readdirSync("test/vectors").filter((f) => f.endsWith(".json"))
    .flatMap((f) => JSON.parse(fs.readFileSync(path.join("test/vectors", f), "utf8")).cases.map((c) => c.input));
  for (const target of process.argv.slice(1)) {
    const dir = path.join("fuzz/corpus", target);
    fs.mkdirSync(dir, { recursive: true });
    for (const input of inputs) {
      const name = "vector-" + crypto.createHash("sha1").update(input).digest("hex").slice(0, 16);
      fs.writeFileSync(path.join(dir, name), input);
    }
  }
  console.log(`    ${inputs.length} seeds for each of: ${process.argv.slice(1).join(", ")}`);
' "${targets[@]}"

step "fuzz 3/3: ${seconds}s per target"
for target in "${targets[@]}"; do
  note "cargo +nightly fuzz run $target (${seconds}s)"
  log="fuzz/$target.log"
  (cd fuzz && cargo +nightly fuzz run "$target" --release -- \
      -max_total_time="$seconds" -rss_limit_mb=4096 -max_len=65536 -timeout=10 -print_final_stats=1) > "$log" 2>&1 || {
    tail -40 "$log"
    die "fuzz target $target failed (log: $log; crash input under fuzz/artifacts/$target/)"
  }
  runs=$(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -Eo '[0-9]+$' || echo "?")
  cov=$(grep -Eo 'cov: [0-9]+' "$log" | tail -1 | grep -Eo '[0-9]+' || echo "?")
  corpus=$(ls "fuzz/corpus/$target" | wc -l)
  note "$target: no crash; $runs executions, coverage $cov edges, corpus $corpus inputs"
done
