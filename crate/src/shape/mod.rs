//! The shape table: one description of the crate's types, from which every TypeScript part is
//! generated (`scripts/generate.mjs`: wire types and closed lists, the fast path's tables, the
//! bench's schemas) and which the test generators (fast-check, proptest) interpret.
//!
//! It is plain data, checked against the crate natively by `crate/tests/shapes.rs`: member order
//! from the canonical text of fully populated values built with exhaustive struct literals (a
//! changed struct does not compile), `missing_field` for every required member, each closed list
//! against serde's own `expected one of`, integer widths from `max` and `max + 1`, `null`
//! handling for every optional member. A deliberately wrong row fails that test.
//!
//! The JSON form ([`Protocol::to_json`]) is what the generator reads.

mod beta;
// The GA table: always in the native build; in WebAssembly only with feature `ga`, so that the
// beta modules (built without it) are the same bytes as before GA existed.
#[cfg(any(feature = "ga", not(target_arch = "wasm32")))]
mod ga;

pub use beta::BETA;
#[cfg(any(feature = "ga", not(target_arch = "wasm32")))]
pub use ga::GA;

/// A member's type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ty {
    /// `String`.
    Str,
    /// `bool`.
    Bool,
    /// `u8`.
    U8,
    /// `u16`.
    U16,
    /// `u32`.
    U32,
    /// `f32`: read as any JSON number, written rounded to single precision (`null` beyond range).
    F32,
    /// `f64`.
    F64,
    /// `serde_json::Value`: any JSON; objects written with their keys sorted.
    Json,
    /// `Vec<T>`.
    List(&'static Ty),
    /// `HashMap<String, T>`: a JSON object of any keys, each value a `T`. The crate writes its
    /// entries in hash order, which differs between decodes: only a map of at most one entry has
    /// a stable canonical text.
    Map(&'static Ty),
    /// A named type of the same protocol.
    Ref(&'static str),
    /// Exactly this string (a unit variant such as `MaxResponseOutputTokens::Inf`, `"inf"`).
    Literal(&'static str),
}

/// Whether a member must be there, and how an unset one is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Presence {
    /// Must be present; `null` is refused (except by a required [`Ty::Json`], where it is a value).
    Required,
    /// `Option<T>` with `skip_serializing_if`: absent or `null` reads as unset; written only when set.
    Optional,
    /// `Option<T>` without skip: absent or `null` reads as unset; written as `null` when unset.
    Nullable,
}

/// One member of a struct, in declaration order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Member {
    pub name: &'static str,
    pub ty: Ty,
    pub presence: Presence,
    /// Documentation for the generated TypeScript ("" for none). Not in the WebAssembly build,
    /// like the other fields that only the generator reads.
    #[cfg(not(target_arch = "wasm32"))]
    pub doc: &'static str,
}

/// How a named type is read and written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Def {
    /// A closed list of strings (unit variants), in declaration order.
    Enum(&'static [&'static str]),
    /// A struct, or a struct variant of a tagged enum: its members in declaration order.
    Struct(&'static [Member]),
    /// An internally tagged enum: `tag` holds each variant's value, and the variant's struct (a
    /// named [`Def::Struct`]) holds the other members, written after the tag. A variant may also
    /// name another [`Def::Tagged`] (a tagged enum inside a tagged enum, as GA's `message` item,
    /// tagged on `role` inside `type`): the object then carries both tags, outer first.
    Tagged {
        tag: &'static str,
        variants: &'static [(&'static str, &'static str)],
    },
    /// Alternatives tried in order, the first that reads wins (serde's `untagged`).
    Untagged(&'static [Ty]),
}

/// A named type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TypeRow {
    /// The name used in the generated TypeScript (the crate's name where it has one).
    pub name: &'static str,
    /// The crate's Rust path, for documentation and for the checks' error messages.
    #[cfg(not(target_arch = "wasm32"))]
    pub rust: &'static str,
    pub def: Def,
    /// The exported TypeScript constant listing the values (enums) or tags (tagged enums), if any.
    #[cfg(not(target_arch = "wasm32"))]
    pub list: Option<&'static str>,
    #[cfg(not(target_arch = "wasm32"))]
    pub doc: &'static str,
}

