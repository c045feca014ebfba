//! Which requests the preview answers: ones addressed to this computer by IP address or `localhost`, and live-reload sockets only from the preview's own pages.
//!
//! A web page the editor happens to visit could otherwise read the unpublished site: through
//! DNS rebinding (its own host name made to point at 127.0.0.1: the browser then sends that
//! name as `Host`), or by opening the live-reload WebSocket, which browsers allow across sites
//! (the page's `Origin` tells). Phones on the office network (`--bind 0.0.0.0`) open the preview
//! by IP address, which stays allowed.

use axum::extract::Request;
use axum::http::{header, HeaderMap, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// Answers the request only when [`allowed`]; otherwise 403 with a short Chinese explanation.
pub(super) async fn check(request: Request, next: Next) -> Response {
    if allowed(request.headers()) {
        return next.run(request).await;
    }
    (
        StatusCode::FORBIDDEN,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        "gongjiang 预览只回答用 IP 地址或 localhost 打开的请求（例如 http://127.0.0.1:1111/）。",
    )
        .into_response()
}

/// A `Host` that names this computer by address (or none: no browser omits it), and an `Origin`,
/// when a page sends one, from the same host.
fn allowed(headers: &HeaderMap) -> bool {
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok());
    if let Some(host) = host {
        if !names_an_address(host) {
            return false;
        }
    }
    match headers.get(header::ORIGIN).map(|o| o.to_str()) {
        None => true,
        Some(Ok(origin)) => {
            let authority = origin
                .strip_prefix("http://")
                .or_else(|| origin.strip_prefix("https://"));
            authority.is_some_and(|a| Some(a) == host)
        }
        Some(Err(_)) => false,
    }
}

/// `127.0.0.1:1111`, `[::1]:1111`, `192.168.1.20`, `localhost:1111`: not a DNS name.
fn names_an_address(host: &str) -> bool {
    let name = match host.strip_prefix('[') {
        Some(v6) => {
            return v6
                .split_once(']')
                .is_some_and(|(a, _)| a.parse::<std::net::Ipv6Addr>().is_ok())
        }
        None => host.rsplit_once(':').map_or(host, |(name, port)| {
            if port.bytes().all(|b| b.is_ascii_digit()) {
                name
            } else {
                host
            }
        }),
    };
    let name = name.trim_end_matches('.').to_ascii_lowercase();
    name == "localhost"
        || name.ends_with(".localhost")
        || name.parse::<std::net::Ipv4Addr>().is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(host: Option<&str>, origin: Option<&str>) -> HeaderMap {
        let mut h = HeaderMap::new();
        if let Some(v) = host {
            h.insert(header::HOST, HeaderValue::from_str(v).unwrap());
        }
        if let Some(v) = origin {
            h.insert(header::ORIGIN, HeaderValue::from_str(v).unwrap());
        }
        h
    }

    #[test]
    fn addresses_of_this_computer_are_answered() {
        for host in [
            "127.0.0.1:1111",
            "localhost:1111",
            "LOCALHOST",
            "[::1]:1111",
            "192.168.1.20:1111",
            "10.0.0.5",
            "app.localhost:1111",
        ] {
            assert!(allowed(&headers(Some(host), None)), "{host}");
        }
        assert!(allowed(&headers(None, None)));
        assert!(allowed(&headers(
            Some("127.0.0.1:1111"),
            Some("http://127.0.0.1:1111")
        )));
    }

    #[test]
    fn host_names_and_other_origins_are_refused() {
        for host in [
            "evil.example:1111",
            "evil.example",
            "127.0.0.1.evil.example",
            "localhost.evil.example",
            "[::1",
            "1.2.3:1111",
        ] {
            assert!(!allowed(&headers(Some(host), None)), "{host}");
        }
        for origin in ["http://evil.example", "null", "http://127.0.0.1:2222"] {
            assert!(
                !allowed(&headers(Some("127.0.0.1:1111"), Some(origin))),
                "{origin}"
            );
        }
    }
}
