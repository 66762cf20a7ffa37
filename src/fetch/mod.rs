//! Capturing tickets from the COC API (behind the `fetch` feature): one
//! ticket by its execute_uuid (`GET /v1/job/script/orders/{execute_uuid}`)
//! or every ticket of a filtered list (`GET /v1/job/script/orders`, page by
//! page), authenticated by AK/SK request signing ([`signer`]) or an IAM
//! token ([`credentials`]).
//!
//! The HTTP client is `ureq` with rustls (no OpenSSL): blocking, small,
//! quick to start. Redirects are not followed (a redirect would carry the
//! signed headers or the token elsewhere), no proxy is used for loopback
//! addresses, and responses are read exactly as received (no compression is
//! asked for), so a saved body is byte for byte what the API sent.
//!
//! Errors: 401 and 403 are never retried (the gateway locks an AK after
//! five failed attempts in a row); 429 and 5xx are retried a bounded number
//! of times, with exponential backoff and jitter, honouring `Retry-After`.
//! No message holds a secret: the SK, tokens and signatures are scrubbed
//! from anything the server sent back before it is shown.

pub mod credentials;
pub mod endpoint;
pub mod save;
pub mod signer;
pub mod time;

use std::time::{Duration, Instant, SystemTime};

pub use credentials::{Auth, Credentials, Secret};
pub use endpoint::Endpoint;

/// The documented bounds of an execute_uuid (`minLength 1, maxLength 26`).
pub const UUID_MAX_CHARS: usize = 26;

/// Check an execute_uuid before any request: 1 to 26 characters, and no
/// control character (it could never be one, and would be shown).
pub fn validate_uuid(uuid: &str) -> Result<(), String> {
    let n = uuid.chars().count();
    if n == 0 {
        return Err("an execute_uuid cannot be empty (it is 1 to 26 characters)".into());
    }
    if n > UUID_MAX_CHARS {
        return Err(format!(
            "execute_uuid `{}` is {n} characters long, but it must be 1 to 26 characters \
             (e.g. SCT2023083109562601af694bf)",
            crate::escape::escape(uuid)
        ));
    }
    if uuid.chars().any(char::is_control) {
        return Err(format!(
            "execute_uuid `{}` holds a control character",
            crate::escape::escape(uuid)
        ));
    }
    Ok(())
}

/// How a [`Client`] talks to the API.
#[derive(Debug, Clone)]
pub struct FetchOptions {
    /// Longest wait for a connection.
    pub connect_timeout: Duration,
    /// Longest wait for the response, and for the rest of its body.
    pub read_timeout: Duration,
    /// How many times a 429 or 5xx answer is retried (after the first try).
    pub retries: u32,
    /// The first backoff delay; each retry doubles it (up to
    /// [`FetchOptions::max_backoff`]), and jitter takes it to between half
    /// and all of that.
    pub backoff: Duration,
    /// The longest wait between two tries, `Retry-After` included.
    pub max_backoff: Duration,
    /// `X-Language`: `en-us` or `zh-cn`.
    pub language: Option<String>,
    /// Largest response body read, in bytes.
    pub max_body: u64,
}

impl Default for FetchOptions {
    fn default() -> Self {
        FetchOptions {
            connect_timeout: Duration::from_secs(10),
            read_timeout: Duration::from_secs(30),
            retries: 3,
            backoff: Duration::from_millis(500),
            max_backoff: Duration::from_secs(60),
            language: None,
            max_body: 64 * 1024 * 1024,
        }
    }
}

/// A failed request, worded for people; it holds no secret.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FetchError {
    /// The HTTP status, when the server answered.
    pub status: Option<u16>,
    /// What went wrong, and what to do about it.
    pub message: String,
}

impl std::fmt::Display for FetchError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for FetchError {}

/// The filters of a ticket list (`GET /v1/job/script/orders`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListQuery {
    /// `status`: PROCESSING, ABNORMAL, PAUSED, CANCELED or FINISHED.
    pub status: Option<String>,
    /// `creator`: 1 to 64 characters.
    pub creator: Option<String>,
    /// `start_time`, epoch seconds.
    pub since: Option<i64>,
    /// `end_time`, epoch seconds.
    pub until: Option<i64>,
    /// At most this many tickets in all.
    pub max: Option<usize>,
}

