//! Data errors: descend through the crate's types, from the event down, to the deepest value
//! the crate rejects. Which Rust type sits under which key comes from the shape table
//! (`crate::shape`, checked against the crate by `crate/tests/shapes.rs`); the crate itself decides
//! every verdict. It reports each failing value to a [`Search`] and knows nothing of codes or
//! positions.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{DeserializeOwned, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::Value;

use super::bare_message;
use super::explain::Search;
use crate::shape::{Def, Member, Presence, Protocol, Ty};

type Found = serde_json::Error;

/// Where a value stands: `event` is an otherwise minimal valid event, `path` the place in it.
#[derive(Clone)]
struct Slot {
    event: Value,
    path: Vec<Seg>,
}

#[derive(Clone)]
enum Seg {
    Key(&'static str),
    /// The only element of a list.
    First,
}

impl Slot {
    /// The event with `value` at the slot.
    fn with(&self, value: Value) -> Value {
        fn put(at: &mut Value, path: &[Seg], value: Value) {
            let Some((first, rest)) = path.split_first() else {
                *at = value;
                return;
            };
            match first {
                Seg::Key(key) => {
                    if !at.is_object() {
                        *at = Value::Object(serde_json::Map::new());
                    }
                    if let Value::Object(map) = at {
                        put(
                            map.entry((*key).to_owned()).or_insert(Value::Null),
                            rest,
                            value,
                        );
                    }
                }
                Seg::First => {
                    // The list keeps its one element (a minimal struct, for its members' slots).
                    let first = match at {
                        Value::Array(items) if !items.is_empty() => items.swap_remove(0),
                        _ => Value::Null,
                    };
                    *at = Value::Array(vec![first]);
                    if let Value::Array(items) = at {
                        if let Some(item) = items.first_mut() {
                            put(item, rest, value);
                        }
                    }
                }
            }
        }
        let mut event = self.event.clone();
        put(&mut event, &self.path, value);
        event
    }

    fn then(&self, seg: Seg) -> Slot {
        let mut path = self.path.clone();
        path.push(seg);
        Slot {
            event: self.event.clone(),
            path,
        }
    }
}

/// The descent over one protocol direction: the shape table and the root enum `T`.
struct Descent<'s, 'w, T> {
    table: &'static Protocol,
    search: &'s mut Search<'w>,
    root: PhantomData<fn() -> T>,
}

impl<T: DeserializeOwned> Descent<'_, '_, T> {
    /// Asks the crate about `value` by placing it at `slot` in an otherwise valid event and
    /// decoding that event exactly as `decode_slice` does. Every check therefore runs the very
    /// code (one monomorphisation of the root's `Deserialize`) that rejected the input, and the
    /// wasm module carries no second copy of the deserialisers.
    fn check(slot: &Slot, value: &Value) -> Result<(), Found> {
        let text = serde_json::to_vec(&slot.with(value.clone()))?;
        serde_json::from_slice::<T>(&text).map(drop)
    }

    /// Whether `value` fails as a `ty`; records the deepest failing values. Stops early once
    /// serde's own error is found.
    fn run(&mut self, ty: Ty, value: &Value, slot: &Slot, path: &mut Vec<String>) -> bool {
        let Err(err) = Self::check(slot, value) else {
            return false;
        };
        match ty {
            Ty::List(item) => {
                if let Value::Array(items) = value {
                    // serde stops at the first failing element: bisect for it, each check on a
                    // slice half the size of the last, so the whole search reads the list twice.
                    let (mut lo, mut hi) = (0, items.len());
                    while hi - lo > 1 {
                        let mid = lo + (hi - lo) / 2;
                        if Self::check(slot, &Value::Array(items[lo..mid].to_vec())).is_err() {
                            hi = mid;
                        } else {
                            lo = mid;
                        }
                    }
                    if let Some(element) = items.get(lo) {
                        path.push(lo.to_string());
                        let failed = self.run(*item, element, &slot.then(Seg::First), path);
                        path.pop();
                        if failed {
                            return true;
                        }
                    }
                }
                self.search.record(path, &err, value);
            }
            Ty::Ref(name) => match self.table.get(name).map(|row| row.def) {
                Some(Def::Struct(members)) => {
                    self.descend(value, &err, &Variant::plain(members), slot, path);
                }
                Some(def @ Def::Tagged { .. }) => {
                    let chosen = variant(self.table, def, value);
                    self.descend(value, &err, &chosen, slot, path);
                }
                // Closed lists and untagged enums: checked as a whole.
                _ => self.search.record(path, &err, value),
            },
            _ => self.search.record(path, &err, value),
        }
        true
    }

