//! Turns a serde_json error into a located [`CodecError`].
//!
//! serde buffers internally tagged enums (`ClientEvent`, `TurnDetection`, `ToolDefinition`) and
//! untagged ones before it looks at their fields, so its errors carry no path and only the position
//! where the buffered object ended. This module recovers the exact place, on the error path only:
//!
//! 1. syntax errors: re-read the input with a visitor that tracks the path the parser was in;
//! 2. data errors: parse the input into a `serde_json::Value` and ask the crate's own types, from the
//!    root down, which sub-value they reject (serde still decides validity; the table below only
//!    says which Rust type sits under which key, so that the descent can stop at the deepest
//!    failing value); then find that value's line/column in the text;
//! 3. duplicate keys (the only thing a `Value` cannot show): find the first duplicated member.
//!
//! When several values are invalid, the one reported is the first met walking each object's keys
//! in sorted order, depth first; serde itself may have stopped at a different one first.

use std::cell::RefCell;
use std::collections::HashSet;
use std::fmt;

use async_openai_wasm::types::realtime::ClientEvent;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::error::Category;
use serde_json::Value;

use crate::error::{backticked, classify_data_message, first_backticked, pointer_segment};
use crate::{CodecError, ErrorCode};

/// serde_json's Display appends " at line L column C"; the position is reported separately.
fn bare_message(err: &serde_json::Error) -> String {
    let text = err.to_string();
    if err.line() == 0 {
        return text;
    }
    let suffix = format!(" at line {} column {}", err.line(), err.column());
    text.strip_suffix(&suffix)
        .map(str::to_owned)
        .unwrap_or(text)
}

pub(crate) fn explain(input: &[u8], err: &serde_json::Error) -> CodecError {
    match err.classify() {
        Category::Data => explain_data(input, err),
        Category::Syntax | Category::Eof | Category::Io => explain_syntax(input, err),
    }
}

fn explain_syntax(input: &[u8], err: &serde_json::Error) -> CodecError {
    let message = bare_message(err);
    // "unexpected end of hex escape" is what serde_json says of a high surrogate with no low one.
    let code = if message.contains("surrogate")
        || message.contains("invalid unicode code point")
        || message.starts_with("unexpected end of hex escape")
    {
        ErrorCode::InvalidUnicode
    } else if message.starts_with("recursion limit exceeded") {
        ErrorCode::TooDeep
    } else if message.starts_with("number out of range") {
        ErrorCode::OutOfRange
    } else {
        ErrorCode::Syntax
    };
    let (path, _) = walk(input, false);
    let message = if message == "unexpected end of hex escape" {
        "lone leading surrogate in hex escape (a \\uD800-\\uDBFF not followed by a low surrogate)"
            .to_owned()
    } else {
        message
    };
    let mut out = CodecError::new(code, message);
    out.path = pointer(&path);
    out.line = err.line();
    out.column = err.column();
    out
}

fn explain_data(input: &[u8], err: &serde_json::Error) -> CodecError {
    // The input is well-formed up to the end of the value (serde reports data errors before it
    // checks for trailing characters), so this parse succeeds whenever the first one reached data.
    let mut de = serde_json::Deserializer::from_slice(input);
    let located = Value::deserialize(&mut de).ok().and_then(|value| {
        let mut path = Vec::new();
        locate_event(&value, &mut path).map(|found| (path, found))
    });
    match located {
        Some((mut path, found)) => {
            let message = bare_message(&found);
            let (mut code, expected, expected_values, received) = classify_data_message(&message);
            // The text to point at: for a missing member, which has no text of its own, the
            // object that lacks it.
            let target = path.clone();
            if code == ErrorCode::MissingField {
                if let Some(field) = first_backticked(&message) {
                    path.push(field.to_owned());
                }
            } else if path.len() == 1 && path[0] == "type" && code == ErrorCode::InvalidValue {
                code = ErrorCode::UnknownEventType;
            }
            let mut out = CodecError::new(code, message);
            out.path = pointer(&path);
            out.expected = expected;
            out.expected_values = expected_values;
            out.received = received;
            let (line, column) = position_of(input, &target);
            out.line = line;
            out.column = column;
            out
        }
        None => {
            // serde saw something a Value cannot: a repeated member. Report the first one.
            let (path, walk_err) = walk(input, true);
            let mut out = match walk_err {
                Some(dup) if bare_message(&dup).starts_with("duplicate field") => {
                    let mut out = CodecError::new(ErrorCode::DuplicateField, bare_message(&dup));
                    out.line = dup.line();
                    out.column = dup.column();
                    out.path = pointer(&path);
                    out
                }
                _ => {
                    let message = bare_message(err);
                    let (code, expected, expected_values, received) =
                        classify_data_message(&message);
                    let mut out = CodecError::new(code, message);
                    out.expected = expected;
                    out.expected_values = expected_values;
                    out.received = received;
                    out.line = err.line();
                    out.column = err.column();
                    out
                }
            };
            if out.expected_values.is_empty() {
                if let Some(expected) = &out.expected {
                    out.expected_values = backticked(expected);
                }
            }
            out
        }
    }
}