/// The statuses a list can be filtered by (the list filter has no READY).
pub const LIST_STATUSES: &[&str] = &["PROCESSING", "ABNORMAL", "PAUSED", "CANCELED", "FINISHED"];

/// The largest page the API returns.
pub const MAX_PAGE: usize = 100;

/// One row of a ticket list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listed {
    /// Its execute_uuid.
    pub execute_uuid: String,
    /// Its `order_id`, the marker of the next page.
    pub order_id: Option<i64>,
}

/// What a list walk found, and the fault that ended it early, if any.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListOutcome {
    /// Every ticket listed, in order, without repeats.
    pub tickets: Vec<Listed>,
    /// How many pages were read.
    pub pages: usize,
    /// Why the walk stopped before the end.
    pub error: Option<FetchError>,
}

type Log = Box<dyn Fn(&str) + Send + Sync>;

/// A COC API client. Build it once; it keeps connections alive.
pub struct Client {
    agent: ureq::Agent,
    endpoint: Endpoint,
    credentials: Credentials,
    options: FetchOptions,
    log: Option<Log>,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client")
            .field("endpoint", &self.endpoint)
            .field("credentials", &self.credentials)
            .field("options", &self.options)
            .finish_non_exhaustive()
    }
}

/// A response as received.
struct Received {
    status: u16,
    body: Vec<u8>,
    retry_after: Option<String>,
    request_id: Option<String>,
    /// The `Authorization` header this try sent (a secret: only to scrub
    /// it from what the server sent back).
    signature: String,
}

impl Client {
    /// A client of `endpoint` with `credentials`.
    pub fn new(endpoint: Endpoint, credentials: Credentials, options: FetchOptions) -> Client {
        let mut config = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(0)
            .user_agent(concat!("coc-lint/", env!("CARGO_PKG_VERSION")))
            .timeout_connect(Some(options.connect_timeout))
            .timeout_recv_response(Some(options.read_timeout))
            .timeout_recv_body(Some(options.read_timeout));
        if endpoint.loopback {
            config = config.proxy(None);
        }
        Client {
            agent: config.build().into(),
            endpoint,
            credentials,
            options,
            log: None,
        }
    }

    /// Log each request, answer and retry through `log` (`--verbose`): the
    /// method, URL, signed header names, status, size and time, never a
    /// secret.
    pub fn with_log(mut self, log: Log) -> Client {
        self.log = Some(log);
        self
    }

    fn note(&self, message: &str) {
        if let Some(log) = &self.log {
            log(message);
        }
    }

    /// The endpoint.
    pub fn endpoint(&self) -> &Endpoint {
        &self.endpoint
    }

    /// Fetch one ticket's response body, exactly as received.
    pub fn ticket(&self, uuid: &str) -> Result<Vec<u8>, FetchError> {
        validate_uuid(uuid).map_err(|message| FetchError {
            status: None,
            message,
        })?;
        let what = format!("ticket {}", crate::escape::escape(uuid));
        let segments = ["v1", "job", "script", "orders", uuid];
        let received = self.get(&segments, &[], &what)?;
        match received.status {
            200..=299 => Ok(received.body),
            _ => Err(self.failure(&what, &received, Some(uuid))),
        }
    }

    /// One page of the ticket list: the rows and the raw body.
    pub fn list_page(
        &self,
        query: &ListQuery,
        marker: Option<i64>,
        limit: usize,
    ) -> Result<Vec<Listed>, FetchError> {
        let mut params: Vec<(&str, String)> = vec![("limit", limit.clamp(1, MAX_PAGE).to_string())];
        if let Some(m) = marker {
            params.push(("marker", m.to_string()));
        }
        if let Some(s) = &query.status {
            params.push(("status", s.clone()));
        }
        if let Some(c) = &query.creator {
            params.push(("creator", c.clone()));
        }
        if let Some(t) = query.since {
            params.push(("start_time", t.to_string()));
        }
        if let Some(t) = query.until {
            params.push(("end_time", t.to_string()));
        }
        let what = match marker {
            Some(m) => format!("the ticket list (page after order_id {m})"),
            None => "the ticket list (first page)".to_owned(),
        };
        let received = self.get(&["v1", "job", "script", "orders"], &params, &what)?;
        if !(200..=299).contains(&received.status) {
            return Err(self.failure(&what, &received, None));
        }
        parse_page(&received.body).map_err(|m| FetchError {
            status: Some(received.status),
            message: format!("{what}: {m}"),
        })
    }

