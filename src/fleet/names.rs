//! Folder names inside the fleet zip, made from the device names the admin
//! typed: each one a single path segment that Windows, macOS and Linux all
//! extract where it was meant, and no two the same folder on a
//! case-insensitive file system. Names are ASCII: every zip tool shows them
//! the same (older Windows Explorers ignore the UTF-8 flag), ASCII case is
//! all that uniqueness needs, and no Unicode case table ships to the
//! browser; `inventory.csv` maps each device to its folder.

/// The longest folder name, in characters: short enough for Windows' 260
/// character paths with the files inside, long enough to tell devices apart.
const MAX_NAME_CHARS: usize = 64;

/// Names Windows reserves for devices, with or without an extension
/// (`con.txt` too). `¹²³` count as digits there.
const RESERVED: &[&str] = &[
    "con", "prn", "aux", "nul", "conin$", "conout$", "com0", "com1", "com2", "com3", "com4", "com5", "com6", "com7",
    "com8", "com9", "com¹", "com²", "com³", "lpt0", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8",
    "lpt9", "lpt¹", "lpt²", "lpt³",
];

/// One safe folder name per device, in the same order: unsafe characters
/// made `_`, trimmed, at most 64 characters, never empty, never reserved, and
/// unique ignoring case (later duplicates get `-2`, `-3`, …).
pub(crate) fn folder_names(devices: &[&str]) -> Vec<String> {
    // Both sorted, searched by halves: no hash map in the wasm for this.
    let mut taken = Taken::default();
    // The next suffix to try for each name, so many duplicates stay linear.
    let mut next_suffix: Vec<(String, usize)> = Vec::new();
    devices
        .iter()
        .map(|device| {
            let name = safe(device);
            let key = name.to_ascii_lowercase();
            if taken.insert(key.clone()) {
                return name;
            }
            let at = match next_suffix.binary_search_by(|(k, _)| k.as_str().cmp(&key)) {
                Ok(at) => at,
                Err(at) => {
                    next_suffix.insert(at, (key, 2));
                    at
                }
            };
            let suffix = &mut next_suffix[at].1;
            loop {
                let tail = format!("-{suffix}");
                *suffix += 1;
                let candidate = format!("{}{tail}", fit(&name, MAX_NAME_CHARS - tail.chars().count()));
                if taken.insert(candidate.to_ascii_lowercase()) {
                    return candidate;
                }
            }
        })
        .collect()
}

/// The names given so far, lowercased, sorted.
#[derive(Default)]
struct Taken(Vec<String>);

impl Taken {
    /// Adds `key`; false when it was there already.
    fn insert(&mut self, key: String) -> bool {
        match self.0.binary_search(&key) {
            Ok(_) => false,
            Err(at) => {
                self.0.insert(at, key);
                true
            }
        }
    }
}

/// `device` as one safe path segment, before making it unique.
fn safe(device: &str) -> String {
    let replaced: String = device.chars().map(|c| if unsafe_char(c) { '_' } else { c }).collect();
    let name = fit(replaced.trim_start_matches(['.', ' ']), MAX_NAME_CHARS);
    if name.is_empty() {
        return "device".to_owned();
    }
    if reserved(&name) {
        // The prefix may push it one over: cut again (it now starts with `_`).
        return fit(&format!("_{name}"), MAX_NAME_CHARS);
    }
    name
}

/// At most `max` characters of `name`, without trailing dots or spaces
/// (Windows drops them, so `a.` and `a` would be one folder).
fn fit(name: &str, max: usize) -> String {
    let cut = name.char_indices().nth(max).map_or(name, |(at, _)| &name[..at]);
    cut.trim_end_matches(['.', ' ']).to_owned()
}

/// Everything but ASCII letters, digits, space and `-_.()+@,`: path
/// separators, what Windows refuses in names, controls, and every non-ASCII
/// character (bidi overrides among them, which could make `exe.txt` show as
/// `txt.exe`).
fn unsafe_char(c: char) -> bool {
    !(c.is_ascii_alphanumeric() || matches!(c, ' ' | '-' | '_' | '.' | '(' | ')' | '+' | '@' | ','))
}

