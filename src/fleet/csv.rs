//! CSV as spreadsheets write it (RFC 4180 plus what Excel and LibreOffice do:
//! a BOM, `;` or tab separators, any line end), so an admin can save a sheet
//! and drop it in. A bad row is reported for that row and never stops the
//! others; only a file too large or too long is refused as a whole.

use std::borrow::Cow;
use std::iter::Peekable;
use std::str::Chars;

use crate::error::{Error, ErrorKind};
use crate::shared::caps::{MAX_CELL_CHARS, MAX_MANIFEST_BYTES, MAX_MANIFEST_COLUMNS, MAX_MANIFEST_ROWS};

/// One record (row) as written: its cells, untrimmed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Record {
    /// The 1-based physical line the record starts on.
    pub line: usize,
    /// The cells, exactly as written (quotes removed, `""` made `"`).
    pub cells: Vec<String>,
}

/// A record that could not be read, and what to do about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct RowProblem {
    /// The 1-based physical line the record starts on.
    pub line: usize,
    /// What is wrong and what to do, for people.
    pub message: String,
}

/// Reads every record of `text`, the header first. Blank lines are skipped;
/// the separator (`,`, `;` or tab) is the one the first record uses most.
pub(crate) fn read(text: &str) -> Result<Vec<Result<Record, RowProblem>>, Error> {
    if text.len() > MAX_MANIFEST_BYTES {
        return Err(Error::new(
            ErrorKind::InputTooLarge,
            format!(
                "The manifest is {} bytes, over the limit of {MAX_MANIFEST_BYTES} bytes (4 MiB). \
                 Check that you picked the right file, or split the fleet into several manifests.",
                text.len()
            ),
        ));
    }
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let mut cursor = Cursor { chars: text.chars().peekable(), line: 1, separator: separator(text) };
    let mut records = Vec::new();
    while let Some(record) = cursor.record() {
        // The header is records[0], so a data record beyond the cap arrives at MAX + 1.
        if records.len() > MAX_MANIFEST_ROWS {
            return Err(Error::new(
                ErrorKind::TooManyRows,
                format!(
                    "The manifest has more than {MAX_MANIFEST_ROWS} rows below its header. \
                     Split the fleet into several manifests."
                ),
            ));
        }
        records.push(record);
    }
    Ok(records)
}

/// The separator of the first record: the candidate seen most outside quotes,
/// comma on a tie or when none is seen. A quote opens only at a cell's start
/// (after any candidate), as the reader treats it.
fn separator(text: &str) -> char {
    const CANDIDATES: [char; 3] = [',', ';', '\t'];
    let mut counts = [0usize; 3];
    let mut chars = text.trim_start_matches(['\r', '\n']).chars().peekable();
    let mut at_cell_start = true;
    while let Some(c) = chars.next() {
        if at_cell_start && c == '"' {
            // Skip the quoted cell: `""` is a quote inside it.
            while let Some(q) = chars.next() {
                if q == '"' && chars.next_if_eq(&'"').is_none() {
                    break;
                }
            }
            at_cell_start = false;
        } else if c == '\r' || c == '\n' {
            break;
        } else if let Some(i) = CANDIDATES.iter().position(|&s| s == c) {
            counts[i] += 1;
            at_cell_start = true;
        } else {
            at_cell_start = false;
        }
    }
    let most = counts.iter().copied().max().unwrap_or(0);
    match counts.iter().filter(|&&n| n == most).count() {
        1 if most > 0 => CANDIDATES[counts.iter().position(|&n| n == most).unwrap_or(0)],
        _ => ',',
    }
}

/// Where the reader is: the characters left, and the physical line.
struct Cursor<'a> {
    chars: Peekable<Chars<'a>>,
    line: usize,
    separator: char,
}