/// One protocol: a crate release's types and its event roots.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Protocol {
    pub name: &'static str,
    /// The crate and version whose types these are.
    pub source: &'static str,
    pub types: &'static [TypeRow],
    /// The client event root (a [`Def::Tagged`]).
    pub client: &'static str,
    /// The server event root, where the codec covers it.
    pub server: Option<&'static str>,
}

impl Protocol {
    /// The named type, if the table has it.
    pub fn get(&self, name: &str) -> Option<&'static TypeRow> {
        self.types.iter().find(|row| row.name == name)
    }

    /// The struct members of a [`Def::Tagged`] variant, found by its tag value.
    pub fn variant(&self, tagged: &str, value: &str) -> Option<&'static [Member]> {
        let Def::Tagged { variants, .. } = self.get(tagged)?.def else {
            return None;
        };
        let (_, name) = variants.iter().find(|(v, _)| *v == value)?;
        match self.get(name)?.def {
            Def::Struct(members) => Some(members),
            _ => None,
        }
    }

    /// A minimal valid value of `ty`: required members only, empty lists, the first variant.
    pub fn minimal(&self, ty: Ty) -> serde_json::Value {
        use serde_json::{json, Value};
        match ty {
            Ty::Str => json!(""),
            Ty::Bool => json!(false),
            Ty::U8 | Ty::U16 | Ty::U32 => json!(0),
            Ty::F32 | Ty::F64 => json!(0.0),
            Ty::Json => Value::Null,
            Ty::List(_) => json!([]),
            Ty::Map(_) => json!({}),
            Ty::Literal(value) => json!(value),
            Ty::Ref(name) => match self.get(name).map(|row| row.def) {
                Some(Def::Enum(values)) => values.first().map_or(Value::Null, |v| json!(v)),
                Some(Def::Struct(members)) => self.minimal_struct(members, None),
                Some(Def::Tagged { tag, variants }) => {
                    let Some((value, name)) = variants.first() else {
                        return Value::Null;
                    };
                    match self.get(name).map(|row| row.def) {
                        Some(Def::Struct(members)) => {
                            self.minimal_struct(members, Some((tag, value)))
                        }
                        // A variant that is itself a tagged enum (GA: the `message` item, tagged
                        // on `role` inside `type`): its own minimal object, plus this tag. Beta
                        // has no such row: its WebAssembly build leaves this arm out.
                        #[cfg(any(feature = "ga", not(target_arch = "wasm32")))]
                        Some(Def::Tagged { .. }) => {
                            let mut inner = self.minimal(Ty::Ref(name));
                            if let Value::Object(map) = &mut inner {
                                map.insert((*tag).to_owned(), json!(value));
                            }
                            inner
                        }
                        _ => Value::Null,
                    }
                }
                Some(Def::Untagged(alternatives)) => alternatives
                    .first()
                    .map_or(Value::Null, |alt| self.minimal(*alt)),
                None => Value::Null,
            },
        }
    }

    /// A minimal valid object of a struct's members, with its tag (key, value) where it has one.
    pub fn minimal_struct(
        &self,
        members: &[Member],
        tag: Option<(&str, &str)>,
    ) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        if let Some((key, value)) = tag {
            map.insert(key.to_owned(), value.into());
        }
        for member in members.iter().filter(|m| m.presence == Presence::Required) {
            map.insert(member.name.to_owned(), self.minimal(member.ty));
        }
        serde_json::Value::Object(map)
    }

    /// The table as JSON, for the generator (native only): `{name, source, client, server, types: [{name, ...}]}`
    /// (a list, to keep the table's order),
    /// with type references as `"string" | "bool" | "u8" | ... | {"list": T} | {"map": T} | {"ref": N} | {"literal": S}`.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn to_json(&self) -> serde_json::Value {
        use serde_json::{json, Value};
        let mut types = Vec::new();
        for row in self.types {
            let mut out = match row.def {
                Def::Enum(values) => json!({ "kind": "enum", "values": values }),
                Def::Struct(members) => {
                    let members: Vec<Value> = members
                        .iter()
                        .map(|m| {
                            let mut v = json!({
                                "name": m.name,
                                "type": ty_json(m.ty),
                                "presence": match m.presence {
                                    Presence::Required => "required",
                                    Presence::Optional => "optional",
                                    Presence::Nullable => "nullable",
                                },
                            });
                            if !m.doc.is_empty() {
                                v["doc"] = json!(m.doc);
                            }
                            v
                        })
                        .collect();
                    json!({ "kind": "struct", "members": members })
                }
                Def::Tagged { tag, variants } => json!({
                    "kind": "tagged",
                    "tag": tag,
                    "variants": variants
                        .iter()
                        .map(|(value, name)| json!({ "value": value, "struct": name }))
                        .collect::<Vec<_>>(),
                }),
                Def::Untagged(alternatives) => json!({
                    "kind": "untagged",
                    "alternatives": alternatives.iter().map(|t| ty_json(*t)).collect::<Vec<_>>(),
                }),
            };
            out["rust"] = json!(row.rust);
            if let Some(list) = row.list {
                out["list"] = json!(list);
            }
            if !row.doc.is_empty() {
                out["doc"] = json!(row.doc);
            }
            out["name"] = json!(row.name);
            types.push(out);
        }
        json!({
            "name": self.name,
            "source": self.source,
            "client": self.client,
            "server": self.server,
            "types": types,
        })
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn ty_json(ty: Ty) -> serde_json::Value {
    use serde_json::json;
    match ty {
        Ty::Str => json!("string"),
        Ty::Bool => json!("bool"),
        Ty::U8 => json!("u8"),
        Ty::U16 => json!("u16"),
        Ty::U32 => json!("u32"),
        Ty::F32 => json!("f32"),
        Ty::F64 => json!("f64"),
        Ty::Json => json!("json"),
        Ty::List(item) => json!({ "list": ty_json(*item) }),
        Ty::Map(value) => json!({ "map": ty_json(*value) }),
        Ty::Ref(name) => json!({ "ref": name }),
        Ty::Literal(value) => json!({ "literal": value }),
    }
}

