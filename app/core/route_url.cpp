// Fragments rather than paths: they need nothing from the web server and never reach it.
#include "route_url.hpp"

#include "draft_id.hpp"

namespace madoguchi {
namespace {

std::vector<std::string_view> segments(std::string_view path) {
  std::vector<std::string_view> out;
  while (!path.empty()) {
    const std::size_t slash = path.find('/');
    out.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return out;
}

// A form's page as people count them, from 1; a form has far fewer pages than the bound.
std::optional<int> page_number(std::string_view text) {
  if (text.empty() || text.size() > 2 || text[0] == '0') return std::nullopt;
  int number = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    number = number * 10 + (c - '0');
  }
  return number;
}

}  // namespace

std::string route_fragment(const Route& route) {
  std::string out = "#/";
  if (route.screen == Screen::Home) return out;
  if (route.screen == Screen::Applications) return out + "applications";
  if (route.screen == Screen::Backup) return out + "backup";
  if (route.screen == Screen::Settings) return out + "settings";
  if (!route.event_id.empty()) out += "event/" + route.event_id;
  if (route.screen == Screen::Event) return out;
  if (route.screen == Screen::SendTogether) return out + "/send";
  if (!route.event_id.empty()) out += "/";
  out += "apply/" + route.draft_id;
  if (route.screen == Screen::Form && route.page > 0) out += "/page/" + std::to_string(route.page + 1);
  if (route.screen == Screen::Review) out += "/review";
  if (route.screen == Screen::Receipt) out += "/receipt";
  return out;
}

std::optional<Route> route_from_fragment(std::string_view fragment) {
  if (fragment.starts_with("#")) fragment.remove_prefix(1);
  if (fragment.starts_with("/")) fragment.remove_prefix(1);
  if (fragment.ends_with("/")) fragment.remove_suffix(1);
  const auto s = segments(fragment);
  Route route;
  std::size_t i = 0;
  if (s.empty()) return route;
  if (s.size() == 1 && s[0] == "applications") return Route{Screen::Applications, {}, {}};
  if (s.size() == 1 && s[0] == "backup") return Route{Screen::Backup, {}, {}};
  if (s.size() == 1 && s[0] == "settings") return Route{Screen::Settings, {}, {}};
  if (s[0] == "event") {
    if (s.size() < 2 || !is_catalog_id(s[1])) return std::nullopt;
    route.screen = Screen::Event;
    route.event_id = std::string(s[1]);
    i = 2;
  }
  if (i == s.size()) return i == 0 ? std::nullopt : std::optional<Route>(route);
  if (i == 2 && s.size() == 3 && s[2] == "send") return Route{Screen::SendTogether, route.event_id, {}};
  if (s[i] != "apply" || i + 1 >= s.size() || !is_draft_id(s[i + 1])) return std::nullopt;
  route.draft_id = std::string(s[i + 1]);
  route.screen = Screen::Form;
  i += 2;
  if (i == s.size()) return route;
  if (s[i] == "page" && i + 2 == s.size()) {
    const auto number = page_number(s[i + 1]);
    if (!number) return std::nullopt;
    route.page = *number - 1;
    return route;
  }
  if (i + 1 != s.size()) return std::nullopt;
  if (s[i] == "review") route.screen = Screen::Review;
  else if (s[i] == "receipt") route.screen = Screen::Receipt;
  else return std::nullopt;
  return route;
}

std::vector<Route> parent_routes(const Route& route) {
  std::vector<Route> out;
  if (route.screen == Screen::Home) return out;
  out.push_back(Route{});
  if (route.screen != Screen::Event && !route.event_id.empty()) out.push_back(Route{Screen::Event, route.event_id, {}});
  if (route.screen == Screen::Review) out.push_back(Route{Screen::Form, route.event_id, route.draft_id});
  if (route.screen == Screen::Backup) out.push_back(Route{Screen::Applications, {}, {}});
  return out;
}

}  // namespace madoguchi