impl Cursor<'_> {
    /// Consumes the line end starting with `c` (CRLF is one) and counts it.
    fn line_end(&mut self, c: char) {
        if c == '\r' {
            self.chars.next_if_eq(&'\n');
        }
        self.line += 1;
    }

    /// The next record, or `None` at the end; blank lines before it are skipped.
    fn record(&mut self) -> Option<Result<Record, RowProblem>> {
        while let Some(c) = self.chars.next_if(|&c| c == '\r' || c == '\n') {
            self.line_end(c);
        }
        self.chars.peek()?;
        let mut row = Row { line: self.line, cells: Vec::new(), cell: Cell::default(), problem: None };
        loop {
            if self.chars.next_if_eq(&'"').is_some() && !self.quoted(&mut row) {
                return Some(row.finish());
            }
            // Unquoted, or what follows a closing quote: up to the separator or line end.
            loop {
                match self.chars.next() {
                    None => return Some(row.finish()),
                    Some(c) if c == self.separator => break,
                    Some(c @ ('\r' | '\n')) => {
                        self.line_end(c);
                        return Some(row.finish());
                    }
                    // Excel keeps a quote inside an unquoted cell as written.
                    Some(c) => row.cell.push(c),
                }
            }
            row.end_cell();
        }
    }

    /// Reads a quoted cell after its opening quote; `false` if the quote never closes.
    fn quoted(&mut self, row: &mut Row) -> bool {
        let opened_on = self.line;
        loop {
            match self.chars.next() {
                None => {
                    row.problem = Some(format!(
                        "The quote opened on line {opened_on} never closes, so everything after it, to the \
                         end of the file, was read as one cell and no later row could be read. Close the \
                         quote, or remove it (a quote inside a quoted cell is written twice: \"\")."
                    ));
                    return false;
                }
                Some('"') if self.chars.next_if_eq(&'"').is_none() => break,
                Some(c) => {
                    row.cell.push(c);
                    if c == '\r' || c == '\n' {
                        // A line break inside a cell is kept as written, CRLF included.
                        if c == '\r' && self.chars.next_if_eq(&'\n').is_some() {
                            row.cell.push('\n');
                        }
                        self.line += 1;
                    }
                }
            }
        }
        if self.chars.peek().is_some_and(|&c| c != self.separator && c != '\r' && c != '\n') {
            row.flag(format!(
                "On line {}, text follows the closing quote of cell {}. Quote the whole cell and write \
                 each quote inside it twice (\"\"), or remove the quotes.",
                self.line,
                row.cells.len() + 1
            ));
        }
        true
    }
}

/// A cell being read, holding at most [`MAX_CELL_CHARS`] characters of it.
#[derive(Default)]
struct Cell {
    text: String,
    chars: usize,
}

impl Cell {
    /// Adds `c` if the cell is still within the cap; counts it either way.
    fn push(&mut self, c: char) {
        if self.chars < MAX_CELL_CHARS {
            self.text.push(c);
        }
        self.chars = self.chars.saturating_add(1);
    }
}

/// A record being read: its cells so far and its first problem.
struct Row {
    line: usize,
    cells: Vec<String>,
    cell: Cell,
    problem: Option<String>,
}

impl Row {
    /// Keeps the first problem: later ones are usually its consequences.
    fn flag(&mut self, message: String) {
        self.problem.get_or_insert(message);
    }

    /// Moves the cell read into the row, checking the caps on it.
    fn end_cell(&mut self) {
        let cell = std::mem::take(&mut self.cell);
        if cell.chars > MAX_CELL_CHARS {
            self.flag(format!(
                "Cell {} of the row on line {} is longer than {MAX_CELL_CHARS} characters. Shorten it, \
                 or check for a quote that opens and closes far apart.",
                self.cells.len() + 1,
                self.line
            ));
        }
        if self.cells.len() < MAX_MANIFEST_COLUMNS {
            self.cells.push(cell.text);
        } else {
            self.flag(format!(
                "The row on line {} has more than {MAX_MANIFEST_COLUMNS} cells. Delete the unused columns.",
                self.line
            ));
        }
    }

