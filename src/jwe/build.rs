//! Building a blob: validate everything, draw salt and IV, derive the key, seal.

use zeroize::Zeroizing;

use crate::action::Action;
use crate::base64url;
use crate::error::{Error, ErrorKind};
use crate::jwe::compact::join;
use crate::jwe::enc::{seal, IV_BYTES};
use crate::jwe::header::Header;
use crate::jwe::Enc;
use crate::kdf::{check_salt, derive_key, DEFAULT_SALT_BYTES};
use crate::limits::check_size;
use crate::payload::prepare_payload;
use crate::random::random_bytes;
use crate::secret::Secret;

/// What goes into one blob.
#[derive(Debug)]
pub struct BuildRequest<'a> {
    /// The device action.
    pub action: Action,
    /// The content encryption; [`Enc::A256Gcm`] unless a device needs otherwise.
    pub enc: Enc,
    /// The plaintext: new secret, PEM bundle or fingerprint (normalized here).
    pub payload: &'a str,
    /// Fixed salt, **for known-answer tests only**. `None` draws 16 random bytes.
    pub salt: Option<&'a [u8]>,
    /// Fixed IV, **for known-answer tests only**. `None` draws 12 random bytes.
    pub iv: Option<&'a [u8]>,
    /// Skip the `add` payload's certificate checks, **for tests only** that
    /// encrypt placeholder text on purpose (the spec's worked example does).
    pub allow_findings: bool,
    /// The time the `add` payload's certificates are checked against, Unix seconds.
    pub now: i64,
}

/// Builds the compact JWE for `request`, encrypted under `secret`.
pub fn build_jwe(secret: &Secret, request: &BuildRequest<'_>) -> Result<String, Error> {
    // Cheap checks first: nothing is derived for a request that will fail.
    check_size("payload", request.payload.len())?;
    if let Some(salt) = request.salt {
        check_size("salt", salt.len())?;
        check_salt(salt)?;
    }
    if let Some(iv) = request.iv {
        if iv.len() != IV_BYTES {
            return Err(Error::new(
                ErrorKind::BadIvLength,
                format!("The IV is {} bytes; it must be exactly 12. Leave it out to draw a random one.", iv.len()),
            ));
        }
    }
    let payload = prepare_payload(request.action, request.payload, request.allow_findings, request.now)?;

    let salt = match request.salt {
        Some(salt) => salt.to_vec(),
        None => random_bytes(DEFAULT_SALT_BYTES)?,
    };
    let iv: [u8; IV_BYTES] = match request.iv {
        Some(iv) => iv.try_into().expect("length checked above"),
        None => random_bytes(IV_BYTES)?.try_into().expect("drew exactly 12 bytes"),
    };

    let header = Header { action: request.action, enc: request.enc, salt };
    let header_b64 = base64url::encode(header.to_json().as_bytes());
    let key = derive_key(secret, &header.salt, request.enc)?;
    let mut buffer = Zeroizing::new(payload.as_bytes().to_vec());
    let tag = seal(request.enc, &key, &iv, header_b64.as_bytes(), &mut buffer);
    Ok(join(&header_b64, &iv, &buffer, &tag))
}
