//! Turns a serde_json error into a located [`CodecError`].
//!
//! serde buffers internally tagged enums (`ClientEvent`, `TurnDetection`, `ToolDefinition`) and
//! untagged ones before it looks at their fields, so its errors carry no path and only the position
//! where the buffered object ended. This module recovers the exact place, on the error path only:
//!
//! 1. syntax errors: re-read the input with a visitor that tracks the path the parser was in. A
//!    document that is not JSON gets its syntax error even where serde stopped at a data error
//!    first (it reads `[1,` as a bad tag before it sees the rest): syntax errors take precedence;
//! 2. duplicate members (serde's own "duplicate field `k`"): find the first repeat of `k`;
//! 3. other data errors: parse the input into a `serde_json::Value` (keeping the first of any
//!    repeated member, as serde's struct visitors do) and ask the crate's own types, from the root
//!    down, which sub-value they reject (serde still decides validity; the table below only says
//!    which Rust type sits under which key, so that the descent can stop at the deepest failing
//!    value); then find that value's line/column in the text. Where several values fail, the one
//!    whose error is serde's own message wins, so the report names what serde stopped at.
//!
//! The cost is paid only by invalid input, and stays linear in its size: a failing list is
//! bisected (its elements are independent) rather than checked element by element.

use std::cell::RefCell;
use std::fmt;

use async_openai_wasm::types::realtime::ClientEvent;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::error::Category;
use serde_json::Value;

use crate::error::{classify_data_message, first_backticked, pointer_segment};
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
    let (path, _) = walk(input, None, u32::MAX);
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
    let serde_message = bare_message(err);
    if let Some(key) = serde_message
        .strip_prefix("duplicate field `")
        .and_then(|k| k.strip_suffix('`'))
    {
        if let (path, Some(dup)) = walk(input, Some(key), u32::MAX) {
            let mut out = CodecError::new(ErrorCode::DuplicateField, serde_message);
            out.path = pointer(&path);
            out.line = dup.line();
            out.column = dup.column();
            return out;
        }
    }
    // serde can meet a data error before the text stops being JSON (it reads `[1,` as a bad
    // tag, and checks for trailing characters last). A malformed document is a syntax error
    // first, whatever else is wrong with it: parse it all.
    let mut de = serde_json::Deserializer::from_slice(input);
    let value = match FirstWins
        .deserialize(&mut de)
        .and_then(|value| de.end().map(|()| value))
    {
        Ok(value) => Some(value),
        Err(syntax) if syntax.classify() != Category::Data => {
            return explain_syntax(input, &syntax)
        }
        Err(_) => None,
    };
    let located = value.and_then(|value| {
        let mut search = Search {
            want: &serde_message,
            best: None,
            exact: false,
        };
        locate_event(&value, err, &mut search);
        search.best
    });
    let Some(found) = located else {
        // Nothing to descend into: serde's own words, at the root, at serde's position.
        let (code, expected, expected_values, received) = classify_data_message(&serde_message);
        let mut out = CodecError::new(code, serde_message);
        out.expected = expected;
        out.expected_values = expected_values;
        out.received = received;
        out.line = err.line();
        out.column = err.column();
        return out;
    };
    let Candidate {
        mut path,
        message,
        refined,
    } = found;
    let (mut code, mut expected, mut expected_values, received) = classify_data_message(&message);
    if let Some((refined_code, refined_expected, refined_values)) = refined {
        code = refined_code;
        expected = Some(refined_expected.to_owned());
        expected_values = refined_values.iter().map(|v| (*v).to_owned()).collect();
    }
    // The text to point at: for a missing member, which has no text of its own, the object that
    // lacks it.
    let target = path.clone();
    // (An array-form event's tag is its element 0, whether wrong or missing.)
    if code == ErrorCode::MissingField && path != ["0"] {
        if let Some(field) = first_backticked(&message) {
            path.push(field.to_owned());
        }
    }
    if matches!(path.as_slice(), [tag] if tag == "type" || tag == "0")
        && code == ErrorCode::InvalidValue
    {
        code = ErrorCode::UnknownEventType;
    }
    let mut out = CodecError::new(code, message);
    out.path = pointer(&path);
    out.expected = expected;
    out.expected_values = expected_values;
    out.received = received;
    // Point at the value, or the nearest enclosing one that is in the text.
    let mut target = target;
    let (mut line, mut column) = position_of(input, &target);
    while line == 0 && target.pop().is_some() {
        (line, column) = position_of(input, &target);
    }
    out.line = line;
    out.column = column;
    out
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

/// A failing value with nothing failing below it.
struct Candidate {
    path: Vec<String>,
    message: String,
    /// A more precise code and expectation than serde's message gives (untagged enums).
    refined: Option<(ErrorCode, &'static str, &'static [&'static str])>,
}

/// The descent's state: the best candidate so far, and whether it is serde's own error.
struct Search<'a> {
    want: &'a str,
    best: Option<Candidate>,
    exact: bool,
}

impl Search<'_> {
    fn record(&mut self, path: &[String], err: &Found, value: &Value) {
        let message = bare_message(err);
        let exact = message == self.want;
        if self.exact || (self.best.is_some() && !exact) {
            return;
        }
        self.exact = exact;
        let refined = refine(&message, value);
        self.best = Some(Candidate {
            path: path.to_vec(),
            message,
            refined,
        });
    }
}