// Row builders shared by the protocols' tables (beta.rs, ga.rs).
pub(crate) const fn req(name: &'static str, ty: Ty) -> Member {
    Member {
        name,
        ty,
        presence: Presence::Required,
        #[cfg(not(target_arch = "wasm32"))]
        doc: "",
    }
}
pub(crate) const fn opt(name: &'static str, ty: Ty) -> Member {
    Member {
        name,
        ty,
        presence: Presence::Optional,
        #[cfg(not(target_arch = "wasm32"))]
        doc: "",
    }
}
pub(crate) const fn nul(name: &'static str, ty: Ty) -> Member {
    Member {
        name,
        ty,
        presence: Presence::Nullable,
        #[cfg(not(target_arch = "wasm32"))]
        doc: "",
    }
}
// Docs, Rust paths and list names are read only by the generator and the native checks: the
// WebAssembly build, whose descent needs only names, kinds and tags, leaves them out.
#[cfg_attr(target_arch = "wasm32", allow(unused_variables))]
pub(crate) const fn doc(member: Member, doc: &'static str) -> Member {
    Member {
        #[cfg(not(target_arch = "wasm32"))]
        doc,
        ..member
    }
}
#[cfg_attr(target_arch = "wasm32", allow(unused_variables))]
pub(crate) const fn row(name: &'static str, rust: &'static str, def: Def, doc: &'static str) -> TypeRow {
    TypeRow {
        name,
        #[cfg(not(target_arch = "wasm32"))]
        rust,
        def,
        #[cfg(not(target_arch = "wasm32"))]
        list: None,
        #[cfg(not(target_arch = "wasm32"))]
        doc,
    }
}
#[cfg_attr(target_arch = "wasm32", allow(unused_variables))]
pub(crate) const fn listed(
    name: &'static str,
    rust: &'static str,
    def: Def,
    list: &'static str,
    doc: &'static str,
) -> TypeRow {
    TypeRow {
        name,
        #[cfg(not(target_arch = "wasm32"))]
        rust,
        def,
        #[cfg(not(target_arch = "wasm32"))]
        list: Some(list),
        #[cfg(not(target_arch = "wasm32"))]
        doc,
    }
}
