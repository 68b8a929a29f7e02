//! Which certificate, chain and key go to which device. Keys pair with
//! certificates by public key, whatever the files are called (a key file
//! swapped between two devices still pairs right); a device takes the leaf
//! in the file its row names, or else the leaf whose CN or DNS SAN is its
//! name (case-insensitive; the name's first label, `room-1` for
//! `room-1.example.com`, when no name matches whole and one label does).

use crate::finding::{Finding, FindingCode};
use crate::fleet::files::{Pool, PoolCert};
use crate::fleet::manifest::Row;
use crate::shared::caps::MAX_CERTIFICATES;
use crate::shared::quote::quote;

/// What goes to one device: indexes into the pool.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Assignment {
    pub leaf: usize,
    /// Issuers above the leaf found among the files, nearest first.
    pub chain: Vec<usize>,
    /// The key whose public half is the leaf's, if any file holds it.
    pub key: Option<usize>,
}

/// The assignment of each row, or the finding that says why it has none.
/// Rows that already carry a problem get `None`.
pub(crate) fn assign(rows: &[Row], pool: &Pool) -> Vec<Option<Result<Assignment, Finding>>> {
    rows.iter().map(|row| row.problem.is_none().then(|| assign_one(row, pool))).collect()
}

fn assign_one(row: &Row, pool: &Pool) -> Result<Assignment, Finding> {
    let leaf = if row.certificate.is_empty() {
        leaf_by_name(row, pool)?
    } else {
        leaf_in_file(row, pool, file_named(pool, &row.certificate, "certificate")?)?
    };
    if !row.key.is_empty() {
        // The named key file must be there; which key pairs is still decided by public key.
        file_named(pool, &row.key, "key")?;
    }
    Ok(for_leaf(pool, leaf))
}

/// What goes with `leaf`: its issuers among the files and its key.
pub(crate) fn for_leaf(pool: &Pool, leaf: usize) -> Assignment {
    Assignment { leaf, chain: chain(pool, leaf), key: key_for(pool, leaf) }
}

/// The file the manifest names: by exact name, else case-insensitive.
fn file_named(pool: &Pool, name: &str, column: &str) -> Result<usize, Finding> {
    let found = pool
        .files
        .iter()
        .position(|f| f.name == name)
        .or_else(|| pool.files.iter().position(|f| f.name.eq_ignore_ascii_case(name)));
    found.ok_or_else(|| {
        Finding::new(
            FindingCode::MissingFile,
            format!(
                "The manifest's {column} column names \"{}\", which is not among the files. Add the file, or \
                 correct its name in the manifest.",
                quote(name)
            ),
        )
    })
}

/// Could `cert` be a device's certificate? Readable and not a CA.
fn is_leaf(cert: &PoolCert) -> bool {
    cert.summary.as_ref().is_some_and(|s| !s.is_ca)
}

fn leaf_in_file(row: &Row, pool: &Pool, file: usize) -> Result<usize, Finding> {
    if let Some(problem) = &pool.files[file].problem {
        return Err(no_certificate(format!(
            "The file \"{}\" that the manifest names for it could not be read: {}",
            quote(&pool.files[file].name),
            problem.message
        )));
    }
    let leaves: Vec<usize> =
        (0..pool.certs.len()).filter(|&c| is_leaf(&pool.certs[c]) && pool.certs[c].files.contains(&file)).collect();
    match leaves.as_slice() {
        [] => Err(no_certificate(format!(
            "The file \"{}\" that the manifest names for it holds no device certificate.",
            quote(&pool.files[file].name)
        ))),
        [one] => Ok(*one),
        several => best(pool, &matching(pool, several, &row.device)).ok_or_else(|| {
            no_certificate(format!(
                "The file \"{}\" holds {} device certificates and none is named {}. Give each device its own file.",
                quote(&pool.files[file].name),
                several.len(),
                quote(&row.device)
            ))
        }),
    }
}

fn leaf_by_name(row: &Row, pool: &Pool) -> Result<usize, Finding> {
    let leaves: Vec<usize> = (0..pool.certs.len()).filter(|&c| is_leaf(&pool.certs[c])).collect();
    best(pool, &matching(pool, &leaves, &row.device)).ok_or_else(|| {
        no_certificate(format!(
            "No certificate among the files has the CN or a DNS name \"{}\". Add its certificate, or name the file \
             in the manifest's certificate column.",
            quote(&row.device)
        ))
    })
}

/// The leaves named `device`: whole names first; else first labels.
fn matching(pool: &Pool, leaves: &[usize], device: &str) -> Vec<usize> {
    let device = device.to_ascii_lowercase();
    let names = |c: usize| pool.certs[c].summary.as_ref().map(|s| s.names.as_slice()).unwrap_or_default();
    let whole: Vec<usize> = leaves.iter().copied().filter(|&c| names(c).contains(&device)).collect();
    if !whole.is_empty() {
        return whole;
    }
    let first_label = |name: &String| name.split('.').next() == Some(device.as_str());
    leaves.iter().copied().filter(|&c| names(c).iter().any(first_label)).collect()
}

/// Of several candidates (a renewal may drop the old certificate too): one
/// with its key among the files, then the latest to expire.
fn best(pool: &Pool, candidates: &[usize]) -> Option<usize> {
    let rank =
        |c: usize| (key_for(pool, c).is_some(), pool.certs[c].summary.as_ref().map_or(i64::MIN, |s| s.not_after));
    let mut best: Option<usize> = None;
    for &c in candidates {
        // Strictly better only: of equals, the first seen wins.
        if best.is_none_or(|b| rank(c) > rank(b)) {
            best = Some(c);
        }
    }
    best
}

/// The issuers of `leaf` among the files, nearest first, by subject name;
/// stops at a self-issued certificate, a loop, or the certificate cap.
fn chain(pool: &Pool, leaf: usize) -> Vec<usize> {
    let mut chain = Vec::new();
    let mut at = leaf;
    while chain.len() + 2 <= MAX_CERTIFICATES {
        let Some(summary) = &pool.certs[at].summary else { break };
        if summary.subject == summary.issuer {
            break;
        }
        let issuer = pool.certs.iter().enumerate().position(|(i, c)| {
            i != at
                && !chain.contains(&i)
                && i != leaf
                && c.summary.as_ref().is_some_and(|s| s.subject == summary.issuer)
        });
        match issuer {
            Some(i) => {
                chain.push(i);
                at = i;
            }
            None => break,
        }
    }
    chain
}

/// The first key whose public half is `cert`'s.
pub(crate) fn key_for(pool: &Pool, cert: usize) -> Option<usize> {
    let id = pool.certs[cert].summary.as_ref()?.public_id.as_ref()?;
    pool.keys.iter().position(|k| k.public_id.as_ref() == Some(id))
}

fn no_certificate(message: String) -> Finding {
    Finding::new(FindingCode::NoCertificateForDevice, message)
}
