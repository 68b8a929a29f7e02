//! A zip archive of stored (uncompressed) entries, the one download a fleet
//! run gives. Stored, because JWE text barely compresses and a deflater would
//! grow the wasm; deterministic (fixed dates, no extra fields), so the same
//! entries always give the same bytes. Field layouts are PKWARE's APPNOTE.TXT
//! 6.3.10, sections 4.3.7 (local header), 4.3.12 (central directory) and
//! 4.3.16 (end of central directory).

use crate::error::{Error, ErrorKind};
use crate::shared::crc32::crc32;

/// Version needed to extract: 1.0, enough for stored files (APPNOTE 4.4.3.2).
const VERSION_NEEDED: u16 = 10;
/// Version made by: MS-DOS attributes (high byte 0, so extractors apply their
/// own default permissions), APPNOTE 6.3, the version that defines bit 11.
const VERSION_MADE_BY: u16 = 63;
/// General purpose flag bit 11: the name is UTF-8 (APPNOTE 4.4.4, appendix D).
const FLAG_UTF8: u16 = 1 << 11;
/// MS-DOS date 1980-01-01 (the format's first day), time 00:00:00.
const DOS_DATE: u16 = (1 << 5) | 1;
/// Fixed part of a local file header, before the name.
const LOCAL_HEADER: u64 = 30;
/// Fixed part of a central directory header, before the name.
const CENTRAL_HEADER: u64 = 46;
/// The end of central directory record, without a comment.
const END_RECORD: u64 = 22;
/// Counts of 0xFFFF and sizes or offsets of 0xFFFF_FFFF tell a reader to look
/// for zip64 records (APPNOTE 4.4.1.4), which this writer never writes; so the
/// largest values it writes are one below.
const MAX_ENTRIES: usize = 0xFFFE;
/// See [`MAX_ENTRIES`].
const MAX_U32_FIELD: u64 = 0xFFFF_FFFE;

/// A zip holding `entries` (path inside the zip, content) in the order given.
/// Paths use `/` between folders and must be relative and clean (no leading
/// `/`, no `\`, no empty, `.` or `..` segment): the caller passes names made
/// safe by [`super::names`]. Anything that would need zip64 is refused.
pub(crate) fn zip(entries: &[(&str, &[u8])]) -> Result<Vec<u8>, Error> {
    for (name, _) in entries {
        check_path(name)?;
    }
    let size = layout(entries.iter().map(|(name, data)| (name.len(), data.len())))?;
    let mut out = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    let mut central = Vec::new();
    for (name, data) in entries {
        let header = Header::new(name, data, out.len());
        header.local(&mut out);
        out.extend_from_slice(data);
        header.central(&mut central);
    }
    let central_offset = out.len();
    out.extend_from_slice(&central);
    // End of central directory: one disk, no comment.
    put32(&mut out, 0x0605_4b50);
    put16(&mut out, 0);
    put16(&mut out, 0);
    put16(&mut out, entries.len() as u16);
    put16(&mut out, entries.len() as u16);
    put32(&mut out, central.len() as u32);
    put32(&mut out, central_offset as u32);
    put16(&mut out, 0);
    Ok(out)
}

/// The size of the zip for entries of (name bytes, content bytes), or the
/// error when any count, size or offset would need zip64. Checked before any
/// byte is written, so the narrowing casts in [`zip`] are exact.
fn layout(entries: impl ExactSizeIterator<Item = (usize, usize)>) -> Result<u64, Error> {
    let too_large = |what: String| {
        Err(Error::new(
            ErrorKind::InputTooLarge,
            format!("The zip would need {what}, more than a plain zip holds. Provision fewer devices at a time."),
        ))
    };
    if entries.len() > MAX_ENTRIES {
        return too_large(format!("{} files", entries.len()));
    }
    let (mut offset, mut central) = (0u64, 0u64);
    for (name, data) in entries {
        let (name, data) = (name as u64, data as u64);
        if name > u64::from(u16::MAX) || data > MAX_U32_FIELD || offset > MAX_U32_FIELD {
            return too_large("a file or a name over the size a plain zip holds".to_owned());
        }
        offset += LOCAL_HEADER + name + data;
        central += CENTRAL_HEADER + name;
    }
    if offset > MAX_U32_FIELD || central > MAX_U32_FIELD {
        return too_large(format!("{} bytes", offset + central + END_RECORD));
    }
    Ok(offset + central + END_RECORD)
}

/// Refuses a path that could land outside the folder it is extracted into.
fn check_path(name: &str) -> Result<(), Error> {
    let clean = !name.contains(['\\', '\0'])
        && name.split('/').all(|segment| !segment.is_empty() && segment != "." && segment != "..");
    if clean {
        Ok(())
    } else {
        Err(Error::new(
            ErrorKind::BadArgument,
            "A path inside the zip is not a clean relative path (a leading or doubled /, a \\, or a . or .. \
             folder). This is a bug: report it.",
        ))
    }
}

