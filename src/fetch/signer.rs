//! Huawei Cloud AK/SK request signing (`SDK-HMAC-SHA256`): the
//! canonicalisation only. SHA-256, HMAC, hex and percent-encoding come from
//! kept crates (`sha2`, `hmac`, `hex`, `percent-encoding`).
//!
//! The algorithm, as the official SDKs (Go, Python, Java) and the API
//! Request Signing Guide define it:
//!
//! 1. the *canonical request* is six fields joined by `\n`: the method, the
//!    canonical URI (each path segment percent-encoded, then a `/` appended
//!    when the path does not end in one: for signing only, the request is
//!    sent without it), the canonical query (names and values
//!    percent-encoded, sorted by name then value, joined with `&`), the
//!    canonical headers (`name:trimmed value\n` for each signed header), the
//!    signed header names (lower case, sorted, joined with `;`) and the hex
//!    SHA-256 of the body;
//! 2. the *string to sign* is `SDK-HMAC-SHA256\n<X-Sdk-Date>\n<hex SHA-256
//!    of the canonical request>`;
//! 3. the *signature* is the hex HMAC-SHA256 of it, keyed with the raw SK;
//! 4. the `Authorization` header is
//!    `SDK-HMAC-SHA256 Access=<AK>, SignedHeaders=<names>, Signature=<hex>`.
//!
//! Percent-encoding keeps `A-Z a-z 0-9 - _ . ~` and writes every other byte
//! of the UTF-8 text as `%XY` in upper case, so a space is `%20` (never
//! `+`). The query string must be *sent* exactly as [`canonical_query`]
//! writes it, so that the gateway, which canonicalises what it receives,
//! computes the same string.
//!
//! [`verify`] recomputes a request's signature from what a server received;
//! the tests' mock COC server checks every request with it.

use hmac::{Hmac, Mac};
use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use sha2::{Digest, Sha256};

/// The algorithm's name, first in the string to sign and the header.
pub const ALGORITHM: &str = "SDK-HMAC-SHA256";

/// The header carrying the request time, `YYYYMMDDTHHMMSSZ` in UTC.
pub const DATE_HEADER: &str = "X-Sdk-Date";

/// Every byte but the unreserved ones (`A-Z a-z 0-9 - _ . ~`).
const ENCODE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// Percent-encode one path segment, query name or query value.
pub fn encode(s: &str) -> String {
    utf8_percent_encode(s, ENCODE).to_string()
}

/// The canonical URI of `path` (without its query): each segment encoded on
/// its own, and a `/` appended unless the path ends in one.
pub fn canonical_uri(path: &str) -> String {
    let mut uri = path.split('/').map(encode).collect::<Vec<_>>().join("/");
    if !uri.ends_with('/') {
        uri.push('/');
    }
    if !uri.starts_with('/') {
        uri.insert(0, '/');
    }
    uri
}

/// The canonical query string of `params`: `name=value` pairs, encoded,
/// sorted by name and then by value (byte order), joined with `&`. A
/// parameter without a value is written `name=`. This is also the query
/// string to send.
pub fn canonical_query<K: AsRef<str>, V: AsRef<str>>(params: &[(K, V)]) -> String {
    let mut pairs: Vec<(String, String)> = params
        .iter()
        .map(|(k, v)| (encode(k.as_ref()), encode(v.as_ref())))
        .collect();
    pairs.sort();
    let mut out = String::new();
    for (i, (k, v)) in pairs.iter().enumerate() {
        if i > 0 {
            out.push('&');
        }
        out.push_str(k);
        out.push('=');
        out.push_str(v);
    }
    out
}

/// The canonical URI of a path given as its decoded segments (so that a
/// segment may hold a `/`): `/` + each segment encoded, joined with `/`,
/// + `/`.
pub fn segments_uri(segments: &[&str]) -> String {
    let mut uri = String::from("/");
    for s in segments {
        uri.push_str(&encode(s));
        uri.push('/');
    }
    uri
}

/// The headers that are signed, from the `headers` given: lower-cased and
/// sorted by name, values trimmed. Names containing `_` are left out (the
/// SDKs skip them: gateways drop such headers), and so is `authorization`.
fn signed(headers: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = headers
        .iter()
        .map(|(k, v)| (k.to_ascii_lowercase(), v.trim().to_owned()))
        .filter(|(k, _)| !k.contains('_') && k != "authorization")
        .collect();
    out.sort();
    out
}

