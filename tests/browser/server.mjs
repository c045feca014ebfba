// A small static server for the built site, bound to 127.0.0.1: directories serve index.html,
// anything missing gets the site's 404.html with status 404, as a real host would.
import http from "node:http";
import fs from "node:fs/promises";
import path from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
};

async function file(p) {
  try {
    const st = await fs.stat(p);
    if (st.isDirectory()) return file(path.join(p, "index.html"));
    return { path: p, body: await fs.readFile(p) };
  } catch {
    return null;
  }
}

/** Starts serving `root`; resolves to { url, close }. */
export async function serve(root) {
  root = path.resolve(root);
  const server = http.createServer(async (req, res) => {
    let rel;
    try {
      rel = decodeURIComponent(new URL(req.url, "http://x").pathname);
    } catch {
      rel = "/";
    }
    const target = path.resolve(root, "." + rel);
    let found = target.startsWith(root) ? await file(target) : null;
    if (found && rel.endsWith("/") === false && found.path.endsWith("index.html") && !target.endsWith(".html")) {
      res.writeHead(301, { location: rel + "/" });
      res.end();
      return;
    }
    let status = 200;
    if (!found) {
      status = 404;
      found = await file(path.join(root, "404.html"));
    }
    const type = TYPES[path.extname(found ? found.path : ".txt")] || "application/octet-stream";
    res.writeHead(status, { "content-type": type, "content-length": found ? found.body.length : 0 });
    res.end(req.method === "HEAD" || !found ? undefined : found.body);
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((ok) => server.close(ok)),
  };
}
