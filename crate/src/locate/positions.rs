//! Positions: re-read the text with visitors that follow or record a path.

use std::cell::RefCell;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

/// Walks the whole document, recording the path the parser is in. Returns that path and the
/// error that stopped the walk: a syntax error, or with `duplicate_of` the first repeat of that
/// member (outside `tools[].parameters`, a free-form `Value` where repeats are legal).
pub(super) fn walk(
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
pub(super) const TOO_DEEP: &str = "\u{0}realtime-codec: nesting too deep";

const FOUND: &str = "\u{0}realtime-codec: target reached";

/// The 1-based line and byte column where the value at `path` starts (the first occurrence, if a
/// key repeats). (0, 0) if the path cannot be followed.
pub(super) fn position_of(input: &[u8], path: &[String]) -> (usize, usize) {
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
    // (`start` is within the input: offset_of caps it.)
    let skipped = input
        .get(start..)
        .unwrap_or_default()
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

pub(super) fn line_column(input: &[u8], offset: usize) -> (usize, usize) {
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
        // (Never empty here: `deserialize` stops at an empty path.)
        let Some((head, rest)) = self.path.split_first() else {
            return Ok(());
        };
        let target: usize = head
            .parse()
            .map_err(|_| de::Error::custom("not an index"))?;
        for _ in 0..target {
            if seq.next_element::<de::IgnoredAny>()?.is_none() {
                return Ok(());
            }
        }
        seq.next_element_seed(Seek { path: rest })?;
        Ok(())
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let Some((head, rest)) = self.path.split_first() else {
            return Ok(());
        };
        while let Some(key) = map.next_key::<String>()? {
            if key == *head {
                return map.next_value_seed(Seek { path: rest });
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
