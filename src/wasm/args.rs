//! Reading what JavaScript callers pass: arguments, options objects, lists,
//! strings and Uint8Arrays. It trusts only own properties and internal slots,
//! and calls into caller values only through `Reflect` functions that catch:
//! a getter or Proxy trap that throws becomes `bad_argument`, never an
//! exception unwinding through wasm frames (that leaks the wasm stack and,
//! repeated, breaks the module).

use js_sys::{Array, JsString, Object, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use zeroize::Zeroizing;

use crate::cert::Input;
use crate::device::Action;
use crate::error::{Error, ErrorKind};
use crate::secret::Secret;
use crate::shared::caps::{check_size, MAX_INPUT_BYTES, MAX_LIST_ITEMS, MAX_QUOTED_CHARS};
use crate::shared::quote::quote;

pub(crate) fn bad_argument(message: impl Into<String>) -> Error {
    Error::new(ErrorKind::BadArgument, message)
}

/// A `now` option: a valid Date, or the current time when absent.
pub(crate) fn now_arg(value: &JsValue) -> Result<i64, Error> {
    if value.is_undefined() || value.is_null() {
        return Ok((js_sys::Date::now() / 1000.0).floor() as i64);
    }
    date_arg(value, "now")
}

/// A Date option called `name`, as Unix seconds.
pub(crate) fn date_arg(value: &JsValue, name: &str) -> Result<i64, Error> {
    // Date.prototype.getTime applied by Reflect: a Date subclass or a Proxy
    // cannot substitute its own getTime, and anything else throws, caught here.
    let date_prototype = Reflect::get_prototype_of(&js_sys::Date::new_0()).map_err(|_| thrown(name))?;
    let get_time = Reflect::get(&date_prototype, &"getTime".into()).map_err(|_| thrown(name))?;
    let millis = Reflect::apply(get_time.unchecked_ref::<js_sys::Function>(), value, &Array::new())
        .ok()
        .and_then(|m| m.as_f64())
        .ok_or_else(|| bad_argument(format!("The {name} option must be a Date.")))?;
    if !millis.is_finite() {
        return Err(bad_argument(format!("The {name} option is an invalid Date. Pass a valid Date, or leave it out.")));
    }
    Ok((millis / 1000.0).floor() as i64)
}

fn thrown(what: &str) -> Error {
    bad_argument(format!("Reading the {what} threw an exception. Pass plain values (strings, Uint8Arrays, objects)."))
}

/// An own property of an options object, or undefined: never one inherited from
/// a prototype (a polluted `Object.prototype.iv` must not fix every IV).
pub(crate) fn get(object: &JsValue, key: &str) -> Result<JsValue, Error> {
    let key_value = JsValue::from_str(key);
    let descriptor =
        Reflect::get_own_property_descriptor(object.unchecked_ref::<Object>(), &key_value).map_err(|_| thrown(key))?;
    if descriptor.is_undefined() {
        return Ok(JsValue::UNDEFINED);
    }
    Reflect::get(object, &key_value).map_err(|_| thrown(key))
}

/// A list argument: an array's elements, or the value itself.
pub(crate) fn list_arg(value: &JsValue) -> Result<Vec<JsValue>, Error> {
    list_arg_up_to(value, MAX_LIST_ITEMS, ErrorKind::BadArgument, "inspect")
}

/// A list argument of at most `cap` items, or an error of `kind` naming `function`.
pub(crate) fn list_arg_up_to(
    value: &JsValue,
    cap: usize,
    kind: ErrorKind,
    function: &str,
) -> Result<Vec<JsValue>, Error> {
    if !is_array(value)? {
        return Ok(vec![value.clone()]);
    }
    let length = get(value, "length")?.as_f64().unwrap_or(0.0);
    if length > cap as f64 {
        return Err(Error::new(kind, format!("{function} takes at most {cap} items at once.")));
    }
    (0..length as u32).map(|i| Reflect::get_u32(value, i).map_err(|_| thrown("list"))).collect()
}

pub(crate) fn is_array(value: &JsValue) -> Result<bool, Error> {
    // Array.isArray throws on a revoked Proxy: call it through Reflect.
    let array = Reflect::get(&js_sys::global(), &"Array".into()).map_err(|_| thrown("list"))?;
    let is_array = Reflect::get(&array, &"isArray".into()).map_err(|_| thrown("list"))?;
    Reflect::apply(is_array.unchecked_ref::<js_sys::Function>(), &JsValue::UNDEFINED, &Array::of1(value))
        .map(|v| v.is_truthy())
        .map_err(|_| thrown("list"))
}

/// A getter of %TypedArray%.prototype, applied to `value`: reads the internal
/// slot, never calls caller code, and throws (caught) for anything else.
fn typed_array_getter(value: &JsValue, name: &JsValue) -> Option<JsValue> {
    let uint8_prototype = Reflect::get_prototype_of(&Uint8Array::new_with_length(0)).ok()?;
    let typed_array_prototype = Reflect::get_prototype_of(&uint8_prototype).ok()?;
    let descriptor = Reflect::get_own_property_descriptor(&typed_array_prototype, name).ok()?;
    let getter = Reflect::get(&descriptor, &"get".into()).ok()?;
    Reflect::apply(getter.unchecked_ref::<js_sys::Function>(), value, &Array::new()).ok()
}

/// The byte length of a genuine Uint8Array (internal slots), or None.
pub(crate) fn uint8_length(value: &JsValue) -> Option<usize> {
    let tag = typed_array_getter(value, &js_sys::Symbol::to_string_tag().into())?;
    if tag.as_string().as_deref() != Some("Uint8Array") {
        return None;
    }
    typed_array_getter(value, &"byteLength".into())?.as_f64().map(|n| n as usize)
}

/// A copy of a genuine Uint8Array, made by the Uint8Array constructor from the
/// internal slots: an overridden `length` cannot make us read stale memory.
pub(crate) fn copy_uint8(value: &JsValue, name: &str) -> Result<Option<Zeroizing<Vec<u8>>>, Error> {
    let Some(length) = uint8_length(value) else { return Ok(None) };
    check_size(name, length)?;
    let constructor = Uint8Array::new_with_length(0).unchecked_into::<Object>().constructor();
    let fresh: Uint8Array =
        Reflect::construct(&constructor, &Array::of1(value)).map_err(|_| thrown(name))?.unchecked_into();
    let mut bytes = Zeroizing::new(vec![0u8; length]);
    fresh.copy_to(&mut bytes);
    Ok(Some(bytes))
}

/// The options must be a plain object with no member this API does not know:
/// a misspelt `sallt` must not silently fall back to a random salt.
pub(crate) fn check_options(options: &JsValue, known: &[&str], function: &str) -> Result<(), Error> {
    if !options.is_object() || is_array(options)? || options.is_function() {
        return Err(bad_argument(format!("The options of {function} must be an object: {{ {} }}.", known.join(", "))));
    }
    for key in Reflect::own_keys(options).map_err(|_| thrown("options"))?.iter() {
        let Some(key) = key.as_string() else { continue }; // symbols name no option
        if !known.contains(&key.as_str()) {
            return Err(bad_argument(format!(
                "{function} has no option \"{}\". Its options are: {}.",
                quote(&key),
                known.join(", ")
            )));
        }
    }
    Ok(())
}

/// An optional options object (undefined or null: none), checked as
/// [`check_options`] does; read its members with [`option`].
pub(crate) fn optional_options<'a>(
    options: &'a JsValue,
    known: &[&str],
    function: &str,
) -> Result<Option<&'a JsValue>, Error> {
    if options.is_undefined() || options.is_null() {
        return Ok(None);
    }
    check_options(options, known, function)?;
    Ok(Some(options))
}

