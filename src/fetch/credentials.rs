//! Where the credentials come from, in this order:
//!
//! 1. an IAM token from the file given (`--token-file`);
//! 2. an IAM token in `COC_AUTH_TOKEN`;
//! 3. an AK/SK pair in `HUAWEICLOUD_SDK_AK` and `HUAWEICLOUD_SDK_SK`, with
//!    `HUAWEICLOUD_SDK_SECURITY_TOKEN` for temporary keys, as the official
//!    SDKs read them;
//! 4. the SDKs' credentials file (`HUAWEICLOUD_SDK_CREDENTIALS_FILE`, else
//!    `~/.huaweicloud/credentials`), section `[global]` and then `[basic]`
//!    (COC's SDK clients try global credentials first), keys `ak`, `sk`,
//!    `security_token`, `project_id`, `domain_id`.
//!
//! `HUAWEICLOUD_SDK_PROJECT_ID` and `HUAWEICLOUD_SDK_DOMAIN_ID` (or the
//! file's `project_id`/`domain_id`) give the `X-Project-Id` and
//! `X-Domain-Id` headers. Never from the command line: an argument shows in
//! `ps` and in shell history.
//!
//! Secrets are held in [`Secret`], whose `Debug` does not show them, and no
//! error message here quotes a value read from the environment or a file.

use std::path::{Path, PathBuf};

/// A secret (an SK, a security token, an IAM token): shown nowhere.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    /// Wrap a secret.
    pub fn new(value: impl Into<String>) -> Self {
        Secret(value.into())
    }

    /// The secret itself, to sign with or to send.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(****)")
    }
}

/// How requests are authenticated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Auth {
    /// AK/SK request signing (`SDK-HMAC-SHA256`).
    AkSk {
        /// The access key id (not a secret: it is sent in every request).
        ak: String,
        /// The secret key.
        sk: Secret,
        /// The security token of temporary keys (`X-Security-Token`).
        security_token: Option<Secret>,
    },
    /// An IAM token, sent as `X-Auth-Token`.
    Token(Secret),
}

/// The credentials of a run, and where they were found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Credentials {
    /// How requests are authenticated.
    pub auth: Auth,
    /// `X-Project-Id`, when known.
    pub project_id: Option<String>,
    /// `X-Domain-Id`, when known.
    pub domain_id: Option<String>,
    /// Where they came from, for `--verbose` (names a variable or a file,
    /// never a value).
    pub source: String,
}

/// No usable credentials; the message says what to set, never a value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CredentialError(pub String);

impl std::fmt::Display for CredentialError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for CredentialError {}

/// Whether `value` can be sent as an HTTP header value as it is (visible
/// ASCII and spaces).
fn header_safe(value: &str) -> bool {
    value.bytes().all(|b| b == b' ' || b.is_ascii_graphic())
}

/// A value read from somewhere, checked: non-empty and sendable. `what`
/// names it in the error ("the token in COC_AUTH_TOKEN").
fn checked(value: &str, what: &str) -> Result<String, CredentialError> {
    let value = value.trim();
    if value.is_empty() {
        return Err(CredentialError(format!("{what} is empty")));
    }
    if !header_safe(value) {
        return Err(CredentialError(format!(
            "{what} holds characters an HTTP header cannot carry (only visible ASCII is allowed)"
        )));
    }
    Ok(value.to_owned())
}

/// An AK goes in the `Authorization` header's `Access=` part.
fn checked_ak(value: &str, what: &str) -> Result<String, CredentialError> {
    let ak = checked(value, what)?;
    if ak.contains([' ', ',', '=']) {
        return Err(CredentialError(format!(
            "{what} is not an access key id (it has a space, comma or equals sign)"
        )));
    }
    Ok(ak)
}

