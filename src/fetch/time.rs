//! The few date computations fetching needs, in UTC: the `X-Sdk-Date`
//! stamp, and the `--since`/`--until` times of a ticket list (epoch
//! seconds, or an RFC 3339 date or date-time). Civil dates come from
//! Howard Hinnant's `days_from_civil` algorithms, a dozen lines that do not
//! justify a date crate.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// Days since 1970-01-01 of a proleptic Gregorian date.
fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day count since 1970-01-01.
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// `time` as the signing date, `YYYYMMDDTHHMMSSZ` (UTC).
pub fn sdk_date(time: SystemTime) -> String {
    let secs = time
        .duration_since(UNIX_EPOCH)
        .unwrap_or(Duration::ZERO)
        .as_secs() as i64;
    let (y, m, d) = civil_from_days(secs.div_euclid(86_400));
    let s = secs.rem_euclid(86_400);
    format!(
        "{y:04}{m:02}{d:02}T{:02}{:02}{:02}Z",
        s / 3600,
        s / 60 % 60,
        s % 60
    )
}

/// Parse a list time: epoch seconds (`1735787045`), a date (`2025-01-02`,
/// midnight UTC) or an RFC 3339 date-time in UTC or with an offset
/// (`2025-01-02T03:04:05Z`, `2025-01-02T11:04:05+08:00`). Gives epoch
/// seconds.
pub fn parse_time(s: &str) -> Result<i64, String> {
    let s = s.trim();
    let bad = || {
        format!(
            "`{}` is not a time; write epoch seconds, a date (2025-01-02) or an RFC 3339 \
             date-time (2025-01-02T03:04:05Z)",
            crate::escape::escape(s)
        )
    };
    if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) {
        return s.parse().map_err(|_| bad());
    }
    let num = |r: std::ops::Range<usize>| -> Result<u32, String> {
        let part = s.get(r).ok_or_else(bad)?;
        if part.bytes().all(|b| b.is_ascii_digit()) {
            part.parse().map_err(|_| bad())
        } else {
            Err(bad())
        }
    };
    if s.len() < 10 || s.as_bytes()[4] != b'-' || s.as_bytes()[7] != b'-' {
        return Err(bad());
    }
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let days_in_month = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        _ => return Err(bad()),
    };
    if d == 0 || d > days_in_month {
        return Err(bad());
    }
    let mut secs = days_from_civil(i64::from(y), m, d) * 86_400;
    if s.len() == 10 {
        return Ok(secs);
    }
    let b = s.as_bytes();
    if s.len() < 20 || !matches!(b[10], b'T' | b't' | b' ') || b[13] != b':' || b[16] != b':' {
        return Err(bad());
    }
    let (h, mi, se) = (num(11..13)?, num(14..16)?, num(17..19)?);
    if h > 23 || mi > 59 || se > 60 {
        return Err(bad());
    }
    secs += i64::from(h * 3600 + mi * 60 + se);
    // Fractions of a second are dropped.
    let mut rest = &s[19..];
    if let Some(frac) = rest.strip_prefix('.') {
        let digits = frac.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 {
            return Err(bad());
        }
        rest = &frac[digits..];
    }
    match rest {
        "Z" | "z" => Ok(secs),
        _ if rest.len() == 6
            && matches!(rest.as_bytes()[0], b'+' | b'-')
            && rest.as_bytes()[3] == b':' =>
        {
            let field = |r: std::ops::Range<usize>| -> Result<i64, String> {
                let p = &rest[r];
                if p.bytes().all(|b| b.is_ascii_digit()) {
                    p.parse().map_err(|_| bad())
                } else {
                    Err(bad())
                }
            };
            let offset = field(1..3)? * 3600 + field(4..6)? * 60;
            Ok(if rest.starts_with('+') {
                secs - offset
            } else {
                secs + offset
            })
        }
        _ => Err(bad()),
    }
}

/// The delay a `Retry-After` header asks for: delta-seconds, or an HTTP
/// date (the time left until it, zero when past).
pub fn retry_after(value: &str, now: SystemTime) -> Option<Duration> {
    let value = value.trim();
    if let Ok(secs) = value.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let at = httpdate::parse_http_date(value).ok()?;
    Some(at.duration_since(now).unwrap_or(Duration::ZERO))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sdk_dates() {
        let t = UNIX_EPOCH + Duration::from_secs(1_735_787_045);
        assert_eq!(sdk_date(t), "20250102T030405Z");
        assert_eq!(sdk_date(UNIX_EPOCH), "19700101T000000Z");
        // Go's reference time.
        assert_eq!(
            sdk_date(UNIX_EPOCH + Duration::from_secs(1_136_171_045)),
            "20060102T030405Z"
        );
        assert_eq!(
            sdk_date(UNIX_EPOCH + Duration::from_secs(951_782_400)),
            "20000229T000000Z"
        );
    }

    #[test]
    fn list_times() {
        assert_eq!(parse_time("1735787045"), Ok(1_735_787_045));
        assert_eq!(parse_time("2025-01-02"), Ok(1_735_776_000));
        assert_eq!(parse_time("2025-01-02T03:04:05Z"), Ok(1_735_787_045));
        assert_eq!(parse_time("2025-01-02T03:04:05.123Z"), Ok(1_735_787_045));
        assert_eq!(parse_time("2025-01-02T11:04:05+08:00"), Ok(1_735_787_045));
        assert_eq!(parse_time("2025-01-01T22:04:05-05:00"), Ok(1_735_787_045));
        assert_eq!(parse_time("2024-02-29"), Ok(1_709_164_800));
        for bad in [
            "",
            "yesterday",
            "2025-02-30",
            "2023-02-29",
            "2025-13-01",
            "2025-01-02T25:00:00Z",
            "2025-01-02T03:04:05",
            "2025-01-02T03:04:05+0800",
            "2025-01-0é",
            "-1",
            "2025-01-02T03:04:05.Z",
        ] {
            assert!(parse_time(bad).is_err(), "{bad:?} was accepted");
        }
        for y in [1970, 1999, 2000, 2024, 2100] {
            for m in 1..=12 {
                let days = days_from_civil(y, m, 1);
                assert_eq!(civil_from_days(days), (y, m, 1));
            }
        }
    }

    #[test]
    fn retry_afters() {
        let now = UNIX_EPOCH + Duration::from_secs(1_445_412_480);
        assert_eq!(retry_after("3", now), Some(Duration::from_secs(3)));
        assert_eq!(
            retry_after("Wed, 21 Oct 2015 07:28:10 GMT", now),
            Some(Duration::from_secs(10))
        );
        assert_eq!(
            retry_after("Wed, 21 Oct 2015 07:27:00 GMT", now),
            Some(Duration::ZERO)
        );
        assert_eq!(retry_after("soon", now), None);
    }
}