    /// Walk the ticket list page by page: `limit` up to 100, `marker` the
    /// `order_id` of the previous page's last row, until a page comes back
    /// empty (as the Terraform provider, the one public client that pages,
    /// does) or `query.max` tickets are listed. A page whose last
    /// `order_id` is missing or does not move on ends the walk with an
    /// error rather than loop.
    pub fn list(&self, query: &ListQuery, mut on_page: impl FnMut(usize)) -> ListOutcome {
        let mut out = ListOutcome::default();
        let mut seen = std::collections::HashSet::new();
        let mut marker = None;
        loop {
            let want = match query.max {
                Some(max) if out.tickets.len() >= max => return out,
                Some(max) => (max - out.tickets.len()).min(MAX_PAGE),
                None => MAX_PAGE,
            };
            let rows = match self.list_page(query, marker, want) {
                Ok(rows) => rows,
                Err(e) => {
                    out.error = Some(e);
                    return out;
                }
            };
            out.pages += 1;
            if rows.is_empty() {
                return out;
            }
            let last = rows.last().and_then(|r| r.order_id);
            for row in rows {
                if query.max.is_some_and(|max| out.tickets.len() >= max) {
                    break;
                }
                if seen.insert(row.execute_uuid.clone()) {
                    out.tickets.push(row);
                }
            }
            on_page(out.tickets.len());
            match last {
                Some(next) if marker.is_none_or(|m| next != m) => marker = Some(next),
                _ => {
                    if query.max.is_some_and(|max| out.tickets.len() >= max) {
                        return out;
                    }
                    out.error = Some(FetchError {
                        status: None,
                        message: format!(
                            "the ticket list: page {} ends without a new order_id to page on \
                             from; stopped after {} tickets",
                            out.pages,
                            out.tickets.len()
                        ),
                    });
                    return out;
                }
            }
        }
    }

    /// Send a GET (signed, or with the token), retrying 429 and 5xx.
    fn get(
        &self,
        segments: &[&str],
        params: &[(&str, String)],
        what: &str,
    ) -> Result<Received, FetchError> {
        let mut all: Vec<&str> = self.endpoint.prefix.iter().map(String::as_str).collect();
        all.extend_from_slice(segments);
        let query = signer::canonical_query(params);
        let mut path = String::new();
        for s in &all {
            path.push('/');
            // A uuid `.` or `..` would be a dot segment, which URL
            // normalisation removes: its dots are sent encoded (the server
            // decodes them, and the signature is of the decoded segment).
            match *s {
                "." => path.push_str("%2E"),
                ".." => path.push_str("%2E%2E"),
                s => path.push_str(&signer::encode(s)),
            }
        }
        let url = if query.is_empty() {
            format!("{}{path}", self.endpoint.origin)
        } else {
            format!("{}{path}?{query}", self.endpoint.origin)
        };
        let mut attempt = 0u32;
        loop {
            attempt += 1;
            let started = Instant::now();
            let result = self.send(&url, &all, params);
            let received = match result {
                Ok(r) => r,
                Err(message) => {
                    self.note(&format!(
                        "GET {} failed: {message}",
                        crate::escape::escape(&url)
                    ));
                    return Err(FetchError {
                        status: None,
                        message: format!("{what}: {message}"),
                    });
                }
            };
            self.note(&format!(
                "GET {} -> {} ({} bytes, {:.2} s{})",
                crate::escape::escape(&url),
                received.status,
                received.body.len(),
                started.elapsed().as_secs_f64(),
                received
                    .request_id
                    .as_deref()
                    .map(|id| format!(", request id {}", crate::escape::escape(id)))
                    .unwrap_or_default()
            ));
            let retryable = received.status == 429 || (500..=599).contains(&received.status);
            if !retryable || attempt > self.options.retries {
                return Ok(received);
            }
            let delay = self.delay(attempt, received.retry_after.as_deref());
            self.note(&format!(
                "HTTP {}: retrying in {:.1} s (retry {attempt} of {})",
                received.status,
                delay.as_secs_f64(),
                self.options.retries
            ));
            std::thread::sleep(delay);
        }
    }