    /// Below a struct that fails with `err`: its failing members, or else the struct itself.
    fn descend(
        &mut self,
        value: &Value,
        err: &Found,
        chosen: &Variant,
        slot: &Slot,
        path: &mut Vec<String>,
    ) {
        let members = chosen.members;
        let mut below = false;
        if let Value::Object(map) = value {
            // Each member is asked about with the others at their minimal valid values (and
            // every tag of the variant, outer first: a GA message item carries `type` and `role`).
            let mut minimal = self.table.minimal_struct(members, None);
            if let Value::Object(minimal) = &mut minimal {
                for (key, tag) in &chosen.tags {
                    minimal.insert((*key).to_owned(), Value::from(*tag));
                }
            }
            let here = Slot {
                event: slot.with(minimal),
                path: slot.path.clone(),
            };
            for (key, child) in map {
                let Some(member) = members.iter().find(|m| m.name == key) else {
                    continue;
                };
                // An unset option: `null` reads as absent.
                if child.is_null() && member.presence != Presence::Required {
                    continue;
                }
                path.push(key.clone());
                below |= self.run(member.ty, child, &here.then(Seg::Key(member.name)), path);
                path.pop();
                if self.search.exact {
                    return;
                }
            }
        }
        if !below {
            if blames_tag(value, err, chosen.stuck) {
                path.push(chosen.stuck.to_owned());
                self.search.record(path, err, value);
                path.pop();
            } else {
                self.search.record(path, err, value);
            }
        }
    }
}

/// The struct a value is read as: its members and the tags (key, value) that chose it, outer
/// first. `stuck` is the tag key a failure is blamed on when no member fails: the first tag whose
/// value is missing, not a string or unknown (serde then blames that tag), else `type`.
struct Variant {
    members: &'static [Member],
    tags: Vec<(&'static str, &'static str)>,
    stuck: &'static str,
}

impl Variant {
    /// A plain struct: no tags.
    fn plain(members: &'static [Member]) -> Variant {
        Variant {
            members,
            tags: Vec::new(),
            stuck: "type",
        }
    }
}

/// The variant of tagged `def` that `value`'s tags name, descending through a variant that is
/// itself tagged (GA's `message` item, tagged on `role` inside `type`) to its struct; no members
/// when a tag is missing, not a string or unknown.
fn variant(table: &'static Protocol, def: Def, value: &Value) -> Variant {
    let mut tags = Vec::new();
    let mut def = def;
    while let Def::Tagged { tag, variants } = def {
        let chosen = value
            .get(tag)
            .and_then(Value::as_str)
            .and_then(|v| variants.iter().find(|(value, _)| *value == v));
        let Some((found, next)) = chosen.and_then(|(v, name)| Some((*v, table.get(name)?.def)))
        else {
            return Variant {
                members: &[],
                tags: Vec::new(),
                stuck: tag,
            };
        };
        tags.push((tag, found));
        match next {
            Def::Struct(members) => {
                return Variant {
                    members,
                    tags,
                    stuck: "type",
                }
            }
            inner => def = inner,
        }
    }
    Variant::plain(&[])
}

/// Whether serde rejected the `key` tag of an internally tagged enum (`TurnDetection`,
/// `ToolDefinition`, `ClientEvent`, GA's message `role`): an unknown variant that is this
/// object's own tag value, or a tag that is not a string.
fn blames_tag(value: &Value, err: &Found, key: &str) -> bool {
    let message = err.to_string();
    match value.get(key) {
        Some(Value::String(name)) => message.starts_with(&format!("unknown variant `{name}`")),
        Some(_) => message.contains("expected variant identifier"),
        None => false,
    }
}

/// `err` is serde's own error for the whole input, which `value` holds; `T` is the root enum
/// that rejected it, `root` its row in `table`.
pub(super) fn locate_event<T: DeserializeOwned>(
    table: &'static Protocol,
    root: &'static str,
    value: &Value,
    err: &Found,
    search: &mut Search,
) {
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
        _ if blames_tag(value, err, "type") => {
            path.push("type".to_owned());
            search.record(&path, err, value);
        }
        _ => {
            let mut descent = Descent::<T> {
                table,
                search,
                root: PhantomData,
            };
            let slot = Slot {
                event: Value::Null,
                path: Vec::new(),
            };
            if let Some(def) = table.get(root).map(|row| row.def) {
                let chosen = variant(table, def, value);
                descent.descend(value, err, &chosen, &slot, &mut path);
            }
        }
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