/// Lower-case hex SHA-256.
fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// The canonical request of a request. `headers` are those to sign (the
/// `X-Sdk-Date` header among them); `query` is the decoded parameters.
pub fn canonical_request<K: AsRef<str>, V: AsRef<str>>(
    method: &str,
    path: &str,
    query: &[(K, V)],
    headers: &[(&str, &str)],
    body: &[u8],
) -> String {
    canonical_request_for_uri(method, &canonical_uri(path), query, headers, body)
}

/// [`canonical_request`] with the canonical URI already made (by
/// [`canonical_uri`] or [`segments_uri`]).
pub fn canonical_request_for_uri<K: AsRef<str>, V: AsRef<str>>(
    method: &str,
    uri: &str,
    query: &[(K, V)],
    headers: &[(&str, &str)],
    body: &[u8],
) -> String {
    let headers = signed(headers);
    let mut out = String::new();
    out.push_str(&method.to_ascii_uppercase());
    out.push('\n');
    out.push_str(uri);
    out.push('\n');
    out.push_str(&canonical_query(query));
    out.push('\n');
    for (k, v) in &headers {
        out.push_str(k);
        out.push(':');
        out.push_str(v);
        out.push('\n');
    }
    out.push('\n');
    out.push_str(&signed_header_names(&headers));
    out.push('\n');
    // The SDKs' escape hatch for unsigned payloads, honoured when present.
    match headers.iter().find(|(k, _)| k == "x-sdk-content-sha256") {
        Some((_, v)) => out.push_str(v),
        None => out.push_str(&sha256_hex(body)),
    }
    out
}

fn signed_header_names(headers: &[(String, String)]) -> String {
    headers
        .iter()
        .map(|(k, _)| k.as_str())
        .collect::<Vec<_>>()
        .join(";")
}

/// The string to sign: the algorithm, the request time and the hash of the
/// canonical request, on three lines.
pub fn string_to_sign(date: &str, canonical_request: &str) -> String {
    format!(
        "{ALGORITHM}\n{date}\n{}",
        sha256_hex(canonical_request.as_bytes())
    )
}

/// The signature: hex HMAC-SHA256 of `string_to_sign`, keyed with the SK.
pub fn signature(sk: &str, string_to_sign: &str) -> String {
    hex::encode(mac(sk, string_to_sign).finalize().into_bytes())
}

fn mac(sk: &str, string_to_sign: &str) -> Hmac<Sha256> {
    // HMAC takes a key of any length; this cannot fail.
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(sk.as_bytes())
        .unwrap_or_else(|_| unreachable!("HMAC accepts keys of any length"));
    mac.update(string_to_sign.as_bytes());
    mac
}

/// A signed request's `Authorization` header value and its parts.
#[derive(Clone, PartialEq, Eq)]
pub struct Signed {
    /// The whole header value. It holds the signature: never print it.
    pub authorization: String,
    /// The signed header names, `;`-separated.
    pub signed_headers: String,
}

impl std::fmt::Debug for Signed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Signed")
            .field("signed_headers", &self.signed_headers)
            .finish_non_exhaustive()
    }
}

/// Sign a request. `headers` are the headers to sign and must include
/// `X-Sdk-Date` (its value is the date of the string to sign); the caller
/// sends them all, and the returned `Authorization` header, and the query
/// as [`canonical_query`] writes it.
pub fn sign<K: AsRef<str>, V: AsRef<str>>(
    ak: &str,
    sk: &str,
    method: &str,
    path: &str,
    query: &[(K, V)],
    headers: &[(&str, &str)],
    body: &[u8],
) -> Signed {
    sign_uri(ak, sk, method, &canonical_uri(path), query, headers, body)
}

/// [`sign`] with the canonical URI already made ([`segments_uri`]).
pub fn sign_uri<K: AsRef<str>, V: AsRef<str>>(
    ak: &str,
    sk: &str,
    method: &str,
    uri: &str,
    query: &[(K, V)],
    headers: &[(&str, &str)],
    body: &[u8],
) -> Signed {
    let date = headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(DATE_HEADER))
        .map_or("", |(_, v)| v.trim());
    let canonical = canonical_request_for_uri(method, uri, query, headers, body);
    let signature = signature(sk, &string_to_sign(date, &canonical));
    let signed_headers = signed_header_names(&signed(headers));
    Signed {
        authorization: format!(
            "{ALGORITHM} Access={ak}, SignedHeaders={signed_headers}, Signature={signature}"
        ),
        signed_headers,
    }
}

