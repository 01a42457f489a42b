// libFuzzer target: bytes as they arrive on the endpoint's socket, parsed by Beast as the server parses
// them, then routed on a real SQLite store. No input may crash the router, answer outside 100-599, or
// serve the marker file that sits next to (not inside) the site folder.
#include <boost/asio/buffer.hpp>
#include <boost/beast/http/parser.hpp>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <unistd.h>

#include "router.hpp"
#include "sqlite_store.hpp"

namespace fs = std::filesystem;
using namespace madoguchi::endpoint;

namespace {

constexpr std::string_view kSecret = "MADOGUCHI-FUZZ-SECRET";

struct World {
  fs::path root;
  std::unique_ptr<SqliteStore> store;
  std::unique_ptr<Services> services;
};

void write(const fs::path& file, std::string_view text) { std::ofstream(file, std::ios::binary) << text; }

// /dev/shm when there is one: the store fsyncs every commit, which tmpfs makes cheap.
World& world() {
  static World* w = [] {
    auto* made = new World;
    const fs::path base = fs::exists("/dev/shm") ? fs::path("/dev/shm") : fs::temp_directory_path();
    made->root = base / ("madoguchi-request-fuzz-" + std::to_string(::getpid()));
    fs::create_directories(made->root / "site" / "sub");
    write(made->root / "site" / "index.html", "<!doctype html><title>窓口</title>");
    write(made->root / "site" / "sub" / "data.json", "{}");
    write(made->root / "secret.txt", kSecret);
    made->store = std::make_unique<SqliteStore>(made->root / "data" / "portal.db");
    // The test-vector ward key (crypto/test-vectors/envelope-v1.json), so seed envelopes are accepted.
    AcceptedKeys keys = parse_accepted_keys(
        R"({"keys":[{"key_id":"79427074a56e3988","public_key":"SjgH0GTQdxgcwHCYnnaJHSDcpVWVSNwsd8GlAnOIKzg="}]})",
        "fuzz keys");
    made->services = std::make_unique<Services>(Services{fs::canonical(made->root / "site"), *made->store, keys});
    std::atexit([] { fs::remove_all(world().root); });
    return made;
  }();
  return *w;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  World& w = world();
  http::request_parser<http::string_body> parser;
  parser.header_limit(16 * 1024);
  parser.body_limit(kDefaultBodyLimit);
  boost::beast::error_code ec;
  std::size_t used = 0;
  while (used < size && !parser.is_done()) {
    const std::size_t n = parser.put(boost::asio::buffer(data + used, size - used), ec);
    if (ec || n == 0) break;
    used += n;
  }
  if (!parser.is_done()) return 0;
  const Response res = route(parser.get(), *w.services);
  const unsigned status = res.result_int();
  if (status < 100 || status > 599) std::abort();
  // Errors echo the (sanitised) target, so the marker counts only when the request did not carry it.
  const std::string_view request(reinterpret_cast<const char*>(data), size);
  if (res.body().find(kSecret) != std::string::npos && request.find(kSecret) == std::string_view::npos) std::abort();
  return 0;
}
