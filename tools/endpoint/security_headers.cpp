// The portal's security headers. The CSP allows only same-origin code and needs 'wasm-unsafe-eval'
// to compile the app's WebAssembly; the web shell has no inline scripts or styles, so none are allowed.
// connect-src 'self' is what lets the app fetch /api/ on its own origin, and nothing else.
#include "security_headers.hpp"

namespace madoguchi::endpoint {

void add_security_headers(Response& res, bool hsts) {
    res.set("X-Content-Type-Options", "nosniff");
    // Portal addresses can reveal which procedure a resident is doing; never send them to other sites.
    res.set("Referrer-Policy", "no-referrer");
    if (hsts) {
        // The endpoint speaks plain HTTP and cannot see whether a TLS proxy is in front, so the operator
        // says so. No includeSubDomains: the ward's other hosts decide for themselves.
        res.set("Strict-Transport-Security", "max-age=31536000");
    }
    if (res[http::field::content_type].starts_with("text/html")) {
        res.set("Content-Security-Policy",
                "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
                "img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
                "form-action 'self'; frame-ancestors 'none'");
    }
}

}  // namespace madoguchi::endpoint