/// The parts of an `Authorization` header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Authorization<'a> {
    /// The AK.
    pub access: &'a str,
    /// The signed header names, lower case.
    pub signed_headers: Vec<&'a str>,
    /// The hex signature.
    pub signature: &'a str,
}

/// Parse an `Authorization` header of this algorithm.
pub fn parse_authorization(value: &str) -> Option<Authorization<'_>> {
    let rest = value.strip_prefix(ALGORITHM)?.strip_prefix(' ')?;
    let mut access = None;
    let mut signed_headers = None;
    let mut signature = None;
    for part in rest.split(", ") {
        let (k, v) = part.split_once('=')?;
        match k {
            "Access" => access = Some(v),
            "SignedHeaders" => signed_headers = Some(v.split(';').collect()),
            "Signature" => signature = Some(v),
            _ => return None,
        }
    }
    Some(Authorization {
        access: access?,
        signed_headers: signed_headers?,
        signature: signature?,
    })
}

/// Why [`verify`] rejected a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VerifyError {
    /// No `Authorization` header, or not of this algorithm's form.
    MalformedAuthorization,
    /// The AK is not the expected one.
    UnknownAccessKey,
    /// A header listed in `SignedHeaders` was not received (or `X-Sdk-Date`
    /// is not signed).
    MissingSignedHeader(String),
    /// The signature does not match.
    SignatureMismatch,
}

/// Check a received request's signature, as the gateway does: `path` and
/// `query` are the raw path and query string received (percent-encoded, the
/// query without `?`), `headers` every header received (names in any case). The AK must be `ak` and the signature the
/// one `sk` gives.
pub fn verify(
    ak: &str,
    sk: &str,
    method: &str,
    path: &str,
    query: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> Result<(), VerifyError> {
    let header = |name: &str| {
        headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| *v)
    };
    let auth = header("authorization")
        .and_then(parse_authorization)
        .ok_or(VerifyError::MalformedAuthorization)?;
    if auth.access != ak {
        return Err(VerifyError::UnknownAccessKey);
    }
    if !auth.signed_headers.contains(&"x-sdk-date") {
        return Err(VerifyError::MissingSignedHeader("x-sdk-date".into()));
    }
    let mut signed_values = Vec::new();
    for name in &auth.signed_headers {
        let value =
            header(name).ok_or_else(|| VerifyError::MissingSignedHeader((*name).to_owned()))?;
        signed_values.push((*name, value));
    }
    let params: Vec<(String, String)> = query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            let decode = |s: &str| percent_decode_str(s).decode_utf8_lossy().into_owned();
            (decode(k), decode(v))
        })
        .collect();
    let date = header(DATE_HEADER).unwrap_or("").trim();
    // Each path segment is decoded before it is canonicalised (as the
    // Python SDK does), so the path is signed as the client meant it.
    let segments: Vec<String> = path
        .split('/')
        .filter(|s| !s.is_empty())
        .map(|s| percent_decode_str(s).decode_utf8_lossy().into_owned())
        .collect();
    let segments: Vec<&str> = segments.iter().map(String::as_str).collect();
    let uri = segments_uri(&segments);
    let canonical = canonical_request_for_uri(method, &uri, &params, &signed_values, body);
    let expected = hex::decode(auth.signature).map_err(|_| VerifyError::SignatureMismatch)?;
    mac(sk, &string_to_sign(date, &canonical))
        .verify_slice(&expected)
        .map_err(|_| VerifyError::SignatureMismatch)
}

#[cfg(test)]
mod tests {
    use super::*;

    const EMPTY: &str = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    const NO_QUERY: &[(&str, &str)] = &[];

    fn hashed(canonical: &str) -> String {
        sha256_hex(canonical.as_bytes())
    }

