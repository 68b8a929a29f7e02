//! What people look for in a token's JSON: the time claims as dates, with
//! "expired 3 days ago" against the chosen time; `iss`, `aud`, `sub` and the
//! header's `alg`, `kid`, `typ`, `cty` up front; string claims that hold
//! JSON (SharePoint's `appctx`) expanded.

use serde::Serialize;

use crate::finding::{Finding, FindingCode};
use crate::token::json::{Json, Number};

/// One time claim.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TimeClaim {
    /// `iat`, `nbf` or `exp`.
    pub claim: &'static str,
    /// Unix seconds (a fraction dropped).
    pub seconds: i64,
    /// ISO 8601 UTC; `null` outside the years 1970 to 9999.
    pub date: Option<String>,
    /// Against the chosen time: "expired 3 days ago", "valid for 2 more hours".
    pub relative: String,
}

/// The header and claim members shown first.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Header `alg`.
    pub alg: Option<String>,
    /// Header `enc` (JWE).
    pub enc: Option<String>,
    /// Header `kid`.
    pub kid: Option<String>,
    /// Header `typ`.
    pub typ: Option<String>,
    /// Header `cty`.
    pub cty: Option<String>,
    /// Claim `iss`.
    pub iss: Option<String>,
    /// Claim `sub`.
    pub sub: Option<String>,
    /// Claim `aud`; several audiences joined with ", ".
    pub aud: Option<String>,
}

/// A string claim that holds a JSON object or array, read.
#[derive(Clone, Debug, PartialEq)]
pub struct Expanded {
    /// The claim's name.
    pub claim: String,
    /// What its string holds.
    pub value: Json,
}

/// The summary from a header and (when there are any) claims.
pub(crate) fn summary(header: &Json, claims: Option<&Json>) -> Summary {
    let own = |json: &Json, name: &str| json.str(name).map(str::to_owned);
    let claim = |name: &str| claims.and_then(|c| own(c, name));
    let aud = match claims.and_then(|c| c.get("aud")) {
        Some(Json::Array(items)) => Some(
            items
                .iter()
                .filter_map(|i| if let Json::String(s) = i { Some(s.as_str()) } else { None })
                .collect::<Vec<_>>()
                .join(", "),
        ),
        _ => claim("aud"),
    };
    Summary {
        alg: own(header, "alg"),
        enc: own(header, "enc"),
        kid: own(header, "kid"),
        typ: own(header, "typ"),
        cty: own(header, "cty"),
        iss: claim("iss"),
        sub: claim("sub"),
        aud,
    }
}

/// `expanded` as one JSON array of `{ claim, value }`, for JavaScript.
pub fn expanded_json(expanded: &[Expanded]) -> Json {
    let item = |e: &Expanded| {
        Json::Object(vec![("claim".into(), Json::String(e.claim.clone())), ("value".into(), e.value.clone())])
    };
    Json::Array(expanded.iter().map(item).collect())
}

/// The string claims that hold JSON objects or arrays.
pub(crate) fn expanded(claims: &Json) -> Vec<Expanded> {
    let Json::Object(members) = claims else { return Vec::new() };
    let holds_json = |s: &str| matches!(s.trim_start().as_bytes().first(), Some(b'{' | b'['));
    members
        .iter()
        .filter_map(|(name, value)| match value {
            Json::String(s) if holds_json(s) => {
                Json::parse(s.as_bytes()).ok().map(|value| Expanded { claim: name.clone(), value })
            }
            _ => None,
        })
        .collect()
}

