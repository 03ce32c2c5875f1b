#!/usr/bin/env bash
# Fuzzes the Rust entry points with cargo fuzz (libFuzzer + AddressSanitizer), seeded from
# test/vectors. Usage: scripts/fuzz.sh [SECONDS_PER_TARGET=60] [TARGET...]
# Targets (fuzz/fuzz_targets/): decode, canonicalize, roundtrip (client events), server
# (the *_as::<ServerEvent> entry points, seeded from examples/beta-session.jsonl and any vector
# file with "direction": "server"), ga_client and ga_server (the GA roots, RealtimeClientEvent and
# RealtimeServerEvent, seeded from test/vectors/ga by direction). A crash is saved under
# fuzz/artifacts/TARGET/ and fails the run: turn it into a vector in test/vectors (or
# test/vectors/ga).
. "$(dirname "$0")/lib/lib.sh"
cd "$ROOT"
seconds="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(decode canonicalize roundtrip server ga_client ga_server)

step "fuzz 1/3: toolchain (nightly + cargo-fuzz $CARGO_FUZZ_VERSION)"
rustup run nightly rustc --version >/dev/null 2>&1 || rustup toolchain install nightly --profile minimal \
  || die "cargo fuzz needs a nightly Rust toolchain"
if [ "$(cargo fuzz --version 2>/dev/null | awk '{print $2}')" != "$CARGO_FUZZ_VERSION" ]; then
  cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked
fi
note "$(rustup run nightly rustc --version), $(cargo fuzz --version)"

step "fuzz 2/3: seed corpora from test/vectors (server: examples/beta-session.jsonl too; GA: test/vectors/ga)"
node -e '
  const fs = require("fs"), path = require("path"), crypto = require("crypto");
  const files = fs.readdirSync("test/vectors").filter((f) => f.endsWith(".json"))
    .map((f) => JSON.parse(fs.readFileSync(path.join("test/vectors", f), "utf8")));
  const inputs = files.flatMap((file) => file.cases.map((c) => c.input));
  // The server target: every line of the recorded session (its client lines take the
  // unknown-tag path), and the cases of any vector file marked "direction": "server".
  const session = fs.readFileSync("examples/beta-session.jsonl", "utf8").split("\n").filter((l) => l.trim());
  const server = session.concat(files.filter((file) => file.direction === "server")
    .flatMap((file) => file.cases.map((c) => c.input)));
  // The GA targets: the GA vector files of their direction.
  const ga = fs.readdirSync("test/vectors/ga").filter((f) => f.endsWith(".json"))
    .map((f) => JSON.parse(fs.readFileSync(path.join("test/vectors/ga", f), "utf8")));
  const gaInputs = (direction) => ga.filter((file) => (file.direction ?? "client") === direction)
    .flatMap((file) => file.cases.map((c) => c.input));
  const seedsOf = { server, ga_client: gaInputs("client"), ga_server: gaInputs("server") };
  for (const target of process.argv.slice(1)) {
    const dir = path.join("fuzz/corpus", target);
    fs.mkdirSync(dir, { recursive: true });
    const seeds = seedsOf[target] ?? inputs;
    for (const input of seeds) {
      const name = "vector-" + crypto.createHash("sha1").update(input).digest("hex").slice(0, 16);
      fs.writeFileSync(path.join(dir, name), input);
    }
    console.log(`    ${target}: ${seeds.length} seeds`);
  }
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
