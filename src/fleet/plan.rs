//! Planning a fleet: read the manifest and the files, pair them, run the
//! single-device checks on each device's bundle, then the fleet-level
//! checks. The plan keeps each device's bundle (its private key) and
//! secrets in memory for the build; its report (`report.rs`) holds neither.

use std::rc::Rc;

use serde::Serialize;
use sha1::{Digest, Sha1};
use zeroize::Zeroizing;

use crate::cert::{report_on, Decoded, InspectOptions, KdfShare, Profile, Report};
use crate::error::{Error, ErrorKind};
use crate::finding::{Finding, FindingCode};
use crate::fleet::files::{self, FileInput, Pool};
use crate::fleet::manifest::{self, Row};
use crate::fleet::pairing::{self, Assignment};
use crate::fleet::report::{DeviceReport, PlanReport, Status};
use crate::fleet::{checks, names};
use crate::shared::hex;
use crate::tasks::Bundle;

/// What a fleet is planned from.
#[derive(Clone, Copy, Debug)]
pub struct FleetInput<'a> {
    /// The manifest as text (CSV from a spreadsheet).
    pub manifest: &'a str,
    /// Every certificate and key file.
    pub files: &'a [FileInput<'a>],
    /// Opens encrypted keys and PKCS#12 files (a row's `passphrase` wins for the files it names).
    pub passphrase: Option<&'a str>,
    /// The time certificates are checked against, Unix seconds.
    pub now: i64,
    /// Warn (`expires_before`) about leaves that expire before this time, Unix seconds.
    pub expires_before: Option<i64>,
}

/// A planned fleet: the report, and what each device's build needs.
pub struct Plan {
    pub(crate) report: PlanReport,
    pub(crate) rows: Vec<Row>,
    pub(crate) bundles: Vec<Option<Bundle>>,
    /// A full plan: which files each device's bundle came from.
    pub(crate) build_files: Vec<Option<BuildFiles>>,
    /// A build-only plan: the files, read per device when it is built.
    pub(crate) deferred: Option<Deferred>,
}

/// Which files a device's certificate, chain and key came from (indexes into
/// the files given), and its leaf's SHA-1: all a build-only plan needs to
/// read that device alone. No secret, no key.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BuildFiles {
    /// Indexes of the files, ascending.
    pub files: Vec<usize>,
    /// The leaf's SHA-1, lowercase hex.
    pub leaf: String,
}

/// What a build-only plan keeps: the files and their passphrases, and which
/// files each device needs. A device is read and checked when it is built.
pub(crate) struct Deferred {
    files: Vec<HeldFile>,
    build_files: Vec<Option<BuildFiles>>,
    now: i64,
    kdf_budget: Rc<KdfShare>,
}

impl std::fmt::Debug for Plan {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Plan").field("devices", &self.report.devices.len()).finish_non_exhaustive()
    }
}

/// Plans the fleet. Fails only when the manifest as a whole cannot be used
/// or the files are over the caps; every other problem is a finding.
pub fn plan_fleet(input: &FleetInput<'_>) -> Result<Plan, Error> {
    let rows = manifest::read(input.manifest)?;
    let pool = files::read(input.files, |name| passphrase_for(&rows, name).or(input.passphrase), &files::kdf_budget())?;
    let assignments = pairing::assign(&rows, &pool);
    let folders = names::folder_names(&rows.iter().map(|r| r.device.as_str()).collect::<Vec<_>>());

    let mut devices = Vec::with_capacity(rows.len());
    let mut bundles = Vec::with_capacity(rows.len());
    let mut build_files = Vec::with_capacity(rows.len());
    for ((row, assignment), folder) in rows.iter().zip(&assignments).zip(folders) {
        let mut device = DeviceReport::new(row, folder);
        let mut bundle = None;
        let mut files = None;
        match (&row.problem, assignment) {
            (Some(problem), _) => device.findings.push(problem.clone()),
            (None, Some(Err(finding))) => device.findings.push(finding.clone()),
            (None, Some(Ok(assignment))) => {
                let mut report = check(&pool, assignment, input.now);
                device.describe_leaf(&report, row);
                device.findings.append(&mut report.findings);
                bundle = Bundle::take_from(&mut report);
                files = device.sha1.clone().map(|leaf| BuildFiles { files: files_of(&pool, assignment), leaf });
            }
            (None, None) => {}
        }
        devices.push(device);
        bundles.push(bundle);
        build_files.push(files);
    }
    let mut findings = checks::file_findings(&pool, &assignments);
    findings.extend(checks::fleet_findings(&rows, &mut devices, &pool, &assignments, input.expires_before));
    for (device, files) in devices.iter_mut().zip(&mut build_files) {
        device.settle();
        // A device in error is never built, by any plan.
        if device.status == Status::Error {
            *files = None;
        }
    }
    Ok(Plan { report: PlanReport { devices, findings }, rows, bundles, build_files, deferred: None })
}

/// The files the assignment's certificates and key came from, ascending.
fn files_of(pool: &Pool, assignment: &Assignment) -> Vec<usize> {
    let certs = std::iter::once(&assignment.leaf).chain(&assignment.chain).map(|&c| pool.certs[c].files[0]);
    let mut files: Vec<usize> = certs.chain(assignment.key.map(|k| pool.keys[k].file)).collect();
    files.sort_unstable();
    files.dedup();
    files
}

