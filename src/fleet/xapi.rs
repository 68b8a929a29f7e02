//! The commands as structured JSON, in the shape of Webex's cloud xAPI
//! (`POST /v1/xapi/command/{command}` with `deviceId`, `arguments`, `body`),
//! for the admin's own push scripts (spec, "Running the commands"). The tool
//! never sends them: whether the cloud takes these commands is not public.

use serde::Serialize;

use crate::device::Action;

/// One command for the cloud xAPI.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Xapi {
    /// The xAPI command path, e.g. `Security.Certificates.Services.Add`.
    pub command: &'static str,
    /// The manifest's `deviceId`, when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub device_id: Option<String>,
    /// The command's arguments.
    pub arguments: Arguments,
    /// The multi-line argument: the `add` blob.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
}

/// The arguments a command takes, each only where it applies.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct Arguments {
    /// `add`: "True".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub is_encrypted: Option<&'static str>,
    /// `activate`, `deactivate`: "WebexIdentity".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub purpose: Option<&'static str>,
    /// `activate`, `deactivate`: the blob.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fingerprint: Option<String>,
    /// `populate`: the blob.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub secret: Option<String>,
}

/// The structured form of the command that carries `jwe` for `action`.
pub fn xapi(action: Action, jwe: &str, device_id: Option<&str>) -> Xapi {
    let none = Arguments { is_encrypted: None, purpose: None, fingerprint: None, secret: None };
    let jwe = jwe.trim().to_owned();
    let (command, arguments, body) = match action {
        Action::Add => {
            ("Security.Certificates.Services.Add", Arguments { is_encrypted: Some("True"), ..none }, Some(jwe))
        }
        Action::Activate => (
            "Security.Certificates.Services.Activate",
            Arguments { purpose: Some("WebexIdentity"), fingerprint: Some(jwe), ..none },
            None,
        ),
        Action::Deactivate => (
            "Security.Certificates.Services.Deactivate",
            Arguments { purpose: Some("WebexIdentity"), fingerprint: Some(jwe), ..none },
            None,
        ),
        Action::Populate => ("Security.ClientSecret.Populate", Arguments { secret: Some(jwe), ..none }, None),
    };
    Xapi { command, device_id: device_id.filter(|id| !id.is_empty()).map(str::to_owned), arguments, body }
}
