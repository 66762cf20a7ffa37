//! `coc-lint fetch` against a mock COC server on 127.0.0.1: a thread per
//! connection, which checks every request's signature with the library's
//! own `signer::verify` (or its token) and answers as each test scripts it:
//! the documented ticket, invalid tickets, paged lists, 401, 403, 404, 429
//! with Retry-After, 500 then 200, a response slower than the timeout, a
//! truncated body. Every run is checked for secrets in its output.

#![cfg(feature = "fetch")]

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::Output;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use coc_lint::fetch::signer;

const AK: &str = "HWEXAMPLEAK0000000001";
const SK: &str = "hwExampleSecretKey0000000000000000000000";
const SECURITY_TOKEN: &str = "tempSecurityToken-ZZZ-0123456789";
const TOKEN: &str = "MIIiamTokenSecretValue-XYZ-987654321";
const PROJECT: &str = "0123456789abcdef0123456789abcdef";

/// The documented ticket-info example (coc-api.md, "Realistic example
/// payloads" 1): valid.
const TICKET: &str = r#"{
  "data" : {
    "execute_uuid" : "SCT2023102211473xxxxxxxxxx",
    "gmt_created" : 1697946452186,
    "gmt_finished" : 1697946763469,
    "execute_costs" : 311283,
    "creator" : "xxxxxxxxxxxcontainer1",
    "status" : "CANCELED",
    "properties" : {
      "script_uuid" : "SC2023101717xxxxxxxxxxxxx",
      "script_name" : "xjptxxxxxxxx",
      "current_execute_batch_index" : 1,
      "execute_param" : {
        "timeout" : 300,
        "execute_user" : "root",
        "success_rate" : 100,
        "script_params" : [ ]
      },
      "script_source" : "CUSTOM_SCRIPT"
    }
  }
}
"#;

/// A ticket with a timeout out of range (COC202) and a CRLF line end.
const BAD_TICKET: &str = "{\"data\": {\"execute_uuid\": \"SCTBAD\", \"status\": \"FINISHED\",\r\n \"gmt_created\": 1, \"gmt_finished\": 2, \"execute_costs\": 1,\r\n \"properties\": {\"execute_param\": {\"timeout\": 3600, \"execute_user\": \"root\", \"success_rate\": 100}}}}";

/// One request as the server received it.
#[derive(Debug, Clone)]
struct Req {
    path: String,
    query: String,
    headers: Vec<(String, String)>,
    /// The signature (or token) check: Ok, or why it failed.
    auth: Result<(), String>,
}