    /// The wait before retry `attempt` (1-based): `Retry-After` when the
    /// server sent one, else exponential backoff with jitter; never more
    /// than `max_backoff`.
    fn delay(&self, attempt: u32, retry_after: Option<&str>) -> Duration {
        if let Some(d) = retry_after.and_then(|v| time::retry_after(v, SystemTime::now())) {
            return d.min(self.options.max_backoff);
        }
        let full = self
            .options
            .backoff
            .saturating_mul(1u32 << (attempt - 1).min(16))
            .min(self.options.max_backoff);
        // Jitter between half and all of it, so that many clients do not
        // come back at the same instant.
        let half = full / 2;
        half + half.mul_f64(fastrand::f64())
    }

    /// One try.
    fn send(
        &self,
        url: &str,
        segments: &[&str],
        params: &[(&str, String)],
    ) -> Result<Received, String> {
        let date = time::sdk_date(SystemTime::now());
        let mut headers: Vec<(&str, &str)> = vec![("Host", self.endpoint.host.as_str())];
        let c = &self.credentials;
        if let Some(p) = &c.project_id {
            headers.push(("X-Project-Id", p));
        }
        if let Some(d) = &c.domain_id {
            headers.push(("X-Domain-Id", d));
        }
        if let Some(l) = &self.options.language {
            headers.push(("X-Language", l));
        }
        let mut request = self.agent.get(url);
        let signature;
        match &c.auth {
            Auth::AkSk {
                ak,
                sk,
                security_token,
            } => {
                headers.push((signer::DATE_HEADER, &date));
                if let Some(t) = security_token {
                    headers.push(("X-Security-Token", t.expose()));
                }
                let uri = signer::segments_uri(segments);
                let signed = signer::sign_uri(ak, sk.expose(), "GET", &uri, params, &headers, b"");
                self.note(&format!(
                    "signing with AK {} (SignedHeaders={}, X-Sdk-Date {date})",
                    crate::escape::escape(ak),
                    signed.signed_headers
                ));
                signature = signed.authorization;
                request = request.header("Authorization", &signature);
            }
            Auth::Token(token) => {
                signature = String::new();
                headers.push(("X-Auth-Token", token.expose()));
            }
        }
        for (k, v) in &headers {
            request = request.header(*k, *v);
        }
        let mut response = match request.call() {
            Ok(r) => r,
            Err(e) => {
                return Err(self.scrub(
                    &transport_message(&e, self.options.connect_timeout, self.options.read_timeout),
                    &signature,
                ))
            }
        };
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned)
        };
        let retry_after = header("retry-after");
        let request_id = header("x-request-id");
        let status = response.status().as_u16();
        let body = response
            .body_mut()
            .with_config()
            .limit(self.options.max_body)
            .read_to_vec()
            .map_err(|e| match e {
                ureq::Error::BodyExceedsLimit(n) => format!(
                    "HTTP {status}: the response body is larger than the limit of {n} bytes \
                     (--max-file-size)"
                ),
                e => format!(
                    "HTTP {status}: the response body could not be read whole ({}); nothing \
                     was saved or linted",
                    transport_message(&e, self.options.connect_timeout, self.options.read_timeout)
                ),
            })
            .map_err(|m| self.scrub(&m, &signature))?;
        Ok(Received {
            status,
            body,
            retry_after,
            request_id,
            signature,
        })
    }

    /// `text` with every secret of this client (and `signature`) replaced
    /// by `****`: the server may echo a header back.
    fn scrub(&self, text: &str, signature: &str) -> String {
        let mut secrets: Vec<&str> = Vec::new();
        match &self.credentials.auth {
            Auth::AkSk {
                sk, security_token, ..
            } => {
                secrets.push(sk.expose());
                if let Some(t) = security_token {
                    secrets.push(t.expose());
                }
            }
            Auth::Token(t) => secrets.push(t.expose()),
        }
        if !signature.is_empty() {
            secrets.push(signature);
            // The bare hex signature, after `Signature=`.
            if let Some((_, hex)) = signature.rsplit_once("Signature=") {
                secrets.push(hex);
            }
        }
        let mut out = text.to_owned();
        for s in secrets.into_iter().filter(|s| !s.is_empty()) {
            out = out.replace(s, "****");
        }
        out
    }

    /// The error for a non-2xx answer: the status, the API's error body
    /// (`error_code`, `error_msg`, `request_id`), and what it means.
    fn failure(&self, what: &str, received: &Received, uuid: Option<&str>) -> FetchError {
        let status = received.status;
        let api = ApiError::parse(&received.body);
        let mut message = format!("{what}: HTTP {status} {}", reason(status));
        let detail = api.describe(received.request_id.as_deref());
        if !detail.is_empty() {
            message.push_str(": ");
            message.push_str(&detail);
        }
        let hint = match status {
            401 => Some(unauthorized_hint(&api, &self.credentials.auth)),
            403 => Some(
                "the credentials are valid but not allowed this: the IAM user needs the \
                 coc:job:get permission (and coc:job:list for --list), and X-Project-Id / \
                 X-Domain-Id must name a project or account it belongs to; not retried"
                    .to_owned(),
            ),
            404 if api
                .code
                .as_deref()
                .is_some_and(|c| c.ends_with(".0101") && c.starts_with("APIG")) =>
            {
                Some("this host has no such API: is the endpoint COC's?".to_owned())
            }
            404 => Some(match uuid {
                Some(u) => format!("no ticket has execute_uuid {}", crate::escape::escape(u)),
                None => "the endpoint has no ticket-list API: is it COC's?".to_owned(),
            }),
            429 => Some(format!(
                "throttled; gave up after {} retries",
                self.options.retries
            )),
            500..=599 => Some(format!(
                "the service failed; gave up after {} retries",
                self.options.retries
            )),
            _ => None,
        };
        if let Some(h) = hint {
            message.push_str("; ");
            message.push_str(&h);
        }
        FetchError {
            status: Some(status),
            message: self.scrub(&message, &received.signature),
        }
    }
}

