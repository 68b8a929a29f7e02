//! The files the admin gave, each read once on its own (PEM, DER, PKCS#8
//! plain or encrypted, SEC1, PKCS#12): every certificate, summarised for
//! pairing, and every key with its public half. A file that cannot be read
//! is a fleet finding naming it; the others are read all the same.

use std::rc::Rc;

use crate::cert::{read_file, summarize, Input, KdfShare, PrivateKey, Summary};
use crate::error::{Error, ErrorKind};
use crate::finding::Finding;
use crate::shared::caps::{MAX_FLEET_BYTES, MAX_FLEET_FILES, MAX_FLEET_KDF_WORK};
use crate::shared::quote::quote;

/// One file, as the caller read it.
#[derive(Clone, Copy, Debug)]
pub struct FileInput<'a> {
    /// The file's name (what the manifest's `certificate` and `key` columns name).
    pub name: &'a str,
    /// Its bytes.
    pub bytes: &'a [u8],
}

/// Everything the files held.
#[derive(Default)]
pub(crate) struct Pool {
    /// One per file, in the order given.
    pub files: Vec<PoolFile>,
    /// Every distinct certificate (by DER), in the order first seen.
    pub certs: Vec<PoolCert>,
    /// Every key, in the order seen.
    pub keys: Vec<PoolKey>,
}

/// A file: its name, and why it could not be read, if it could not.
pub(crate) struct PoolFile {
    pub name: String,
    pub problem: Option<Finding>,
}

/// A certificate and the files that hold it.
pub(crate) struct PoolCert {
    pub der: Vec<u8>,
    pub files: Vec<usize>,
    /// `None` when it cannot be parsed (the device checks then say why).
    pub summary: Option<Summary>,
}

/// A private key, the file it came from, and its public half.
pub(crate) struct PoolKey {
    pub key: PrivateKey,
    pub file: usize,
    pub public_id: Option<Vec<u8>>,
}

/// A fresh budget of key derivation for a fleet's files, shared by every
/// read charged to it: each file is capped on its own, and two thousand
/// files each at their cap would still hang the page.
pub(crate) fn kdf_budget() -> Rc<KdfShare> {
    KdfShare::new(MAX_FLEET_KDF_WORK)
}

/// Reads every file; `passphrase_for(name)` opens the encrypted ones, and
/// their key derivations are charged to `kdf_budget`. The caps on file
/// count and total size are checked before anything is read. Never inlined:
/// a full plan and a build-only plan's builds both call it.
#[inline(never)]
pub(crate) fn read<'p>(
    files: &[FileInput<'_>],
    passphrase_for: impl Fn(&str) -> Option<&'p str>,
    kdf_budget: &Rc<KdfShare>,
) -> Result<Pool, Error> {
    check_caps(files)?;
    let mut pool = Pool::default();
    for (index, file) in files.iter().enumerate() {
        let read = read_file(Input::Bytes(file.bytes), passphrase_for(file.name), kdf_budget);
        let problem = match read {
            Ok(decoded) => {
                for der in decoded.certs {
                    match pool.certs.iter_mut().find(|c| c.der == der) {
                        Some(known) => known.files.push(index),
                        None => pool.certs.push(PoolCert { summary: summarize(&der), der, files: vec![index] }),
                    }
                }
                for key in decoded.keys {
                    pool.keys.push(PoolKey { public_id: key.public_id(), key, file: index });
                }
                None
            }
            Err(mut finding) => {
                finding.message = format!("In \"{}\": {}", quote(file.name), finding.message);
                finding.files = vec![file.name.to_owned()];
                Some(finding)
            }
        };
        pool.files.push(PoolFile { name: file.name.to_owned(), problem });
    }
    Ok(pool)
}

/// Refuses more files, or more bytes in all, than one fleet takes.
pub(crate) fn check_caps(files: &[FileInput<'_>]) -> Result<(), Error> {
    let total: usize = files.iter().map(|f| f.bytes.len()).sum();
    if files.len() > MAX_FLEET_FILES || total > MAX_FLEET_BYTES {
        return Err(Error::new(
            ErrorKind::TooManyFiles,
            format!(
                "{} files of {total} bytes in all are more than one fleet takes ({MAX_FLEET_FILES} files, \
                 {} MiB). Split the fleet into several manifests.",
                files.len(),
                MAX_FLEET_BYTES >> 20
            ),
        ));
    }
    Ok(())
}
