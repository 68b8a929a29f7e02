//! Reads one compact token: its header and payload, the signature check or
//! the decryption, its times, and the tokens inside it (a JWE's JWT, a
//! claim that holds a token, as CUCM's `private` does), to a depth cap.

use base64ct::{Base64, Encoding};

use crate::cert::{self, Input, InspectOptions, Profile};
use crate::error::{Error, ErrorKind};
use crate::finding::{sort_by_severity, Finding, FindingCode, Severity};
use crate::shared::base64url;
use crate::shared::caps::{MAX_TOKENS, MAX_TOKEN_DEPTH};
use crate::token::claims;
use crate::token::find;
use crate::token::json::{Json, JsonError};
use crate::token::jwe::{self, Parts};
use crate::token::jws;
use crate::token::keys::{Candidate, KeySet, Material, Reading};
use crate::token::verification::{Budget, Status, Verification};
use crate::token::{Kind, Token};

/// What every token of one call shares.
pub(crate) struct Context<'a> {
    keys: &'a KeySet,
    now: i64,
    budget: Budget,
    /// Tokens read so far, nested ones included.
    count: usize,
}

impl<'a> Context<'a> {
    pub fn new(keys: &'a KeySet, now: i64) -> Context<'a> {
        Context { keys, now, budget: Budget::new(), count: 0 }
    }

    /// Reads `text`, a compact token found at `location`, `depth` tokens deep.
    pub fn token(&mut self, text: &str, location: String, depth: usize) -> Result<Token, Error> {
        self.count += 1;
        if self.count > MAX_TOKENS {
            return Err(Error::new(
                ErrorKind::TooManyTokens,
                format!("The text holds more than {MAX_TOKENS} tokens, counting those inside others. Paste fewer at a time."),
            ));
        }
        let segments: Vec<&str> = text.split('.').collect();
        let header_bytes = base64url::decode(segments[0]).unwrap_or_default();
        let mut findings = Vec::new();
        let header = json(&header_bytes, "header", &mut findings);
        let ambiguous = findings.iter().any(|f: &Finding| f.code == FindingCode::DuplicateMember);
        let alg = header.str("alg").unwrap_or_default().to_owned();
        let kind = match segments.len() {
            3 => Kind::Jws,
            _ if header.get("cisco-kdf").is_some() => Kind::Device,
            _ => Kind::Jwe,
        };
        let mut token = Token {
            kind,
            location,
            header_text: String::from_utf8_lossy(&header_bytes).into_owned(),
            claims: None,
            payload_text: None,
            expanded: Vec::new(),
            times: Vec::new(),
            summary: Default::default(),
            verification: Verification::new(Status::NotChecked, None),
            x5c: None,
            nested: Vec::new(),
            findings: Vec::new(),
            header,
        };
        if !matches!(token.header, Json::Object(_)) || alg.is_empty() {
            if !ambiguous {
                findings.push(malformed("Its header is not a JSON object with an \"alg\" (RFC 7515 4.1.1)."));
            }
        } else {
            self.header_checks(&token.header, &mut findings);
        }
        let payload = match kind {
            Kind::Jws => self.jws(text, &mut token, &alg, ambiguous, &mut findings),
            Kind::Jwe => self.jwe(&segments, &mut token, &alg, ambiguous, &mut findings),
            Kind::Device => {
                findings.push(Finding::new(
                    FindingCode::DeviceBlob,
                    "This is a Webex device blob (its header has cisco-kdf). Open it with the device tools \
                     (Check a blob), with the device's client secret.",
                ));
                token.verification.algorithm = Some(format!("{alg} {}", token.header.str("enc").unwrap_or_default()));
                None
            }
        };
        if let Some(payload) = payload {
            self.payload(&payload, &mut token, depth, &mut findings)?;
        }
        // A signature over an ambiguous or must-refuse token vouches for nothing a reader can rely on.
        let refuse =
            findings.iter().any(|f| matches!(f.code, FindingCode::CritUnsupported | FindingCode::DuplicateMember));
        if refuse && token.verification.status == Status::Valid {
            token.verification.status = Status::Invalid;
        }
        token.summary = claims::summary(&token.header, token.claims.as_ref());
        sort_by_severity(&mut findings);
        token.findings = findings;
        Ok(token)
    }

    /// What any header may ask that this tool must answer: `crit`, keys by URL.
    fn header_checks(&self, header: &Json, findings: &mut Vec<Finding>) {
        if header.get("crit").is_some() {
            findings.push(Finding::new(
                FindingCode::CritUnsupported,
                "The header's crit names extensions a reader must understand (RFC 7515 4.1.11); this tool \
                 understands none, and a service that does not know them must refuse the token.",
            ));
        }
        if header.get("jku").is_some() || header.get("x5u").is_some() {
            findings.push(Finding::new(
                FindingCode::RemoteKeyNotFetched,
                "The header names a key by URL (jku or x5u). Nothing is fetched here: give that key yourself.",
            ));
        }
        if header.get("zip").is_some() {
            findings.push(Finding::new(
                FindingCode::UnsupportedAlgorithm,
                "The payload is compressed (zip), which this tool does not inflate: its content is not shown.",
            ));
        }
    }

    /// A JWS: the payload, and the signature checked.
    fn jws(
        &mut self,
        text: &str,
        token: &mut Token,
        alg: &str,
        ambiguous: bool,
        findings: &mut Vec<Finding>,
    ) -> Option<Vec<u8>> {
        // `header.payload` as written is what the signature covers.
        let (signing_input, signature) = text.rsplit_once('.')?;
        let payload = &signing_input[signing_input.find('.')? + 1..];
        let (Some(payload), Some(signature)) = (base64url::decode(payload), base64url::decode(signature)) else {
            findings.push(malformed("Its payload or signature is not base64url (RFC 7515 7.1)."));
            return None;
        };
        token.verification.algorithm = (!alg.is_empty()).then(|| alg.to_owned());
        if ambiguous || alg.is_empty() {
            return Some(payload);
        }
        let x5c = self.x5c(token, findings);
        let kid = token.header.str("kid");
        let signed = jws::Signed { alg, kid, signing_input: signing_input.as_bytes(), signature: &signature };
        token.verification = jws::verify(&signed, self.keys, x5c.as_ref(), &self.budget, findings);
        if token.verification.key.as_ref().is_some_and(|k| k.reading == Reading::X5c) {
            findings.push(Finding::new(
                FindingCode::X5cRootUnverified,
                "The signature verifies with the certificate in the token's own x5c header. Anyone can put a \
                 certificate there: whether to trust the root of that chain is your decision.",
            ));
        }
        if token.header.get("zip").is_some() {
            return None;
        }
        Some(payload)
    }

    /// The header's `x5c` chain (standard base64 DER, leaf first): described
    /// by the certificate code, its leaf returned to verify with.
    fn x5c(&self, token: &mut Token, findings: &mut Vec<Finding>) -> Option<Candidate> {
        let Json::Array(items) = token.header.get("x5c")? else {
            findings
                .push(Finding::new(FindingCode::X5cChainInvalid, "The header's x5c is not an array of certificates."));
            return None;
        };
        let ders: Option<Vec<Vec<u8>>> = items
            .iter()
            .map(|item| if let Json::String(s) = item { Base64::decode_vec(s).ok() } else { None })
            .collect();
        let Some(ders) = ders.filter(|d| !d.is_empty() && d.len() <= crate::shared::caps::MAX_CERTIFICATES) else {
            findings.push(Finding::new(
                FindingCode::X5cChainInvalid,
                "The header's x5c is not a list of base64 DER certificates (RFC 7515 4.1.6).",
            ));
            return None;
        };
        let inputs: Vec<Input<'_>> = ders.iter().map(|d| Input::Bytes(d)).collect();
        let mut report = cert::inspect_with(&Profile::TOKEN_SIGNER, &inputs, &InspectOptions::new(None, self.now));
        for finding in report.findings.iter().filter(|f| f.severity == Severity::Error) {
            findings.push(Finding::new(FindingCode::X5cChainInvalid, format!("In the x5c chain: {}", finding.message)));
        }
        token.x5c = Some(std::mem::take(&mut report.certificates));
        let leaf = ders.into_iter().next()?;
        cert::certificate_key(&leaf)?;
        Some(Candidate { index: 0, reading: Reading::X5c, kid: None, material: Material::Certificate(leaf) })
    }

    /// A JWE: opened with the keys given, its plaintext returned.
    fn jwe(
        &mut self,
        segments: &[&str],
        token: &mut Token,
        alg: &str,
        ambiguous: bool,
        findings: &mut Vec<Finding>,
    ) -> Option<Vec<u8>> {
        let enc = token.header.str("enc").unwrap_or_default().to_owned();
        token.verification.algorithm = Some(format!("{alg} {enc}"));
        let decoded: Option<Vec<Vec<u8>>> = segments[1..].iter().map(|s| base64url::decode(s)).collect();
        let Some(mut decoded) = decoded else {
            findings.push(malformed("One of its parts is not base64url (RFC 7516 7.1)."));
            return None;
        };
        if ambiguous || alg.is_empty() {
            return None;
        }
        if enc.is_empty() {
            findings.push(malformed("Its header has no \"enc\" (RFC 7516 4.1.2)."));
            return None;
        }
        let tag = decoded.pop()?;
        let ciphertext = decoded.pop()?;
        let iv = decoded.pop()?;
        let encrypted_key = decoded.pop()?;
        let parts = Parts { aad: segments[0].as_bytes(), encrypted_key, iv, ciphertext, tag };
        let kid = token.header.str("kid").map(str::to_owned);
        let plain = jwe::open(alg, &enc, kid.as_deref(), &parts, self.keys, findings, &mut token.verification)?;
        if token.header.get("zip").is_some() {
            return None;
        }
        Some(plain.to_vec())
    }

    /// The payload: text, claims, times, and the tokens inside it.
    fn payload(
        &mut self,
        payload: &[u8],
        token: &mut Token,
        depth: usize,
        findings: &mut Vec<Finding>,
    ) -> Result<(), Error> {
        let Ok(text) = std::str::from_utf8(payload) else { return Ok(()) };
        token.payload_text = Some(text.to_owned());
        let trimmed = text.trim();
        let mut inner: Vec<(String, String)> = Vec::new();
        if trimmed.starts_with('{') {
            let claims = json(trimmed.as_bytes(), "payload", findings);
            if matches!(claims, Json::Object(_)) {
                token.times = claims::times(&claims, self.now, findings);
                token.expanded = claims::expanded(&claims);
                if let Json::Object(members) = &claims {
                    for (name, value) in members {
                        if let Json::String(s) = value {
                            if find::is_whole_token(s.trim()) {
                                inner.push((format!("claim {name}"), s.trim().to_owned()));
                            }
                        }
                    }
                }
                token.claims = Some(claims);
            }
        } else if find::is_whole_token(trimmed) {
            inner.push(("payload".into(), trimmed.to_owned()));
        }
        for (place, text) in inner {
            if depth + 1 >= MAX_TOKEN_DEPTH {
                findings.push(Finding::new(
                    FindingCode::NestingTooDeep,
                    format!("Tokens are nested more than {MAX_TOKEN_DEPTH} deep; the ones further in are not opened."),
                ));
                break;
            }
            token.nested.push(self.token(&text, format!("{} › {place}", token.location), depth + 1)?);
        }
        Ok(())
    }
}

/// A header or payload as JSON; `null` (and a finding) when it cannot be read.
fn json(bytes: &[u8], what: &str, findings: &mut Vec<Finding>) -> Json {
    match Json::parse(bytes) {
        Ok(json) => json,
        Err(JsonError::Duplicate(name)) => {
            findings.push(Finding::new(
                FindingCode::DuplicateMember,
                format!(
                    "Its {what} names {} twice. Readers disagree on which one counts, so the token means \
                     different things to different services; it is not checked.",
                    crate::shared::quote::quote(&name)
                ),
            ));
            Json::Null
        }
        Err(JsonError::TooManyValues) => {
            findings.push(malformed(&format!(
                "Its {what} holds more than {} JSON values.",
                crate::token::json::MAX_JSON_VALUES
            )));
            Json::Null
        }
        Err(JsonError::Syntax(why)) => {
            findings.push(malformed(&format!("Its {what} is not valid JSON ({why}).")));
            Json::Null
        }
    }
}

fn malformed(why: &str) -> Finding {
    Finding::new(FindingCode::MalformedToken, format!("The token is malformed. {why}"))
}
