//! Key derivation that the files of one call share (a fleet's): one budget,
//! charged before each derivation runs, and the derivations already done.
//! Keys sealed together (`keys::export`: one passphrase, one salt, each its
//! own IV) then cost one derivation for the whole fleet, however many
//! there are, instead of one each.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use pkcs5::pbes2::{Kdf, Pbkdf2Prf};
use zeroize::Zeroizing;

use crate::cert::refusal;
use crate::finding::Finding;

/// A derivation done: its parameters (salt included), the passphrase it was
/// made from and the AES-256 key, both wiped on drop.
type Derived = (Vec<u8>, Zeroizing<String>, Zeroizing<[u8; 32]>);

/// The budget left, and each derivation done.
pub(crate) struct KdfShare {
    left: Cell<u64>,
    derived: RefCell<Vec<Derived>>,
}

impl KdfShare {
    pub fn new(budget: u64) -> Rc<KdfShare> {
        Rc::new(KdfShare { left: Cell::new(budget), derived: RefCell::new(Vec::new()) })
    }

    /// Charges `units` before a derivation runs; refuses when the budget is spent.
    pub fn charge(&self, units: u64) -> Result<(), Finding> {
        let left = self.left.get().checked_sub(units).ok_or_else(refusal::shared_kdf_budget_spent)?;
        self.left.set(left);
        Ok(())
    }

    /// The AES-256 key `kdf` derives from `passphrase`: one derived before,
    /// or derived now for `units` of the budget. `None` for a KDF that
    /// [`derive_aes256`] does not make (the caller's general path does).
    pub fn aes256_key(&self, kdf: &Kdf, passphrase: &str, units: u64) -> Result<Option<Zeroizing<[u8; 32]>>, Finding> {
        let Some(id) = id(kdf) else { return Ok(None) };
        let done =
            self.derived.borrow().iter().find(|(i, p, _)| *i == id && p.as_str() == passphrase).map(|d| d.2.clone());
        if let Some(key) = done {
            return Ok(Some(key));
        }
        self.charge(units)?;
        let Some(key) = derive_aes256(kdf, passphrase) else { return Ok(None) };
        self.derived.borrow_mut().push((id, Zeroizing::new(passphrase.to_owned()), key.clone()));
        Ok(Some(key))
    }
}

/// What makes two derivations the same: the function, its costs and the
/// salt. `None` for a derivation [`derive_aes256`] does not make.
fn id(kdf: &Kdf) -> Option<Vec<u8>> {
    if kdf.key_length().is_some_and(|len| len != 32) {
        return None;
    }
    let mut id = Vec::new();
    match kdf {
        Kdf::Scrypt(s) => {
            id.push(b's');
            id.extend_from_slice(&s.cost_parameter.to_le_bytes());
            id.extend_from_slice(&s.block_size.to_le_bytes());
            id.extend_from_slice(&s.parallelization.to_le_bytes());
            id.extend_from_slice(s.salt.as_ref());
        }
        Kdf::Pbkdf2(p) if p.prf == Pbkdf2Prf::HmacWithSha256 => {
            id.push(b'p');
            id.extend_from_slice(&p.iteration_count.to_le_bytes());
            id.extend_from_slice(p.salt.as_ref());
        }
        _ => return None,
    }
    Some(id)
}

/// A 32-byte key from `passphrase` by scrypt or PBKDF2-HMAC-SHA256 (RFC
/// 8018 5.2), the two KDFs this tool seals keys with; `None` for any other,
/// or a KDF that asks for another key length.
pub(crate) fn derive_aes256(kdf: &Kdf, passphrase: &str) -> Option<Zeroizing<[u8; 32]>> {
    if kdf.key_length().is_some_and(|len| len != 32) {
        return None;
    }
    let mut key = Zeroizing::new([0u8; 32]);
    match kdf {
        Kdf::Scrypt(s) => {
            let params = scrypt::Params::try_from(s).ok()?;
            scrypt::scrypt(passphrase.as_bytes(), s.salt.as_ref(), &params, &mut key[..]).ok()?;
        }
        Kdf::Pbkdf2(p) if p.prf == Pbkdf2Prf::HmacWithSha256 => {
            pbkdf2::pbkdf2_hmac::<sha2::Sha256>(
                passphrase.as_bytes(),
                p.salt.as_ref(),
                p.iteration_count,
                &mut key[..],
            );
        }
        _ => return None,
    }
    Some(key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use pkcs5::pbes2::ScryptParams;

    fn scrypt_kdf(salt: &[u8]) -> Kdf {
        ScryptParams::from_params_and_salt(scrypt::Params::new(10, 8, 1).unwrap(), salt).unwrap().into()
    }

    #[test]
    fn the_same_derivation_is_charged_and_made_once() {
        let share = KdfShare::new(10_000);
        let a = share.aes256_key(&scrypt_kdf(b"salt one"), "pass", 8_192).unwrap().unwrap();
        assert_eq!(share.left.get(), 1_808);
        let again = share.aes256_key(&scrypt_kdf(b"salt one"), "pass", 8_192).unwrap().unwrap();
        assert_eq!((share.left.get(), &*again), (1_808, &*a), "a second key under the same salt costs nothing");
        let other = share.aes256_key(&scrypt_kdf(b"salt one"), "another pass", 1_000).unwrap().unwrap();
        assert_ne!(&*other, &*a, "another passphrase is another derivation");
        assert!(share.aes256_key(&scrypt_kdf(b"salt two"), "pass", 8_192).is_err(), "over the budget");
        assert_eq!(&*derive_aes256(&scrypt_kdf(b"salt one"), "pass").unwrap(), &*a);
    }
}
