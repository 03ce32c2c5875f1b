#!/usr/bin/env bash
# The main job: the realtime-codec CLI on the bundled examples. Installs only what building needs
# (scripts/lib/setup-build.sh: no browser, no cargo tool but wasm-bindgen) and builds what is missing.
#   examples/session.json, examples/conversation.jsonl: valid events -> canonical JSON, exit 0
#   examples/invalid.jsonl: one error per line -> file:line:column, JSON pointer, code; exit 1
#   diff examples/conversation.jsonl: what the crate drops, adds or changes; exit 1 (3 events differ)
#   session examples/beta-session.jsonl: a whole beta session, both directions (scripts/make-session.mjs):
#     a table per event type; exit 1, for the one line the crate refuses on purpose (see below)
#   session --protocol ga examples/ga-session.jsonl: a whole GA session; exit 1, for exactly the
#     lines planted in it (known crate-vs-service refusals, listed by make-session.mjs --planted)
#   session --protocol auto examples/beta-session.jsonl: which protocol each line fits, what GA
#     refuses and why; its counts must agree with the two single-protocol runs
. "$(dirname "$0")/lib/lib.sh"
cd "$ROOT"
bash scripts/lib/setup-build.sh
bash scripts/build-all.sh

# Runs a command that must exit with the given status (the CLI exits 1 when it finds problems).
expect_status() {
  local want=$1 status=0
  shift
  "$@" || status=$?
  [ "$status" = "$want" ] || die "expected exit status $want from: $*, got $status"
  note "exit status $status, as expected"
}

step "realtime-codec canonical examples/session.json examples/conversation.jsonl"
node dist/cli.mjs canonical examples/session.json examples/conversation.jsonl

step "realtime-codec check examples/invalid.jsonl   (every line is invalid: exit status 1 expected)"
expect_status 1 node dist/cli.mjs check examples/invalid.jsonl

step "realtime-codec diff examples/conversation.jsonl   (3 events differ from their canonical form: exit status 1 expected)"
expect_status 1 node dist/cli.mjs diff examples/conversation.jsonl

# The invalid lines of `realtime-codec session --json --protocol P FILE`, one a line
# (line direction type code path), after checking the summary's line count. The CLI's exit status
# is checked apart; here its records are read: a missing summary throws.
invalid_lines() {
  local protocol=$1 file=$2 lines=$3
  { node dist/cli.mjs session --json --protocol "$protocol" "$file" 2>/dev/null || true; } | node -e '
    const records = require("node:fs").readFileSync(0, "utf8").trim().split("\n").map((l) => JSON.parse(l));
    const summary = records.pop().summary;
    if (summary.lines !== Number(process.argv[1])) throw new Error(`expected ${process.argv[1]} lines, got ${summary.lines}`);
    for (const r of records) if (!r.ok) console.log(r.line, r.direction, r.type, r.error.code, r.error.path);
  ' "$lines"
}

step "node scripts/make-session.mjs --check   (both logs as the script writes them; every GA line checked through the GA entry)"
node scripts/make-session.mjs --check

# The recorded beta session. Its line 38 is invalid on purpose: the beta service sends
# `"previous_item_id": null` for the first item of a conversation, which the crate's
# input_audio_buffer.committed (a String) refuses. So the session must exit 1, and its invalid lines
# must be exactly that one: any other invalid line (or this one passing) fails the main job.
EXPECTED_INVALID='38 server input_audio_buffer.committed invalid_type /previous_item_id'
step "realtime-codec session -q examples/beta-session.jsonl   (line 38 is invalid on purpose: exit status 1 expected)"
expect_status 1 node dist/cli.mjs session -q examples/beta-session.jsonl
invalid=$(invalid_lines beta examples/beta-session.jsonl 227) || die "could not read the beta session's --json output"
[ "$invalid" = "$EXPECTED_INVALID" ] || die "examples/beta-session.jsonl: expected exactly one invalid line, '$EXPECTED_INVALID'; got: ${invalid:-none}"
note "the only invalid line is the one expected: $EXPECTED_INVALID"

# The GA session: the lines planted in it are known refusals of the crate's GA types (what the GA
# service sends, or what its API reference tells a client to send); make-session.mjs lists them.
EXPECTED_GA=$(node scripts/make-session.mjs --planted)
step "realtime-codec session --protocol ga -q examples/ga-session.jsonl   ($(echo "$EXPECTED_GA" | wc -l) planted refusals: exit status 1 expected)"
expect_status 1 node dist/cli.mjs session --protocol ga -q examples/ga-session.jsonl
invalid=$(invalid_lines ga examples/ga-session.jsonl 240) || die "could not read the GA session's --json output"
[ "$invalid" = "$EXPECTED_GA" ] || die "examples/ga-session.jsonl: expected exactly the planted invalid lines:
$EXPECTED_GA
got:
${invalid:-none}"
note "the invalid lines are exactly the planted ones:"
while IFS= read -r l; do note "  $l"; done <<<"$invalid"

# Auto: the beta log read both ways. No protocol accepts every line (beta refuses line 38), so
# exit 1; each protocol's count of valid lines must be what its own run found.
step "realtime-codec session --protocol auto -q examples/beta-session.jsonl   (what GA refuses in a beta log, and why: exit status 1 expected)"
expect_status 1 node dist/cli.mjs session --protocol auto -q examples/beta-session.jsonl
counts=$({ node dist/cli.mjs session --json --protocol auto examples/beta-session.jsonl 2>/dev/null || true; } | node -e '
  const records = require("node:fs").readFileSync(0, "utf8").trim().split("\n").map((l) => JSON.parse(l));
  const { summary } = records.pop();
  console.log(summary.lines, summary.betaValid, summary.gaValid);
') || die "could not read the auto session's --json output"
single=$(for p in beta ga; do { node dist/cli.mjs session --json --protocol "$p" examples/beta-session.jsonl 2>/dev/null || true; } | tail -n 1; done | node -e '
  const [b, g] = require("node:fs").readFileSync(0, "utf8").trim().split("\n").map((l) => JSON.parse(l).summary);
  console.log(b.lines, b.valid, g.valid);
') || die "could not read the single-protocol runs"
[ "$counts" = "$single" ] || die "session --protocol auto counts (lines, beta valid, GA valid) '$counts' differ from the single-protocol runs' '$single'"
note "lines, valid as beta, valid as GA: $counts, as the single-protocol runs found"