    #[test]
    fn sdk_canonical_query_vector() {
        // Go TestSigner_canonicalQueryString and Python
        // test_process_canonical_query_string.
        let q = [
            ("limit", "1"),
            ("enable", "true"),
            ("test", "一 (&=?!#%.*)"),
            ("path", "/tmp/123"),
            ("multi", "3"),
            ("multi", "1"),
            ("multi", "2"),
        ];
        assert_eq!(
            canonical_query(&q),
            "enable=true&limit=1&multi=1&multi=2&multi=3&path=%2Ftmp%2F123&test=%E4%B8%80%20%28%26%3D%3F%21%23%25.%2A%29"
        );
        assert_eq!(canonical_query(&[("parm2", "")]), "parm2=");
        assert_eq!(canonical_query(NO_QUERY), "");
        assert_eq!(canonical_query(&[("b", "x"), ("B", "y")]), "B=y&b=x");
    }

    #[test]
    fn uris() {
        assert_eq!(canonical_uri(""), "/");
        assert_eq!(canonical_uri("/"), "/");
        assert_eq!(
            canonical_uri("/v1/job/script/orders"),
            "/v1/job/script/orders/"
        );
        assert_eq!(canonical_uri("/a b/c"), "/a%20b/c/");
        assert_eq!(canonical_uri("/x/"), "/x/");
        assert_eq!(segments_uri(&["v1", "a/b", ""]), "/v1/a%2Fb//");
        assert_eq!(segments_uri(&[]), "/");
    }

    #[test]
    fn v1_go_test1() {
        let headers = [
            ("X-Sdk-Date", "20060102T150405Z"),
            ("TEST_UNDERSCORE", "TEST_VALUE"),
        ];
        let canonical = canonical_request("GET", "/path", &[("limit", "1")], &headers, b"");
        assert_eq!(
            canonical,
            format!("GET\n/path/\nlimit=1\nx-sdk-date:20060102T150405Z\n\nx-sdk-date\n{EMPTY}")
        );
        assert_eq!(
            hashed(&canonical),
            "85c3b7730f308aee452b16138a42a914397e43a8f0d732dfa521c0ef2afa98a4"
        );
        let s = sign(
            "AccessKey",
            "SecretKey",
            "GET",
            "/path",
            &[("limit", "1")],
            &headers,
            b"",
        );
        assert_eq!(s.authorization, "SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=x-sdk-date, Signature=5a2ce64c865e0e6046321c6f3d5a77ba8413eeaf355c3166c03d58d02ac79624");
    }

    #[test]
    fn v2_go_test2() {
        let body = b"{\"Name\":\"test\",\"Id\":1}\n";
        assert_eq!(
            sha256_hex(body),
            "a29d7b4c5efd1a22011d69fd7b7aee76fe51e4083c609244228de258afd61289"
        );
        let headers = [("X-Sdk-Date", "20060102T150405Z")];
        let q = [("key", "value")];
        let canonical = canonical_request("POST", "/path", &q, &headers, body);
        assert_eq!(
            hashed(&canonical),
            "13f75ff5f5216199f986c7e7f2f77834d5e160ad9e46f37319816dc72ba7eeab"
        );
        let s = sign(
            "AccessKey",
            "SecretKey",
            "POST",
            "/path",
            &q,
            &headers,
            body,
        );
        assert_eq!(s.authorization, "SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=x-sdk-date, Signature=cecc2af119b18ab70b4d094c0750f3b42c02f254903179a0fc2cc72fc9db4f59");
    }

    const V34_HEADERS: [(&str, &str); 2] = [
        ("Host", "service.endpoint.myhuaweicloud.com"),
        ("X-Sdk-Date", "20200608T023900Z"),
    ];

    #[test]
    fn v3_python_signer1() {
        let q = [("size", "1")];
        let canonical = canonical_request("GET", "/resources", &q, &V34_HEADERS, b"");
        assert_eq!(
            hashed(&canonical),
            "de94dd1e1ccdb730b403ce35d7e14f7c7b04337f6def1c3a3a2ba936852b133f"
        );
        let s = sign(
            "AccessKey",
            "SecretKey",
            "GET",
            "/resources",
            &q,
            &V34_HEADERS,
            b"",
        );
        assert_eq!(s.authorization, "SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=host;x-sdk-date, Signature=cfb4171acec81de07d50e53d57eb77edd537414d66ddb1d7d780f128e12cd842");
    }

