//! `check --hub`: models read from a server that answers like the Hugging Face Hub. The server
//! runs on 127.0.0.1 and serves the recorded answers of `fixtures/hub-server/`; no test touches
//! the network.

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

/// A Hub stand-in: its address and the number of requests it has answered.
struct Hub {
    endpoint: String,
    requests: Arc<AtomicUsize>,
}

impl Hub {
    fn start() -> Hub {
        let server = tiny_http::Server::http("127.0.0.1:0").expect("a local port");
        let port = server.server_addr().to_ip().expect("an IP address").port();
        let requests = Arc::new(AtomicUsize::new(0));
        let counter = Arc::clone(&requests);
        std::thread::spawn(move || {
            for request in server.incoming_requests() {
                counter.fetch_add(1, Ordering::SeqCst);
                // One thread a request, so that a slow answer holds up no other.
                std::thread::spawn(move || {
                    let (status, body) = answer(request.url());
                    let response = tiny_http::Response::from_data(body).with_status_code(status);
                    let _ = request.respond(response);
                });
            }
        });
        Hub {
            endpoint: format!("http://127.0.0.1:{port}"),
            requests,
        }
    }

    fn requests(&self) -> usize {
        self.requests.load(Ordering::SeqCst)
    }
}

/// What the Hub would answer for a path: the recorded API JSON or file, or a simulated failure.
fn answer(url: &str) -> (u16, Vec<u8>) {
    let root = common::fixture("hub-server");
    let not_found = (404, b"{\"error\":\"Repository not found\"}".to_vec());
    if url.contains("acme/gated-base") {
        return (
            401,
            b"{\"error\":\"Access to model acme/gated-base is restricted.\"}".to_vec(),
        );
    }
    if url.contains("acme/slow-model") {
        std::thread::sleep(Duration::from_secs(3));
        return not_found;
    }
    if let Some(rest) = url.strip_prefix("/api/models/") {
        let repo: Vec<&str> = rest.split('/').take(2).collect();
        return std::fs::read(root.join(repo.join("/")).join("api.json"))
            .map_or(not_found, |body| (200, body));
    }
    let parts: Vec<&str> = url.trim_start_matches('/').splitn(5, '/').collect();
    if let [owner, name, "resolve", _sha, file] = parts[..] {
        if owner == "acme" && name == "huge-card" {
            return (200, vec![b'x'; 64 * 1024]);
        }
        return std::fs::read(root.join(owner).join(name).join("files").join(file))
            .map_or(not_found, |body| (200, body));
    }
    not_found
}