impl Req {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// How the server answers one request.
enum Reply {
    /// Status, extra headers, body.
    Send(u16, Vec<(&'static str, String)>, Vec<u8>),
    /// Wait, then answer.
    Slow(Duration, u16, Vec<u8>),
    /// Announce this many bytes, send the body, close.
    Truncated(usize, Vec<u8>),
}

fn ok(body: &str) -> Reply {
    Reply::Send(200, vec![], body.as_bytes().to_vec())
}

fn error(status: u16, code: &str, msg: &str) -> Reply {
    let body =
        format!(r#"{{"error_code":"{code}","error_msg":"{msg}","request_id":"req-{status}"}}"#);
    Reply::Send(status, vec![], body.into_bytes())
}

type Handler = dyn Fn(&Req, usize) -> Reply + Send + Sync;

struct Server {
    url: String,
    requests: Arc<Mutex<Vec<Req>>>,
}

impl Server {
    fn requests(&self) -> Vec<Req> {
        self.requests.lock().unwrap().clone()
    }
}

/// Start a server; `handler` gets each request (already authenticated:
/// a request that fails the check is answered 401 without calling it) and
/// its index among all requests.
fn serve(handler: impl Fn(&Req, usize) -> Reply + Send + Sync + 'static) -> Server {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let requests = Arc::new(Mutex::new(Vec::new()));
    let handler: Arc<Handler> = Arc::new(handler);
    let recorded = requests.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(stream) = stream else { continue };
            let handler = handler.clone();
            let recorded = recorded.clone();
            std::thread::spawn(move || connection(stream, &*handler, &recorded));
        }
    });
    Server { url, requests }
}

fn connection(mut stream: TcpStream, handler: &Handler, recorded: &Mutex<Vec<Req>>) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut line = String::new();
    if reader.read_line(&mut line).unwrap_or(0) == 0 {
        return;
    }
    let mut parts = line.split_whitespace();
    let method = parts.next().unwrap_or("").to_owned();
    let target = parts.next().unwrap_or("").to_owned();
    let mut headers = Vec::new();
    loop {
        let mut h = String::new();
        if reader.read_line(&mut h).unwrap_or(0) == 0 || h.trim().is_empty() {
            break;
        }
        if let Some((k, v)) = h.trim_end().split_once(':') {
            headers.push((k.trim().to_owned(), v.trim().to_owned()));
        }
    }
    let (path, query) = target.split_once('?').unwrap_or((&target, ""));
    let pairs: Vec<(&str, &str)> = headers
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let auth = if let Some((_, token)) = pairs
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("x-auth-token"))
    {
        if *token == TOKEN {
            Ok(())
        } else {
            Err("wrong token".to_owned())
        }
    } else {
        signer::verify(AK, SK, &method, path, query, &pairs, b"").map_err(|e| format!("{e:?}"))
    };
    let req = Req {
        path: path.to_owned(),
        query: query.to_owned(),
        headers,
        auth,
    };
    let index = {
        let mut all = recorded.lock().unwrap();
        all.push(req.clone());
        all.len() - 1
    };
    let reply = match &req.auth {
        Ok(()) => handler(&req, index),
        Err(_) => error(
            401,
            "APIGW.0301",
            "Incorrect IAM authentication information: verify aksk signature fail",
        ),
    };
    let head = |status: u16, extra: &[(&str, String)], len: usize| {
        let mut h = format!("HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: {len}\r\nConnection: close\r\n");
        for (k, v) in extra {
            h.push_str(&format!("{k}: {v}\r\n"));
        }
        h.push_str("\r\n");
        h
    };
    let _ = match reply {
        Reply::Send(status, extra, body) => stream
            .write_all(head(status, &extra, body.len()).as_bytes())
            .and_then(|()| stream.write_all(&body)),
        Reply::Slow(wait, status, body) => {
            std::thread::sleep(wait);
            stream
                .write_all(head(status, &[], body.len()).as_bytes())
                .and_then(|()| stream.write_all(&body))
        }
        Reply::Truncated(announced, body) => stream
            .write_all(head(200, &[], announced).as_bytes())
            .and_then(|()| stream.write_all(&body)),
    };
    let _ = stream.flush();
    // Drain what is left so that the close is clean.
    let _ = stream.set_read_timeout(Some(Duration::from_millis(50)));
    let _ = reader.read(&mut [0; 64]);
}

/// Credentials given to a run.
#[derive(Clone, Copy)]
enum Creds {
    AkSk,
    Temporary,
    Token,
}

/// Run `coc-lint fetch --endpoint URL ARGS` with these credentials in the
/// environment (and no other), then check that no secret, and no
/// signature the server received, appears in its output.
fn fetch(server: &Server, creds: Creds, args: &[&str]) -> Output {
    let home = tempfile::tempdir().unwrap();
    let mut cmd = common::bin();
    for var in [
        "HUAWEICLOUD_SDK_AK",
        "HUAWEICLOUD_SDK_SK",
        "HUAWEICLOUD_SDK_SECURITY_TOKEN",
        "HUAWEICLOUD_SDK_PROJECT_ID",
        "HUAWEICLOUD_SDK_DOMAIN_ID",
        "HUAWEICLOUD_SDK_CREDENTIALS_FILE",
        "COC_AUTH_TOKEN",
        "HTTP_PROXY",
        "HTTPS_PROXY",
        "ALL_PROXY",
    ] {
        cmd.env_remove(var);
    }
    cmd.env("HOME", home.path());
    match creds {
        Creds::AkSk | Creds::Temporary => {
            cmd.env("HUAWEICLOUD_SDK_AK", AK)
                .env("HUAWEICLOUD_SDK_SK", SK)
                .env("HUAWEICLOUD_SDK_PROJECT_ID", PROJECT);
            if matches!(creds, Creds::Temporary) {
                cmd.env("HUAWEICLOUD_SDK_SECURITY_TOKEN", SECURITY_TOKEN);
            }
        }
        Creds::Token => {
            cmd.env("COC_AUTH_TOKEN", TOKEN);
        }
    }
    let out = cmd
        .arg("fetch")
        .arg("--endpoint")
        .arg(&server.url)
        .arg("--verbose")
        .args(args)
        .output()
        .unwrap();
    assert_no_secret(&out, server);
    out
}

fn assert_no_secret(out: &Output, server: &Server) {
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let mut secrets = vec![SK.to_owned(), SECURITY_TOKEN.to_owned(), TOKEN.to_owned()];
    for r in server.requests() {
        if let Some(a) = r.header("authorization") {
            secrets.push(a.to_owned());
            if let Some(sig) = signer::parse_authorization(a) {
                secrets.push(sig.signature.to_owned());
            }
        }
    }
    for s in secrets {
        assert!(
            !text.contains(&s),
            "a secret appears in the output:\n{text}"
        );
    }
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).unwrap()
}

