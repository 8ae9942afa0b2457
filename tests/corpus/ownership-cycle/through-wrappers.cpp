// RUN: %verify %s
// Cycles carried by containers, vocabulary types and by-value members.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

// Through a by-value struct.
struct Session;
struct Handlers {
  std::shared_ptr<Session> session; // expected-warning {{'Handlers::session' closes a reference cycle that is never freed (Handlers -> Session -> Connection -> Handlers)}} expected-note {{'Handlers::session' (std::shared_ptr) keeps 'Session' alive}}
};
struct Connection {
  Handlers handlers; // expected-note {{'Connection::handlers' (by value) keeps 'Handlers' alive}}
};
struct Session {
  std::shared_ptr<Connection> connection; // expected-note {{'Session::connection' (std::shared_ptr) keeps 'Connection' alive}}
};

// Through a map and an optional.
struct Registry;
struct Entry {
  std::optional<std::shared_ptr<Registry>> owner; // expected-warning {{'Entry::owner' closes a reference cycle}} expected-note {{'Entry::owner' (std::optional of std::shared_ptr) keeps 'Registry' alive}}
};
struct Registry {
  std::map<std::string, std::shared_ptr<Entry>> entries; // expected-note {{'Registry::entries' (std::map of std::shared_ptr) keeps 'Entry' alive}}
};

// Through a variant.
struct Job;
struct Scheduler {
  std::vector<std::variant<int, std::shared_ptr<Job>>> queue; // expected-note {{'Scheduler::queue' (std::vector of std::variant of std::shared_ptr) keeps 'Job' alive}}
};
struct Job {
  std::shared_ptr<Scheduler> scheduler; // expected-warning {{'Job::scheduler' closes a reference cycle}} expected-note {{'Job::scheduler' (std::shared_ptr) keeps 'Scheduler' alive}}
};

// The same shapes with a weak link are fine.
struct QuietRegistry;
struct QuietEntry {
  std::optional<std::weak_ptr<QuietRegistry>> owner;
};
struct QuietRegistry {
  std::map<std::string, std::shared_ptr<QuietEntry>> entries;
};
