//! Data errors: descend through the crate's types, from the event down, to the deepest value
//! the crate rejects. Self-contained: the rules (which Rust type sits under which key) and the
//! descent over them; it reports each failing value to a [`Search`] and knows nothing of codes or
//! positions.

use std::fmt;

use async_openai_wasm::types::realtime::ClientEvent;
use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::Value;

use super::bare_message;
use super::explain::Search;

type Found = serde_json::Error;

/// Asks the crate about `value` by placing it where it belongs in an otherwise valid event and
/// decoding that event exactly as `decode_slice` does. Every check therefore runs the very code
/// (one monomorphisation of `ClientEvent: Deserialize`) that rejected the input, and the wasm
/// module carries no second copy of the deserialisers.
fn within(prefix: &str, value: &Value, suffix: &str) -> Result<(), Found> {
    let mut text = Vec::with_capacity(prefix.len() + suffix.len() + 64);
    text.extend_from_slice(prefix.as_bytes());
    serde_json::to_writer(&mut text, value)?;
    text.extend_from_slice(suffix.as_bytes());
    serde_json::from_slice::<ClientEvent>(&text).map(drop)
}

/// A check fn: `check!("{\"type\":\"session.update\",\"session\":", "}")`.
macro_rules! check {
    ($prefix:literal, $suffix:literal) => {{
        fn check(value: &Value) -> Result<(), Found> {
            within($prefix, value, $suffix)
        }
        check
    }};
}