/// A member of optional options (see [`get`]); undefined when there are none.
pub(crate) fn option(options: Option<&JsValue>, key: &str) -> Result<JsValue, Error> {
    options.map_or(Ok(JsValue::UNDEFINED), |options| get(options, key))
}

pub(crate) fn parse_action(value: &JsValue) -> Result<Action, Error> {
    Action::from_name(&value.as_string().unwrap_or_default())
}

/// A JS string, checked for size before it is copied into wasm memory and
/// for unpaired surrogates, which would silently become U+FFFD.
pub(crate) fn string_arg(value: &JsValue, name: &str) -> Result<String, Error> {
    string_arg_up_to(value, name, MAX_INPUT_BYTES)
}

/// A string of at most `cap` UTF-16 units (a manifest may be larger than
/// other inputs); the callee checks its own byte cap on the copy.
pub(crate) fn string_arg_up_to(value: &JsValue, name: &str, cap: usize) -> Result<String, Error> {
    let Some(text) = value.dyn_ref::<JsString>() else {
        return Err(bad_argument(format!("The {name} must be a string.")));
    };
    // One UTF-16 unit is at least one UTF-8 byte: refuse before copying.
    if text.length() as usize > cap {
        if cap == MAX_INPUT_BYTES {
            check_size(name, text.length() as usize)?;
        }
        return Err(Error::new(
            ErrorKind::InputTooLarge,
            format!("The {name} is {} characters, over the limit of {cap}.", text.length()),
        ));
    }
    if !text.is_valid_utf16() {
        return Err(bad_argument(format!(
            "The {name} contains an unpaired surrogate (broken Unicode). Type or paste it again."
        )));
    }
    Ok(String::from(text))
}

