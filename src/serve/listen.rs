//! Accepting connections: HTTP/1 with WebSocket upgrades, each connection closed once it stays silent too long.

use axum::Router;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use std::time::Duration;
use tokio::net::TcpListener;

/// Serves `router` on `listener` until Ctrl-C.
///
/// A connection must send a whole request head within `idle` of opening, and of each answer
/// after that: hyper's header read timeout, which runs from the moment the connection waits for a
/// request, so it closes a connection that sends nothing, one that stalls halfway through a
/// request line, and a keep-alive connection left idle. (`axum::serve` sets no timer, so hyper
/// applies no timeout there; its auto-detecting builder would also wait untimed for the first
/// bytes.) WebSocket connections leave hyper once upgraded: the live-reload handler pings them.
pub(crate) async fn serve(
    listener: TcpListener,
    router: Router,
    idle: Duration,
) -> Result<(), String> {
    let stop = tokio::signal::ctrl_c();
    tokio::pin!(stop);
    loop {
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                Err(e) => {
                    // The peer gave up before we took it: nothing to do. Anything else (too many
                    // open files) is given a moment to pass.
                    if !is_connection_error(&e) {
                        tokio::time::sleep(Duration::from_secs(1)).await;
                    }
                    continue;
                }
            },
            _ = &mut stop => return Ok(()),
        };
        let service = TowerToHyperService::new(router.clone());
        tokio::spawn(async move {
            let mut builder = http1::Builder::new();
            builder.timer(TokioTimer::new()).header_read_timeout(idle);
            // Errors here are the client's (a timeout, a malformed request, a reset).
            let _ = builder
                .serve_connection(TokioIo::new(stream), service)
                .with_upgrades()
                .await;
        });
    }
}

fn is_connection_error(e: &std::io::Error) -> bool {
    use std::io::ErrorKind::*;
    matches!(
        e.kind(),
        ConnectionRefused | ConnectionAborted | ConnectionReset
    )
}