/// `iat`, `nbf` and `exp` against `now`, with `expired` and `not_yet_valid`
/// when they say so; a time claim that is no number is `malformed_token`.
pub(crate) fn times(claims: &Json, now: i64, findings: &mut Vec<Finding>) -> Vec<TimeClaim> {
    let mut times = Vec::new();
    for claim in ["iat", "nbf", "exp"] {
        let Some(value) = claims.get(claim) else { continue };
        let Some(seconds) = seconds(value) else {
            findings.push(Finding::new(
                FindingCode::MalformedToken,
                format!(
                    "The {claim} claim is not a time (seconds since 1970, RFC 7519 2): readers will refuse the token."
                ),
            ));
            continue;
        };
        let ago = now.saturating_sub(seconds);
        let past = ago >= 0;
        let (before, after) = match (claim, past) {
            ("exp", true) => ("expired ", " ago"),
            ("exp", false) => ("valid for ", " more"),
            ("nbf", true) => ("valid since ", " ago"),
            ("nbf", false) => ("not valid for another ", ""),
            (_, true) => ("issued ", " ago"),
            (_, false) => ("issued ", " in the future"),
        };
        let relative = format!("{before}{}{after}", span(ago.unsigned_abs()));
        let date = crate::cert::iso8601_unix(seconds);
        let when = date.clone().unwrap_or_else(|| format!("{seconds} seconds since 1970"));
        let code = match (claim, past) {
            ("exp", true) => Some(FindingCode::Expired),
            ("nbf", false) if ago != 0 => Some(FindingCode::NotYetValid),
            _ => None,
        };
        if let Some(code) = code {
            let verb = if past { "" } else { "is " };
            findings.push(Finding::new(code, format!("The token {verb}{relative} ({when}).")));
        }
        times.push(TimeClaim { claim, seconds, date, relative });
    }
    times
}

/// A NumericDate: a JSON number, or digits in a string (SharePoint writes
/// them so); fractions dropped, magnitudes past i64 held at its ends.
fn seconds(value: &Json) -> Option<i64> {
    match value {
        Json::Number(Number::Unsigned(n)) => Some(i64::try_from(*n).unwrap_or(i64::MAX)),
        Json::Number(Number::Signed(n)) => Some(*n),
        // `as` saturates at i64's ends and drops the fraction.
        Json::Number(Number::Float(f)) => Some(*f as i64),
        Json::String(s) if !s.is_empty() && s.len() <= 18 && s.bytes().all(|b| b.is_ascii_digit()) => s.parse().ok(),
        _ => None,
    }
}

/// "3 days", "1 hour", "45 seconds": the largest unit that reads naturally.
fn span(seconds: u64) -> String {
    let (n, unit) = match seconds {
        0..120 => (seconds, "second"),
        120..7_200 => (seconds / 60, "minute"),
        7_200..172_800 => (seconds / 3_600, "hour"),
        172_800..63_072_000 => (seconds / 86_400, "day"),
        _ => (seconds / 31_536_000, "year"),
    };
    format!("{n} {unit}{}", if n == 1 { "" } else { "s" })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_read_as_people_say_them() {
        let now = 1_800_000_000;
        let claims = Json::parse(
            format!(r#"{{"iat":"{}","nbf":{}.5,"exp":{}}}"#, now - 3 * 86_400, now + 7_300, now - 3 * 86_400)
                .as_bytes(),
        )
        .unwrap();
        let mut findings = Vec::new();
        let times = times(&claims, now, &mut findings);
        let relative: Vec<&str> = times.iter().map(|t| t.relative.as_str()).collect();
        assert_eq!(relative, ["issued 3 days ago", "not valid for another 2 hours", "expired 3 days ago"]);
        assert_eq!(times[2].date.as_deref(), Some("2027-01-12T08:00:00Z"));
        let codes: Vec<&str> = findings.iter().map(|f| f.code.code()).collect();
        assert_eq!(codes, ["not_yet_valid", "expired"]);
        assert_eq!(span(1), "1 second");
        assert_eq!(span(2 * 3_600 + 5), "2 hours");
    }

    #[test]
    fn hostile_times_are_bounded() {
        let mut findings = Vec::new();
        let claims = Json::parse(br#"{"exp":1e300,"nbf":-1e20,"iat":"soon"}"#).unwrap();
        let times = times(&claims, 0, &mut findings);
        assert_eq!(times.len(), 2);
        assert!(times.iter().all(|t| t.date.is_none()));
        let codes: Vec<&str> = findings.iter().map(|f| f.code.code()).collect();
        assert_eq!(codes, ["malformed_token"]);
    }
}
