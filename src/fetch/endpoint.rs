//! Where COC is: a region of the official SDKs' map, or a URL. HTTPS only,
//! except to loopback addresses (which tests use): a plain `http://` URL to
//! any other host is refused, since it would send credentials and tickets
//! in clear text.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

/// COC's endpoints by region, as the official SDKs map them (Go
/// `services/coc/v1/region/region.go`, identical in Python). No other
/// region has COC in the SDKs.
pub const REGIONS: &[(&str, &str)] = &[
    ("cn-north-4", "https://coc.myhuaweicloud.com"),
    ("ap-southeast-3", "https://coc-intl.myhuaweicloud.com"),
    (
        "eu-west-101",
        "https://coc-eu-west-101-open-api.myhuaweicloud.eu",
    ),
];

/// A validated COC endpoint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoint {
    /// `https://host[:port]` or, for loopback only, `http://...`.
    pub origin: String,
    /// The `Host` header the request carries and is signed with: the host,
    /// with its port when the URL gives one that is not the scheme's
    /// default.
    pub host: String,
    /// Path segments before `/v1/...` (a gateway mounted under a prefix),
    /// usually none.
    pub prefix: Vec<String>,
    /// Whether the host is a loopback address (no proxy is used for it).
    pub loopback: bool,
}

impl Endpoint {
    /// The endpoint of a region (`cn-north-4`, `ap-southeast-3`,
    /// `eu-west-101`).
    pub fn region(id: &str) -> Result<Endpoint, String> {
        match REGIONS.iter().find(|(r, _)| *r == id) {
            Some((_, url)) => Endpoint::parse(url),
            None => Err(format!(
                "region `{}` has no COC endpoint; the regions are {} (or give --endpoint URL)",
                crate::escape::escape(id),
                REGIONS
                    .iter()
                    .map(|(r, _)| *r)
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
        }
    }

    /// Parse and check an endpoint URL: `https://host[:port][/prefix]`, or
    /// `http://` to a loopback address (`127.0.0.0/8`, `[::1]`). No user
    /// name or password, query or fragment.
    pub fn parse(url: &str) -> Result<Endpoint, String> {
        let shown = crate::escape::escape(url);
        let (scheme, rest) = if let Some(rest) = strip_prefix_ci(url, "https://") {
            ("https", rest)
        } else if let Some(rest) = strip_prefix_ci(url, "http://") {
            ("http", rest)
        } else {
            return Err(format!(
                "endpoint `{shown}` is not an https:// URL (e.g. https://coc.myhuaweicloud.com)"
            ));
        };
        if rest.contains(['?', '#']) {
            return Err(format!(
                "endpoint `{shown}` has a query or fragment; give only https://host[:port][/path]"
            ));
        }
        let (authority, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
        if authority.contains('@') {
            return Err(format!(
                "endpoint `{shown}` carries a user name or password; credentials come from the \
                 environment or files, never from the URL"
            ));
        }
        let (host, port) = split_host_port(authority)
            .ok_or_else(|| format!("endpoint `{shown}` has no valid host[:port]"))?;
        let default_port = if scheme == "https" { 443 } else { 80 };
        let loopback = is_loopback(host);
        if scheme == "http" && !loopback {
            return Err(format!(
                "endpoint `{shown}` is plain http: refused, it would send credentials and tickets \
                 in clear text; use https:// (plain http is allowed only to loopback addresses, \
                 127.0.0.1 or [::1])"
            ));
        }
        let host_header = match port {
            Some(p) if p != default_port => format!("{host}:{p}"),
            _ => host.to_owned(),
        };
        let origin = match port {
            Some(p) => format!("{scheme}://{host}:{p}"),
            None => format!("{scheme}://{host}"),
        };
        let prefix = path
            .split('/')
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect();
        Ok(Endpoint {
            origin,
            host: host_header.to_ascii_lowercase(),
            prefix,
            loopback,
        })
    }
}

fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &s[prefix.len()..])
}

/// `host[:port]` or `[v6][:port]`; the host is a DNS name or an address.
fn split_host_port(authority: &str) -> Option<(&str, Option<u16>)> {
    let (host, port) = if let Some(rest) = authority.strip_prefix('[') {
        let end = rest.find(']')?;
        let host = &authority[..end + 2];
        rest[..end].parse::<Ipv6Addr>().ok()?;
        match &rest[end + 1..] {
            "" => (host, None),
            p => (host, Some(p.strip_prefix(':')?)),
        }
    } else {
        match authority.split_once(':') {
            Some((h, p)) => (h, Some(p)),
            None => (authority, None),
        }
    };
    let valid_name = !host.is_empty()
        && (host.starts_with('[')
            || host
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.'));
    if !valid_name {
        return None;
    }
    let port = match port {
        Some(p) if !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()) => Some(p.parse().ok()?),
        Some(_) => return None,
        None => None,
    };
    Some((host, port))
}

fn is_loopback(host: &str) -> bool {
    if let Some(v6) = host.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
        return v6.parse::<Ipv6Addr>().is_ok_and(|a| a.is_loopback());
    }
    host.parse::<Ipv4Addr>()
        .is_ok_and(|a| IpAddr::V4(a).is_loopback())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regions() {
        let e = Endpoint::region("ap-southeast-3").unwrap();
        assert_eq!(e.origin, "https://coc-intl.myhuaweicloud.com");
        assert_eq!(e.host, "coc-intl.myhuaweicloud.com");
        assert!(!e.loopback);
        let err = Endpoint::region("cn-north-1").unwrap_err();
        assert!(
            err.contains("cn-north-4, ap-southeast-3, eu-west-101"),
            "{err}"
        );
    }

    #[test]
    fn urls() {
        let e = Endpoint::parse("https://coc.example.com:8443/gw/").unwrap();
        assert_eq!(e.origin, "https://coc.example.com:8443");
        assert_eq!(e.host, "coc.example.com:8443");
        assert_eq!(e.prefix, vec!["gw".to_owned()]);
        let e = Endpoint::parse("https://coc.example.com:443").unwrap();
        assert_eq!(e.host, "coc.example.com");
        let e = Endpoint::parse("http://127.0.0.1:9999").unwrap();
        assert_eq!((e.host.as_str(), e.loopback), ("127.0.0.1:9999", true));
        let e = Endpoint::parse("http://[::1]:80").unwrap();
        assert_eq!((e.host.as_str(), e.loopback), ("[::1]", true));
        for bad in [
            "http://coc.myhuaweicloud.com",
            "http://10.0.0.1:80",
            "http://localhost:80",
            "http://127.0.0.1.evil.com",
            "ftp://x",
            "coc.myhuaweicloud.com",
            "https://user:pw@coc.example.com",
            "https://coc.example.com/?a=b",
            "https://:443",
            "https://a b",
            "https://x:99999",
            "https://[::1",
        ] {
            assert!(Endpoint::parse(bad).is_err(), "{bad} was accepted");
        }
        let err = Endpoint::parse("http://coc.myhuaweicloud.com").unwrap_err();
        assert!(err.contains("plain http: refused"), "{err}");
    }
}