/// The fields one entry's local and central headers share.
struct Header<'a> {
    name: &'a str,
    flags: u16,
    crc: u32,
    size: u32,
    offset: u32,
}

impl<'a> Header<'a> {
    /// The header of `data` named `name`, its local header at `offset`
    /// (all within u32: [`layout`] checked).
    fn new(name: &'a str, data: &[u8], offset: usize) -> Self {
        let flags = if name.is_ascii() { 0 } else { FLAG_UTF8 };
        Header { name, flags, crc: crc32(data), size: data.len() as u32, offset: offset as u32 }
    }

    /// From "version needed" to "extra field length", as both headers have them.
    fn common(&self, out: &mut Vec<u8>) {
        put16(out, VERSION_NEEDED);
        put16(out, self.flags);
        put16(out, 0); // method: stored
        put16(out, 0); // time 00:00:00
        put16(out, DOS_DATE);
        put32(out, self.crc);
        put32(out, self.size); // compressed
        put32(out, self.size); // uncompressed
        put16(out, self.name.len() as u16);
        put16(out, 0); // no extra field
    }

    /// The local file header, with the name; the content follows it.
    fn local(&self, out: &mut Vec<u8>) {
        put32(out, 0x0403_4b50);
        self.common(out);
        out.extend_from_slice(self.name.as_bytes());
    }

    /// The central directory header, with the name.
    fn central(&self, out: &mut Vec<u8>) {
        put32(out, 0x0201_4b50);
        put16(out, VERSION_MADE_BY);
        self.common(out);
        put16(out, 0); // comment length
        put16(out, 0); // disk number
        put16(out, 0); // internal attributes
        put32(out, 0); // external attributes
        put32(out, self.offset);
        out.extend_from_slice(self.name.as_bytes());
    }
}

/// Appends `value` little-endian, as every zip field is.
fn put16(out: &mut Vec<u8>, value: u16) {
    out.extend_from_slice(&value.to_le_bytes());
}

