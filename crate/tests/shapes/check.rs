//! The generic half of the shape table's check: every row, asked of the crate through the
//! protocol's root enum. A value of each type is placed in an otherwise minimal valid event, the
//! event is decoded and written back by the crate, and the answer is compared with the row.

use std::collections::HashMap;
use std::fmt;

use realtime_codec::shape::{Def, Member, Presence, Protocol, Ty, TypeRow};
use serde::de::{Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{json, Value};

/// Decodes text as the root enum and writes it back: the canonical text, or serde's message.
pub type Root = fn(&str) -> Result<String, String>;

/// A JSON value whose objects keep their members in text order (serde_json's `Value` sorts them).
#[derive(Debug, Clone, PartialEq)]
pub enum Ordered {
    Object(Vec<(String, Ordered)>),
    Array(Vec<Ordered>),
    Leaf(Value),
}

impl Ordered {
    pub fn parse(text: &str) -> Ordered {
        let mut de = serde_json::Deserializer::from_str(text);
        de.deserialize_any(OrderedVisitor)
            .unwrap_or(Ordered::Leaf(Value::Null))
    }
    pub fn keys(&self) -> Option<Vec<&str>> {
        match self {
            Ordered::Object(members) => Some(members.iter().map(|(k, _)| k.as_str()).collect()),
            _ => None,
        }
    }
    fn at(&self, path: &[Seg]) -> Option<&Ordered> {
        let Some((first, rest)) = path.split_first() else {
            return Some(self);
        };
        match (self, first) {
            (Ordered::Object(members), Seg::Key(key)) => {
                members.iter().find(|(k, _)| k == key)?.1.at(rest)
            }
            (Ordered::Array(items), Seg::Index) => items.first()?.at(rest),
            _ => None,
        }
    }
    /// Back to compact JSON text, in this order.
    pub fn text(&self) -> String {
        match self {
            Ordered::Leaf(v) => v.to_string(),
            Ordered::Array(items) => {
                format!(
                    "[{}]",
                    items
                        .iter()
                        .map(Ordered::text)
                        .collect::<Vec<_>>()
                        .join(",")
                )
            }
            Ordered::Object(members) => format!(
                "{{{}}}",
                members
                    .iter()
                    .map(|(k, v)| format!("{}:{}", Value::from(k.as_str()), v.text()))
                    .collect::<Vec<_>>()
                    .join(",")
            ),
        }
    }
}

struct OrderedVisitor;

impl<'de> Visitor<'de> for OrderedVisitor {
    type Value = Ordered;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("JSON")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Ordered, E> {
        Ok(Ordered::Leaf(v.into()))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Ordered, E> {
        Ok(Ordered::Leaf(v.into()))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Ordered, E> {
        Ok(Ordered::Leaf(v.into()))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Ordered, E> {
        Ok(Ordered::Leaf(v.into()))
    }
    fn visit_str<E>(self, v: &str) -> Result<Ordered, E> {
        Ok(Ordered::Leaf(v.into()))
    }
    fn visit_unit<E>(self) -> Result<Ordered, E> {
        Ok(Ordered::Leaf(Value::Null))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Ordered, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(OrderedSeed)? {
            items.push(item);
        }
        Ok(Ordered::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Ordered, A::Error> {
        let mut members = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            members.push((key, map.next_value_seed(OrderedSeed)?));
        }
        Ok(Ordered::Object(members))
    }
}

struct OrderedSeed;

impl<'de> serde::de::DeserializeSeed<'de> for OrderedSeed {
    type Value = Ordered;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Ordered, D::Error> {
        d.deserialize_any(OrderedVisitor)
    }
}

/// One step down from a value to a part of it.
#[derive(Debug, Clone, PartialEq)]
enum Seg {
    Key(String),
    /// The first (only) element of a list.
    Index,
}

/// Where a value of some type can stand: a minimal valid root event with a hole at `path`.
#[derive(Debug, Clone)]
struct Slot {
    event: Value,
    path: Vec<Seg>,
    /// Inside an untagged enum, whose errors name no member and no kind: refusals are only
    /// checked to be refusals.
    vague: bool,
    /// An alternative of an untagged enum that also takes any string (GA's `RealtimeVoice`,
    /// `Other(String)`): a string that is none of this enum's values is accepted, as itself.
    open: bool,
    /// Below an untagged enum with a catch-all `serde_json::Value` alternative (GA's prompt
    /// `variables`): the crate accepts every JSON value there, so no refusal can be asked.
    lenient: bool,
    /// The tags of the enclosing tagged enums when this slot holds a tagged enum that is itself a
    /// variant (GA: `{"type": "message", "role": ...}`): written into every object placed here,
    /// and written back first.
    outer: Vec<(&'static str, &'static str)>,
}

impl Slot {
    fn with(&self, value: Value) -> Value {
        fn put(at: &mut Value, path: &[Seg], value: Value) {
            match path.split_first() {
                None => *at = value,
                Some((Seg::Key(k), rest)) => {
                    if !at.is_object() {
                        *at = json!({});
                    }
                    if let Value::Object(map) = at {
                        put(map.entry(k.clone()).or_insert(Value::Null), rest, value);
                    }
                }
                Some((Seg::Index, rest)) => {
                    if !at.is_array() {
                        *at = json!([]);
                    }
                    if let Value::Array(items) = at {
                        if items.is_empty() {
                            items.push(Value::Null);
                        }
                        put(&mut items[0], rest, value);
                    }
                }
            }
        }
        let mut value = value;
        if let Value::Object(map) = &mut value {
            for (tag, v) in &self.outer {
                map.insert((*tag).to_owned(), json!(v));
            }
        }
        let mut event = self.event.clone();
        put(&mut event, &self.path, value);
        event
    }
    fn member(&self, key: &str) -> Slot {
        let mut path = self.path.clone();
        path.push(Seg::Key(key.to_owned()));
        Slot {
            event: self.event.clone(),
            path,
            vague: self.vague,
            open: false,
            lenient: self.lenient,
            outer: Vec::new(),
        }
    }
    /// The same place, holding a tagged enum that is the variant `(tag, value)` of another.
    fn inside(&self, tag: &'static str, value: &'static str) -> Slot {
        let mut slot = self.clone();
        slot.outer.push((tag, value));
        slot
    }
    /// Whether a refusal can be asked here.
    fn refuses(&self) -> bool {
        !self.lenient
    }
}

/// The checker: collects every disagreement between the rows and the crate.
pub struct Checker<'p> {
    p: &'p Protocol,
    /// The client root's decoder, and the server root's where the protocol has one.
    client: Root,
    server: Option<Root>,
    /// The decoder of the root being checked.
    root: Root,
    pub problems: Vec<String>,
}

/// A struct whose members lead further down, with the tag (key, value) it is written under.
type Holder = (Option<(&'static str, &'static str)>, &'static [Member]);

impl<'p> Checker<'p> {
    pub fn new(p: &'p Protocol, client: Root, server: Option<Root>) -> Self {
        Checker {
            p,
            client,
            server,
            root: client,
            problems: Vec::new(),
        }
    }

    fn fail(&mut self, what: impl Into<String>) {
        self.problems.push(what.into());
    }

    fn row(&mut self, name: &str) -> Option<&'static TypeRow> {
        let found = self.p.types.iter().find(|r| r.name == name);
        if found.is_none() {
            self.fail(format!("type {name} is referenced but has no row"));
        }
        found
    }

    /// A fully populated valid value of `ty`: every member set, lists of one (to depth 6; the
    /// minimal values come from the table itself, `Protocol::minimal`).
    fn sample(&mut self, ty: Ty, depth: u32) -> Value {
        match ty {
            Ty::Str => json!("s"),
            Ty::Bool => json!(true),
            Ty::U8 | Ty::U16 | Ty::U32 => json!(7),
            Ty::F32 => json!(0.5),
            Ty::F64 => json!(0.25),
            Ty::Json => json!({"k": 1}),
            Ty::Literal(s) => json!(s),
            Ty::Map(value) => {
                if depth < 6 {
                    json!({ "k": self.sample(*value, depth + 1) })
                } else {
                    json!({})
                }
            }
            Ty::List(item) => {
                if depth < 6 {
                    json!([self.sample(*item, depth + 1)])
                } else {
                    json!([])
                }
            }
            Ty::Ref(name) => {
                let Some(row) = self.row(name) else {
                    return Value::Null;
                };
                match row.def {
                    Def::Enum(values) => json!(values.first().copied().unwrap_or("")),
                    Def::Struct(members) => self.object(members, None, depth),
                    Def::Tagged { tag, variants } => match variants.first() {
                        Some((value, name)) if self.nested(name) => {
                            let mut inner = self.sample(Ty::Ref(name), depth);
                            if let Value::Object(map) = &mut inner {
                                map.insert((*tag).to_owned(), json!(value));
                            }
                            inner
                        }
                        Some((value, name)) => {
                            let members = self.struct_members(name);
                            self.object(members, Some((tag, value)), depth)
                        }
                        None => Value::Null,
                    },
                    Def::Untagged(alternatives) => match alternatives.first() {
                        Some(alt) => self.sample(*alt, depth),
                        None => Value::Null,
                    },
                }
            }
        }
    }

    /// Whether the variant `name` of a tagged enum is itself a tagged enum (a nested tag).
    fn nested(&self, name: &str) -> bool {
        self.p
            .get(name)
            .is_some_and(|r| matches!(r.def, Def::Tagged { .. }))
    }

    fn struct_members(&mut self, name: &str) -> &'static [Member] {
        match self.row(name).map(|r| r.def) {
            Some(Def::Struct(members)) => members,
            Some(_) => {
                self.fail(format!("variant {name} is not a struct row"));
                &[]
            }
            None => &[],
        }
    }

    fn object(&mut self, members: &[Member], tag: Option<(&str, &str)>, depth: u32) -> Value {
        let mut map = serde_json::Map::new();
        if let Some((key, value)) = tag {
            map.insert(key.to_owned(), json!(value));
        }
        for m in members {
            if m.presence == Presence::Required || depth < 6 {
                let v = self.sample(m.ty, depth + 1);
                map.insert(m.name.to_owned(), v);
            }
        }
        Value::Object(map)
    }

    /// Decodes `event`; on success the canonical text's value at `slot.path`.
    fn ask(&self, slot: &Slot, value: Value) -> Result<Ordered, String> {
        let text = slot.with(value).to_string();
        let canonical = (self.root)(&text)?;
        Ordered::parse(&canonical)
            .at(&slot.path)
            .cloned()
            .ok_or_else(|| format!("nothing at the slot in {canonical}"))
    }

    /// A slot for every named type reachable from `root` (the first, shallowest one found).
    fn slots(&mut self, root: &str) -> HashMap<&'static str, Slot> {
        let mut slots: HashMap<&'static str, Slot> = HashMap::new();
        let Some(row) = self.row(root) else {
            return slots;
        };
        let mut queue = vec![(
            row,
            Slot {
                event: Value::Null,
                path: Vec::new(),
                vague: false,
                open: false,
                lenient: false,
                outer: Vec::new(),
            },
        )];
        while !queue.is_empty() {
            let (row, slot) = queue.remove(0);
            if slots.contains_key(row.name) {
                continue;
            }
            slots.insert(row.name, slot.clone());
            // The containers whose members lead further down: (tag, struct members).
            let mut holders: Vec<Holder> = Vec::new();
            match row.def {
                Def::Struct(members) => holders.push((None, members)),
                Def::Tagged { tag, variants } => {
                    for (value, name) in variants {
                        if self.nested(name) {
                            // A tagged enum as a variant: its own variants lead further down.
                            if let Some(vrow) = self.row(name) {
                                queue.push((vrow, slot.inside(tag, value)));
                            }
                            continue;
                        }
                        if let Some(vrow) = self.row(name) {
                            if !slots.contains_key(vrow.name) {
                                queue.push((vrow, slot.clone()));
                            }
                        }
                        holders.push((Some((tag, value)), self.struct_members(name)));
                    }
                }
                Def::Untagged(alternatives) => {
                    let takes_strings = alternatives.iter().any(|a| matches!(a, Ty::Str | Ty::Json));
                    let takes_all = alternatives.contains(&Ty::Json);
                    for alt in alternatives {
                        for name in refs(*alt) {
                            if let Some(r) = self.row(name) {
                                queue.push((
                                    r,
                                    Slot {
                                        vague: true,
                                        open: takes_strings,
                                        lenient: slot.lenient || takes_all,
                                        ..slot.clone()
                                    },
                                ));
                            }
                        }
                    }
                }
                Def::Enum(_) => {}
            }
            for (tag, members) in holders {
                let base = self.p.minimal_struct(members, tag);
                let here = Slot {
                    event: slot.with(base),
                    ..slot.clone()
                };
                for m in members {
                    let mut below = here.member(m.name);
                    let mut ty = m.ty;
                    while let Ty::List(item) = ty {
                        below.path.push(Seg::Index);
                        ty = *item;
                    }
                    for name in refs(ty) {
                        if let Some(r) = self.row(name) {
                            queue.push((r, below.clone()));
                        }
                    }
                }
            }
        }
        slots
    }

    /// Checks every row reachable from the protocol's roots; every row must be reachable.
    pub fn run(&mut self) {
        let mut roots = vec![(self.p.client, self.client)];
        match (self.p.server, self.server) {
            (Some(name), Some(decode)) => roots.push((name, decode)),
            (None, None) => {}
            _ => self.fail("the rows and the test disagree on whether there is a server root"),
        }
        let mut seen: HashMap<&'static str, ()> = HashMap::new();
        for (root, decode) in roots {
            self.root = decode;
            let slots = self.slots(root);
            let mut names: Vec<_> = slots.keys().copied().collect();
            names.sort_unstable();
            for name in names {
                seen.insert(name, ());
                let slot = &slots[name];
                // A variant struct is checked through its tagged enum (it needs the tag).
                if self.tagged_owner(name).is_some() {
                    continue;
                }
                self.check_type(name, slot);
            }
        }
        for row in self.p.types {
            if !seen.contains_key(row.name) {
                self.fail(format!("{} is not reachable from the roots", row.name));
            }
        }
    }

    fn tagged_owner(&self, name: &str) -> Option<&'static TypeRow> {
        self.p.types.iter().find(|r| match r.def {
            Def::Tagged { variants, .. } => variants.iter().any(|(_, n)| *n == name),
            _ => false,
        })
    }

    fn check_type(&mut self, name: &'static str, slot: &Slot) {
        let Some(row) = self.row(name) else { return };
        match row.def {
            Def::Struct(members) => self.check_struct(name, members, None, slot),
            Def::Tagged { tag, variants } => {
                let values: Vec<&str> = variants.iter().map(|(v, _)| *v).collect();
                let bogus = self.ask(slot, json!({ (tag): "zz_not_a_variant" }));
                let missing = self.ask(slot, json!({}));
                if slot.vague {
                    // Inside an untagged enum serde's message names no variant: refusals only.
                    if slot.refuses() && (bogus.is_ok() || missing.is_ok()) {
                        self.fail(format!("{name}: an unknown or missing `{tag}` is accepted"));
                    }
                } else {
                    self.expect_list(name, tag, bogus, &values);
                    if missing
                        .err()
                        .is_none_or(|e| !e.contains(&format!("missing field `{tag}`")))
                    {
                        self.fail(format!(
                            "{name}: a missing `{tag}` is not serde's missing_field"
                        ));
                    }
                }
                for (value, vname) in variants {
                    if self.nested(vname) {
                        self.check_type(vname, &slot.inside(tag, value));
                        continue;
                    }
                    let members = self.struct_members(vname);
                    self.check_struct(vname, members, Some((tag, value)), slot);
                }
            }
            Def::Enum(values) => {
                // Only reachable through untagged enums or lists: each value reads, others do not
                // (unless the untagged enum also takes any string).
                for v in values {
                    if let Err(e) = self.ask(slot, json!(v)) {
                        self.fail(format!("{name}: value `{v}` is refused: {e}"));
                    }
                }
                let unknown = self.ask(slot, json!("zz_not_a_value"));
                if slot.open {
                    if unknown.as_ref().map(Ordered::text) != Ok("\"zz_not_a_value\"".to_owned()) {
                        self.fail(format!(
                            "{name}: an open enum does not keep another string as written: {unknown:?}"
                        ));
                    }
                } else if slot.refuses() && unknown.is_ok() {
                    self.fail(format!("{name}: an unknown value is accepted"));
                }
            }
            Def::Untagged(alternatives) => {
                for alt in alternatives {
                    let v = self.sample(*alt, 0);
                    if let Err(e) = self.ask(slot, v.clone()) {
                        self.fail(format!("{name}: alternative {v} is refused: {e}"));
                    }
                }
                let takes_all = alternatives.contains(&Ty::Json);
                let none = self.ask(slot, json!([[]]));
                if takes_all {
                    // The catch-all keeps what no other alternative reads, as JSON.
                    if none.as_ref().map(Ordered::text) != Ok("[[]]".to_owned()) {
                        self.fail(format!("{name}: the JSON alternative does not keep [[]]: {none:?}"));
                    }
                } else if slot.refuses() && none.is_ok() {
                    self.fail(format!("{name}: a value of no alternative is accepted"));
                }
                // The alternatives' own kinds; serde's message for an untagged enum names none
                // (and with a catch-all alternative, nothing is refused).
                let here = Slot {
                    lenient: slot.lenient || takes_all,
                    ..slot.clone()
                };
                for alt in alternatives {
                    if !matches!(alt, Ty::Ref(_)) {
                        self.check_ty(name, "(alternative)", *alt, &here, false);
                    }
                }
            }
        }
    }

    fn check_struct(
        &mut self,
        name: &str,
        members: &'static [Member],
        tag: Option<(&str, &str)>,
        slot: &Slot,
    ) {
        let tag_key: Vec<&str> = tag.map(|(k, _)| k).into_iter().collect();
        // Fully populated: every member written, in declaration order.
        let full = self.object(members, tag, 0);
        match self.ask(slot, full.clone()) {
            Ok(out) => {
                let want: Vec<&str> = slot
                    .outer
                    .iter()
                    .map(|(k, _)| *k)
                    .chain(tag_key.iter().copied())
                    .chain(members.iter().map(|m| m.name))
                    .collect();
                if out.keys().as_deref() != Some(&want[..]) {
                    self.fail(format!(
                        "{name}: fully populated, the crate writes {} (rows say {want:?})",
                        out.text()
                    ));
                }
            }
            Err(e) => self.fail(format!(
                "{name}: a fully populated value is refused: {e} ({full})"
            )),
        }
        // Minimal: required members, and the nullable ones as null.
        let minimal = self.p.minimal_struct(members, tag);
        match self.ask(slot, minimal.clone()) {
            Ok(out) => {
                let want: Vec<&str> = slot
                    .outer
                    .iter()
                    .map(|(k, _)| *k)
                    .chain(tag_key.iter().copied())
                    .chain(
                        members
                            .iter()
                            .filter(|m| m.presence != Presence::Optional)
                            .map(|m| m.name),
                    )
                    .collect();
                if out.keys().as_deref() != Some(&want[..]) {
                    self.fail(format!("{name}: with required members only, the crate writes {} (rows say {want:?})", out.text()));
                }
                for m in members.iter().filter(|m| m.presence == Presence::Nullable) {
                    if let Ordered::Object(ms) = &out {
                        if !ms
                            .iter()
                            .any(|(k, v)| k == m.name && *v == Ordered::Leaf(Value::Null))
                        {
                            self.fail(format!(
                                "{name}.{}: unset, it is not written as null",
                                m.name
                            ));
                        }
                    }
                }
            }
            Err(e) => self.fail(format!(
                "{name}: required members alone are refused: {e} ({minimal})"
            )),
        }
        let here = Slot {
            event: slot.with(minimal.clone()),
            ..slot.clone()
        };
        for m in members {
            let mut without = minimal.clone();
            let mut with_null = minimal.clone();
            if let (Value::Object(without), Value::Object(with_null)) =
                (&mut without, &mut with_null)
            {
                without.remove(m.name);
                with_null.insert(m.name.to_owned(), Value::Null);
            }
            let missing = self.ask(slot, without);
            let null = self.ask(slot, with_null);
            match m.presence {
                Presence::Required if !slot.refuses() => {}
                Presence::Required => {
                    let wanted = format!("missing field `{}`", m.name);
                    if missing
                        .err()
                        .is_none_or(|e| !(slot.vague || e.contains(&wanted)))
                    {
                        self.fail(format!(
                            "{name}.{}: leaving it out is not serde's missing_field",
                            m.name
                        ));
                    }
                    if m.ty != Ty::Json && null.is_ok() {
                        self.fail(format!("{name}.{}: required, yet null is accepted", m.name));
                    }
                }
                Presence::Optional | Presence::Nullable => {
                    if let Err(e) = missing {
                        self.fail(format!(
                            "{name}.{}: optional, yet leaving it out fails: {e}",
                            m.name
                        ));
                    }
                    // null reads as unset: written as when left out.
                    let unset = self.ask(slot, minimal.clone()).map(|o| o.text());
                    match null.map(|o| o.text()) {
                        Ok(text) if Ok(&text) == unset.as_ref() => {}
                        other => self.fail(format!(
                            "{name}.{}: null gives {other:?}, not what unset gives",
                            m.name
                        )),
                    }
                }
            }
            self.check_ty(name, m.name, m.ty, &here.member(m.name), !slot.vague);
        }
    }

    /// The member's own kind, asked with values at its edges.
    /// With `exact`, a refused value must fail with serde's message for that kind; without it
    /// (inside an untagged enum, whose message names no kind), fail at all.
    fn check_ty(&mut self, owner: &str, member: &str, ty: Ty, slot: &Slot, exact: bool) {
        let at = format!("{owner}.{member}");
        let written = |c: &Self, v: Value| c.ask(slot, v).map(|o| o.text());
        let expect = |c: &mut Self, v: Value, want: Result<&str, &str>| {
            let got = written(c, v.clone());
            let ok = match (&got, want) {
                (Ok(text), Ok(w)) => text == w,
                (Err(e), Err(w)) => !exact || e.contains(w),
                // Below a catch-all alternative, what fails here is kept as JSON instead.
                (Ok(_), Err(_)) => !slot.refuses(),
                _ => false,
            };
            if !ok {
                c.fail(format!("{at}: {v} gives {got:?}, a {ty:?} gives {want:?}"));
            }
        };
        match ty {
            Ty::Str => {
                expect(self, json!("x\u{e9}"), Ok("\"x\u{e9}\""));
                expect(self, json!(5), Err("expected a string"));
            }
            Ty::Bool => {
                expect(self, json!(false), Ok("false"));
                expect(self, json!("true"), Err("expected a boolean"));
            }
            Ty::U8 | Ty::U16 | Ty::U32 => {
                let max: u64 = match ty {
                    Ty::U8 => u8::MAX.into(),
                    Ty::U16 => u16::MAX.into(),
                    _ => u32::MAX.into(),
                };
                expect(self, json!(max), Ok(&max.to_string()));
                expect(self, json!(max + 1), Err("invalid value: integer"));
                expect(self, json!(-1), Err("invalid value: integer `-1`"));
                expect(self, json!(1.5), Err("invalid type: floating point"));
            }
            Ty::F32 => {
                expect(self, json!(0.123456789), Ok("0.12345679"));
                expect(self, json!(1e39), Ok("null"));
                expect(self, json!("1"), Err("expected f32"));
            }
            Ty::F64 => {
                expect(self, json!(0.123456789), Ok("0.123456789"));
                expect(self, json!("1"), Err("expected f64"));
            }
            Ty::Json => {
                expect(
                    self,
                    json!({"b": 1, "a": [true, null]}),
                    Ok(r#"{"a":[true,null],"b":1}"#),
                );
                expect(self, json!("x"), Ok("\"x\""));
            }
            Ty::Literal(s) => {
                expect(self, json!(s), Ok(&Value::from(s).to_string()));
                if slot.refuses() && self.ask(slot, json!("zz_not_it")).is_ok() {
                    self.fail(format!("{at}: a string other than {s:?} is accepted"));
                }
            }
            Ty::Map(value) => {
                expect(self, json!({}), Ok("{}"));
                if slot.refuses() && self.ask(slot, json!([])).is_ok() {
                    self.fail(format!("{at}: a list is accepted for a map"));
                }
                // One entry (a stable text), its value of the map's value type.
                let one = self.sample(*value, 5);
                if let Err(e) = self.ask(slot, json!({ "k": one })) {
                    self.fail(format!("{at}: a one-entry map fails: {e}"));
                }
                if slot.refuses() && *value == Ty::Str && self.ask(slot, json!({ "k": 5 })).is_ok() {
                    self.fail(format!("{at}: a number is accepted as a map of strings' value"));
                }
            }
            Ty::List(item) => {
                expect(self, json!([]), Ok("[]"));
                if slot.refuses() && self.ask(slot, json!("x")).is_ok() {
                    self.fail(format!("{at}: a string is accepted for a list"));
                }
                let mut inner = slot.clone();
                inner.path.push(Seg::Index);
                if !matches!(*item, Ty::Ref(_)) {
                    self.check_ty(owner, &format!("{member}[]"), *item, &inner, exact);
                }
            }
            Ty::Ref(name) => {
                let Some(row) = self.row(name) else { return };
                match row.def {
                    Def::Enum(values) => {
                        for v in values {
                            expect(self, json!(v), Ok(&Value::from(*v).to_string()));
                        }
                        let bogus = self.ask(slot, json!("zz_not_a_variant"));
                        if !slot.refuses() {
                        } else if exact {
                            self.expect_list(&at, "(value)", bogus, values);
                        } else if bogus.is_ok() {
                            self.fail(format!("{at}: an unknown value is accepted"));
                        }
                    }
                    Def::Struct(_) | Def::Tagged { .. } => {
                        if slot.refuses() && self.ask(slot, json!(5)).is_ok() {
                            self.fail(format!("{at}: a number is accepted for {name}"));
                        }
                    }
                    Def::Untagged(_) => {}
                }
            }
        }
    }

    /// serde's `unknown variant ..., expected one of ...` must list exactly `values`, in order.
    fn expect_list(
        &mut self,
        at: &str,
        what: &str,
        answer: Result<Ordered, String>,
        values: &[&str],
    ) {
        match answer {
            Ok(out) => self.fail(format!(
                "{at} {what}: an unknown value is accepted ({})",
                out.text()
            )),
            Err(message) => {
                let listed = expected_values(&message);
                if listed != values {
                    self.fail(format!(
                        "{at} {what}: serde expects {listed:?}, rows say {values:?} ({message})"
                    ));
                }
            }
        }
    }
}

/// The named types `ty` refers to directly.
fn refs(ty: Ty) -> Vec<&'static str> {
    match ty {
        Ty::Ref(name) => vec![name],
        Ty::List(item) | Ty::Map(item) => refs(*item),
        _ => Vec::new(),
    }
}

/// The backticked names after "expected" in serde's unknown-variant message.
pub fn expected_values(message: &str) -> Vec<String> {
    let Some((_, list)) = message.split_once("expected ") else {
        return Vec::new();
    };
    list.split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

/// `p` with the row `name` defined as `def` instead: for the tests that break a row on purpose.
pub fn with_row(p: &Protocol, name: &str, def: Def) -> Protocol {
    let types: Vec<TypeRow> = p
        .types
        .iter()
        .map(|r| if r.name == name { TypeRow { def, ..*r } } else { *r })
        .collect();
    Protocol {
        types: Box::leak(types.into_boxed_slice()),
        ..*p
    }
}

/// The members of `p`'s struct row `name`, to be changed and put back with [`with_row`].
pub fn members_of(p: &Protocol, name: &str) -> Vec<Member> {
    match p.get(name).map(|r| r.def) {
        Some(Def::Struct(m)) => m.to_vec(),
        _ => panic!("{name} is not a struct row"),
    }
}

/// A struct definition of `members`, for [`with_row`].
pub fn leak(members: Vec<Member>) -> Def {
    Def::Struct(Box::leak(members.into_boxed_slice()))
}