fn pointer(path: &[String]) -> String {
    path.iter()
        .map(|segment| format!("/{}", pointer_segment(segment)))
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Data errors: descend through the crate's types.

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

fn run(rule: Rule, value: &Value, path: &mut Vec<String>) -> Option<Found> {
    match rule {
        Rule::Leaf(check) => check(value).err(),
        Rule::Opt(inner) => {
            if value.is_null() {
                None
            } else {
                run(*inner, value, path)
            }
        }
        Rule::List(check, item) => {
            let err = check(value).err()?;
            if let Value::Array(items) = value {
                for (index, element) in items.iter().enumerate() {
                    path.push(index.to_string());
                    if let Some(found) = run(*item, element, path) {
                        return Some(found);
                    }
                    path.pop();
                }
            }
            Some(err)
        }
        Rule::Struct(check, member) => {
            let err = check(value).err()?;
            if let Value::Object(map) = value {
                for (key, child) in map {
                    if let Some(rule) = member(value, key) {
                        path.push(key.clone());
                        if let Some(found) = run(rule, child, path) {
                            return Some(found);
                        }
                        path.pop();
                    }
                }
            }
            if blames_tag(value, &err) {
                path.push("type".to_owned());
            }
            Some(err)
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
static F32: Rule = Rule::Leaf(check!(
    r#"{"type":"session.update","session":{"temperature":"#,
    "}}"
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

fn check_event(value: &Value) -> Result<(), Found> {
    within("", value, "")
}

fn locate_event(value: &Value, path: &mut Vec<String>) -> Option<Found> {
    let err = check_event(value).err()?;
    if blames_tag(value, &err) {
        path.push("type".to_owned());
        return Some(err);
    }
    if let Some(found) = run(Rule::Struct(check_event, event_member), value, path) {
        return Some(found);
    }
    Some(err)
}

// ---------------------------------------------------------------------------------------------
// Positions: re-read the text with visitors that follow or record a path.

/// Walks the whole document, recording the path the parser is in. Returns that path and the
/// error that stopped the walk (a syntax error, or with `find_duplicates` a repeated member).
fn walk(input: &[u8], find_duplicates: bool) -> (Vec<String>, Option<serde_json::Error>) {
    let path = RefCell::new(Vec::new());
    let mut de = serde_json::Deserializer::from_slice(input);
    let result = Walk {
        path: &path,
        find_duplicates,
    }
    .deserialize(&mut de)
    .and_then(|()| de.end());
    (path.into_inner(), result.err())
}

struct Walk<'a> {
    path: &'a RefCell<Vec<String>>,
    find_duplicates: bool,
}

impl<'de> DeserializeSeed<'de> for Walk<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Walk<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut index = 0usize;
        loop {
            self.path.borrow_mut().push(index.to_string());
            let next = seq.next_element_seed(Walk {
                path: self.path,
                find_duplicates: self.find_duplicates,
            })?;
            self.path.borrow_mut().pop();
            if next.is_none() {
                return Ok(());
            }
            index += 1;
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        // Members of `tools[].parameters` are a serde_json::Value: repeats are legal there (last wins).
        let free_form = self
            .path
            .borrow()
            .iter()
            .any(|segment| segment == "parameters");
        let mut seen = HashSet::new();
        while let Some(key) = map.next_key::<String>()? {
            if self.find_duplicates && !free_form && !seen.insert(key.clone()) {
                let message = format!("duplicate field `{key}`");
                self.path.borrow_mut().push(key);
                return Err(de::Error::custom(message));
            }
            self.path.borrow_mut().push(key);
            map.next_value_seed(Walk {
                path: self.path,
                find_duplicates: self.find_duplicates,
            })?;
            self.path.borrow_mut().pop();
        }
        Ok(())
    }
}

const FOUND: &str = "\u{0}realtime-codec: target reached";

/// The 1-based line and byte column where the value at `path` starts (the first occurrence, if a
/// key repeats). (0, 0) if the path cannot be followed.
fn position_of(input: &[u8], path: &[String]) -> (usize, usize) {
    let start = if path.is_empty() {
        0
    } else {
        let mut de = serde_json::Deserializer::from_slice(input);
        let err = match (Seek { path }).deserialize(&mut de) {
            Err(err) if err.to_string().starts_with(FOUND) => err,
            _ => return (0, 0),
        };
        // serde_json fixes the position after it skipped the whitespace before the value: its
        // column there is the 0-based index of the value's first byte within the line.
        match offset_of(input, err.line(), err.column()) {
            Some(offset) => offset,
            None => return (0, 0),
        }
    };
    let skipped = input[start..]
        .iter()
        .take_while(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
        .count();
    line_column(input, start + skipped)
}

fn offset_of(input: &[u8], line: usize, column: usize) -> Option<usize> {
    if line == 0 {
        return None;
    }
    let mut start = 0usize;
    for _ in 1..line {
        start += input.get(start..)?.iter().position(|&b| b == b'\n')? + 1;
    }
    Some((start + column).min(input.len()))
}

pub(crate) fn line_column(input: &[u8], offset: usize) -> (usize, usize) {
    let before = &input[..offset.min(input.len())];
    let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
    let start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    (line, offset - start + 1)
}

struct Seek<'a> {
    path: &'a [String],
}

impl<'de> DeserializeSeed<'de> for Seek<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        if self.path.is_empty() {
            return Err(de::Error::custom(FOUND));
        }
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Seek<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a container")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let target: usize = self.path[0]
            .parse()
            .map_err(|_| de::Error::custom("not an index"))?;
        for _ in 0..target {
            if seq.next_element::<de::IgnoredAny>()?.is_none() {
                return Ok(());
            }
        }
        seq.next_element_seed(Seek {
            path: &self.path[1..],
        })?;
        Ok(())
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<String>()? {
            if key == self.path[0] {
                return map.next_value_seed(Seek {
                    path: &self.path[1..],
                });
            }
            map.next_value::<de::IgnoredAny>()?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_round_trip() {
        let text = b"{\n  \"a\": 1,\n  \"b\": [true]\n}";
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, 9), (2, 8));
        assert_eq!(offset_of(text, 2, 7), Some(9));
    }

    #[test]
    fn seek_finds_nested_values() {
        let text = b"{\"a\": {\"b\": [0, \n   7]}}";
        assert_eq!(
            position_of(text, &["a".into(), "b".into(), "1".into()]),
            (2, 4)
        );
        assert_eq!(position_of(text, &["a".into()]), (1, 7));
        let tight = b"{\"a\":{\"b\":[0,7]}}";
        assert_eq!(
            position_of(tight, &["a".into(), "b".into(), "1".into()]),
            (1, 14)
        );
        assert_eq!(position_of(tight, &["a".into()]), (1, 6));
        assert_eq!(position_of(text, &[]), (1, 1));
        assert_eq!(position_of(text, &["zzz".into()]), (0, 0));
    }
}