/// Find the credentials. `env` reads an environment variable (the caller
/// passes `std::env::var`, tests a map); `token_file` is `--token-file`;
/// `home` is the home directory, for the default credentials file.
pub fn load(
    env: &dyn Fn(&str) -> Option<String>,
    token_file: Option<&Path>,
    home: Option<&Path>,
) -> Result<Credentials, CredentialError> {
    let var = |name: &str| env(name).filter(|v| !v.trim().is_empty());
    let ids = |project: Option<String>, domain: Option<String>| {
        (
            var("HUAWEICLOUD_SDK_PROJECT_ID").or(project),
            var("HUAWEICLOUD_SDK_DOMAIN_ID").or(domain),
        )
    };
    let with_ids = |auth, source: String, file_ids: (Option<String>, Option<String>)| {
        let (project_id, domain_id) = ids(file_ids.0, file_ids.1);
        Credentials {
            auth,
            project_id,
            domain_id,
            source,
        }
    };
    if let Some(path) = token_file {
        let what = format!("the token file {}", path.display());
        let text = std::fs::read_to_string(path)
            .map_err(|e| CredentialError(format!("cannot read {what}: {e}")))?;
        let token = checked(&text, &what)?;
        return Ok(with_ids(Auth::Token(Secret(token)), what, (None, None)));
    }
    if let Some(token) = var("COC_AUTH_TOKEN") {
        let token = checked(&token, "the token in COC_AUTH_TOKEN")?;
        return Ok(with_ids(
            Auth::Token(Secret(token)),
            "the environment (COC_AUTH_TOKEN)".into(),
            (None, None),
        ));
    }
    match (var("HUAWEICLOUD_SDK_AK"), var("HUAWEICLOUD_SDK_SK")) {
        (Some(ak), Some(sk)) => {
            let ak = checked_ak(&ak, "HUAWEICLOUD_SDK_AK")?;
            let security_token = var("HUAWEICLOUD_SDK_SECURITY_TOKEN")
                .map(|t| checked(&t, "HUAWEICLOUD_SDK_SECURITY_TOKEN").map(Secret))
                .transpose()?;
            return Ok(with_ids(
                Auth::AkSk {
                    ak,
                    sk: Secret(sk),
                    security_token,
                },
                "the environment (HUAWEICLOUD_SDK_AK, HUAWEICLOUD_SDK_SK)".into(),
                (None, None),
            ));
        }
        (Some(_), None) => {
            return Err(CredentialError(
                "HUAWEICLOUD_SDK_AK is set but HUAWEICLOUD_SDK_SK is not".into(),
            ))
        }
        (None, Some(_)) => {
            return Err(CredentialError(
                "HUAWEICLOUD_SDK_SK is set but HUAWEICLOUD_SDK_AK is not".into(),
            ))
        }
        (None, None) => {}
    }
    let file: Option<PathBuf> = var("HUAWEICLOUD_SDK_CREDENTIALS_FILE")
        .map(PathBuf::from)
        .or_else(|| home.map(|h| h.join(".huaweicloud").join("credentials")));
    let explicit = var("HUAWEICLOUD_SDK_CREDENTIALS_FILE").is_some();
    if let Some(path) = file {
        match std::fs::read_to_string(&path) {
            Ok(text) => {
                if let Some(found) = from_file(&text, &path)? {
                    let (auth, source, ids) = found;
                    return Ok(with_ids(auth, source, ids));
                }
            }
            Err(e) if explicit || e.kind() != std::io::ErrorKind::NotFound => {
                return Err(CredentialError(format!(
                    "cannot read the credentials file {}: {e}",
                    path.display()
                )));
            }
            Err(_) => {}
        }
    }
    Err(CredentialError(
        "no credentials: set HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK (AK/SK signing), or \
         COC_AUTH_TOKEN or --token-file (an IAM token), or write ~/.huaweicloud/credentials"
            .into(),
    ))
}

type Found = (Auth, String, (Option<String>, Option<String>));

/// Credentials from the SDKs' INI file: `[global]` first, then `[basic]`.
fn from_file(text: &str, path: &Path) -> Result<Option<Found>, CredentialError> {
    for section in ["global", "basic"] {
        let get = |key: &str| ini_value(text, section, key).filter(|v| !v.is_empty());
        let what = |key: &str| format!("`{key}` in [{section}] of {}", path.display());
        match (get("ak"), get("sk")) {
            (Some(ak), Some(sk)) => {
                let ak = checked_ak(&ak, &what("ak"))?;
                let security_token = get("security_token")
                    .map(|t| checked(&t, &what("security_token")).map(Secret))
                    .transpose()?;
                return Ok(Some((
                    Auth::AkSk {
                        ak,
                        sk: Secret(sk),
                        security_token,
                    },
                    format!("the credentials file {} [{section}]", path.display()),
                    (get("project_id"), get("domain_id")),
                )));
            }
            (Some(_), None) | (None, Some(_)) => {
                return Err(CredentialError(format!(
                    "[{section}] of the credentials file {} needs both `ak` and `sk`",
                    path.display()
                )))
            }
            (None, None) => {}
        }
    }
    Ok(None)
}

