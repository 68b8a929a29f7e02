//! JSON as tokens carry it, read by serde_json into a tree that keeps the
//! members' order (people read claims in the order they were written) and
//! refuses what readers disagree on: a member written twice (one reader takes
//! the first, another the last: `{"alg":"HS256","alg":"none"}`). Nesting is
//! capped by serde_json (128 levels) and the values of one document by
//! [`MAX_JSON_VALUES`], so a hostile payload costs bounded memory.

use std::cell::Cell;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

/// The most values (of any kind, nested ones included) one document may hold.
pub const MAX_JSON_VALUES: usize = 100_000;

/// One JSON value; objects keep their members in the order written.
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    /// `null`
    Null,
    /// `true` or `false`
    Bool(bool),
    /// A number, as serde_json read it.
    Number(Number),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Json>),
    /// An object, its members in the order written, each name once.
    Object(Vec<(String, Json)>),
}

/// A JSON number: an integer when it is one, else a float.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Number {
    /// A non-negative integer up to 2^64 - 1.
    Unsigned(u64),
    /// A negative integer down to -2^63.
    Signed(i64),
    /// Any other number (finite: serde_json refuses 1e999).
    Float(f64),
}

/// Why a document could not be read.
#[derive(Debug, PartialEq, Eq)]
pub enum JsonError {
    /// Not JSON (or nested deeper than 128, or a number out of range).
    Syntax(String),
    /// An object names a member twice: the member's name.
    Duplicate(String),
    /// More than [`MAX_JSON_VALUES`] values.
    TooManyValues,
}

impl Json {
    /// Reads a whole document.
    pub fn parse(bytes: &[u8]) -> Result<Json, JsonError> {
        let budget = Cell::new(MAX_JSON_VALUES);
        let duplicate = Cell::new(None);
        let seed = Seed { budget: &budget, duplicate: &duplicate };
        let mut reader = serde_json::Deserializer::from_slice(bytes);
        let result = seed.deserialize(&mut reader).and_then(|json| reader.end().map(|()| json));
        match (result, duplicate.take()) {
            (_, Some(name)) => Err(JsonError::Duplicate(name)),
            (Ok(json), None) => Ok(json),
            (Err(_), None) if budget.get() == 0 => Err(JsonError::TooManyValues),
            (Err(error), None) => Err(JsonError::Syntax(error.to_string())),
        }
    }

    /// The member `name` of an object.
    pub fn get(&self, name: &str) -> Option<&Json> {
        match self {
            Json::Object(members) => members.iter().find(|(n, _)| n == name).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The string member `name` of an object.
    pub fn str(&self, name: &str) -> Option<&str> {
        match self.get(name) {
            Some(Json::String(s)) => Some(s),
            _ => None,
        }
    }

    /// The document written compactly, as JSON.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }
}

/// Carries the value budget and the first duplicate name down the tree.
#[derive(Clone, Copy)]
struct Seed<'a> {
    budget: &'a Cell<usize>,
    duplicate: &'a Cell<Option<String>>,
}

impl Seed<'_> {
    /// Charges one value; an error once the budget is spent.
    fn charge<E: de::Error>(&self) -> Result<(), E> {
        match self.budget.get() {
            0 => Err(E::custom("too many values")),
            left => {
                self.budget.set(left - 1);
                Ok(())
            }
        }
    }
}

