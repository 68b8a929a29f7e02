//! What the plan says about each device and the fleet: plain data for the
//! page's table and for scripts, with no secret and no key.

use serde::Serialize;

use crate::cert::{AltName, Report};
use crate::finding::{Finding, FindingCode, Severity};
use crate::fleet::command::Command;
use crate::fleet::manifest::Row;

/// `ready`, `warning` or `error`: the worst finding of a device.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// No finding above info: its commands are built.
    Ready,
    /// Warnings only: its commands are built; read them first.
    Warning,
    /// At least one error: skipped.
    Error,
}

/// One device as the plan sees it (no secret, no key).
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DeviceReport {
    /// The manifest's device name.
    pub device: String,
    /// The manifest's `deviceId`, when given.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub device_id: String,
    /// The manifest line the row starts on.
    pub line: usize,
    /// The worst of its findings.
    pub status: Status,
    /// Its findings, errors first: the single-device codes and the fleet's.
    pub findings: Vec<Finding>,
    /// The leaf's CN, SANs, fingerprints, expiry and issuer, when it has a leaf.
    pub common_name: Option<String>,
    /// The leaf's SANs.
    pub subject_alt_names: Vec<AltName>,
    /// SHA-1 of the leaf (what `activate` carries).
    pub sha1: Option<String>,
    /// SHA-256 of the leaf.
    pub sha256: Option<String>,
    /// The leaf's end of validity, ISO 8601.
    pub not_after: Option<String>,
    /// Whole days left.
    pub days_left: Option<i64>,
    /// The leaf's issuer.
    pub issuer: Option<String>,
    /// The actions its commands will run, in order.
    pub actions: Vec<&'static str>,
    /// Its folder in the zip.
    pub folder: String,
    /// Its commands, once built by [`crate::fleet::build_fleet`]: empty in a
    /// plan's report and for a device in error.
    pub commands: Vec<Command>,
}

/// The plan's report: every device, and the fleet-level findings.
#[derive(Clone, Debug, Serialize)]
pub struct PlanReport {
    /// One per manifest row, in manifest order.
    pub devices: Vec<DeviceReport>,
    /// Findings about the fleet as a whole, each naming its devices or files.
    pub findings: Vec<Finding>,
}

impl DeviceReport {
    pub(crate) fn new(row: &Row, folder: String) -> DeviceReport {
        DeviceReport {
            device: row.device.clone(),
            device_id: row.device_id.clone(),
            line: row.line,
            status: Status::Ready,
            findings: Vec::new(),
            common_name: None,
            subject_alt_names: Vec::new(),
            sha1: None,
            sha256: None,
            not_after: None,
            days_left: None,
            issuer: None,
            actions: Vec::new(),
            folder,
            commands: Vec::new(),
        }
    }

    pub(crate) fn describe_leaf(&mut self, report: &Report, row: &Row) {
        let Some(leaf) = report.leaf_index.map(|i| &report.certificates[i]) else { return };
        self.common_name = leaf.common_name.clone();
        self.subject_alt_names = leaf.subject_alt_names.clone();
        self.sha1 = Some(leaf.sha1.clone());
        self.sha256 = Some(leaf.sha256.clone());
        self.not_after = Some(leaf.not_after.clone());
        self.days_left = Some(leaf.days_left);
        self.issuer = Some(leaf.issuer.clone());
        if row.deactivate.contains(&leaf.sha1) {
            self.findings.push(Finding::new(
                FindingCode::BadManifestRow,
                format!(
                    "On line {}, the deactivate column lists the new certificate's own fingerprint: it would be \
                     deactivated right after it is activated. Remove it from the column.",
                    row.line
                ),
            ));
        }
        self.actions = ["add", "activate"].into();
        self.actions.extend(row.deactivate.iter().map(|_| "deactivate"));
        if row.new_secret.is_some() {
            self.actions.push("populate");
        }
    }

    /// Errors first; the status is the worst finding; a device in error runs nothing.
    pub(crate) fn settle(&mut self) {
        crate::finding::sort_by_severity(&mut self.findings);
        self.status = match self.findings.first().map(|f| f.severity) {
            Some(Severity::Error) => Status::Error,
            Some(Severity::Warning) => Status::Warning,
            _ => Status::Ready,
        };
        if self.status == Status::Error {
            self.actions.clear();
        }
    }
}
