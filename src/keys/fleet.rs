//! Keys and requests for a fleet: one P-256 key and request per device, the
//! names made from patterns (`{device}.example.com`), every key under one
//! passphrase, then one zip: `csr/`, `keys/`, and `manifest.csv`, which the
//! Fleet tab reads once the secrets are filled in and the certificates are back.
//!
//! Every device's request is checked, and the passphrase derived, before the
//! first key is made; then the page makes keys one at a time ([`KeyFleet::generate`])
//! to show progress, and packs them when all are made.

use zeroize::Zeroizing;

use crate::error::{Error, ErrorKind};
use crate::fleet::csv::{neutralise, write_row};
use crate::fleet::names::folder_names;
use crate::fleet::zip::zip;
use crate::keys::request::{Checked, CsrRequest};
use crate::keys::{devices, make, KeyAndCsr, KeyEncryption, KeySealer};
use crate::shared::caps::MAX_KEY_FLEET_NAME_BYTES;
use crate::shared::quote::quote;

/// Where `{device}` goes in the name patterns.
const PLACEHOLDER: &str = "{device}";

/// A fleet's key requests: the device names and the patterns for each request.
#[derive(Clone, Debug, Default)]
pub struct KeyFleetInput {
    /// One name per line, or the fleet manifest (its `device` column).
    pub devices: String,
    /// The request for every device, its names as patterns holding `{device}`.
    pub request: CsrRequest,
    /// One passphrase for every key, and its confirmation when typed twice.
    pub passphrase: Zeroizing<String>,
    /// The passphrase typed again; `None` when the caller has no second field.
    pub confirm: Option<Zeroizing<String>>,
    /// How the passphrase becomes the keys' encryption key.
    pub encryption: KeyEncryption,
}

/// One device's names, after the patterns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyFleetDevice {
    /// The name as listed.
    pub device: String,
    /// The common name pattern with the device filled in.
    pub common_name: String,
    /// The alternative names, likewise.
    pub subject_alt_names: Vec<String>,
    /// The file name stem in the zip (`csr/<file>.csr`, `keys/<file>.key`).
    pub file: String,
}

/// A fleet whose requests are all valid, ready to make keys.
pub struct KeyFleet {
    devices: Vec<KeyFleetDevice>,
    checked: Vec<Checked>,
    made: Vec<Option<KeyAndCsr>>,
    sealer: KeySealer,
}

/// Checks every device's request and derives the passphrase's key once.
pub fn plan_key_fleet(input: &KeyFleetInput) -> Result<KeyFleet, Error> {
    let names = devices::read(&input.devices)?;
    if names.len() > 1 && !input.request.common_name.contains(PLACEHOLDER) {
        return Err(Error::new(
            ErrorKind::BadCommonName,
            "The common name pattern has no {device}, so every device would get the same name. \
             Write it as {device}.example.com, or similar.",
        ));
    }
    let files = folder_names(&names.iter().map(String::as_str).collect::<Vec<_>>());
    let mut devices = Vec::with_capacity(names.len());
    let mut checked = Vec::with_capacity(names.len());
    let mut name_bytes = 0;
    for (device, file) in names.into_iter().zip(files) {
        let fill = |pattern: &str| pattern.replace(PLACEHOLDER, &device);
        let request = CsrRequest {
            common_name: fill(&input.request.common_name),
            subject_alt_names: input.request.subject_alt_names.iter().map(|p| fill(p)).collect(),
            ..input.request.clone()
        };
        name_bytes += request.common_name.len() + request.subject_alt_names.iter().map(String::len).sum::<usize>();
        if name_bytes > MAX_KEY_FLEET_NAME_BYTES {
            return Err(Error::new(
                ErrorKind::InputTooLarge,
                format!(
                    "The requests of this fleet hold more than {MAX_KEY_FLEET_NAME_BYTES} bytes of names together \
                     (16 MiB). Give each device fewer or shorter alternative names, or split the fleet."
                ),
            ));
        }
        let check = request
            .check()
            .map_err(|e| Error::new(e.kind(), format!("For the device \"{}\": {}", quote(&device), e.message())))?;
        checked.push(check);
        devices.push(KeyFleetDevice {
            common_name: request.common_name.trim().to_owned(),
            subject_alt_names: request.subject_alt_names.iter().map(|s| s.trim().to_owned()).collect(),
            device,
            file,
        });
    }
    let sealer = KeySealer::new(&input.passphrase, input.confirm.as_deref().map(|c| c.as_str()), input.encryption)?;
    Ok(KeyFleet { made: vec![None; devices.len()], devices, checked, sealer })
}

impl KeyFleet {
    /// The devices, in the order given.
    pub fn devices(&self) -> &[KeyFleetDevice] {
        &self.devices
    }

    /// Makes device `index`'s key and request (again, if it was made before).
    pub fn generate(&mut self, index: usize) -> Result<&KeyAndCsr, Error> {
        let checked = self
            .checked
            .get(index)
            .ok_or_else(|| Error::new(ErrorKind::BadArgument, format!("There is no device {index} in this fleet.")))?;
        let made = make(checked, &self.sealer)?;
        Ok(self.made[index].insert(made))
    }

    /// The zip, once every device's key is made.
    pub fn pack(&self) -> Result<Vec<u8>, Error> {
        let mut made = Vec::with_capacity(self.made.len());
        for (device, key) in self.devices.iter().zip(&self.made) {
            made.push(key.as_ref().ok_or_else(|| {
                Error::new(
                    ErrorKind::BadArgument,
                    format!("The key for \"{}\" is not made yet: make every key, then pack.", quote(&device.device)),
                )
            })?);
        }
        let mut paths = Vec::with_capacity(2 * made.len());
        for device in &self.devices {
            paths.push((format!("csr/{}.csr", device.file), format!("keys/{}.key", device.file)));
        }
        let manifest = self.manifest(&made);
        let mut entries: Vec<(&str, &[u8])> =
            vec![("README.txt", README.as_bytes()), ("manifest.csv", manifest.as_bytes())];
        for ((csr, key), made) in paths.iter().zip(&made) {
            entries.push((csr, made.csr_pem.as_bytes()));
            entries.push((key, made.key_pem.as_bytes()));
        }
        zip(&entries)
    }

    /// A fleet manifest with the secrets left to fill in: the Fleet tab reads
    /// `device` and `key` (and ignores the rest, kept for the admin's records).
    fn manifest(&self, made: &[&KeyAndCsr]) -> String {
        let mut out = String::new();
        write_row(&mut out, &["device", "secret", "key", "commonName", "subjectAltNames", "publicKeySha256"]);
        for (device, made) in self.devices.iter().zip(made) {
            let key = format!("{}.key", device.file);
            let sans = device.subject_alt_names.join(" ");
            write_row(
                &mut out,
                &[
                    &neutralise(&device.device),
                    "",
                    &key,
                    &neutralise(&device.common_name),
                    &neutralise(&sans),
                    &made.public_key_sha256,
                ],
            );
        }
        out
    }
}

const README: &str = "\
Keys and certificate requests, made by webex-device-identity.\r
\r
csr/      one certificate request (PKCS#10, PEM) per device: send these to your CA.\r
keys/     one private key per device, encrypted under the passphrase you chose\r
          (PKCS#8, ENCRYPTED PRIVATE KEY). Keep them; they never need to go to the CA.\r
manifest.csv  the devices, their names, each key's file and public key SHA-256.\r
\r
When the CA sends the certificates back: open the Fleet tab, give it manifest.csv\r
(fill in the secrets there), the certificates and the keys/ files, and the passphrase.\r
Each certificate is paired with its key by public key.\r
";