    /// The record, or its problem.
    fn finish(mut self) -> Result<Record, RowProblem> {
        if self.problem.is_none() {
            self.end_cell();
        }
        match self.problem {
            Some(message) => Err(RowProblem { line: self.line, message }),
            None => Ok(Record { line: self.line, cells: self.cells }),
        }
    }
}

/// Appends one row to `out`: comma separated, CRLF ended, each cell quoted
/// when a spreadsheet or [`read`] would otherwise change it. Cells are
/// written as given: use [`neutralise`] first for text a person opens in a
/// spreadsheet, never for cells that must read back exactly (secrets).
pub(crate) fn write_row(out: &mut String, cells: &[&str]) {
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        // A lone empty cell would be a blank line, which reading skips.
        if needs_quotes(cell) || (cells.len() == 1 && cell.is_empty()) {
            out.push('"');
            out.push_str(&cell.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(cell);
        }
    }
    out.push_str("\r\n");
}

/// Whether `cell` must be quoted: it holds a separator (any [`read`] detects),
/// a quote or a line break, or spreadsheets would trim its spaces, or it
/// starts with a BOM that reading would take for the file's.
fn needs_quotes(cell: &str) -> bool {
    cell.contains([',', ';', '"', '\r', '\n', '\t']) || cell.starts_with([' ', '\u{FEFF}']) || cell.ends_with(' ')
}