/// A transport failure in words, timeouts named with the limit passed.
fn transport_message(e: &ureq::Error, connect: Duration, read: Duration) -> String {
    match e {
        ureq::Error::Timeout(t) => {
            let which = format!("{t}");
            let limit = if which.contains("connect") || which.contains("resolve") {
                format!("--connect-timeout {}s", connect.as_secs_f64())
            } else {
                format!("--timeout {}s", read.as_secs_f64())
            };
            format!("timed out ({which}; limit {limit})")
        }
        ureq::Error::HostNotFound => "host not found (DNS)".to_owned(),
        ureq::Error::ConnectionFailed => "could not connect".to_owned(),
        ureq::Error::Io(io) => format!("connection error: {io}"),
        e => format!("{e}"),
    }
}

/// The reason phrase of the statuses the API documents.
fn reason(status: u16) -> &'static str {
    match status {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        413 => "Payload Too Large",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "",
    }
}

/// The API's error body: `{"error_code", "error_msg", "request_id"}`, or
/// `{"error": {"code", "message"}}`, or text.
#[derive(Debug, Default, PartialEq, Eq)]
struct ApiError {
    code: Option<String>,
    message: Option<String>,
    request_id: Option<String>,
    text: Option<String>,
}

impl ApiError {
    fn parse(body: &[u8]) -> ApiError {
        let field = |v: &serde_json::Value, k: &str| {
            v.get(k).and_then(|x| match x {
                serde_json::Value::String(s) => Some(s.clone()),
                serde_json::Value::Null => None,
                other => Some(other.to_string()),
            })
        };
        if let Ok(v) = serde_json::from_slice::<serde_json::Value>(body) {
            let inner = v.get("error").filter(|e| e.is_object());
            let e = ApiError {
                code: field(&v, "error_code").or_else(|| inner.and_then(|i| field(i, "code"))),
                message: field(&v, "error_msg")
                    .or_else(|| inner.and_then(|i| field(i, "message")))
                    .or_else(|| field(&v, "encoded_authorization_message")),
                request_id: field(&v, "request_id"),
                text: None,
            };
            if e.code.is_some() || e.message.is_some() {
                return e;
            }
        }
        let text = String::from_utf8_lossy(body).trim().to_owned();
        ApiError {
            text: (!text.is_empty()).then_some(text),
            ..ApiError::default()
        }
    }

