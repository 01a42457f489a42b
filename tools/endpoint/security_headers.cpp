// The portal's security headers. The CSP allows only same-origin code and needs 'wasm-unsafe-eval'
// to compile the app's WebAssembly; the web shell has no inline scripts or styles, so none are allowed.
#include "security_headers.hpp"

namespace madoguchi::endpoint {

void add_security_headers(Response& res) {
    res.set("X-Content-Type-Options", "nosniff");
    // Portal addresses can reveal which procedure a resident is doing; never send them to other sites.
    res.set("Referrer-Policy", "no-referrer");
    if (res[http::field::content_type].starts_with("text/html")) {
        res.set("Content-Security-Policy",
                "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
                "img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
                "frame-ancestors 'none'");
    }
}

}  // namespace madoguchi::endpoint
