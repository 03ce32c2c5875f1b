#!/usr/bin/env bash
# The main job: the realtime-codec CLI on the bundled examples. Installs only what building needs
# (scripts/lib/setup-build.sh: no browser, no cargo tool but wasm-bindgen) and builds what is missing.
#   examples/session.json, examples/conversation.jsonl: valid events -> canonical JSON, exit 0
#   examples/invalid.jsonl: one error per line -> file:line:column, JSON pointer, code; exit 1
#   diff examples/conversation.jsonl: what the crate drops, adds or changes; exit 1 (3 events differ)
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
