//! The second half of the shape table's check, shared by the protocols' tests: exhaustive
//! struct literals and enum lists of the crate's own types (a changed struct or enum does not
//! compile), whose canonical texts give the member order and values each row must list.

use serde::Serialize;
use serde_json::Value;

use crate::check::Ordered;
use realtime_codec::shape::{Def, Protocol};

/// A fully populated value of each type: every `Option` set, every list of one.
pub trait Full {
    fn full() -> Self;
}
pub fn full<T: Full>() -> T {
    T::full()
}
impl Full for String {
    fn full() -> Self {
        "s".into()
    }
}
impl Full for u8 {
    fn full() -> Self {
        7
    }
}
impl Full for u16 {
    fn full() -> Self {
        7
    }
}
impl Full for u32 {
    fn full() -> Self {
        7
    }
}
impl Full for f32 {
    fn full() -> Self {
        0.5
    }
}
impl Full for f64 {
    fn full() -> Self {
        0.25
    }
}
impl Full for bool {
    fn full() -> Self {
        true
    }
}
impl Full for Value {
    fn full() -> Self {
        Value::from(1)
    }
}
impl<T: Full> Full for Option<T> {
    fn full() -> Self {
        Some(T::full())
    }
}
impl<T: Full> Full for Vec<T> {
    fn full() -> Self {
        vec![T::full()]
    }
}

/// `impl Full` for enums by naming one variant.
#[allow(unused_macros)]
macro_rules! full_is {
    ($($t:ty => $v:expr;)*) => {$(
        impl Full for $t {
            fn full() -> Self {
                $v
            }
        }
    )*};
}

pub fn text<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

/// Every beta enum's values, from exhaustive lists: a new variant does not compile (the `match`).
pub fn values<T: Serialize>(all: &[T]) -> Vec<String> {
    all.iter()
        .map(|v| text(v).trim_matches('"').to_owned())
        .collect()
}

pub fn tags<T: Serialize>(all: &[T]) -> Vec<String> {
    all.iter()
        .map(|v| {
            let value: Value = serde_json::from_str(&text(v)).unwrap_or_default();
            value["type"].as_str().unwrap_or_default().to_owned()
        })
        .collect()
}

/// Half 2: the literals' member order and the enums' values, against the rows.
pub fn literal_problems(
    p: &Protocol,
    literals: &[(&'static str, String, Option<&'static str>)],
    enums: &[(&'static str, Vec<String>)],
) -> Vec<String> {
    let mut problems = Vec::new();
    for (name, canonical, tag) in literals {
        let Some(row) = p.get(name) else {
            problems.push(format!("{name}: no row"));
            continue;
        };
        let Def::Struct(members) = row.def else {
            problems.push(format!("{name}: not a struct row"));
            continue;
        };
        let written = Ordered::parse(canonical);
        let mut keys = written.keys().unwrap_or_default();
        if let Some(tag) = tag {
            if keys.first() == Some(tag) {
                keys.remove(0);
            }
        }
        let want: Vec<&str> = members.iter().map(|m| m.name).collect();
        if keys != want {
            problems.push(format!(
                "{name}: the crate's struct writes {keys:?}, the row lists {want:?}"
            ));
        }
    }
    for (name, values) in enums {
        let listed: Vec<String> = match p.get(name).map(|r| r.def) {
            Some(Def::Enum(values)) => values.iter().map(|v| (*v).to_owned()).collect(),
            Some(Def::Tagged { variants, .. }) => {
                variants.iter().map(|(v, _)| (*v).to_owned()).collect()
            }
            _ => {
                problems.push(format!("{name}: no enum or tagged row"));
                continue;
            }
        };
        if &listed != values {
            problems.push(format!(
                "{name}: the crate's variants are {values:?}, the row lists {listed:?}"
            ));
        }
    }
    // Every struct and enum row is covered by a literal (untagged rows are checked by half 1).
    for row in p.types {
        let covered = literals.iter().any(|(n, _, _)| *n == row.name)
            || enums.iter().any(|(n, _)| *n == row.name);
        if !covered && !matches!(row.def, Def::Untagged(_)) {
            problems.push(format!(
                "{}: no exhaustive literal checks this row",
                row.name
            ));
        }
    }
    problems
}