/// Appends `value` little-endian.
fn put32(out: &mut Vec<u8>, value: u32) {
    out.extend_from_slice(&value.to_le_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn u16_at(bytes: &[u8], at: usize) -> u16 {
        u16::from_le_bytes([bytes[at], bytes[at + 1]])
    }

    fn u32_at(bytes: &[u8], at: usize) -> u32 {
        u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]])
    }

    /// A few entries of every kind the fleet download holds.
    fn sample() -> Vec<(&'static str, Vec<u8>)> {
        let big: Vec<u8> = (0..100 * 1024u32).map(|i| (i * 7 + i / 251) as u8).collect();
        vec![
            ("README.txt", b"Run the commands in order.\r\n".to_vec()),
            ("Salle de réunion 3/add.txt", b"eyJhbGciOiJkaXIi..".to_vec()),
            ("会議室/empty.txt", Vec::new()),
            ("a/b/c/nested.txt", b"deep".to_vec()),
            ("big.bin", big),
        ]
    }

    fn zip_sample() -> Vec<u8> {
        let entries = sample();
        let borrowed: Vec<(&str, &[u8])> = entries.iter().map(|(n, d)| (*n, d.as_slice())).collect();
        zip(&borrowed).expect("zips")
    }

    #[test]
    fn headers_and_directory_are_as_the_format_says() {
        let bytes = zip_sample();
        let entries = sample();
        let end = bytes.len() - 22;
        assert_eq!(u32_at(&bytes, end), 0x0605_4b50);
        assert_eq!((u16_at(&bytes, end + 8), u16_at(&bytes, end + 10)), (5, 5));
        let (size, start) = (u32_at(&bytes, end + 12) as usize, u32_at(&bytes, end + 16) as usize);
        assert_eq!((start + size, u16_at(&bytes, end + 20)), (end, 0));
        let mut at = start;
        for (name, data) in &entries {
            assert_eq!(u32_at(&bytes, at), 0x0201_4b50);
            let flags = u16_at(&bytes, at + 8);
            assert_eq!(flags, if name.is_ascii() { 0 } else { 1 << 11 }, "{name}");
            assert_eq!((u16_at(&bytes, at + 6), u16_at(&bytes, at + 10)), (10, 0), "version 1.0, stored");
            assert_eq!((u16_at(&bytes, at + 12), u16_at(&bytes, at + 14)), (0, 0x21), "1980-01-01 00:00");
            assert_eq!(u32_at(&bytes, at + 16), crc32(data));
            assert_eq!((u32_at(&bytes, at + 20), u32_at(&bytes, at + 24)), (data.len() as u32, data.len() as u32));
            let name_len = u16_at(&bytes, at + 28) as usize;
            assert_eq!((u16_at(&bytes, at + 30), u16_at(&bytes, at + 32)), (0, 0), "no extra, no comment");
            assert_eq!(&bytes[at + 46..at + 46 + name_len], name.as_bytes());
            // The local header it points at says the same, and the content follows it.
            let local = u32_at(&bytes, at + 42) as usize;
            assert_eq!(u32_at(&bytes, local), 0x0403_4b50);
            assert_eq!(bytes[local + 4..local + 30], bytes[at + 6..at + 32]);
            let content = local + 30 + name_len;
            assert_eq!(&bytes[content..content + data.len()], data.as_slice());
            at += 46 + name_len;
        }
        assert_eq!(at, end);
    }

    #[test]
    fn the_same_entries_give_the_same_bytes() {
        assert_eq!(zip_sample(), zip_sample());
        assert_eq!(zip(&[]).map(|z| z.len()), Ok(22));
    }

    #[test]
    fn anything_needing_zip64_is_refused() {
        let kind = |sizes: Vec<(usize, usize)>| layout(sizes.into_iter()).map_err(|e| e.kind());
        assert!(kind(vec![(8, 0); MAX_ENTRIES]).is_ok());
        assert_eq!(kind(vec![(8, 0); MAX_ENTRIES + 1]), Err(ErrorKind::InputTooLarge));
        assert_eq!(kind(vec![(8, 0); 70_000]), Err(ErrorKind::InputTooLarge));
        assert!(kind(vec![(8, 0xF000_0000)]).is_ok());
        assert_eq!(kind(vec![(8, 0xFFFF_FFFF)]), Err(ErrorKind::InputTooLarge));
        assert_eq!(kind(vec![(usize::from(u16::MAX) + 1, 0)]), Err(ErrorKind::InputTooLarge));
        // Each entry fits, but the later offsets (or the directory's) do not.
        assert_eq!(kind(vec![(8, 0x8000_0000); 2]), Err(ErrorKind::InputTooLarge));
        assert_eq!(kind(vec![(8, 0x8000_0000), (8, 0x7FFF_FFF0)]), Err(ErrorKind::InputTooLarge));
        let long_name = "n".repeat(usize::from(u16::MAX) + 1);
        assert_eq!(zip(&[(&long_name, b"")]).map_err(|e| e.kind()), Err(ErrorKind::InputTooLarge));
    }

    #[test]
    fn unclean_paths_are_refused() {
        for name in ["", "/etc/passwd", "a/../../b", "..", "./a", "a//b", "a/", "a\\b", "..\\x", "a\0b"] {
            assert_eq!(zip(&[(name, b"x")]).map_err(|e| e.kind()), Err(ErrorKind::BadArgument), "{name:?}");
        }
        for name in ["a", "a/b.txt", "..a/b..", "a.b/.c"] {
            assert!(zip(&[(name, b"x")]).is_ok(), "{name:?}");
        }
    }

    /// The archive passes `unzip -t` and Python's `zipfile`, which read back
    /// every name and content.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn unzip_and_python_read_it() {
        use std::process::Command;
        let path = std::env::temp_dir().join(format!("fleet-zip-test-{}.zip", std::process::id()));
        std::fs::write(&path, zip_sample()).expect("temp file");
        match Command::new("unzip").arg("-t").arg(&path).output() {
            Ok(run) => assert!(run.status.success(), "unzip -t: {}", String::from_utf8_lossy(&run.stdout)),
            Err(_) => println!("unzip is not installed: skipped `unzip -t`"),
        }
        let script = "import sys, zipfile\n\
                      z = zipfile.ZipFile(sys.argv[1])\n\
                      assert z.testzip() is None\n\
                      for i in z.infolist():\n    \
                          print(i.filename, i.compress_type, i.date_time[0], z.read(i).hex(), sep='\\t')\n";
        let run = Command::new("python3").arg("-c").arg(script).arg(&path).output().expect("python3 runs");
        let _ = std::fs::remove_file(&path);
        assert!(run.status.success(), "python: {}", String::from_utf8_lossy(&run.stderr));
        let listed = String::from_utf8(run.stdout).expect("UTF-8");
        let expected: Vec<String> = sample()
            .iter()
            .map(|(name, data)| {
                let hex: String = data.iter().map(|b| format!("{b:02x}")).collect();
                format!("{name}\t0\t1980\t{hex}")
            })
            .collect();
        assert_eq!(listed.lines().collect::<Vec<_>>(), expected);
    }
}
