//! The device commands that carry the blobs (spec, "Payload per action"), as
//! text to paste into the device's xAPI console, and finding the blobs in
//! such commands when they are pasted back. No trailing newline: the admin presses Enter.

use zeroize::Zeroizing;

use crate::device::blob::split;
use crate::device::Action;
use crate::error::{Error, ErrorKind};
use crate::secret::{check_new_secret, Secret};
use crate::shared::base64url;

/// The command that carries `jwe` for `action`.
///
/// The blob is checked first (shape and header, no secret needed) and must
/// carry `action` in its header, so an `add` blob cannot be pasted as an activate.
pub fn device_command(action: Action, jwe: &str) -> Result<String, Error> {
    let compact = split(jwe)?;
    if compact.header.action != action {
        return Err(Error::new(
            ErrorKind::ActionMismatch,
            format!(
                "This blob was built for {}, not {}. Build a {} blob, or choose the {} command.",
                compact.header.action.name(),
                action.name(),
                action.name(),
                compact.header.action.name()
            ),
        ));
    }
    let jwe = jwe.trim();
    Ok(match action {
        Action::Populate => format!("xCommand Security ClientSecret Populate Secret: \"{jwe}\""),
        // Multi-line: the blob on its own line, then a line holding only ".".
        Action::Add => format!("xCommand Security Certificates Services Add IsEncrypted: True\n{jwe}\n."),
        Action::Activate => {
            format!("xCommand Security Certificates Services Activate Purpose: WebexIdentity Fingerprint: \"{jwe}\"")
        }
        Action::Deactivate => {
            format!("xCommand Security Certificates Services Deactivate Purpose: WebexIdentity Fingerprint: \"{jwe}\"")
        }
    })
}

/// The first, plain-text populate: the secret's UTF-8 bytes as base64url.
/// This one command carries the secret in clear; type it at the device console.
/// Refuses a secret that is only white space (`blank_secret`).
pub fn initial_populate_command(secret: &Secret) -> Result<String, Error> {
    check_new_secret(secret.as_str())?;
    Ok(format!("xCommand Security ClientSecret Populate Secret: \"{}\"", base64url::encode(secret.as_bytes())))
}

/// Something a check can open, found in pasted text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Pasted {
    /// A blob (compact JWE): every character of its run, rejoined if it was
    /// wrapped over lines.
    Blob(String),
    /// The value of the plain first seed command
    /// ([`initial_populate_command`]): the secret itself, as base64url.
    PlainSeed(Zeroizing<String>),
}

/// Base64url characters and the dots between a blob's parts.
fn is_blob_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')
}

/// A blob's tag, 16 bytes, is this many base64url characters.
const TAG_CHARS: usize = 22;

/// Every blob and plain seed command in pasted text, in order: whole commands,
/// blobs with text around them, blobs alone, as they come from a downloaded
/// file, a mail or a ticket. Mail quote markers (`>`) and indentation before
/// each line are ignored, and a blob or quoted value wrapped over several
/// lines is joined again (see [`unwrap_lines`]). A blob is a run of base64url
/// characters and dots that holds an empty part (`..`, where the encrypted key
/// is); the whole run is taken, so a blob with a part too many is refused when
/// it is opened, never cut to five parts (a run needs three non-empty parts,
/// so an ellipsis in prose is no blob). A plain seed is the value after
/// `Populate Secret:` that holds no dot.
pub fn blobs_in_text(text: &str) -> Vec<Pasted> {
    let text = unwrap_lines(text);
    let mut found = Vec::new();
    for run in text.split(|c: char| !is_blob_char(c)).filter(|run| !run.is_empty()) {
        // An empty part and three others: not an ellipsis in prose ("Here it is...").
        if run.contains("..") && run.split('.').filter(|part| !part.is_empty()).count() >= 3 {
            found.push(Pasted::Blob(run.to_owned()));
            continue;
        }
        // Where the run starts in `text`: both are views of the same string.
        let at = run.as_ptr() as usize - text.as_ptr() as usize;
        if !run.contains('.') && after_populate_secret(&text[..at]) {
            found.push(Pasted::PlainSeed(Zeroizing::new(run.to_owned())));
        }
    }
    found
}

/// Whether `before` ends with `Populate Secret:` and an opening quote, in
/// any case and spacing (a mail may have wrapped the line between the words).
fn after_populate_secret(before: &str) -> bool {
    const SEED: &str = "PopulateSecret:";
    let mut tail = before.trim_end_matches(|c: char| c == '"' || c.is_whitespace()).chars().rev();
    SEED.chars().rev().all(|expected| {
        let next = tail.by_ref().find(|c| !c.is_whitespace());
        next.is_some_and(|c| c.eq_ignore_ascii_case(&expected))
    })
}

/// The text with each line's mail quote markers and indentation taken off,
/// and lines that continue a blob or a quoted value joined to it: a line
/// continues the one before when that ends in the middle of a quoted value
/// (the populate, activate and deactivate commands), or in an unquoted blob
/// (the add command's) that is not whole yet. The add command's last line,
/// a lone `.`, never continues a blob. Linear in the text: what a line needs
/// to know of the logical line so far is kept in [`Tail`], never re-read.
fn unwrap_lines(text: &str) -> Zeroizing<String> {
    let mut out = Zeroizing::new(String::with_capacity(text.len()));
    let mut tail = Tail::default();
    for (n, raw) in text.lines().enumerate() {
        let line = raw.trim_start_matches(|c: char| c == '>' || c.is_whitespace()).trim_end();
        let joined = n > 0 && tail.continued_by(&out, line);
        if n > 0 && !joined {
            out.push('\n');
            tail = Tail { run_start: out.len(), ..Tail::default() };
        }
        out.push_str(line);
        tail.append(line, out.len());
    }
    out
}

/// What the logical line so far ends with: whether a quoted value is open,
/// and its trailing run of blob characters (where it starts, how many dots
/// it has, how long its last dot-separated part is).
#[derive(Default)]
struct Tail {
    quote_open: bool,
    run_start: usize,
    dots: usize,
    last_part: usize,
}

impl Tail {
    /// Updates the tail after `line` was appended; `end` is the text's length now.
    fn append(&mut self, line: &str, end: usize) {
        if line.matches('"').count() % 2 == 1 {
            self.quote_open = !self.quote_open;
        }
        // Blob characters are ASCII: bytes and characters count the same.
        let run = &line[line.trim_end_matches(is_blob_char).len()..];
        if run.len() < line.len() {
            // The line holds something else: the run starts inside it.
            self.run_start = end - run.len();
            self.dots = 0;
            self.last_part = 0;
        }
        match run.rfind('.') {
            Some(i) => {
                self.dots += run.matches('.').count();
                self.last_part = run.len() - i - 1;
            }
            None => self.last_part += run.len(),
        }
    }

    /// Whether `next` continues the run of blob characters that `text` ends with.
    fn continued_by(&self, text: &str, next: &str) -> bool {
        let run = &text[self.run_start..];
        if run.is_empty() || !next.starts_with(is_blob_char) || next == "." {
            return false;
        }
        if self.quote_open {
            return true; // inside a quoted value
        }
        // An unquoted blob: its header is a JSON object, whose base64url starts
        // "ey" (or "ew" before a line break). Whole once its tag is.
        if !run.starts_with("ey") && !run.starts_with("ew") {
            return false;
        }
        self.dots < 4 || self.last_part < TAG_CHARS || next.starts_with('.')
    }
}
