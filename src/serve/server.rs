//! The HTTP side of the preview: pages from memory with the live-reload script, a WebSocket for reloads, and the site's 404.

use super::generation::Got;
use super::state::{inject, lookup, Lookup};
use super::App;
use axum::body::Body;
use axum::extract::ws::{Message, WebSocket, WebSocketUpgrade};
use axum::extract::State;
use axum::http::{header, HeaderValue, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use std::sync::Arc;

const LIVE_JS: &str = include_str!("live.js");

/// The preview's routes.
pub(crate) fn router(app: Arc<App>) -> Router {
    Router::new()
        .route("/__gongjiang/live.js", get(live_js))
        .route("/__gongjiang/ws", get(ws))
        .route("/__gongjiang/status", get(status))
        .fallback(page)
        .layer(axum::middleware::from_fn(super::guard::check))
        .with_state(app)
}

async fn live_js() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        LIVE_JS,
    )
        .into_response()
}

async fn status(State(app): State<Arc<App>>) -> Response {
    (
        [
            (header::CONTENT_TYPE, "application/json"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        app.status_json(),
    )
        .into_response()
}

async fn ws(State(app): State<Arc<App>>, upgrade: WebSocketUpgrade) -> Response {
    upgrade.on_upgrade(move |socket| talk(socket, app))
}

/// Sends the current status at once, then every change until the page goes away. The page is
/// pinged every half of [`App::idle`]; a page that sends nothing (not even the pong a browser
/// answers with) for [`App::idle`] is gone, and so is one that takes that long to take a message.
async fn talk(mut socket: WebSocket, app: Arc<App>) {
    let idle = app.idle;
    let mut rx = app.events.subscribe();
    if !send(&mut socket, Message::Text(app.status_json().into()), idle).await {
        return;
    }
    let mut ping = tokio::time::interval(idle / 2);
    ping.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    ping.tick().await;
    let mut heard = tokio::time::Instant::now();
    loop {
        let message = tokio::select! {
            msg = rx.recv() => match msg {
                Ok(text) => Message::Text(text.into()),
                Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => {
                    Message::Text(app.status_json().into())
                }
                Err(_) => return,
            },
            incoming = socket.recv() => match incoming {
                Some(Ok(_)) => {
                    heard = tokio::time::Instant::now();
                    continue;
                }
                _ => return,
            },
            _ = ping.tick() => {
                if heard.elapsed() >= idle {
                    return;
                }
                Message::Ping(Default::default())
            }
        };
        if !send(&mut socket, message, idle).await {
            return;
        }
    }
}

/// Sends one message; `false` when the page is gone or does not take it within `idle`.
async fn send(socket: &mut WebSocket, message: Message, idle: std::time::Duration) -> bool {
    matches!(
        tokio::time::timeout(idle, socket.send(message)).await,
        Ok(Ok(()))
    )
}

fn content_type(path: &str) -> &'static str {
    let ext = path.rsplit('.').next().unwrap_or("").to_ascii_lowercase();
    match ext.as_str() {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        "gif" => "image/gif",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "pdf" => "application/pdf",
        _ => "application/octet-stream",
    }
}

const WAITING: &str = "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>正在等待成功的构建</title></head><body><p>网站还没有成功生成过：请按提示改正内容，保存后这个页面会自动刷新。</p></body></html>";

async fn page(State(app): State<Arc<App>>, method: Method, uri: Uri) -> Response {
    if method != Method::GET && method != Method::HEAD {
        return (StatusCode::METHOD_NOT_ALLOWED, "只支持 GET").into_response();
    }
    let (site, version, ever_built) = {
        let s = app.state.read().unwrap_or_else(|e| e.into_inner());
        (s.site.clone(), s.version, s.ever_built)
    };
    let Some(site) = site.filter(|_| ever_built) else {
        return html(
            StatusCode::SERVICE_UNAVAILABLE,
            inject(WAITING.as_bytes(), version),
        );
    };
    // Rendering a page (or making the search index) takes a moment: off the async threads.
    let path = uri.path().to_string();
    let answer = tokio::task::spawn_blocking(move || {
        let found = lookup(&path, |p| site.contains(p));
        let file = match &found {
            Lookup::File(p) => site.serve(p),
            _ => None,
        };
        // Unknown paths, and copied files that may not be read (a link leading outside the site).
        let missing = match (&found, &file) {
            (Lookup::NotFound | Lookup::File(_), None) => site.serve("404.html"),
            _ => None,
        };
        (found, file, missing)
    })
    .await;
    let Ok((found, file, missing)) = answer else {
        return (StatusCode::INTERNAL_SERVER_ERROR, "内部错误").into_response();
    };
    match (found, file) {
        (Lookup::Refused, _) => (StatusCode::BAD_REQUEST, "请求的路径无效").into_response(),
        (Lookup::AddSlash(to), _) => {
            let mut r = StatusCode::PERMANENT_REDIRECT.into_response();
            if let Ok(v) = HeaderValue::from_str(&to) {
                r.headers_mut().insert(header::LOCATION, v);
            }
            r
        }
        (Lookup::File(path), Some(got)) => respond(StatusCode::OK, &path, got, version).await,
        _ => match missing {
            Some(got) => respond(StatusCode::NOT_FOUND, "404.html", got, version).await,
            None => (StatusCode::NOT_FOUND, "页面不存在").into_response(),
        },
    }
}

fn html(status: StatusCode, body: Vec<u8>) -> Response {
    let mut r = (status, body).into_response();
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    r.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    r
}

async fn respond(status: StatusCode, path: &str, got: Got, version: u64) -> Response {
    let bytes = match got {
        Got::Bytes(b) => b.as_ref().clone(),
        // Where the file lies on this computer is not told to the browser.
        Got::File(from) => match tokio::fs::read(&from).await {
            Ok(b) => b,
            Err(e) => {
                eprintln!("读取 {} 失败：{e}", from.display());
                return (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    format!("读取 /{path} 失败"),
                )
                    .into_response();
            }
        },
        // The overlay (from the status) says what is wrong; the page says it without script too.
        Got::Failed(d) => {
            let text = crate::diag::render_human(&d, false);
            let body = format!(
                "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>模板出错</title></head><body><h1>这个页面的模板出错了</h1><pre>{}</pre></body></html>",
                escape(&text)
            );
            return html(
                StatusCode::INTERNAL_SERVER_ERROR,
                inject(body.as_bytes(), version),
            );
        }
    };
    let ct = content_type(path);
    if ct.starts_with("text/html") {
        return html(status, inject(&bytes, version));
    }
    let mut r = (status, Body::from(bytes)).into_response();
    r.headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(ct));
    r.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    r
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}