/// `cell` with a leading `'` when a spreadsheet would run it as a formula
/// (OWASP's CSV injection advice); other cells unchanged.
pub(crate) fn neutralise(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The cells of every record, `None` for a problem; asserts the lines.
    fn cells(text: &str) -> Vec<Option<Vec<String>>> {
        read(text).expect("readable").into_iter().map(|r| r.ok().map(|r| r.cells)).collect()
    }

    fn row(cells: &[&str]) -> Option<Vec<String>> {
        Some(cells.iter().map(|c| c.to_string()).collect())
    }

    fn lines(text: &str) -> Vec<usize> {
        read(text).expect("readable").iter().map(|r| r.as_ref().map_or_else(|p| p.line, |r| r.line)).collect()
    }

    #[test]
    fn separator_is_the_one_the_header_uses_most() {
        assert_eq!(cells("a,b\n1,2"), [row(&["a", "b"]), row(&["1", "2"])]);
        assert_eq!(cells("a;b;c\n1,5;2;3"), [row(&["a", "b", "c"]), row(&["1,5", "2", "3"])]);
        assert_eq!(cells("a\tb\n1;2\t3"), [row(&["a", "b"]), row(&["1;2", "3"])]);
        // Quoted separators do not count; a tie or none is comma.
        assert_eq!(cells("\"x;y;z\",a\n1;2,3"), [row(&["x;y;z", "a"]), row(&["1;2", "3"])]);
        assert_eq!(cells("a;b,c\n1;2,3"), [row(&["a;b", "c"]), row(&["1;2", "3"])]);
        assert_eq!(cells("name\n1;2"), [row(&["name"]), row(&["1;2"])]);
        assert_eq!(cells("a;b\tc\n1;2"), [row(&["a;b\tc"]), row(&["1;2"])]);
        // Decided by the first record, after blank lines.
        assert_eq!(cells("\r\n\na;b\n"), [row(&["a", "b"])]);
    }

    #[test]
    fn bom_and_every_line_end() {
        let expected = [row(&["a", "b"]), row(&["1", "2"]), row(&["3", "4"])];
        for text in ["a,b\r\n1,2\r\n3,4\r\n", "a,b\n1,2\n3,4", "a,b\r1,2\r3,4\r", "\u{FEFF}a,b\r1,2\n3,4\r\n"] {
            assert_eq!(cells(text), expected, "{text:?}");
            assert_eq!(lines(text), [1, 2, 3], "{text:?}");
        }
        // Only the first character may be the BOM.
        assert_eq!(cells("a\n\u{FEFF}b"), [row(&["a"]), row(&["\u{FEFF}b"])]);
    }

    #[test]
    fn blank_lines_are_skipped_and_not_records() {
        let text = "\n\na,b\r\n\r\n\r1,2\n\n";
        assert_eq!(cells(text), [row(&["a", "b"]), row(&["1", "2"])]);
        assert_eq!(lines(text), [3, 6]);
        assert_eq!(cells(""), []);
        assert_eq!(cells("\u{FEFF}\r\n"), []);
        // A line of separators is a record of empty cells; spaces are kept.
        assert_eq!(cells("a,b\n,\n  "), [row(&["a", "b"]), row(&["", ""]), row(&["  "])]);
    }

    #[test]
    fn quoted_cells_hold_separators_quotes_and_line_breaks() {
        let text = "a,b\n\"x,y\",\"say \"\"hi\"\"\"\n\"two\r\nlines\",\"\"\n\"three\rlines\nhere\",z\nlast,";
        assert_eq!(
            cells(text),
            [
                row(&["a", "b"]),
                row(&["x,y", "say \"hi\""]),
                row(&["two\r\nlines", ""]),
                row(&["three\rlines\nhere", "z"]),
                row(&["last", ""]),
            ]
        );
        assert_eq!(lines(text), [1, 2, 3, 5, 8]);
    }

    #[test]
    fn cells_are_kept_exactly_and_stray_quotes_literally() {
        assert_eq!(cells(" a , b\t\n"), [row(&[" a ", " b\t"])]);
        assert_eq!(cells("ab\"c,5\"\n"), [row(&["ab\"c", "5\""])]);
        assert_eq!(cells("\" padded \""), [row(&[" padded "])]);
    }

    #[test]
    fn text_after_a_closing_quote_is_a_problem_for_its_record_only() {
        let text = "a,b\n1,2\n\"ab\"c,3\nx,\"y\" \n4,5\n";
        let records = read(text).unwrap();
        assert_eq!(records.len(), 5);
        assert!(matches!(&records[2], Err(RowProblem { line: 3, .. })));
        assert!(matches!(&records[3], Err(RowProblem { line: 4, .. })));
        assert_eq!(records[4], Ok(Record { line: 5, cells: vec!["4".into(), "5".into()] }));
        assert!(records[..2].iter().all(Result::is_ok));
    }

    #[test]
    fn an_unclosed_quote_is_a_problem_for_the_record_it_opened_in() {
        let text = "a,b\n1,2\n3,\"open\n4,5\n6,7\n";
        let records = read(text).unwrap();
        assert_eq!(records.len(), 3, "the rest of the file is swallowed");
        assert!(records[..2].iter().all(Result::is_ok));
        assert!(matches!(&records[2], Err(RowProblem { line: 3, .. })));
        // Even when a cell grew over the cap first, the cause is the quote.
        let long = format!("a\n\"{}", "x".repeat(2 * MAX_CELL_CHARS));
        assert!(matches!(&read(&long).unwrap()[1], Err(RowProblem { line: 2, .. })));
    }

    #[test]
    fn a_cell_over_the_cap_is_a_problem_and_is_not_kept() {
        let at_cap = "x".repeat(MAX_CELL_CHARS);
        let over = "é".repeat(MAX_CELL_CHARS + 1);
        let text = format!("a,b\n{at_cap},1\n2,{over}\n\"{over}\",3\n4,5");
        let records = read(&text).unwrap();
        assert_eq!(records[1].as_ref().map(|r| r.cells[0].len()), Ok(MAX_CELL_CHARS));
        assert!(matches!(&records[2], Err(RowProblem { line: 3, .. })));
        assert!(matches!(&records[3], Err(RowProblem { line: 4, .. })));
        assert!(records[4].is_ok());
        // The reader holds at most the cap of a long cell.
        let mut cell = Cell::default();
        (0..10 * MAX_CELL_CHARS).for_each(|_| cell.push('y'));
        assert_eq!((cell.text.len(), cell.chars), (MAX_CELL_CHARS, 10 * MAX_CELL_CHARS));
    }

    #[test]
    fn a_record_over_the_column_cap_is_a_problem() {
        let at_cap = vec!["c"; MAX_MANIFEST_COLUMNS].join(",");
        let over = vec!["c"; MAX_MANIFEST_COLUMNS + 1].join(",");
        let records = read(&format!("{at_cap}\n{over}\n{at_cap}")).unwrap();
        assert_eq!(records[0].as_ref().map(|r| r.cells.len()), Ok(MAX_MANIFEST_COLUMNS));
        assert!(matches!(&records[1], Err(RowProblem { line: 2, .. })));
        assert!(records[2].is_ok());
    }

    #[test]
    fn size_and_row_caps() {
        let kind = |text: &str| read(text).map(|r| r.len()).map_err(|e| e.kind());
        assert_eq!(kind(&"\n".repeat(MAX_MANIFEST_BYTES)), Ok(0));
        assert_eq!(kind(&"\n".repeat(MAX_MANIFEST_BYTES + 1)), Err(ErrorKind::InputTooLarge));
        let at_cap = format!("name\n{}", "d\n\n".repeat(MAX_MANIFEST_ROWS));
        assert_eq!(kind(&at_cap), Ok(MAX_MANIFEST_ROWS + 1));
        assert_eq!(kind(&format!("{at_cap}d")), Err(ErrorKind::TooManyRows));
        // A problem record counts as a record.
        assert_eq!(kind(&format!("{at_cap}\"a\"b")), Err(ErrorKind::TooManyRows));
    }

    #[test]
    fn written_rows_read_back_exactly() {
        let rows: &[&[&str]] = &[
            &["device", "secret", "note"],
            &["a,b", "semi;colon", "tab\there"],
            &[" leading", "trailing ", "say \"hi\""],
            &["two\r\nlines", "cr\ronly", "lf\nonly"],
            &["", "", ""],
            &[""],
            &["=1+2", "@cmd", "\u{FEFF}bom"],
        ];
        let mut out = String::new();
        rows.iter().for_each(|r| write_row(&mut out, r));
        let back: Vec<Option<Vec<String>>> = rows.iter().map(|r| row(r)).collect();
        assert_eq!(cells(&out), back);
        let mut plain = String::new();
        write_row(&mut plain, &["a", "b c", "=x"]);
        assert_eq!(plain, "a,b c,=x\r\n");
        let mut quoted = String::new();
        write_row(&mut quoted, &["a\"b", " x", "", "y "]);
        assert_eq!(quoted, "\"a\"\"b\",\" x\",,\"y \"\r\n");
    }

    #[test]
    fn neutralise_prefixes_formula_starts_only() {
        for cell in ["=SUM(A1)", "+1", "-1", "@x", "\tx", "\rx"] {
            assert_eq!(neutralise(cell), format!("'{cell}"), "{cell:?}");
        }
        for cell in ["", "a=b", " =x", "'=x", "device-1"] {
            assert!(matches!(neutralise(cell), Cow::Borrowed(c) if c == cell), "{cell:?}");
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn any_rows_round_trip(rows in proptest::collection::vec(
            proptest::collection::vec("[a-c ,;\t\"\r\n'=é\u{FEFF}]{0,6}", 1..6), 1..8)
        ) {
            let mut out = String::new();
            for r in &rows {
                write_row(&mut out, &r.iter().map(String::as_str).collect::<Vec<_>>());
            }
            let back: Vec<Option<Vec<String>>> = rows.iter().cloned().map(Some).collect();
            proptest::prop_assert_eq!(cells(&out), back);
        }
    }
}