/// A rule for one position in the tree: which Rust type is there, and how to look below it.
#[derive(Clone, Copy)]
enum Rule {
    /// Checked as a whole; nothing below it is located further.
    Leaf(fn(&Value) -> Result<(), Found>),
    /// `Option<T>`: `null` is absent; otherwise the inner rule.
    Opt(&'static Rule),
    /// `Vec<T>`.
    List(fn(&Value) -> Result<(), Found>, &'static Rule),
    /// A struct: checked as a whole, then member by member.
    Struct(
        fn(&Value) -> Result<(), Found>,
        fn(&Value, &str) -> Option<Rule>,
    ),
}

/// Whether `value` fails `rule`; records the deepest failing values in `search`. Stops early once
/// serde's own error is found.
fn run(rule: Rule, value: &Value, path: &mut Vec<String>, search: &mut Search) -> bool {
    match rule {
        Rule::Leaf(check) => match check(value) {
            Ok(()) => false,
            Err(err) => {
                search.record(path, &err, value);
                true
            }
        },
        Rule::Opt(inner) => !value.is_null() && run(*inner, value, path, search),
        Rule::List(check, item) => {
            let Err(err) = check(value) else { return false };
            if let Value::Array(items) = value {
                // serde stops at the first failing element: bisect for it, each check on a
                // slice half the size of the last, so the whole search reads the list twice.
                let (mut lo, mut hi) = (0, items.len());
                while hi - lo > 1 {
                    let mid = lo + (hi - lo) / 2;
                    if check(&Value::Array(items[lo..mid].to_vec())).is_err() {
                        hi = mid;
                    } else {
                        lo = mid;
                    }
                }
                if let Some(element) = items.get(lo) {
                    path.push(lo.to_string());
                    let failed = run(*item, element, path, search);
                    path.pop();
                    if failed {
                        return true;
                    }
                }
            }
            search.record(path, &err, value);
            true
        }
        Rule::Struct(check, member) => match check(value) {
            Ok(()) => false,
            Err(err) => {
                descend(value, &err, member, path, search);
                true
            }
        },
    }
}

/// Below a struct that fails with `err`: its failing members, or else the struct itself.
fn descend(
    value: &Value,
    err: &Found,
    member: fn(&Value, &str) -> Option<Rule>,
    path: &mut Vec<String>,
    search: &mut Search,
) {
    let mut below = false;
    if let Value::Object(map) = value {
        for (key, child) in map {
            if let Some(rule) = member(value, key) {
                path.push(key.clone());
                below |= run(rule, child, path, search);
                path.pop();
                if search.exact {
                    return;
                }
            }
        }
    }
    if !below {
        if blames_tag(value, err) {
            path.push("type".to_owned());
            search.record(path, err, value);
            path.pop();
        } else {
            search.record(path, err, value);
        }
    }
}

/// Whether serde rejected the `type` tag of an internally tagged enum (`TurnDetection`,
/// `ToolDefinition`, `ClientEvent`): an unknown variant that is this object's own `type`, or a
/// `type` that is not a string.
fn blames_tag(value: &Value, err: &Found) -> bool {
    let message = err.to_string();
    match value.get("type") {
        Some(Value::String(name)) => message.starts_with(&format!("unknown variant `{name}`")),
        Some(_) => message.contains("expected variant identifier"),
        None => false,
    }
}

static STRING: Rule = Rule::Leaf(check!(
    r#"{"type":"conversation.item.delete","item_id":"#,
    "}"
));
static OPT_STRING: Rule = Rule::Opt(&STRING);
static OPT_BOOL: Rule = Rule::Opt(&Rule::Leaf(check!(
    r#"{"type":"session.update","session":{"turn_detection":{"type":"semantic_vad","eagerness":"","create_response":"#,
    "}}}"
)));
/// f32 where it is required (a server VAD `threshold`), so that `null` is rejected here too.
static F32: Rule = Rule::Leaf(check!(
    r#"{"type":"session.update","session":{"turn_detection":{"type":"server_vad","prefix_padding_ms":0,"silence_duration_ms":0,"threshold":"#,
    "}}}"
));
static U32: Rule = Rule::Leaf(check!(
    r#"{"type":"conversation.item.truncate","item_id":"","audio_end_ms":0,"content_index":"#,
    "}"
));
static STRINGS: Rule = Rule::List(
    check!(r#"{"type":"session.update","session":{"modalities":"#, "}}"),
    &STRING,
);
static SESSION: Rule = Rule::Struct(
    check!(r#"{"type":"session.update","session":"#, "}"),
    session_member,
);
static TURN_DETECTION: Rule = Rule::Struct(
    check!(
        r#"{"type":"session.update","session":{"turn_detection":"#,
        "}}"
    ),
    turn_detection_member,
);
static TOOL: Rule = Rule::Struct(
    check!(r#"{"type":"session.update","session":{"tools":["#, "]}}"),
    tool_member,
);
static TOOLS: Rule = Rule::List(
    check!(r#"{"type":"session.update","session":{"tools":"#, "}}"),
    &TOOL,
);
static TRANSCRIPTION: Rule = Rule::Struct(
    check!(
        r#"{"type":"session.update","session":{"input_audio_transcription":"#,
        "}}"
    ),
    transcription_member,
);
static ITEM: Rule = Rule::Struct(
    check!(r#"{"type":"conversation.item.create","item":"#, "}"),
    item_member,
);
static CONTENT: Rule = Rule::Struct(
    check!(
        r#"{"type":"conversation.item.create","item":{"content":["#,
        "]}}"
    ),
    content_member,
);
static CONTENTS: Rule = Rule::List(
    check!(
        r#"{"type":"conversation.item.create","item":{"content":"#,
        "}}"
    ),
    &CONTENT,
);

/// `type`, the tag of an internally tagged enum: a string naming one of its variants.
fn tag(value: &Value) -> Option<&str> {
    value.get("type").and_then(Value::as_str)
}

fn session_member(_: &Value, key: &str) -> Option<Rule> {
    Some(match key {
        "model" | "instructions" => OPT_STRING,
        "modalities" => Rule::Opt(&STRINGS),
        "voice" => Rule::Opt(&Rule::Leaf(check!(
            r#"{"type":"session.update","session":{"voice":"#,
            "}}"
        ))),
        "input_audio_format" | "output_audio_format" => Rule::Opt(&Rule::Leaf(check!(
            r#"{"type":"session.update","session":{"input_audio_format":"#,
            "}}"
        ))),
        "input_audio_transcription" => Rule::Opt(&TRANSCRIPTION),
        "turn_detection" => Rule::Opt(&TURN_DETECTION),
        "tools" => Rule::Opt(&TOOLS),
        "tool_choice" => Rule::Opt(&Rule::Leaf(check!(
            r#"{"type":"session.update","session":{"tool_choice":"#,
            "}}"
        ))),
        "temperature" => Rule::Opt(&F32),
        "max_response_output_tokens" => Rule::Opt(&Rule::Leaf(check!(
            r#"{"type":"session.update","session":{"max_response_output_tokens":"#,
            "}}"
        ))),
        _ => return None,
    })
}

fn transcription_member(_: &Value, key: &str) -> Option<Rule> {
    matches!(key, "language" | "model" | "prompt").then_some(OPT_STRING)
}

fn turn_detection_member(parent: &Value, key: &str) -> Option<Rule> {
    match (tag(parent)?, key) {
        ("server_vad", "threshold") => Some(F32),
        ("server_vad", "prefix_padding_ms" | "silence_duration_ms") => Some(U32),
        ("semantic_vad", "eagerness") => Some(STRING),
        ("server_vad" | "semantic_vad", "create_response" | "interrupt_response") => Some(OPT_BOOL),
        _ => None,
    }
}

fn tool_member(parent: &Value, key: &str) -> Option<Rule> {
    match (tag(parent)?, key) {
        ("function", "name" | "description") => Some(STRING),
        _ => None,
    }
}

fn item_member(_: &Value, key: &str) -> Option<Rule> {
    Some(match key {
        "id" | "call_id" | "name" | "arguments" | "output" => OPT_STRING,
        "type" => Rule::Opt(&Rule::Leaf(check!(
            r#"{"type":"conversation.item.create","item":{"type":"#,
            "}}"
        ))),
        "status" => Rule::Opt(&Rule::Leaf(check!(
            r#"{"type":"conversation.item.create","item":{"status":"#,
            "}}"
        ))),
        "role" => Rule::Opt(&Rule::Leaf(check!(
            r#"{"type":"conversation.item.create","item":{"role":"#,
            "}}"
        ))),
        "content" => Rule::Opt(&CONTENTS),
        _ => return None,
    })
}

fn content_member(_: &Value, key: &str) -> Option<Rule> {
    Some(match key {
        "type" => Rule::Leaf(check!(
            r#"{"type":"conversation.item.create","item":{"content":[{"type":"#,
            "}]}}"
        )),
        "text" | "audio" | "transcript" => OPT_STRING,
        _ => return None,
    })
}

fn event_member(parent: &Value, key: &str) -> Option<Rule> {
    if key == "event_id" {
        return Some(OPT_STRING);
    }
    Some(match (tag(parent)?, key) {
        ("session.update", "session") => SESSION,
        ("input_audio_buffer.append", "audio") => STRING,
        ("conversation.item.create", "previous_item_id") => OPT_STRING,
        ("conversation.item.create", "item") => ITEM,
        ("conversation.item.truncate" | "conversation.item.delete", "item_id") => STRING,
        ("conversation.item.truncate", "content_index" | "audio_end_ms") => U32,
        ("response.create", "response") => Rule::Opt(&SESSION),
        _ => return None,
    })
}

/// `err` is serde's own error for the whole input, which `value` holds.
pub(super) fn locate_event(value: &Value, err: &Found, search: &mut Search) {
    let mut path = Vec::new();
    match value {
        // serde also reads an event from an array: [type, then the fields in declaration order].
        // Only its tag is located; anything else is reported at the root.
        Value::Array(_) => {
            let message = bare_message(err);
            let tag_failed = message.starts_with("unknown variant")
                || message.contains("expected variant identifier")
                || message.starts_with("missing field `type`");
            if tag_failed {
                path.push("0".to_owned());
            }
            search.record(&path, err, value);
        }
        _ if blames_tag(value, err) => {
            path.push("type".to_owned());
            search.record(&path, err, value);
        }
        _ => descend(value, err, event_member, &mut path, search),
    }
}

/// Parses JSON into a `Value`, keeping the first of repeated members (serde's struct visitors
/// stop at the first occurrence; `Value` itself keeps the last).
pub(super) struct FirstWins;

impl<'de> DeserializeSeed<'de> for FirstWins {
    type Value = Value;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for FirstWins {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(FirstWins)? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut members = serde_json::Map::new();
        while let Some(key) = map.next_key::<String>()? {
            let value = map.next_value_seed(FirstWins)?;
            members.entry(key).or_insert(value);
        }
        Ok(Value::Object(members))
    }
}