    #[test]
    fn v4_python_signer2() {
        let q = [("size", "1")];
        let body = br#"{"name":"test","id":1}"#;
        let canonical = canonical_request("POST", "/resources", &q, &V34_HEADERS, body);
        assert_eq!(
            hashed(&canonical),
            "2b1b2515e48cb55e043ff2ec5b93d3f13ec287e1da1d7a2e4e14b0611a341969"
        );
        let s = sign(
            "AccessKey",
            "SecretKey",
            "POST",
            "/resources",
            &q,
            &V34_HEADERS,
            body,
        );
        assert_eq!(s.authorization, "SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=host;x-sdk-date, Signature=436b1ac0a1ae03705934bb70ef2f2e09f7bfed2117d731a38235053199323a1f");
    }

    #[test]
    fn v5_signing_guide_and_java() {
        let path = "/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs";
        let q = [
            ("limit", "2"),
            ("marker", "13551d6b-755d-4757-b956-536f674975c0"),
        ];
        let headers = [
            ("Content-Type", "application/json"),
            ("Host", "service.region.example.com"),
            ("X-Sdk-Date", "20191115T033655Z"),
        ];
        let canonical = canonical_request("GET", path, &q, &headers, b"");
        assert_eq!(
            canonical,
            format!(
                "GET\n/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs/\nlimit=2&marker=13551d6b-755d-4757-b956-536f674975c0\ncontent-type:application/json\nhost:service.region.example.com\nx-sdk-date:20191115T033655Z\n\ncontent-type;host;x-sdk-date\n{EMPTY}"
            )
        );
        assert_eq!(
            hashed(&canonical),
            "b25362e603ee30f4f25e7858e8a7160fd36e803bb2dfe206278659d71a9bcd7a"
        );
        let s = sign(
            "QTWAOYTTINDUT2QVKYUC",
            "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc",
            "GET",
            path,
            &q,
            &headers,
            b"",
        );
        assert_eq!(s.authorization, "SDK-HMAC-SHA256 Access=QTWAOYTTINDUT2QVKYUC, SignedHeaders=content-type;host;x-sdk-date, Signature=7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe");
    }

    const AK: &str = "HWEXAMPLEAK0000000001";
    const SK: &str = "hwExampleSecretKey0000000000000000000000";
    const DATE: &str = "20250102T030405Z";

    #[test]
    fn coc_a_list() {
        let q = [
            ("status", "FINISHED"),
            ("limit", "100"),
            ("creator", "zhang san"),
            ("marker", "23"),
        ];
        let headers = [
            ("Host", "coc.myhuaweicloud.com"),
            ("X-Sdk-Date", DATE),
            ("X-Project-Id", "0123456789abcdef0123456789abcdef"),
        ];
        let canonical = canonical_request("GET", "/v1/job/script/orders", &q, &headers, b"");
        assert_eq!(
            canonical,
            format!("GET\n/v1/job/script/orders/\ncreator=zhang%20san&limit=100&marker=23&status=FINISHED\nhost:coc.myhuaweicloud.com\nx-project-id:0123456789abcdef0123456789abcdef\nx-sdk-date:20250102T030405Z\n\nhost;x-project-id;x-sdk-date\n{EMPTY}")
        );
        assert_eq!(
            string_to_sign(DATE, &canonical),
            "SDK-HMAC-SHA256\n20250102T030405Z\n4189ba86be21581c53c6813a1214650abcda3f125f00ae753be395d764bde53c"
        );
        let s = sign(AK, SK, "GET", "/v1/job/script/orders", &q, &headers, b"");
        assert_eq!(s.authorization, "SDK-HMAC-SHA256 Access=HWEXAMPLEAK0000000001, SignedHeaders=host;x-project-id;x-sdk-date, Signature=0f02fb1beea43e817a3831e843d64aa9d49588060d63190316da2cb27ee77bac");
        // The URL actually sent.
        assert_eq!(
            canonical_query(&q),
            "creator=zhang%20san&limit=100&marker=23&status=FINISHED"
        );
    }

    #[test]
    fn coc_b_show() {
        let path = "/v1/job/script/orders/SCT2023083109562601af694bf";
        let headers = [("Host", "coc.myhuaweicloud.com"), ("X-Sdk-Date", DATE)];
        let canonical = canonical_request("GET", path, NO_QUERY, &headers, b"");
        assert_eq!(canonical, format!("GET\n/v1/job/script/orders/SCT2023083109562601af694bf/\n\nhost:coc.myhuaweicloud.com\nx-sdk-date:20250102T030405Z\n\nhost;x-sdk-date\n{EMPTY}"));
        assert!(string_to_sign(DATE, &canonical)
            .ends_with("f46b515e7fb030051b2b6e59802d3b69bae248dab41bf7c8eae5b16c41370090"));
        let s = sign(AK, SK, "GET", path, NO_QUERY, &headers, b"");
        assert_eq!(s.authorization, "SDK-HMAC-SHA256 Access=HWEXAMPLEAK0000000001, SignedHeaders=host;x-sdk-date, Signature=7fff7fec3b588b06839bfa655aa3cf649791663622046c1bb89e3874d9269524");
    }

