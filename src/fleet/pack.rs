//! The one download: a standard zip, the same bytes for the same blobs.
//! Per device built, `<folder>/commands.txt` (paste into the device shell,
//! in order) and `<folder>/xapi.json`; for the fleet, `inventory.csv` and
//! `README.txt`; only if asked, `initial-populate.txt` with the plain-text
//! first seed of each device (the one file that holds secrets).

use zeroize::{Zeroize, Zeroizing};

use crate::device::{initial_populate_command, Action};
use crate::error::{Error, ErrorKind};
use crate::fleet::command::{command, Command};
use crate::fleet::inventory::inventory;
use crate::fleet::plan::Plan;
use crate::fleet::report::Status;
use crate::fleet::zip::zip;
use crate::secret::Secret;

/// What the pool built for one device: its index and its blobs in order.
#[derive(Clone, Debug)]
pub struct Blobs {
    /// The device's index in the plan.
    pub index: usize,
    /// Its blobs, in the order its actions run.
    pub blobs: Vec<(Action, String)>,
}

const README: &str = "Webex device identity: fleet commands\r\n\
\r\n\
Each device's folder holds:\r\n\
  commands.txt  the commands to paste into the device's shell (SSH as an admin, or its console), in order:\r\n\
                add (three lines: the command, the blob, a line with only a dot), activate, each deactivate,\r\n\
                and last the populate that changes the secret.\r\n\
  xapi.json     the same commands in the shape of Webex's cloud xAPI, for your own scripts.\r\n\
                This tool never sends them anywhere.\r\n\
\r\n\
inventory.csv lists every device of the manifest: status, findings, certificate and expiry.\r\n\
Devices in error have no folder: fix what inventory.csv says and build again.\r\n\
\r\n\
Before a fleet-wide secret change, try it on one spare device, and confirm the new secret with a\r\n\
harmless command: a lost secret means a factory reset.\r\n\
\r\n\
This zip holds no secret and no private key in plain text";

const README_WITH_SEEDS: &str = ", except initial-populate.txt:\r\n\
it holds each device's secret, readable by anyone who has the file. Type its commands at each\r\n\
device's console, then delete the file.\r\n";

impl Plan {
    /// The zip of what was built (`built`: blobs per device, from
    /// [`Plan::build_device`], perhaps only some devices after a cancel).
    /// Each device's blobs must be the plan's actions for it, in order.
    pub fn pack(&self, built: &[Blobs], initial_populate: bool) -> Result<Vec<u8>, Error> {
        let mut commands: Vec<Option<Vec<Command>>> = vec![None; self.report.devices.len()];
        for device in built {
            let planned = self.report.devices.get(device.index).filter(|d| d.status != Status::Error);
            let actions: Vec<&str> = device.blobs.iter().map(|(a, _)| a.name()).collect();
            if planned.is_none_or(|d| d.actions != actions) || commands[device.index].is_some() {
                return Err(Error::new(
                    ErrorKind::BadArgument,
                    format!("The blobs given for device {} are not what the plan builds for it.", device.index),
                ));
            }
            let device_id = &self.rows[device.index].device_id;
            commands[device.index] = Some(
                device.blobs.iter().map(|(a, jwe)| command(*a, jwe.clone(), device_id)).collect::<Result<_, _>>()?,
            );
        }
        let mut files: Vec<(String, Vec<u8>)> = Vec::new();
        let mut readme = README.to_owned();
        readme.push_str(if initial_populate { README_WITH_SEEDS } else { ".\r\n" });
        files.push(("README.txt".into(), readme.into_bytes()));
        let built_flags: Vec<bool> = commands.iter().map(Option::is_some).collect();
        files.push(("inventory.csv".into(), inventory(&self.report.devices, &built_flags).into_bytes()));
        // The plain-text seeds hold secrets: wiped once zipped.
        let mut seeds = Zeroizing::new(String::new());
        for (i, device_commands) in commands.iter().enumerate() {
            let Some(device_commands) = device_commands else { continue };
            let folder = &self.report.devices[i].folder;
            let text: String = device_commands.iter().map(|c| format!("{}\n", c.text)).collect();
            files.push((format!("{folder}/commands.txt"), text.into_bytes()));
            // A JSON array, one command per line: readable, and no pretty-printer in the wasm.
            let lines: Vec<String> = device_commands
                .iter()
                .map(|c| serde_json::to_string(&c.xapi).expect("commands always serialize"))
                .collect();
            let json = format!("[\n{}\n]\n", lines.join(",\n"));
            files.push((format!("{folder}/xapi.json"), json.into_bytes()));
            if initial_populate {
                let seed = initial_populate_command(&Secret::new(self.secret_of(i))?)?;
                seeds.push_str(&format!("{}\n{seed}\n\n", self.report.devices[i].device));
            }
        }
        if initial_populate {
            files.push(("initial-populate.txt".into(), seeds.as_bytes().to_vec()));
        }
        let entries: Vec<(&str, &[u8])> = files.iter().map(|(n, b)| (n.as_str(), b.as_slice())).collect();
        let zipped = zip(&entries);
        files.iter_mut().for_each(|(_, bytes)| bytes.zeroize());
        zipped
    }
}