/// The value of `key` in `[section]` of an INI text (`key = value` lines;
/// `#` and `;` start comments; names are case-insensitive).
fn ini_value(text: &str, section: &str, key: &str) -> Option<String> {
    let mut current = String::new();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') || line.starts_with(';') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            current = name.trim().to_ascii_lowercase();
            continue;
        }
        if current != section {
            continue;
        }
        if let Some((k, v)) = line.split_once('=') {
            if k.trim().eq_ignore_ascii_case(key) {
                return Some(v.trim().to_owned());
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn env(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        move |k| map.get(k).cloned()
    }

    #[test]
    fn environment_aksk() {
        let c = load(
            &env(&[
                ("HUAWEICLOUD_SDK_AK", "AK1"),
                ("HUAWEICLOUD_SDK_SK", "s3cret"),
                ("HUAWEICLOUD_SDK_SECURITY_TOKEN", "tok"),
                ("HUAWEICLOUD_SDK_PROJECT_ID", "p1"),
            ]),
            None,
            None,
        )
        .unwrap();
        assert_eq!(
            c.auth,
            Auth::AkSk {
                ak: "AK1".into(),
                sk: Secret::new("s3cret"),
                security_token: Some(Secret::new("tok"))
            }
        );
        assert_eq!(c.project_id.as_deref(), Some("p1"));
        assert_eq!(c.domain_id, None);
        let shown = format!("{c:?}");
        assert!(
            !shown.contains("s3cret") && !shown.contains("tok\""),
            "{shown}"
        );
    }

    #[test]
    fn token_wins_and_half_pairs_are_errors() {
        let c = load(
            &env(&[("COC_AUTH_TOKEN", "t0k\n"), ("HUAWEICLOUD_SDK_AK", "A")]),
            None,
            None,
        )
        .unwrap();
        assert_eq!(c.auth, Auth::Token(Secret::new("t0k")));
        let e = load(&env(&[("HUAWEICLOUD_SDK_AK", "A")]), None, None).unwrap_err();
        assert!(e.0.contains("HUAWEICLOUD_SDK_SK is not"), "{e}");
        let e = load(&env(&[("COC_AUTH_TOKEN", "a\u{7}b")]), None, None).unwrap_err();
        assert!(!e.0.contains('\u{7}'), "{e}");
        let e = load(&env(&[]), None, Some(Path::new("/nonexistent-home"))).unwrap_err();
        assert!(e.0.starts_with("no credentials"), "{e}");
    }

    #[test]
    fn files() {
        let dir = tempfile::tempdir().unwrap();
        let token = dir.path().join("token");
        std::fs::write(&token, "  secret-token \n").unwrap();
        let c = load(&env(&[]), Some(&token), None).unwrap();
        assert_eq!(c.auth, Auth::Token(Secret::new("secret-token")));
        let e = load(&env(&[]), Some(&dir.path().join("nope")), None).unwrap_err();
        assert!(e.0.starts_with("cannot read the token file"), "{e}");

        let sdk = dir.path().join(".huaweicloud");
        std::fs::create_dir(&sdk).unwrap();
        std::fs::write(
            sdk.join("credentials"),
            "# comment\n[basic]\nak = BASICAK\nsk = basicsk\nproject_id = p\n\n[global]\nak=GLOBALAK\nsk=globalsk\ndomain_id=d\n",
        )
        .unwrap();
        let c = load(&env(&[]), None, Some(dir.path())).unwrap();
        assert_eq!(
            c.auth,
            Auth::AkSk {
                ak: "GLOBALAK".into(),
                sk: Secret::new("globalsk"),
                security_token: None
            }
        );
        assert_eq!((c.project_id, c.domain_id.as_deref()), (None, Some("d")));
        assert!(c.source.ends_with("[global]"));

        std::fs::write(sdk.join("credentials"), "[basic]\nak = B\n").unwrap();
        let e = load(&env(&[]), None, Some(dir.path())).unwrap_err();
        assert!(e.0.contains("needs both"), "{e}");
        let e = load(
            &env(&[("HUAWEICLOUD_SDK_CREDENTIALS_FILE", "/nonexistent/creds")]),
            None,
            None,
        )
        .unwrap_err();
        assert!(e.0.starts_with("cannot read the credentials file"), "{e}");
    }
}
