#!/usr/bin/env bash
# The main job: the realtime-codec CLI on the bundled examples. Installs only what building needs
# (scripts/lib/setup-build.sh: no browser, no cargo tool but wasm-bindgen) and builds what is missing.
#   examples/session.json, examples/conversation.jsonl: valid events -> canonical JSON, exit 0
#   examples/invalid.jsonl: one error per line -> file:line:column, JSON pointer, code; exit 1
#   diff examples/conversation.jsonl: what the crate drops, adds or changes; exit 1 (3 events differ)
#   session examples/beta-session.jsonl: a whole beta session, both directions (scripts/make-session.mjs):
#     a table per event type; exit 1, for the one line the crate refuses on purpose (see below)
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

# The recorded session. Its line 38 is invalid on purpose: the beta service sends
# `"previous_item_id": null` for the first item of a conversation, which the crate's
# input_audio_buffer.committed (a String) refuses. So the session must exit 1, and its invalid lines
# must be exactly that one: any other invalid line (or this one passing) fails the main job.
EXPECTED_INVALID='38 server input_audio_buffer.committed invalid_type /previous_item_id'
step "realtime-codec session -q examples/beta-session.jsonl   (line 38 is invalid on purpose: exit status 1 expected)"
node scripts/make-session.mjs --check
expect_status 1 node dist/cli.mjs session -q examples/beta-session.jsonl
status=0
# (The CLI's exit status 1 is the one checked above; here its records are read: a missing summary throws.)
invalid=$({ node dist/cli.mjs session --json examples/beta-session.jsonl 2>/dev/null || true; } | node -e '
  const records = require("node:fs").readFileSync(0, "utf8").trim().split("\n").map((l) => JSON.parse(l));
  const summary = records.pop().summary;
  if (summary.lines !== 227) throw new Error(`expected 227 lines, got ${summary.lines}`);
  for (const r of records) if (!r.ok) console.log(r.line, r.direction, r.type, r.error.code, r.error.path);
') || status=$?
[ "$status" = 0 ] || die "could not read the session's --json output"
[ "$invalid" = "$EXPECTED_INVALID" ] || die "examples/beta-session.jsonl: expected exactly one invalid line, '$EXPECTED_INVALID'; got: ${invalid:-none}"
note "the only invalid line is the one expected: $EXPECTED_INVALID"