impl<'de> DeserializeSeed<'de> for Seed<'_> {
    type Value = Json;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Json, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Seed<'_> {
    type Value = Json;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("JSON")
    }

    fn visit_unit<E: de::Error>(self) -> Result<Json, E> {
        self.charge()?;
        Ok(Json::Null)
    }

    fn visit_bool<E: de::Error>(self, value: bool) -> Result<Json, E> {
        self.charge()?;
        Ok(Json::Bool(value))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Json, E> {
        self.charge()?;
        Ok(Json::Number(Number::Unsigned(value)))
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Json, E> {
        self.charge()?;
        Ok(Json::Number(Number::Signed(value)))
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<Json, E> {
        self.charge()?;
        Ok(Json::Number(Number::Float(value)))
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Json, E> {
        self.charge()?;
        Ok(Json::String(value.to_owned()))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
        self.charge()?;
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(self)? {
            items.push(item);
        }
        Ok(Json::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
        self.charge()?;
        let mut members: Vec<(String, Json)> = Vec::new();
        while let Some(name) = map.next_key::<String>()? {
            let value = map.next_value_seed(self)?;
            members.push((name, value));
        }
        // A duplicate is found by the map serde_json's own Value uses (the
        // page carries that code already), in O(n log n) however many members.
        let mut seen = serde_json::Map::new();
        for (name, _) in &members {
            if seen.insert(name.clone(), serde_json::Value::Null).is_some() {
                self.duplicate.set(Some(name.clone()));
                return Err(de::Error::custom("duplicate member"));
            }
        }
        Ok(Json::Object(members))
    }
}

impl Json {
    /// Writes the value as compact JSON. Floats are written by core's
    /// shortest round-trip formatting (already in the page for other
    /// messages), not serde_json's `ryu` (10 KB of tables): plain digits,
    /// which every JSON reader takes.
    fn write(&self, out: &mut String) {
        use std::fmt::Write;
        match self {
            Json::Null => out.push_str("null"),
            Json::Bool(value) => out.push_str(if *value { "true" } else { "false" }),
            Json::Number(Number::Unsigned(n)) => _ = write!(out, "{n}"),
            Json::Number(Number::Signed(n)) => _ = write!(out, "{n}"),
            Json::Number(Number::Float(f)) => _ = write!(out, "{f}"),
            Json::String(text) => write_string(text, out),
            Json::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    item.write(out);
                }
                out.push(']');
            }
            Json::Object(members) => {
                out.push('{');
                for (i, (name, value)) in members.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    write_string(name, out);
                    out.push(':');
                    value.write(out);
                }
                out.push('}');
            }
        }
    }
}

/// A JSON string (RFC 8259 7): quote, backslash and control characters escaped.
fn write_string(text: &str, out: &mut String) {
    use std::fmt::Write;
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c < ' ' => _ = write!(out, "\\u{:04x}", c as u32),
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_order_and_refuses_duplicates() {
        let json = Json::parse(br#"{"b":1,"a":[true,null,"x",-2,1.5]}"#).unwrap();
        assert_eq!(json.to_text(), r#"{"b":1,"a":[true,null,"x",-2,1.5]}"#);
        assert_eq!(Json::parse(br#"{"alg":"HS256","x":{},"alg":"none"}"#), Err(JsonError::Duplicate("alg".into())));
        assert_eq!(Json::parse(br#"{"a":{"k":1,"k":2}}"#), Err(JsonError::Duplicate("k".into())));
    }

    #[test]
    fn caps_values_and_depth() {
        let many = format!("[{}0]", "0,".repeat(MAX_JSON_VALUES));
        assert_eq!(Json::parse(many.as_bytes()), Err(JsonError::TooManyValues));
        let fits = format!("[{}0]", "0,".repeat(MAX_JSON_VALUES - 2));
        assert!(Json::parse(fits.as_bytes()).is_ok());
        let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
        assert!(matches!(Json::parse(deep.as_bytes()), Err(JsonError::Syntax(_))));
        assert!(matches!(Json::parse(b"1e999"), Err(JsonError::Syntax(_))));
        assert!(matches!(Json::parse(b"{} x"), Err(JsonError::Syntax(_))));
        assert!(matches!(Json::parse(b"\xff"), Err(JsonError::Syntax(_))));
    }

    #[test]
    fn writes_what_serde_json_reads_back_the_same() {
        let texts = [
            r#"{"s":"q\"b\\n\n\u0001é😀","n":[0,-1,18446744073709551615,-9223372036854775808,1.5,-2.5e-7,1e300]}"#,
            r#"[{},[],"",null,true,false]"#,
        ];
        for text in texts {
            let written = Json::parse(text.as_bytes()).unwrap().to_text();
            let (ours, reference): (serde_json::Value, serde_json::Value) =
                (serde_json::from_str(&written).unwrap(), serde_json::from_str(text).unwrap());
            assert_eq!(ours, reference, "{written}");
        }
        assert_eq!(Json::parse(b"1700000000.25").unwrap().to_text(), "1700000000.25");
        // Integers beyond 64 bits are floats: serde_json reads them so.
        assert_eq!(Json::parse(b"99999999999999999999999").unwrap().to_text(), format!("1{}", "0".repeat(23)));
    }
}