    #[test]
    fn coc_c_temporary_global() {
        let q = [("limit", "10")];
        let headers = [
            ("Host", "coc-intl.myhuaweicloud.com"),
            ("X-Sdk-Date", DATE),
            ("X-Domain-Id", "fedcba9876543210fedcba9876543210"),
            ("X-Security-Token", "  tok3n-example  "),
        ];
        let canonical = canonical_request("GET", "/v1/job/script/orders", &q, &headers, b"");
        assert!(canonical.contains("\nhost:coc-intl.myhuaweicloud.com\nx-domain-id:fedcba9876543210fedcba9876543210\nx-sdk-date:20250102T030405Z\nx-security-token:tok3n-example\n\n"));
        assert_eq!(
            hashed(&canonical),
            "3e6a083a094f392cbc8e3b654bd4917fcabf6d3387652ee415795d61a87fdcd5"
        );
        let s = sign(AK, SK, "GET", "/v1/job/script/orders", &q, &headers, b"");
        assert_eq!(s.authorization, "SDK-HMAC-SHA256 Access=HWEXAMPLEAK0000000001, SignedHeaders=host;x-domain-id;x-sdk-date;x-security-token, Signature=87bc57ab0a04b8cb569e3d24665bd0e7bb7385b51471606953efa7adf2fbd4f7");
    }

    #[test]
    fn trimming_and_underscores() {
        let a = canonical_request(
            "GET",
            "/",
            NO_QUERY,
            &[("X-Sdk-Date", " 1 "), ("A_B", "x")],
            b"",
        );
        assert_eq!(a, format!("GET\n/\n\nx-sdk-date:1\n\nx-sdk-date\n{EMPTY}"));
    }

    #[test]
    fn verify_round_trip_and_tampering() {
        let q = [("creator", "zhang san"), ("limit", "100")];
        let headers = [("Host", "127.0.0.1:8080"), ("X-Sdk-Date", DATE)];
        let s = sign(AK, SK, "GET", "/v1/job/script/orders", &q, &headers, b"");
        let sent = canonical_query(&q);
        let mut received: Vec<(&str, &str)> = headers.to_vec();
        received.push(("Authorization", &s.authorization));
        let ok = verify(
            AK,
            SK,
            "GET",
            "/v1/job/script/orders",
            &sent,
            &received,
            b"",
        );
        assert_eq!(ok, Ok(()));
        let wrong = verify(
            AK,
            "other",
            "GET",
            "/v1/job/script/orders",
            &sent,
            &received,
            b"",
        );
        assert_eq!(wrong, Err(VerifyError::SignatureMismatch));
        let wrong = verify(
            AK,
            SK,
            "GET",
            "/v1/job/script/orders",
            "limit=99",
            &received,
            b"",
        );
        assert_eq!(wrong, Err(VerifyError::SignatureMismatch));
        let wrong = verify(
            "AK2",
            SK,
            "GET",
            "/v1/job/script/orders",
            &sent,
            &received,
            b"",
        );
        assert_eq!(wrong, Err(VerifyError::UnknownAccessKey));
        let missing = verify(AK, SK, "GET", "/", &sent, &received[..1], b"");
        assert_eq!(missing, Err(VerifyError::MalformedAuthorization));
        assert!(format!("{s:?}").find(&s.authorization).is_none());
    }

    #[test]
    fn parses_authorization() {
        let a = parse_authorization(
            "SDK-HMAC-SHA256 Access=A, SignedHeaders=host;x-sdk-date, Signature=ab",
        );
        assert_eq!(
            a,
            Some(Authorization {
                access: "A",
                signed_headers: vec!["host", "x-sdk-date"],
                signature: "ab"
            })
        );
        assert_eq!(parse_authorization("Bearer x"), None);
        assert_eq!(parse_authorization("SDK-HMAC-SHA256 Access=A"), None);
    }
}
