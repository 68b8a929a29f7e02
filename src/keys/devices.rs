//! A fleet's device names, as the admin has them: the fleet manifest (its
//! `device` column), or a plain list with one name per line.

use crate::error::{Error, ErrorKind};
use crate::fleet::csv;
use crate::shared::caps::MAX_MANIFEST_ROWS;
use crate::shared::quote::quote;

/// The names, trimmed, in order. A first line that names a `device` column
/// makes the text a manifest (read as the Fleet tab reads it); otherwise
/// each non-blank line is one name.
pub(crate) fn read(text: &str) -> Result<Vec<String>, Error> {
    let records = csv::read(text)?;
    let header = records.first().and_then(|r| r.as_ref().ok());
    let column = header.and_then(|h| h.cells.iter().position(|c| c.trim().eq_ignore_ascii_case("device")));
    let names: Vec<(usize, String)> = match column {
        Some(column) => records
            .iter()
            .skip(1)
            .map(|record| match record {
                Ok(record) => Ok((record.line, record.cells.get(column).map_or("", |c| c.trim()).to_owned())),
                Err(problem) => Err(bad(format!("The manifest cannot be read: {}", problem.message))),
            })
            .filter(|row| !matches!(row, Ok((_, name)) if name.is_empty()))
            .collect::<Result<_, _>>()?,
        // A plain list: lines, not CSV (a name may hold a comma).
        None => text
            .lines()
            .enumerate()
            .map(|(i, line)| (i + 1, line.trim().trim_start_matches('\u{feff}').to_owned()))
            .filter(|(_, name)| !name.is_empty())
            .collect(),
    };
    if names.is_empty() {
        return Err(bad("There are no device names. Give one name per line, or the fleet manifest.".into()));
    }
    if names.len() > MAX_MANIFEST_ROWS {
        return Err(Error::new(
            ErrorKind::TooManyRows,
            format!(
                "There are {} devices; one run makes keys for at most {MAX_MANIFEST_ROWS}. Split the list.",
                names.len()
            ),
        ));
    }
    let mut seen: Vec<String> = Vec::with_capacity(names.len());
    for (line, name) in &names {
        if name.chars().any(char::is_control) {
            return Err(bad(format!("Line {line}'s device name holds a tab or other control character. Remove it.")));
        }
        let folded = name.to_ascii_lowercase();
        if let Err(at) = seen.binary_search(&folded) {
            seen.insert(at, folded);
        } else {
            return Err(bad(format!(
                "The device \"{}\" (line {line}) is listed twice. A device needs one key: list it once.",
                quote(name)
            )));
        }
    }
    Ok(names.into_iter().map(|(_, name)| name).collect())
}

fn bad(message: String) -> Error {
    Error::new(ErrorKind::BadManifest, message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_manifest_gives_its_device_column_and_a_list_its_lines() {
        let manifest = "secret,Device,key\r\nx,room-1,a.key\r\n,,\r\ny,\"room, 2\",b.key\r\n";
        assert_eq!(read(manifest).unwrap(), ["room-1", "room, 2"]);
        assert_eq!(read("\u{feff}room-1\n\n  room-2  \r\nLobby, Oslo\n").unwrap(), ["room-1", "room-2", "Lobby, Oslo"]);
    }

    #[test]
    fn empty_duplicated_and_oversized_lists_are_refused() {
        assert_eq!(read("").unwrap_err().code(), "bad_manifest");
        assert_eq!(read("device\n\n").unwrap_err().code(), "bad_manifest");
        assert_eq!(read("room-1\nROOM-1\n").unwrap_err().code(), "bad_manifest");
        let many: String = (0..=MAX_MANIFEST_ROWS).map(|i| format!("room-{i}\n")).collect();
        assert_eq!(read(&many).unwrap_err().code(), "too_many_rows");
    }
}