/// Plans the fleet for building only, as each worker of the page's pool
/// does, from what the full plan (the page's own) found: `build_files`,
/// one per manifest row. Nothing is read until a device is built; then only
/// that device's files are read, paired and checked. So the pool's workers
/// start building at once, and each device is read once across the pool.
/// Its report knows only the manifest's rows.
pub fn plan_fleet_for_build(input: &FleetInput<'_>, build_files: Vec<Option<BuildFiles>>) -> Result<Plan, Error> {
    let rows = manifest::read(input.manifest)?;
    files::check_caps(input.files)?;
    let in_range = build_files.iter().flatten().all(|b| b.files.iter().all(|&f| f < input.files.len()));
    if build_files.len() != rows.len() || !in_range {
        return Err(Error::new(
            ErrorKind::BadArgument,
            "The build files are not those of this manifest and these files: plan the fleet again.",
        ));
    }
    let files = input
        .files
        .iter()
        .map(|f| {
            let passphrase = passphrase_for(&rows, f.name).or(input.passphrase).map(|p| Zeroizing::new(p.to_owned()));
            (f.name.to_owned(), Zeroizing::new(f.bytes.to_vec()), passphrase)
        })
        .collect();
    let folders = names::folder_names(&rows.iter().map(|r| r.device.as_str()).collect::<Vec<_>>());
    let mut devices: Vec<DeviceReport> =
        rows.iter().zip(folders).map(|(row, folder)| DeviceReport::new(row, folder)).collect();
    for (device, row) in devices.iter_mut().zip(&rows) {
        device.findings.extend(row.problem.clone());
        device.settle();
    }
    let deferred = Deferred { files, build_files, now: input.now, kdf_budget: files::kdf_budget() };
    let bundles = rows.iter().map(|_| None).collect();
    Ok(Plan {
        report: PlanReport { devices, findings: Vec::new() },
        rows,
        bundles,
        build_files: Vec::new(),
        deferred: Some(deferred),
    })
}

/// A file a build-only plan holds: its name, bytes and passphrase (wiped on drop).
type HeldFile = (String, Zeroizing<Vec<u8>>, Option<Zeroizing<String>>);

impl Deferred {
    /// Device `index`'s bundle, read from its files and checked now; a
    /// bundle with an error finding is refused (`certificate_rejected`,
    /// carrying the findings). `None` when the plan gave it no files.
    pub(crate) fn checked_bundle(&self, index: usize) -> Result<Option<Bundle>, Error> {
        let Some(Some(wanted)) = self.build_files.get(index) else { return Ok(None) };
        let chosen: Vec<_> = wanted.files.iter().map(|&f| &self.files[f]).collect();
        let inputs: Vec<FileInput<'_>> = chosen.iter().map(|(name, bytes, _)| FileInput { name, bytes }).collect();
        let passphrase = |name: &str| {
            chosen.iter().find(|(n, _, _)| n == name).and_then(|(_, _, p)| p.as_deref().map(String::as_str))
        };
        let pool = files::read(&inputs, passphrase, &self.kdf_budget)?;
        let Some(leaf) = pool.certs.iter().position(|c| hex::encode(&Sha1::digest(&c.der)) == wanted.leaf) else {
            return Ok(None);
        };
        let mut report = check(&pool, &pairing::for_leaf(&pool, leaf), self.now);
        crate::tasks::refuse_errors(&report)?;
        Ok(Bundle::take_from(&mut report))
    }
}

/// The passphrase of the first row that names `file` and has one.
fn passphrase_for<'r>(rows: &'r [Row], file: &str) -> Option<&'r str> {
    rows.iter()
        .filter(|r| r.certificate.eq_ignore_ascii_case(file) || r.key.eq_ignore_ascii_case(file))
        .find_map(|r| r.passphrase.as_deref().map(String::as_str))
}

/// The single-device checks on what pairing chose, with the same codes;
/// messages name the files the certificates and the key came from.
fn check(pool: &Pool, assignment: &Assignment, now: i64) -> Report {
    let mut decoded = Decoded::default();
    let mut cert_items = Vec::new();
    for &c in std::iter::once(&assignment.leaf).chain(&assignment.chain) {
        decoded.certs.push(pool.certs[c].der.clone());
        cert_items.push(pool.certs[c].files[0]);
    }
    let key_item = assignment.key.map(|k| {
        decoded.keys.push(pool.keys[k].key.clone());
        pool.keys[k].file
    });
    let labels: Vec<&str> = pool.files.iter().map(|f| f.name.as_str()).collect();
    let options = InspectOptions { passphrase: None, now, labels: Some(&labels) };
    report_on(&Profile::DEVICE, decoded, cert_items, key_item, true, &options)
}

impl Plan {
    /// What the plan found.
    pub fn report(&self) -> &PlanReport {
        &self.report
    }

    /// Which files each device's bundle came from, one per manifest row, for
    /// [`plan_fleet_for_build`] (empty for a build-only plan).
    pub fn build_files(&self) -> &[Option<BuildFiles>] {
        &self.build_files
    }

    /// Marks device `index` failed (`build_failed`): it is skipped from here on.
    pub fn build_failed(&mut self, index: usize, error: &Error) {
        if let Some(device) = self.report.devices.get_mut(index) {
            device.findings.push(Finding::new(
                FindingCode::BuildFailed,
                format!("Its commands could not be built: {} Build the fleet again.", error.message()),
            ));
            device.settle();
        }
    }

    /// The secret to seed device `index` with in plain text (`initial-populate.txt`).
    pub(crate) fn secret_of(&self, index: usize) -> &Zeroizing<String> {
        &self.rows[index].secret
    }
}
