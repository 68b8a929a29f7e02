//! What the inputs held, gathered across every item of one call: the counts
//! are enforced as things are added, so a second private key is refused before
//! its key derivation runs, wherever it is (another PEM block, another file,
//! inside a PKCS#12), and the 17th certificate is refused, not the 16th.

use std::rc::Rc;

use crate::cert::kdf_share::KdfShare;
use crate::cert::key::PrivateKey;
use crate::cert::refusal;
use crate::finding::Finding;
use crate::shared::caps::MAX_CERTIFICATES;

/// DER certificates (in input order, duplicates removed later) and keys.
#[derive(Default)]
pub(crate) struct Decoded {
    pub certs: Vec<Vec<u8>>,
    pub keys: Vec<PrivateKey>,
    /// Certificates and keys that earlier items of the same call held: they
    /// count toward the caps of this one.
    earlier_certs: usize,
    earlier_keys: usize,
    /// Key-derivation work that many files share (a fleet's), charged before
    /// each derivation runs, on top of each file's own cap, with the
    /// derivations already done. `None`: only each file's own cap.
    pub kdf_share: Option<Rc<KdfShare>>,
}

impl Decoded {
    /// An empty start for the next item of a call that already holds `so_far`.
    pub fn after(so_far: &Decoded) -> Decoded {
        Decoded {
            earlier_certs: so_far.earlier_certs + so_far.certs.len(),
            earlier_keys: so_far.earlier_keys + so_far.keys.len(),
            kdf_share: so_far.kdf_share.clone(),
            ..Decoded::default()
        }
    }

    /// Takes in what the next item held (made with [`Decoded::after`]).
    pub fn append(&mut self, next: Decoded) {
        self.certs.extend(next.certs);
        self.keys.extend(next.keys);
    }

    /// Adds a certificate; refuses one more than [`MAX_CERTIFICATES`].
    pub fn push_cert(&mut self, der: Vec<u8>) -> Result<(), Finding> {
        if self.earlier_certs + self.certs.len() == MAX_CERTIFICATES {
            return Err(refusal::too_many_certificates());
        }
        self.certs.push(der);
        Ok(())
    }

    /// Call before reading (and decrypting) a key: refuses a second one.
    pub fn expect_key(&self) -> Result<(), Finding> {
        if self.earlier_keys + self.keys.len() == 0 {
            Ok(())
        } else {
            Err(refusal::multiple_keys())
        }
    }

    /// Charges `units` of key derivation to the shared budget, if there is
    /// one, before the derivation runs; refuses it when the budget is spent.
    pub fn charge_kdf(&self, units: u64) -> Result<(), Finding> {
        match &self.kdf_share {
            Some(share) => share.charge(units),
            None => Ok(()),
        }
    }

    /// Adds a key, which [`Decoded::expect_key`] allowed.
    pub fn push_key(&mut self, key: PrivateKey) -> Result<(), Finding> {
        self.expect_key()?;
        self.keys.push(key);
        Ok(())
    }
}
