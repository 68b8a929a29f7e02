"""Serves the page on 127.0.0.1 only: / is the single-file page built from www/
(dist/webex-device-identity.html), the same file that works from disk; /pkg/ is
the ES module package. Sends the headers an intranet server should send too."""

import http.server
import re
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
MOUNTS = {"/pkg/": ROOT / "pkg", "/": ROOT / "dist"}
PAGE = "webex-device-identity.html"
def page_csp():
    """The page's own policy (its meta tag, with the hashes of its inline code),
    plus what a meta tag cannot say: the header is exactly as strict."""
    html = (ROOT / "dist" / PAGE).read_text(encoding="utf-8")
    meta = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html)
    return (meta.group(1) if meta else "default-src 'none'") + "; frame-ancestors 'none'"


HEADERS = {
    "Content-Security-Policy": page_csp(),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
    "Cache-Control": "no-store",
}


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".wasm": "application/wasm", ".js": "text/javascript", ".mjs": "text/javascript"}

    def translate_path(self, path):
        path = path.split("?", 1)[0].split("#", 1)[0]
        if path == "/":
            path = "/" + PAGE
        for prefix, folder in MOUNTS.items():
            if path.startswith(prefix):
                target = (folder / path[len(prefix):]).resolve()
                # Never serve anything outside the mounted folder.
                if target == folder or folder in target.parents:
                    return str(target)
        return str(ROOT / "www" / "404")

    def end_headers(self):
        for name, value in HEADERS.items():
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, fmt, *args):
        sys.stderr.write("serve: " + fmt % args + "\n")


def main():
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 8765
    for candidate in range(port, port + 20):
        try:
            server = http.server.ThreadingHTTPServer(("127.0.0.1", candidate), Handler)
        except OSError:
            continue
        print(f"Serving the page at http://127.0.0.1:{candidate}/ (Ctrl-C to stop)", flush=True)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
        return
    sys.exit(f"serve: no free port in {port}..{port + 19}")


if __name__ == "__main__":
    main()