/// A fresh cache folder for one test.
fn cache(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("model-licence-hub-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

/// Runs `model-licence ARGS` against a Hub at `endpoint` with the cache `cache`.
fn run_hub(endpoint: &str, cache: &Path, offline: bool, args: &[&str]) -> Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_model-licence"))
        .args(args)
        .env("HF_ENDPOINT", endpoint)
        .env("MODEL_LICENCE_CACHE", cache)
        .env("MODEL_LICENCE_HUB_TIMEOUT", "1")
        .env("HF_HUB_OFFLINE", if offline { "1" } else { "0" })
        .env_remove("HF_TOKEN")
        .env_remove("MODEL_LICENCE_HUB")
        .output()
        .expect("the binary runs")
}

#[test]
fn a_fine_tune_chain_is_fetched_checked_and_cached() {
    let hub = Hub::start();
    let cache = cache("chain");
    let args = [
        "check",
        "--hub",
        "allenai/Llama-3.1-Tulu-3-8B",
        "--format",
        "json",
    ];
    let out = run_hub(&hub.endpoint, &cache, false, &args);
    let report = common::json(&out);
    assert_eq!(out.status.code(), Some(0), "{}", common::stderr(&out));
    assert_eq!(report["licence"]["id"], "llama-3.1");
    assert_eq!(
        report["revision"],
        "1a2b3c4d5e6f708192a3b4c5d6e7f80910a1b2c3"
    );
    assert_eq!(common::lineage_models(&report), common::TULU_3_LINEAGE);
    assert!(
        report["notes"][0]
            .as_str()
            .is_some_and(|n| n.contains("at revision 1a2b3c4d")),
        "{}",
        report["notes"]
    );
    // Three repositories, each an API call and its README: six requests.
    assert_eq!(hub.requests(), 6);

    // Offline, the cache answers alone, with the same report.
    let again = run_hub("http://127.0.0.1:9", &cache, true, &args);
    assert_eq!(again.status.code(), Some(0), "{}", common::stderr(&again));
    let cached = common::json(&again);
    assert_eq!(cached["revision"], report["revision"]);
    assert_eq!(cached["lineage"], report["lineage"]);
    assert_eq!(cached["findings"], report["findings"]);

    // A commit sha once cached needs no network, online or not.
    let pinned = "allenai/Llama-3.1-Tulu-3-8B@1a2b3c4d5e6f708192a3b4c5d6e7f80910a1b2c3";
    let out = run_hub(
        "http://127.0.0.1:9",
        &cache,
        false,
        &["check", "--hub", pinned],
    );
    assert_eq!(out.status.code(), Some(0), "{}", common::stderr(&out));
}

#[test]
fn a_second_online_run_asks_only_for_the_revision() {
    let hub = Hub::start();
    let cache = cache("second");
    let args = [
        "check",
        "--hub",
        "Qwen/Qwen2.5-3B-Instruct",
        "--format",
        "json",
    ];
    let first = run_hub(&hub.endpoint, &cache, false, &args);
    assert_eq!(first.status.code(), Some(1), "{}", common::stderr(&first));
    assert_eq!(common::json(&first)["licence"]["id"], "qwen-research");
    let before = hub.requests();
    assert_eq!(before, 3, "API, README.md, LICENSE");
    let second = run_hub(&hub.endpoint, &cache, false, &args);
    assert_eq!(second.status.code(), Some(1));
    assert_eq!(hub.requests(), before + 1, "only the API call");
}

#[test]
fn failures_are_errors_that_name_the_url_never_a_pass() {
    let hub = Hub::start();
    let cache = cache("failures");
    let cases = [
        ("acme/gated-base", "gated or private: set HF_TOKEN"),
        ("acme/no-such-model", "no such model"),
        ("acme/slow-model", "timeout"),
        ("acme/huge-card", "larger than the limit"),
    ];
    for (model, cause) in cases {
        let out = run_hub(
            &hub.endpoint,
            &cache,
            false,
            &["check", "--hub", model, "--max-input-bytes", "4096"],
        );
        let err = common::stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{model}: {err}");
        assert!(err.contains(&hub.endpoint), "{model}: names the URL: {err}");
        assert!(err.contains(cause), "{model}: says `{cause}`: {err}");
    }
    // Nothing listens on port 9: no network is an error too.
    let out = run_hub(
        "http://127.0.0.1:9",
        &cache,
        false,
        &["check", "--hub", "acme/x"],
    );
    assert_eq!(out.status.code(), Some(2), "{}", common::stderr(&out));
    // Offline with an empty cache.
    let out = run_hub(
        &hub.endpoint,
        &cache,
        true,
        &["check", "--hub", "allenai/Llama-3.1-Tulu-3-8B"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(common::stderr(&out).contains("HF_HUB_OFFLINE=1"));
}

#[test]
fn a_base_model_that_cannot_be_fetched_is_reviewed() {
    let hub = Hub::start();
    let cache = cache("gated-base");
    let out = run_hub(
        &hub.endpoint,
        &cache,
        false,
        &[
            "check",
            "--hub",
            "acme/tulu-ft-of-gated",
            "--format",
            "json",
        ],
    );
    let report = common::json(&out);
    assert_eq!(out.status.code(), Some(3), "{}", common::stderr(&out));
    assert_eq!(report["verdict"], "needs_review");
    assert!(
        report["notes"].as_array().expect("notes").iter().any(|n| n
            .as_str()
            .is_some_and(|n| n.contains("acme/gated-base") && n.contains("could not be read"))),
        "{}",
        report["notes"]
    );
}