/// Whether Windows reserves `name`: its part before the first dot, without
/// trailing spaces, is a device name, whatever its case.
fn reserved(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or(name).trim_end_matches(' ').to_ascii_lowercase();
    RESERVED.contains(&stem.as_str())
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    /// What every output must be, whatever the input.
    fn assert_safe(names: &[String]) {
        let mut seen = HashSet::new();
        for name in names {
            assert!(!name.is_empty() && name.chars().count() <= MAX_NAME_CHARS, "{name:?}");
            assert!(!name.chars().any(unsafe_char), "{name:?}");
            assert!(!name.starts_with(['.', ' ']) && !name.ends_with(['.', ' ']), "{name:?}");
            assert!(!reserved(name), "{name:?}");
            assert!(seen.insert(name.to_lowercase()), "duplicate {name:?}");
        }
    }

    #[test]
    fn hostile_names_become_single_safe_segments() {
        let long = "x".repeat(10_000);
        let wide = "é".repeat(10_000);
        let reserved_at_the_cap = format!("con.{}", "x".repeat(60));
        let hostile = [
            "../../etc/passwd",
            "..\\..\\x",
            "C:\\x",
            "CON",
            "nul.txt",
            "Com1.tar.gz",
            "lpt²",
            "CON .txt",
            "a/b",
            "a\0b",
            "room\u{202E}txt.exe",
            "zero\u{200B}width",
            ".",
            "..",
            "...",
            " . ",
            "",
            "\u{FEFF}",
            "trailing. . ",
            &long,
            &wide,
            "Room 1",
            "ROOM 1",
            "room 1",
            &reserved_at_the_cap,
        ];
        let names = folder_names(&hostile);
        assert_eq!(names.len(), hostile.len());
        assert_safe(&names);
        assert_eq!(names[..5], ["_.._etc_passwd", "_.._x", "C__x", "_CON", "_nul.txt"]);
        assert_eq!(names[7..10], ["_CON .txt", "a_b", "a_b-2"]);
        assert_eq!(names[10], "room_txt.exe");
        assert_eq!(names[12..16], ["device", "device-2", "device-3", "device-4"]);
        assert_eq!(names[18], "trailing");
        assert_eq!(names[19], "x".repeat(64));
        assert_eq!(names[20], "_".repeat(64), "non-ASCII becomes _");
        assert_eq!(names[21..24], ["Room 1", "ROOM 1-2", "room 1-3"]);
        assert_eq!(names[24], format!("_con.{}", "x".repeat(59)));
    }

    #[test]
    fn many_duplicates_get_suffixes_that_do_not_collide() {
        let mut devices = vec!["lobby-2", "Lobby"];
        devices.extend(std::iter::repeat_n("lobby", 300));
        let long = "y".repeat(100);
        devices.extend(std::iter::repeat_n(long.as_str(), 12));
        let names = folder_names(&devices);
        assert_safe(&names);
        assert_eq!(names[..4], ["lobby-2", "Lobby", "lobby-3", "lobby-4"]);
        assert_eq!(names[301], "lobby-302"); // -2 was taken by the first
        assert_eq!(names[302], "y".repeat(64));
        assert_eq!(names[303], format!("{}-2", "y".repeat(62)));
        assert_eq!(names[313], format!("{}-12", "y".repeat(61)));
    }

    #[test]
    fn ordinary_names_are_kept_and_non_ascii_becomes_underscores() {
        let devices = ["Boardroom", "Salle 3 (RDC)", "desk-pro_7.local", "Salle Réunion", "会議室", "会議所"];
        assert_eq!(
            folder_names(&devices),
            ["Boardroom", "Salle 3 (RDC)", "desk-pro_7.local", "Salle R_union", "___", "___-2"]
        );
    }
}