pub(crate) fn secret_arg(value: &JsValue) -> Result<Secret, Error> {
    Secret::from_string(string_arg(value, "secret")?)
}

/// An optional Uint8Array (salt and IV, for known-answer tests).
pub(crate) fn bytes_arg(value: &JsValue, name: &str) -> Result<Option<Vec<u8>>, Error> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    match copy_uint8(value, name)? {
        Some(bytes) => Ok(Some(bytes.to_vec())),
        None => Err(bad_argument(format!("The {name} must be a Uint8Array."))),
    }
}

/// Copies of what a caller gave as certificate input (they may hold keys:
/// wiped when dropped).
pub(crate) enum OwnedInput {
    Text(Zeroizing<String>),
    Bytes(Zeroizing<Vec<u8>>),
}

impl OwnedInput {
    pub(crate) fn as_input(&self) -> Input<'_> {
        match self {
            OwnedInput::Text(text) => Input::Text(text),
            OwnedInput::Bytes(bytes) => Input::Bytes(bytes),
        }
    }
}

/// Certificate input: a string (PEM text), a Uint8Array (a file's bytes), or
/// a list of them, and how many items there are. `(count, Err(total))` when
/// together they are over the size limit: the sizes add up before anything is
/// copied (UTF-16 units bound UTF-8 bytes from below).
pub(crate) fn inputs_arg(value: &JsValue, function: &str) -> Result<(usize, Result<Vec<OwnedInput>, usize>), Error> {
    let items = list_arg(value)?;
    if items.is_empty() {
        return Err(bad_argument(format!("{function} was given an empty list. Give PEM text or a file's bytes.")));
    }
    let mut total = 0usize;
    for item in &items {
        total = total.saturating_add(match item.dyn_ref::<JsString>() {
            Some(text) => text.length() as usize,
            None => uint8_length(item).unwrap_or(0),
        });
    }
    if total > MAX_INPUT_BYTES {
        return Ok((items.len(), Err(total)));
    }
    let mut owned = Vec::with_capacity(items.len());
    for item in &items {
        if item.dyn_ref::<JsString>().is_some() {
            owned.push(OwnedInput::Text(Zeroizing::new(string_arg(item, "input")?)));
        } else if let Some(bytes) = copy_uint8(item, "input")? {
            owned.push(OwnedInput::Bytes(bytes));
        } else {
            return Err(bad_argument(format!(
                "{function} takes a string (PEM text), a Uint8Array (the bytes of a file), or a list of them."
            )));
        }
    }
    Ok((owned.len(), Ok(owned)))
}

/// The optional names of a call's items (a file's name, "the pasted text"),
/// for messages: an array of strings, one per item. Only the start of each is
/// copied: a message quotes at most [`MAX_QUOTED_CHARS`] characters of it.
pub(crate) fn names_arg(value: &JsValue, count: usize) -> Result<Option<Vec<String>>, Error> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    if !is_array(value)? {
        return Err(bad_argument("The names option must be an array of strings, one name per item."));
    }
    let names = list_arg(value)?;
    if names.len() != count {
        return Err(bad_argument(format!(
            "The names option has {} names for {count} items. Give one name per item, in the same order.",
            names.len()
        )));
    }
    names
        .iter()
        .map(|name| {
            let Some(text) = name.dyn_ref::<JsString>() else {
                return Err(bad_argument("Each of the names must be a string."));
            };
            if !text.is_valid_utf16() {
                return Err(bad_argument(
                    "One of the names contains an unpaired surrogate (broken Unicode). Give it again.",
                ));
            }
            // A character is at most two UTF-16 units: this keeps every character
            // a message shows, and one more, so the message still shows the cut.
            let start = text.slice(0, 2 * MAX_QUOTED_CHARS as u32 + 2);
            Ok(String::from(start))
        })
        .collect::<Result<Vec<_>, _>>()
        .map(Some)
}

/// An optional string option (a passphrase), wiped when dropped.
pub(crate) fn optional_string(value: &JsValue, name: &str) -> Result<Option<Zeroizing<String>>, Error> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    string_arg(value, name).map(|text| Some(Zeroizing::new(text)))
}
