//! xs:dateTime, as SAML writes its times (`2026-06-01T08:00:00Z`, with or
//! without fractions of a second or an offset), to Unix seconds.

use pkcs8::der::DateTime;

/// Unix seconds of an xs:dateTime; `None` when it is not one. Fractions of a
/// second are dropped; no offset means UTC, as SAML requires.
pub(crate) fn unix(text: &str) -> Option<i64> {
    let text = text.trim();
    let (date, time) = text.split_once('T')?;
    let mut date = date.splitn(3, '-');
    let year: u16 = number(date.next()?, 4)?;
    let month: u8 = number(date.next()?, 2)?;
    let day: u8 = number(date.next()?, 2)?;
    let (clock, offset) = match time.find(['Z', '+', '-']) {
        Some(at) => (&time[..at], offset_seconds(&time[at..])?),
        None => (time, 0),
    };
    let clock = clock.split('.').next()?;
    let mut clock = clock.splitn(3, ':');
    let hour: u8 = number(clock.next()?, 2)?;
    let minutes: u8 = number(clock.next()?, 2)?;
    let seconds: u8 = number(clock.next()?, 2)?;
    let t = DateTime::new(year, month, day, hour, minutes, seconds).ok()?;
    Some(t.unix_duration().as_secs() as i64 - offset)
}

fn offset_seconds(text: &str) -> Option<i64> {
    if text == "Z" {
        return Some(0);
    }
    let sign = if text.starts_with('-') { -1 } else { 1 };
    let (hours, minutes) = text[1..].split_once(':')?;
    let (hours, minutes): (u8, u8) = (number(hours, 2)?, number(minutes, 2)?);
    (hours <= 14 && minutes < 60).then(|| sign * (i64::from(hours) * 3600 + i64::from(minutes) * 60))
}

/// A fixed-width decimal field.
fn number<T: std::str::FromStr>(text: &str, width: usize) -> Option<T> {
    (text.len() == width && text.bytes().all(|b| b.is_ascii_digit())).then(|| text.parse().ok()).flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn saml_times_read_as_unix_seconds() {
        assert_eq!(unix("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(unix("2026-06-01T00:00:00Z"), Some(1_780_272_000));
        assert_eq!(unix("2026-06-01T00:00:00.999Z"), Some(1_780_272_000));
        assert_eq!(unix("2026-06-01T02:00:00+02:00"), Some(1_780_272_000));
        assert_eq!(unix("2026-05-31T22:30:00-01:30"), Some(1_780_272_000));
        assert_eq!(unix("2026-06-01T00:00:00"), Some(1_780_272_000));
        for bad in [
            "",
            "2026-06-01",
            "2026-13-01T00:00:00Z",
            "2026-06-01T25:00:00Z",
            "26-06-01T00:00:00Z",
            "2026-06-01T00:00Z",
            "2026-06-01T00:00:00+2",
        ] {
            assert_eq!(unix(bad), None, "{bad}");
        }
    }
}