fn json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", stdout(out)))
}

fn ticket_server() -> Server {
    serve(|req, _| match req.path.rsplit('/').next() {
        Some("SCTBAD") => ok(BAD_TICKET),
        Some("SCTNONE") => error(404, "COC.00040709", "Script not found"),
        Some("SCTNOAPI") => error(
            404,
            "APIGW.0101",
            "The API does not exist or has not been published in the environment",
        ),
        _ => ok(TICKET),
    })
}

#[test]
fn a_signed_ticket_is_fetched_and_linted() {
    let server = ticket_server();
    let out = fetch(
        &server,
        Creds::AkSk,
        &[
            "--format",
            "json",
            "--lang",
            "zh-cn",
            "SCT2023102211473xxxxxxxxxx",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v = json(&out);
    assert_eq!(v["summary"]["files"], 1);
    assert_eq!(v["diagnostics"].as_array().unwrap().len(), 0);
    let reqs = server.requests();
    assert_eq!(reqs.len(), 1);
    let r = &reqs[0];
    assert_eq!(r.auth, Ok(()));
    assert_eq!(r.path, "/v1/job/script/orders/SCT2023102211473xxxxxxxxxx");
    assert_eq!(r.query, "");
    assert_eq!(r.header("x-project-id"), Some(PROJECT));
    assert_eq!(r.header("x-language"), Some("zh-cn"));
    assert_eq!(r.header("x-auth-token"), None);
    assert_eq!(r.header("content-type"), None);
    let date = r.header("x-sdk-date").unwrap();
    assert!(
        date.len() == 16 && date.ends_with('Z') && date.as_bytes()[8] == b'T',
        "{date}"
    );
    let auth = signer::parse_authorization(r.header("authorization").unwrap()).unwrap();
    assert_eq!(auth.access, AK);
    assert_eq!(
        auth.signed_headers,
        ["host", "x-language", "x-project-id", "x-sdk-date"]
    );
    assert!(stderr(&out).contains("SignedHeaders=host;x-language;x-project-id;x-sdk-date"));
}

#[test]
fn temporary_keys_sign_the_security_token() {
    let server = ticket_server();
    let out = fetch(
        &server,
        Creds::Temporary,
        &["--domain-id", "fedcba98", "SCT1"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let r = &server.requests()[0];
    assert_eq!(r.auth, Ok(()));
    assert_eq!(r.header("x-security-token"), Some(SECURITY_TOKEN));
    assert_eq!(r.header("x-domain-id"), Some("fedcba98"));
    let auth = signer::parse_authorization(r.header("authorization").unwrap()).unwrap();
    assert!(auth.signed_headers.contains(&"x-security-token"));
    assert!(auth.signed_headers.contains(&"x-domain-id"));
}

#[test]
fn an_iam_token_is_sent_instead_of_a_signature() {
    let server = ticket_server();
    let out = fetch(&server, Creds::Token, &["SCT1"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let r = &server.requests()[0];
    assert_eq!(r.header("x-auth-token"), Some(TOKEN));
    assert_eq!(r.header("authorization"), None);
    assert_eq!(r.header("x-sdk-date"), None);

    // From a file, which wins over the environment.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("token");
    std::fs::write(&file, format!("{TOKEN}\n")).unwrap();
    let out = fetch(
        &server,
        Creds::AkSk,
        &["--token-file", file.to_str().unwrap(), "SCT2"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(server.requests()[1].header("x-auth-token"), Some(TOKEN));
    assert_eq!(server.requests()[1].header("authorization"), None);
}

#[test]
fn invalid_tickets_are_reported_like_files_and_saved_byte_for_byte() {
    let server = ticket_server();
    let dir = tempfile::tempdir().unwrap();
    let save = dir.path().join("tickets");
    let out = fetch(
        &server,
        Creds::AkSk,
        &[
            "--format",
            "json",
            "--save",
            save.to_str().unwrap(),
            "SCTBAD",
            "SCT1",
        ],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let v = json(&out);
    assert_eq!(v["summary"]["files"], 2);
    let d = &v["diagnostics"][0];
    assert_eq!(d["code"], "COC202");
    let saved = save.join("SCTBAD.json");
    assert_eq!(d["path"], saved.to_str().unwrap());
    let bytes = std::fs::read(&saved).unwrap();
    assert_eq!(bytes, BAD_TICKET.as_bytes());
    let offset = d["offset"].as_u64().unwrap() as usize;
    let length = d["length"].as_u64().unwrap() as usize;
    assert_eq!(&bytes[offset..offset + length], b"3600");
    assert_eq!(
        std::fs::read(save.join("SCT1.json")).unwrap(),
        TICKET.as_bytes()
    );
    let mut names: Vec<_> = std::fs::read_dir(&save)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["SCT1.json", "SCTBAD.json"],
        "no temporary file is left"
    );

    // Without --save, the same diagnostics under the ticket's name, and the
    // human report shows the snippet.
    let out = fetch(&server, Creds::AkSk, &["--color", "never", "SCTBAD"]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(text.contains("COC202(timeout-out-of-range)"), "{text}");
    assert!(text.contains("[coc:SCTBAD:3:46]"), "{text}");
}

#[test]
fn hostile_uuids_never_leave_the_save_directory() {
    let server = ticket_server();
    let dir = tempfile::tempdir().unwrap();
    let save = dir.path().join("out");
    let out = fetch(
        &server,
        Creds::AkSk,
        &[
            "--save",
            save.to_str().unwrap(),
            "../x",
            "a/b",
            "..",
            ".",
            "/etc/passwd",
            "é\\",
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
    let mut names: Vec<_> = std::fs::read_dir(&save)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "%2E%2E%2Fx.json",
            "%2E%2E.json",
            "%2E.json",
            "%2Fetc%2Fpasswd.json",
            "%C3%A9%5C.json",
            "a%2Fb.json"
        ]
    );
    let parent: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(parent.len(), 1, "only the save directory is in its parent");
    // The uuids went to the server as one path segment each, signed.
    let paths: Vec<String> = server
        .requests()
        .into_iter()
        .map(|r| {
            assert_eq!(r.auth, Ok(()), "{}", r.path);
            r.path
        })
        .collect();
    assert!(
        paths.contains(&"/v1/job/script/orders/..%2Fx".to_owned()),
        "{paths:?}"
    );
    assert!(
        paths.contains(&"/v1/job/script/orders/%2E%2E".to_owned()),
        "{paths:?}"
    );
    assert!(
        paths.contains(&"/v1/job/script/orders/a%2Fb".to_owned()),
        "{paths:?}"
    );
}

#[test]
fn uuids_are_checked_before_any_request() {
    let server = ticket_server();
    let long = "SCT2023083109562601af694bfX";
    let out = fetch(&server, Creds::AkSk, &["--format", "json", long, ""]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(server.requests().len(), 0, "no request was made");
    let v = json(&out);
    let messages: Vec<&str> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["message"].as_str().unwrap())
        .collect();
    assert!(
        messages[0].contains("is 27 characters long, but it must be 1 to 26"),
        "{messages:?}"
    );
    assert!(messages[1].contains("cannot be empty"), "{messages:?}");
}

/// A list of `n` rows from `first` down (order_id decreasing, as the API
/// lists newest first).
fn page(first: i64, n: i64) -> String {
    let rows: Vec<String> = (0..n)
        .map(|i| {
            let id = first - i;
            format!(r#"{{"order_id":{id},"order_name":"o{id}","execute_uuid":"SCT{id}","status":"FINISHED"}}"#)
        })
        .collect();
    format!(r#"{{"data":{{"total":5,"data":[{}]}}}}"#, rows.join(","))
}

fn list_server() -> Server {
    serve(|req, _| {
        if req.path != "/v1/job/script/orders" {
            return ok(TICKET);
        }
        let marker = req
            .query
            .split('&')
            .find_map(|p| p.strip_prefix("marker="))
            .map(|m| m.parse::<i64>().unwrap());
        match marker {
            None => ok(&page(10, 2)),
            Some(9) => ok(&page(8, 2)),
            Some(7) => ok(&page(6, 1)),
            Some(_) => ok(&page(0, 0)),
        }
    })
}

#[test]
fn list_walks_the_pages_then_fetches_each_ticket() {
    let server = list_server();
    let out = fetch(
        &server,
        Creds::AkSk,
        &[
            "--format",
            "json",
            "--list",
            "--status",
            "FINISHED",
            "--creator",
            "zhang san",
            "--since",
            "2025-01-02",
            "--until",
            "1735787045",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(json(&out)["summary"]["files"], 5);
    let reqs = server.requests();
    let queries: Vec<&str> = reqs
        .iter()
        .filter(|r| r.path == "/v1/job/script/orders")
        .map(|r| r.query.as_str())
        .collect();
    assert_eq!(
        queries,
        [
            "creator=zhang%20san&end_time=1735787045&limit=100&start_time=1735776000&status=FINISHED",
            "creator=zhang%20san&end_time=1735787045&limit=100&marker=9&start_time=1735776000&status=FINISHED",
            "creator=zhang%20san&end_time=1735787045&limit=100&marker=7&start_time=1735776000&status=FINISHED",
            "creator=zhang%20san&end_time=1735787045&limit=100&marker=6&start_time=1735776000&status=FINISHED",
        ]
    );
    let tickets: Vec<&str> = reqs
        .iter()
        .filter_map(|r| r.path.strip_prefix("/v1/job/script/orders/"))
        .collect();
    assert_eq!(tickets, ["SCT10", "SCT9", "SCT8", "SCT7", "SCT6"]);
    assert!(reqs.iter().all(|r| r.auth == Ok(())));
    assert!(
        stderr(&out).contains("the list gave 5 tickets in 4 pages"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn list_limit_caps_the_tickets_and_the_page_size() {
    let server = list_server();
    let out = fetch(
        &server,
        Creds::AkSk,
        &["--format", "json", "--list", "--limit", "3"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let reqs = server.requests();
    let queries: Vec<&str> = reqs
        .iter()
        .filter(|r| r.path == "/v1/job/script/orders")
        .map(|r| r.query.as_str())
        .collect();
    assert_eq!(queries, ["limit=3", "limit=1&marker=9"]);
    assert_eq!(json(&out)["summary"]["files"], 3);
}

#[test]
fn a_list_that_does_not_page_on_is_stopped() {
    // Every page is the same: the marker never moves.
    let server = serve(|req, _| {
        if req.path == "/v1/job/script/orders" {
            ok(&page(10, 2))
        } else {
            ok(TICKET)
        }
    });
    let out = fetch(&server, Creds::AkSk, &["--format", "json", "--list"]);
    assert_eq!(out.status.code(), Some(2));
    let text = stdout(&out);
    assert!(text.contains("without a new order_id"), "{text}");
    assert_eq!(
        json(&out)["summary"]["files"],
        3,
        "the list fault and two tickets"
    );
}

#[test]
fn list_tickets_with_hostile_uuids_are_saved_inside() {
    let server = serve(|req, _| {
        if req.path == "/v1/job/script/orders" {
            if req.query.contains("marker") {
                ok(r#"{"data":{"total":3,"data":[]}}"#)
            } else {
                ok(
                    r#"{"data":{"total":3,"data":[{"order_id":3,"execute_uuid":"a\u0000b"},{"order_id":2,"execute_uuid":""},{"order_id":1,"execute_uuid":"../../evil"}]}}"#,
                )
            }
        } else {
            ok(TICKET)
        }
    });
    let dir = tempfile::tempdir().unwrap();
    let save = dir.path().join("s");
    let out = fetch(
        &server,
        Creds::AkSk,
        &[
            "--format",
            "json",
            "--list",
            "--save",
            save.to_str().unwrap(),
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(2),
        "the empty and NUL uuids are errors"
    );
    let mut names: Vec<_> = std::fs::read_dir(&save)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(names, ["%2E%2E%2F%2E%2E%2Fevil.json"]);
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    let text = stdout(&out);
    assert!(text.contains("cannot be empty"), "{text}");
    assert!(
        text.contains(r#"execute_uuid `a\\u{0}b` holds a control character"#),
        "{text}"
    );
    let fetched: Vec<String> = server.requests().into_iter().map(|r| r.path).collect();
    assert_eq!(fetched.len(), 3, "two pages and one ticket: {fetched:?}");
}

#[test]
fn unauthorized_is_explained_and_not_retried() {
    let server = serve(|_, _| {
        error(
            401,
            "APIGW.0301",
            "Incorrect IAM authentication information: verify aksk signature fail",
        )
    });
    let out = fetch(&server, Creds::AkSk, &["SCT1", "SCT2"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        server.requests().len(),
        2,
        "one request per ticket, no retry"
    );
    let text = stdout(&out);
    assert!(text.contains("ticket SCT1: HTTP 401 Unauthorized: error_code APIGW.0301, error_msg \"Incorrect IAM authentication information: verify aksk signature fail\", request_id req-401"), "{text}");
    assert!(text.contains("the signature does not match"), "{text}");
    assert!(text.contains("not retried"), "{text}");

    let server = serve(|_, _| error(401, "APIGW.0301", "token expires, expires_at: 2025-01-01"));
    let out = fetch(&server, Creds::Token, &["SCT1"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stdout(&out).contains("the IAM token has expired"),
        "{}",
        stdout(&out)
    );
    assert_eq!(server.requests().len(), 1);
}

#[test]
fn a_server_that_echoes_secrets_does_not_leak_them() {
    // A hostile or buggy gateway sends the credentials back in its error.
    let server = serve(|req, _| {
        // The SK too, when the client holds it.
        let sk = if req.header("authorization").is_some() {
            SK
        } else {
            ""
        };
        let echoed = format!(
            "{} {} {} {sk}",
            req.header("authorization").unwrap_or(""),
            req.header("x-auth-token").unwrap_or(""),
            req.header("x-security-token").unwrap_or(""),
        );
        Reply::Send(
            401,
            vec![("X-Request-Id", "rid-1".to_owned())],
            echoed.into_bytes(),
        )
    });
    for creds in [Creds::AkSk, Creds::Temporary, Creds::Token] {
        // `fetch` asserts that no secret is in the output.
        let out = fetch(&server, creds, &["--format", "json", "SCT1"]);
        assert_eq!(out.status.code(), Some(2));
        let text = stdout(&out);
        assert!(text.contains("****"), "{text}");
        assert!(text.contains("request_id rid-1"), "{text}");
    }
}

#[test]
fn forbidden_names_the_permission_and_is_not_retried() {
    let server = serve(|_, _| {
        error(
            403,
            "APIGW.0302",
            "The IAM user is not authorized to access the API",
        )
    });
    let out = fetch(&server, Creds::AkSk, &["SCT1"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(server.requests().len(), 1);
    let text = stdout(&out);
    assert!(
        text.contains("HTTP 403 Forbidden: error_code APIGW.0302"),
        "{text}"
    );
    assert!(text.contains("coc:job:get"), "{text}");
}

#[test]
fn not_found_names_the_uuid_and_the_others_go_on() {
    let server = ticket_server();
    let out = fetch(
        &server,
        Creds::AkSk,
        &["--format", "json", "SCTNONE", "SCT1"],
    );
    assert_eq!(out.status.code(), Some(2));
    let v = json(&out);
    assert_eq!(v["summary"]["files"], 2);
    let d = &v["diagnostics"][0];
    assert_eq!(d["path"], "coc:SCTNONE");
    assert_eq!(d["name"], "io-error");
    let m = d["message"].as_str().unwrap();
    assert!(
        m.contains("HTTP 404 Not Found: error_code COC.00040709"),
        "{m}"
    );
    assert!(m.ends_with("; no ticket has execute_uuid SCTNONE"), "{m}");
    assert_eq!(
        v["diagnostics"].as_array().unwrap().len(),
        1,
        "SCT1 is clean"
    );

    // The gateway's own 404: the API is not on this host.
    let out = fetch(&server, Creds::AkSk, &["--format", "json", "SCTNOAPI"]);
    let m = json(&out)["diagnostics"][0]["message"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(m.contains("error_code APIGW.0101"), "{m}");
    assert!(
        m.ends_with("; this host has no such API: is the endpoint COC's?"),
        "{m}"
    );
}

#[test]
fn too_many_requests_honours_retry_after() {
    let server = serve(|_, i| {
        if i == 0 {
            Reply::Send(
                429,
                vec![("Retry-After", "1".to_owned())],
                br#"{"error_code":"APIGW.0308","error_msg":"The throttling threshold has been reached"}"#.to_vec(),
            )
        } else {
            ok(TICKET)
        }
    });
    let started = std::time::Instant::now();
    let out = fetch(&server, Creds::AkSk, &["SCT1"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        started.elapsed() >= Duration::from_secs(1),
        "Retry-After was waited for"
    );
    assert_eq!(server.requests().len(), 2);
    assert!(
        server.requests().iter().all(|r| r.auth == Ok(())),
        "each try is signed anew"
    );
    assert!(
        stderr(&out).contains("HTTP 429: retrying in 1.0 s (retry 1 of 3)"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn server_errors_are_retried_a_bounded_number_of_times() {
    let server = serve(|_, i| {
        if i == 0 {
            error(500, "COC.00040701", "Internal server error")
        } else {
            ok(TICKET)
        }
    });
    let out = fetch(&server, Creds::AkSk, &["SCT1"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(server.requests().len(), 2);

    let server = serve(|_, _| error(503, "APIGW.0201", "backend unavailable"));
    let out = fetch(&server, Creds::AkSk, &["--retries", "2", "SCT1"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(server.requests().len(), 3, "one try and two retries");
    let text = stdout(&out);
    assert!(
        text.contains("HTTP 503 Service Unavailable: error_code APIGW.0201"),
        "{text}"
    );
    assert!(text.contains("gave up after 2 retries"), "{text}");
}

#[test]
fn a_slow_response_times_out() {
    let server = serve(|_, _| Reply::Slow(Duration::from_secs(3), 200, TICKET.as_bytes().to_vec()));
    let dir = tempfile::tempdir().unwrap();
    let started = std::time::Instant::now();
    let out = fetch(
        &server,
        Creds::AkSk,
        &[
            "--timeout",
            "0.5",
            "--save",
            dir.path().to_str().unwrap(),
            "SCT1",
        ],
    );
    assert!(started.elapsed() < Duration::from_secs(3));
    assert_eq!(out.status.code(), Some(2));
    let text = stdout(&out);
    assert!(text.contains("timed out"), "{text}");
    assert!(text.contains("--timeout 0.5s"), "{text}");
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "nothing saved"
    );
}

#[test]
fn a_truncated_body_is_neither_saved_nor_linted() {
    let server = serve(|_, _| Reply::Truncated(TICKET.len(), TICKET.as_bytes()[..40].to_vec()));
    let dir = tempfile::tempdir().unwrap();
    let out = fetch(
        &server,
        Creds::AkSk,
        &[
            "--format",
            "json",
            "--save",
            dir.path().to_str().unwrap(),
            "SCT1",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    let v = json(&out);
    let m = v["diagnostics"][0]["message"].as_str().unwrap();
    assert!(m.contains("could not be read whole"), "{m}");
    assert_eq!(v["diagnostics"].as_array().unwrap().len(), 1, "not linted");
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "nothing saved"
    );
}

#[test]
fn plain_http_is_refused_except_to_loopback() {
    for url in [
        "http://coc.myhuaweicloud.com",
        "http://10.1.2.3:8080",
        "http://localhost:1",
    ] {
        let out = common::bin()
            .env("HUAWEICLOUD_SDK_AK", AK)
            .env("HUAWEICLOUD_SDK_SK", SK)
            .args(["fetch", "--endpoint", url, "SCT1"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        let err = stderr(&out);
        assert!(err.contains("is plain http: refused"), "{err}");
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn missing_credentials_say_what_to_set() {
    let server = ticket_server();
    let home = tempfile::tempdir().unwrap();
    let mut cmd = common::bin();
    for var in [
        "HUAWEICLOUD_SDK_AK",
        "HUAWEICLOUD_SDK_SK",
        "COC_AUTH_TOKEN",
        "HUAWEICLOUD_SDK_CREDENTIALS_FILE",
    ] {
        cmd.env_remove(var);
    }
    let out = cmd
        .env("HOME", home.path())
        .args(["fetch", "--endpoint", &server.url, "SCT1"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no credentials: set HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK"));
    assert_eq!(server.requests().len(), 0);
}

#[test]
fn the_credentials_file_is_read() {
    let server = ticket_server();
    let home = tempfile::tempdir().unwrap();
    let sdk = home.path().join(".huaweicloud");
    std::fs::create_dir(&sdk).unwrap();
    std::fs::write(
        sdk.join("credentials"),
        format!("[global]\nak = {AK}\nsk = {SK}\ndomain_id = dom1\n"),
    )
    .unwrap();
    let mut cmd = common::bin();
    for var in [
        "HUAWEICLOUD_SDK_AK",
        "HUAWEICLOUD_SDK_SK",
        "COC_AUTH_TOKEN",
        "HUAWEICLOUD_SDK_CREDENTIALS_FILE",
        "HUAWEICLOUD_SDK_DOMAIN_ID",
        "HUAWEICLOUD_SDK_PROJECT_ID",
    ] {
        cmd.env_remove(var);
    }
    let out = cmd
        .env("HOME", home.path())
        .args(["fetch", "--endpoint", &server.url, "SCT1"])
        .output()
        .unwrap();
    assert_no_secret(&out, &server);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let r = &server.requests()[0];
    assert_eq!(r.auth, Ok(()));
    assert_eq!(r.header("x-domain-id"), Some("dom1"));
}

#[test]
fn https_to_a_plain_server_fails_cleanly() {
    // rustls and its roots are set up, the handshake fails, nothing leaks.
    let server = ticket_server();
    let https = Server {
        url: server.url.replace("http://", "https://"),
        requests: server.requests.clone(),
    };
    let out = fetch(&https, Creds::AkSk, &["--format", "json", "SCT1"]);
    assert_eq!(out.status.code(), Some(2));
    let m = json(&out)["diagnostics"][0]["message"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(m.starts_with("ticket SCT1: "), "{m}");
}

#[test]
fn list_times_are_checked() {
    for args in [
        ["--since", "1960-01-01", "--until", "1"],
        ["--since", "2040-01-01", "--until", "1"],
        ["--since", "2025-01-02", "--until", "2025-01-01"],
    ] {
        let out = common::bin()
            .env("COC_AUTH_TOKEN", TOKEN)
            .args(["fetch", "--endpoint", "http://127.0.0.1:9", "--list"])
            .args(args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(!stderr(&out).is_empty());
    }
}

#[test]
fn list_options_need_list() {
    let out = common::run(&[
        "fetch",
        "--region",
        "cn-north-4",
        "--status",
        "FINISHED",
        "SCT1",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let out = common::run(&["fetch", "--region", "cn-north-1", "SCT1"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("cn-north-4"));
    let out = common::run(&["fetch", "--region", "cn-north-4"]);
    assert_eq!(out.status.code(), Some(2), "a uuid or --list is needed");
}

/// A second documented-style ticket, with two faults.
const README_TICKET: &str = r#"{
  "data" : {
    "execute_uuid" : "SCT2023102309000101abcdef1",
    "gmt_created" : 1698022801000,
    "gmt_finished" : 1698022803000,
    "execute_costs" : 2000,
    "creator" : "ci-robot",
    "status" : "FINISHED",
    "properties" : {
      "script_uuid" : "SC20231017170000abcdefghi",
      "script_name" : "rotate_logs",
      "current_execute_batch_index" : 1,
      "execute_param" : {
        "timeout" : 1800,
        "execute_user" : "root",
        "success_rate" : 99.95,
        "script_params" : [ ]
      },
      "script_source" : "CUSTOM_SCRIPT"
    }
  }
}
"#;

/// The README's capture-and-lint session (the ```text block that starts
/// with `$ coc-lint fetch`) is what the binary prints against this server,
/// with `PORT` standing for its port.
#[test]
fn the_readme_session_is_what_the_binary_prints() {
    let server = serve(|req, _| match req.path.rsplit('/').next() {
        Some("SCT2023102211473xxxxxxxxxx") => ok(TICKET),
        Some("SCT2023102309000101abcdef1") => ok(README_TICKET),
        _ => error(404, "COC.00040709", "Script not found"),
    });
    let readme = include_str!("../README.md");
    let start = readme
        .find("```text\n$ coc-lint fetch ")
        .expect("README.md shows a fetch session");
    let block = &readme[start + "```text\n".len()..];
    let block = &block[..block.find("```").unwrap()];
    let (command, expected) = block.split_once('\n').unwrap();
    let port = server.url.rsplit(':').next().unwrap();
    let args: Vec<String> = command
        .strip_prefix("$ coc-lint ")
        .unwrap()
        .split_whitespace()
        .map(|a| a.replace("PORT", port))
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let home = tempfile::tempdir().unwrap();
    let out = common::bin()
        .current_dir(dir.path())
        .env_remove("COC_AUTH_TOKEN")
        .env("HOME", home.path())
        .env("HUAWEICLOUD_SDK_AK", AK)
        .env("HUAWEICLOUD_SDK_SK", SK)
        .args(&args)
        .output()
        .unwrap();
    assert_no_secret(&out, &server);
    assert_eq!(
        stdout(&out),
        expected,
        "README.md's fetch session is not what the binary prints"
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        std::fs::read(dir.path().join("tickets/SCT2023102309000101abcdef1.json")).unwrap(),
        README_TICKET.as_bytes()
    );
}

#[test]
fn the_configuration_applies_to_fetched_tickets() {
    let server = ticket_server();
    // An option on the command line.
    let out = fetch(
        &server,
        Creds::AkSk,
        &["--format", "json", "--ignore", "COC202", "SCTBAD"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    // The coc-lint.toml above the --save directory, read before any request.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("coc-lint.toml"),
        "ignore = [{ rule = \"timeout-out-of-range\", reason = \"captured as is\" }]\n",
    )
    .unwrap();
    let save = dir.path().join("captured");
    let out = fetch(
        &server,
        Creds::AkSk,
        &[
            "--format",
            "json",
            "--save",
            save.to_str().unwrap(),
            "SCTBAD",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    // A bad configuration stops the run before any request.
    let before = server.requests().len();
    let out = fetch(
        &server,
        Creds::AkSk,
        &["--format", "json", "--select", "COC2O2", "SCTBAD"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(json(&out)["diagnostics"][0]["code"], "COC900");
    assert_eq!(server.requests().len(), before, "no request was made");
}
