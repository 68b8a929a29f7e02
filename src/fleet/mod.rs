//! The fleet: many devices from one manifest (a CSV a spreadsheet writes)
//! and many certificate and key files. Plan once (`plan`: read, pair by
//! public key, check each device and the fleet), build each device
//! (`build`: its blobs, each opened back), pack one zip (`pack`). The page
//! plans in full in its own worker (the table, then the pack), and each
//! worker of its pool makes a build-only plan and builds devices in
//! parallel; [`build_fleet`] does all three in one call, for scripts.

mod build;
mod checks;
mod command;
pub(crate) mod csv;
mod files;
mod inventory;
mod manifest;
pub(crate) mod names;
mod pack;
mod pairing;
mod plan;
mod report;
mod secrets;
mod xapi;
pub(crate) mod zip;

use serde::Serialize;

use crate::error::Error;
use crate::finding::Finding;

pub use build::BuiltDevice;
pub use command::Command;
pub use files::FileInput;
pub use manifest::TEMPLATE;
pub use pack::Blobs;
pub use plan::{plan_fleet, plan_fleet_for_build, BuildFiles, FleetInput, Plan};
pub use report::{DeviceReport, PlanReport, Status};
pub use secrets::{fill_secrets, FilledManifest};
pub use xapi::{xapi, Arguments, Xapi};

/// What [`build_fleet`] returns.
#[derive(Debug, Serialize)]
pub struct FleetResult {
    /// Every device of the manifest, with its commands when it was built.
    pub devices: Vec<DeviceReport>,
    /// The fleet-level findings.
    pub findings: Vec<Finding>,
    /// The zip to download.
    #[serde(skip)]
    pub zip: Vec<u8>,
}

/// Plans, builds every device that is not in error, one after another, and
/// packs the zip. A device whose build fails gets a `build_failed` finding
/// and is left out of the zip; the others go on.
pub fn build_fleet(input: &FleetInput<'_>, initial_populate: bool) -> Result<FleetResult, Error> {
    let mut plan = plan_fleet(input)?;
    let mut built = Vec::new();
    let mut commands = Vec::new();
    for index in 0..plan.report.devices.len() {
        if plan.report.devices[index].status == Status::Error {
            commands.push(Vec::new());
            continue;
        }
        match plan.build_device(index) {
            Ok(device) => {
                let blobs = device.commands.iter().map(|c| (c.action, c.jwe.clone())).collect();
                built.push(Blobs { index, blobs });
                commands.push(device.commands);
            }
            Err(error) => {
                plan.build_failed(index, &error);
                commands.push(Vec::new());
            }
        }
    }
    let zip = plan.pack(&built, initial_populate)?;
    let PlanReport { mut devices, findings } = plan.report;
    for (device, commands) in devices.iter_mut().zip(commands) {
        device.commands = commands;
    }
    Ok(FleetResult { devices, findings, zip })
}
