//! What a token's check came to, and with which key: the part of the report
//! both signatures (`jws`) and decryption (`jwe`) fill in, and the budget of
//! public-key operations they share.

use std::cell::Cell;

use serde::Serialize;

use crate::shared::caps::MAX_KEY_OPERATIONS;
use crate::token::keys::{Candidate, Reading};

/// The outcome of checking one token.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// JWS: the signature verifies with the key named.
    Valid,
    /// JWS: it does not verify, or it must not be believed (`alg: none`, algorithm confusion).
    Invalid,
    /// No key was given that fits, or the check could not run.
    NotChecked,
    /// An algorithm this tool does not check.
    Unsupported,
    /// JWE: opened with the key named.
    Decrypted,
    /// JWE: no key given opens it, or it was altered.
    Failed,
}

/// Which given key verified or opened the token.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct UsedKey {
    /// The given key (0 for the first); `null` for the token's own `x5c`.
    pub index: Option<usize>,
    /// How that key was read: `text`, `base64`, `hex`, `jwk`, `pem`, `x5c`...
    pub reading: Reading,
    /// The key's `kid`, when it has one.
    pub kid: Option<String>,
}

impl UsedKey {
    pub(crate) fn of(candidate: &Candidate) -> UsedKey {
        let index = (candidate.reading != Reading::X5c).then_some(candidate.index);
        UsedKey { index, reading: candidate.reading, kid: candidate.kid.clone() }
    }
}

/// The check of one token.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Verification {
    /// What it came to.
    pub status: Status,
    /// `alg`, and for a JWE `alg` + `enc`, as the header names them.
    pub algorithm: Option<String>,
    /// The key that verified or opened it.
    pub key: Option<UsedKey>,
}

impl Verification {
    pub(crate) fn new(status: Status, algorithm: Option<String>) -> Verification {
        Verification { status, algorithm, key: None }
    }
}

/// Public-key operations left for this call ([`MAX_KEY_OPERATIONS`]).
pub(crate) struct Budget(Cell<usize>);

impl Budget {
    pub fn new() -> Budget {
        Budget(Cell::new(MAX_KEY_OPERATIONS))
    }

    /// Takes one operation; `false` once none are left.
    pub fn take(&self) -> bool {
        let left = self.0.get();
        self.0.set(left.saturating_sub(1));
        left > 0
    }
}
