//! Planning a fleet: read the manifest and the files, pair them, run the
//! single-device checks on each device's bundle, then the fleet-level
//! checks. The plan keeps each device's bundle (its private key) and
//! secrets in memory for the build; its report (`report.rs`) holds neither.

use zeroize::Zeroizing;

use crate::cert::{report_on, Decoded, InspectOptions, Profile, Report};
use crate::error::Error;
use crate::finding::{Finding, FindingCode};
use crate::fleet::files::{self, FileInput, Pool};
use crate::fleet::manifest::{self, Row};
use crate::fleet::pairing::{self, Assignment};
use crate::fleet::report::{DeviceReport, PlanReport};
use crate::fleet::{checks, names};
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
    /// A build-only plan's files and pairing: each device is checked when it is built.
    pub(crate) deferred: Option<Deferred>,
}

/// What a build-only plan keeps to check a device when it builds it.
pub(crate) struct Deferred {
    pool: Pool,
    assignments: Vec<Option<Result<Assignment, Finding>>>,
    now: i64,
}

impl std::fmt::Debug for Plan {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Plan").field("devices", &self.report.devices.len()).finish_non_exhaustive()
    }
}

/// Plans the fleet. Fails only when the manifest as a whole cannot be used
/// or the files are over the caps; every other problem is a finding.
pub fn plan_fleet(input: &FleetInput<'_>) -> Result<Plan, Error> {
    plan(input, false)
}

/// Plans the fleet for building only, as each worker of the page's pool does
/// (the table comes from a full plan): files read and paired, fleet checks
/// run, but each device's certificate checks wait until it is built, so
/// they run once per device across the pool instead of once per worker.
/// Its report lacks the certificate checks' findings and descriptions.
pub fn plan_fleet_for_build(input: &FleetInput<'_>) -> Result<Plan, Error> {
    plan(input, true)
}

fn plan(input: &FleetInput<'_>, defer_checks: bool) -> Result<Plan, Error> {
    let rows = manifest::read(input.manifest)?;
    let pool = files::read(input.files, |name| passphrase_for(&rows, name).or(input.passphrase))?;
    let assignments = pairing::assign(&rows, &pool);
    let labels: Vec<&str> = pool.files.iter().map(|f| f.name.as_str()).collect();
    let options = InspectOptions { passphrase: None, now: input.now, labels: Some(&labels) };
    let folders = names::folder_names(&rows.iter().map(|r| r.device.as_str()).collect::<Vec<_>>());

    let mut devices = Vec::with_capacity(rows.len());
    let mut bundles = Vec::with_capacity(rows.len());
    for ((row, assignment), folder) in rows.iter().zip(&assignments).zip(folders) {
        let mut device = DeviceReport::new(row, folder);
        let mut bundle = None;
        match (&row.problem, assignment) {
            (Some(problem), _) => device.findings.push(problem.clone()),
            (None, Some(Err(finding))) => device.findings.push(finding.clone()),
            (None, Some(Ok(_))) if defer_checks => {}
            (None, Some(Ok(assignment))) => {
                let mut report = check(&pool, assignment, &options);
                device.describe_leaf(&report, row);
                device.findings.append(&mut report.findings);
                bundle = Bundle::take_from(&mut report);
            }
            (None, None) => {}
        }
        devices.push(device);
        bundles.push(bundle);
    }
    let mut findings = checks::file_findings(&pool, &assignments);
    findings.extend(checks::fleet_findings(&rows, &mut devices, &pool, &assignments, input.expires_before));
    for device in &mut devices {
        device.settle();
    }
    let deferred = defer_checks.then_some(Deferred { pool, assignments, now: input.now });
    Ok(Plan { report: PlanReport { devices, findings }, rows, bundles, deferred })
}

impl Deferred {
    /// Device `index`'s bundle, checked now; a bundle with an error finding
    /// is refused (`certificate_rejected`, carrying the findings).
    pub(crate) fn checked_bundle(&self, index: usize) -> Result<Option<Bundle>, Error> {
        let Some(Some(Ok(assignment))) = self.assignments.get(index) else { return Ok(None) };
        let labels: Vec<&str> = self.pool.files.iter().map(|f| f.name.as_str()).collect();
        let options = InspectOptions { passphrase: None, now: self.now, labels: Some(&labels) };
        let mut report = check(&self.pool, assignment, &options);
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
fn check(pool: &Pool, assignment: &Assignment, options: &InspectOptions<'_>) -> Report {
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
    report_on(&Profile::DEVICE, decoded, cert_items, key_item, true, options)
}

impl Plan {
    /// What the plan found.
    pub fn report(&self) -> &PlanReport {
        &self.report
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