    /// `error_code X, error_msg "Y", request_id Z`, escaped and cut to a
    /// readable length.
    fn describe(&self, header_request_id: Option<&str>) -> String {
        let mut parts = Vec::new();
        if let Some(c) = &self.code {
            parts.push(format!("error_code {}", shown(c)));
        }
        if let Some(m) = &self.message {
            parts.push(format!("error_msg \"{}\"", shown(m)));
        }
        if let Some(t) = &self.text {
            parts.push(format!("body \"{}\"", shown(t)));
        }
        if let Some(r) = self.request_id.as_deref().or(header_request_id) {
            parts.push(format!("request_id {}", shown(r)));
        }
        parts.join(", ")
    }
}

/// Server text made safe to print and cut to 500 characters.
fn shown(s: &str) -> String {
    let cut: String = s.chars().take(500).collect();
    let mut out = crate::escape::escape(&cut).into_owned();
    if cut.len() < s.len() {
        out.push('…');
    }
    out
}

/// What a 401 means, from the gateway's detail text.
fn unauthorized_hint(api: &ApiError, auth: &Auth) -> String {
    let text = format!(
        "{} {}",
        api.message.as_deref().unwrap_or(""),
        api.text.as_deref().unwrap_or("")
    )
    .to_ascii_lowercase();
    let cause = if text.contains("signature expired")
        || text.contains("time") && text.contains("expired")
    {
        "the request time is too far from the gateway's: this machine's clock must be within 15 \
         minutes of UTC"
    } else if text.contains("verify aksk signature fail") || text.contains("signature") {
        "the signature does not match: check HUAWEICLOUD_SDK_SK, and that nothing between here \
         and the gateway rewrites the request"
    } else if text.contains("ak not exist") {
        "the AK is unknown: check HUAWEICLOUD_SDK_AK"
    } else if text.contains("reach the limit") {
        "the AK is locked after repeated failures; wait 5 minutes"
    } else if text.contains("token expire") {
        "the IAM token has expired (tokens last 24 hours); get a new one"
    } else if text.contains("token") {
        "the IAM token is missing or invalid"
    } else {
        match auth {
            Auth::AkSk { .. } => {
                "AK/SK authentication failed: check the keys (a temporary AK needs \
                 HUAWEICLOUD_SDK_SECURITY_TOKEN) and that this machine's clock is within 15 \
                 minutes of UTC"
            }
            Auth::Token(_) => {
                "the IAM token is missing, invalid or expired (tokens last 24 hours; COC needs a \
                 project-scoped token)"
            }
        }
    };
    format!("{cause}; not retried, since the gateway locks an AK after five failures in a row")
}