/// serde's untagged-enum errors ("data did not match any variant ...") say nothing of why:
/// classify them by the JSON type of the value.
fn refine(
    message: &str,
    value: &Value,
) -> Option<(ErrorCode, &'static str, &'static [&'static str])> {
    if message.ends_with("untagged enum MaxResponseOutputTokens") {
        const EXPECTED: &str = "an integer from 0 to 65535 (u16) or \"inf\"";
        return Some(match value {
            Value::Number(n) if n.is_i64() || n.is_u64() => (ErrorCode::OutOfRange, EXPECTED, &[]),
            Value::String(_) => (ErrorCode::InvalidValue, EXPECTED, &["inf"]),
            _ => (ErrorCode::InvalidType, EXPECTED, &[]),
        });
    }
    if message.ends_with("untagged enum ToolChoice") {
        const EXPECTED: &str =
            "\"auto\", \"none\", \"required\" or {\"type\":\"function\",\"name\":...}";
        return Some(match value {
            Value::String(_) => (
                ErrorCode::InvalidValue,
                EXPECTED,
                &["auto", "none", "required"],
            ),
            Value::Object(_) => (ErrorCode::InvalidValue, EXPECTED, &[]),
            _ => (ErrorCode::InvalidType, EXPECTED, &[]),
        });
    }
    None
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
fn locate_event(value: &Value, err: &Found, search: &mut Search) {
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
struct FirstWins;

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

// ---------------------------------------------------------------------------------------------
// Positions: re-read the text with visitors that follow or record a path.

/// Walks the whole document, recording the path the parser is in. Returns that path and the
/// error that stopped the walk: a syntax error, or with `duplicate_of` the first repeat of that
/// member (outside `tools[].parameters`, a free-form `Value` where repeats are legal).
fn walk(
    input: &[u8],
    duplicate_of: Option<&str>,
    max_depth: u32,
) -> (Vec<String>, Option<serde_json::Error>) {
    let path = RefCell::new(Vec::new());
    let mut de = serde_json::Deserializer::from_slice(input);
    let result = Walk {
        path: &path,
        duplicate_of,
        depth_left: max_depth,
    }
    .deserialize(&mut de)
    .and_then(|()| de.end());
    (path.into_inner(), result.err())
}

struct Walk<'a, 'k> {
    path: &'a RefCell<Vec<String>>,
    duplicate_of: Option<&'k str>,
    /// Containers that may still open below this point; entering one more is an error.
    depth_left: u32,
}

impl Walk<'_, '_> {
    /// Opens a container: the depth left below it, or an error if there is none.
    fn enter<E: de::Error>(&self) -> Result<u32, E> {
        self.depth_left
            .checked_sub(1)
            .ok_or_else(|| E::custom(TOO_DEEP))
    }
}

impl<'de> DeserializeSeed<'de> for Walk<'_, '_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Walk<'_, '_> {
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
        let depth_left = self.enter()?;
        let mut index = 0usize;
        loop {
            self.path.borrow_mut().push(index.to_string());
            let next = seq.next_element_seed(Walk {
                path: self.path,
                duplicate_of: self.duplicate_of,
                depth_left,
            })?;
            self.path.borrow_mut().pop();
            if next.is_none() {
                return Ok(());
            }
            index += 1;
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let depth_left = self.enter()?;
        let free_form = self
            .path
            .borrow()
            .iter()
            .any(|segment| segment == "parameters");
        let mut seen = false;
        while let Some(key) = map.next_key::<String>()? {
            if !free_form && self.duplicate_of == Some(key.as_str()) {
                if seen {
                    let message = format!("duplicate field `{key}`");
                    self.path.borrow_mut().push(key);
                    return Err(de::Error::custom(message));
                }
                seen = true;
            }
            self.path.borrow_mut().push(key);
            map.next_value_seed(Walk {
                path: self.path,
                duplicate_of: self.duplicate_of,
                depth_left,
            })?;
            self.path.borrow_mut().pop();
        }
        Ok(())
    }
}

/// The message of the walk's own depth error (told apart from serde_json's syntax errors).
const TOO_DEEP: &str = "\u{0}realtime-codec: nesting too deep";

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

/// Fails with `too_deep` if arrays and objects nest deeper than `max_depth` (outside strings).
/// A byte scan, run before parsing only when the limit is below serde_json's own.
pub(crate) fn check_depth(input: &[u8], max_depth: u32) -> Result<(), CodecError> {
    let (mut depth, mut in_string, mut escaped) = (0u32, false, false);
    for (offset, &byte) in input.iter().enumerate() {
        if in_string {
            match byte {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match byte {
            b'"' => in_string = true,
            b'{' | b'[' => {
                depth += 1;
                if depth > max_depth {
                    // One walk with the same limit: whichever comes first in the text, a syntax
                    // error or the container one level too deep (at the walk's path), wins.
                    let (path, stopped) = walk(input, None, max_depth);
                    if let Some(syntax) = stopped.filter(|e| !e.to_string().starts_with(TOO_DEEP)) {
                        return Err(explain_syntax(input, &syntax));
                    }
                    let mut err = CodecError::new(
                        ErrorCode::TooDeep,
                        format!("nesting deeper than {max_depth} (max_depth)"),
                    );
                    (err.line, err.column) = line_column(input, offset);
                    err.path = pointer(&path);
                    return Err(err);
                }
            }
            b'}' | b']' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
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