/// The rows of a list page: `{"data": {"total", "data": [{"execute_uuid",
/// "order_id", ...}]}}`.
fn parse_page(body: &[u8]) -> Result<Vec<Listed>, String> {
    let v: serde_json::Value =
        serde_json::from_slice(body).map_err(|e| format!("the page is not JSON ({e})"))?;
    let rows = v
        .get("data")
        .and_then(|d| d.get("data"))
        .ok_or("the page has no `data.data` array")?;
    let rows = match rows {
        serde_json::Value::Array(rows) => rows,
        serde_json::Value::Null => return Ok(Vec::new()),
        _ => return Err("`data.data` is not an array".into()),
    };
    let mut out = Vec::with_capacity(rows.len());
    for (i, row) in rows.iter().enumerate() {
        let uuid = row
            .get("execute_uuid")
            .and_then(|u| u.as_str())
            .ok_or_else(|| format!("row {i} of the page has no string `execute_uuid`"))?;
        out.push(Listed {
            execute_uuid: uuid.to_owned(),
            order_id: row.get("order_id").and_then(serde_json::Value::as_i64),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uuids() {
        assert!(validate_uuid("SCT2023083109562601af694bf").is_ok());
        assert!(validate_uuid("").is_err());
        assert!(validate_uuid("SCT2023083109562601af694bfX").is_err());
        assert!(validate_uuid("a\nb").is_err());
        assert!(validate_uuid("工单").is_ok());
    }

    #[test]
    fn api_errors() {
        let e = ApiError::parse(br#"{"error_code":"APIGW.0301","error_msg":"Incorrect IAM authentication information: verify aksk signature fail","request_id":"r1"}"#);
        assert_eq!(e.code.as_deref(), Some("APIGW.0301"));
        assert_eq!(
            e.describe(None),
            "error_code APIGW.0301, error_msg \"Incorrect IAM authentication information: verify aksk signature fail\", request_id r1"
        );
        let e = ApiError::parse(br#"{"error":{"code":"X","message":"m"}}"#);
        assert_eq!(
            e.describe(Some("h")),
            "error_code X, error_msg \"m\", request_id h"
        );
        let e = ApiError::parse(b"<html>bad gateway\x1b[31m</html>");
        assert_eq!(
            e.describe(None),
            "body \"<html>bad gateway\\u{1b}[31m</html>\""
        );
        assert_eq!(ApiError::parse(b"").describe(None), "");
    }

    #[test]
    fn pages() {
        let rows = parse_page(br#"{"data":{"total":2,"data":[{"order_id":74,"execute_uuid":"A"},{"execute_uuid":"B"}]}}"#).unwrap();
        assert_eq!(
            rows,
            vec![
                Listed {
                    execute_uuid: "A".into(),
                    order_id: Some(74)
                },
                Listed {
                    execute_uuid: "B".into(),
                    order_id: None
                }
            ]
        );
        assert_eq!(parse_page(br#"{"data":{"total":0,"data":[]}}"#), Ok(vec![]));
        assert!(parse_page(b"{").is_err());
        assert!(parse_page(br#"{"data":{"data":[{"order_id":1}]}}"#).is_err());
    }

    #[test]
    fn backoff_grows_and_is_capped() {
        let creds = Credentials {
            auth: Auth::Token(Secret::new("tok-secret")),
            project_id: None,
            domain_id: None,
            source: "test".into(),
        };
        let options = FetchOptions {
            backoff: Duration::from_millis(100),
            max_backoff: Duration::from_secs(1),
            ..FetchOptions::default()
        };
        let c = Client::new(
            Endpoint::parse("http://127.0.0.1:1").unwrap(),
            creds,
            options,
        );
        for attempt in 1..=10 {
            let full =
                Duration::from_millis(100 * (1 << (attempt - 1))).min(Duration::from_secs(1));
            let d = c.delay(attempt, None);
            assert!(d >= full / 2 && d <= full, "attempt {attempt}: {d:?}");
        }
        assert_eq!(c.delay(1, Some("0")), Duration::ZERO);
        assert_eq!(c.delay(1, Some("3600")), Duration::from_secs(1));
        assert_eq!(c.scrub("a tok-secret b", ""), "a **** b");
        assert!(!format!("{c:?}").contains("tok-secret"));
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Whatever a user or a server writes, nothing here panics.
        #[test]
        fn parsers_never_panic(s in "\\PC{0,40}", b in proptest::collection::vec(any::<u8>(), 0..200)) {
            let _ = time::parse_time(&s);
            let _ = time::retry_after(&s, SystemTime::now());
            let _ = Endpoint::parse(&s);
            let _ = Endpoint::parse(&format!("https://{s}"));
            let _ = Endpoint::parse(&format!("http://[{s}]:1"));
            let _ = signer::parse_authorization(&s);
            let _ = signer::verify("a", "b", "GET", &s, &s, &[("Authorization", &s)], &b);
            let _ = validate_uuid(&s);
            let _ = parse_page(&b);
            let _ = ApiError::parse(&b).describe(Some(&s));
        }

        /// A request signed by `sign_uri` verifies, whatever its segments,
        /// parameters and header values.
        #[test]
        fn what_is_signed_verifies(
            uuid in "\\PC{1,26}",
            params in proptest::collection::vec(("[a-z_]{1,8}", "\\PC{0,12}"), 0..4),
            project in "[ -~]{1,20}",
        ) {
            let segments = ["v1", "job", uuid.as_str()];
            let headers = [("Host", "h:1"), ("X-Sdk-Date", "20250102T030405Z"), ("X-Project-Id", project.as_str())];
            let signed = signer::sign_uri("AK", "SK", "GET", &signer::segments_uri(&segments), &params, &headers, b"");
            let path: String = segments.iter().map(|s| format!("/{}", signer::encode(s))).collect();
            let query = signer::canonical_query(&params);
            let mut received = headers.to_vec();
            received.push(("Authorization", &signed.authorization));
            prop_assert_eq!(signer::verify("AK", "SK", "GET", &path, &query, &received, b""), Ok(()));
        }
    }
}
