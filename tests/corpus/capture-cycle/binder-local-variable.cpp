// RUN: %verify %s
// A binder result kept in a local of its own type (`auto f = std::bind(...)`)
// and then stored where the object keeps it is the same cycle as storing the
// bind expression directly.
// From evpp (Qihoo360/evpp 477033f), evpp/connector.cc:60:
// `auto f = std::bind(&Connector::OnDNSResolved, shared_from_this(), _1);
//  dns_resolver_ = std::make_shared<DNSResolver>(loop_, host, timeout_, f);`
// (evpp resets dns_resolver_ in Cancel(), so that code is not a leak; the
// shape with nothing resetting it is). Before the fix (cyclint 0989eb8) both stores
// below are silent: a local of type std::_Bind<...> is not followed, while
// `auto f = [self = shared_from_this()] {...}` and a std::function local are.
#include <functional>
#include <memory>

struct Connector : std::enable_shared_from_this<Connector> {
  std::function<void()> cb_;
  void fire();
  void start() {
    auto f = std::bind(&Connector::fire, shared_from_this()); // expected-note {{the 'std::bind' result holds 'shared_from_this()', which keeps 'this' alive}}
    cb_ = f; // expected-warning {{'Connector::cb_' keeps a 'std::bind' result that holds 'shared_from_this()', a strong reference to 'this'}} expected-note {{'this->cb_' ('Connector::cb_') keeps the 'std::bind' result alive}}
  }
};

struct Resolver {
  std::function<void(int)> functor_;
  explicit Resolver(const std::function<void(int)> &f) : functor_(f) {}
};
struct Client : std::enable_shared_from_this<Client> {
  std::shared_ptr<Resolver> resolver_;
  void onResolved(int);
  void resolve() {
    auto f = std::bind(&Client::onResolved, shared_from_this(), std::placeholders::_1); // expected-note {{the 'std::bind' result holds 'shared_from_this()', which keeps 'this' alive}}
    resolver_ = std::make_shared<Resolver>(f); // expected-warning {{'Resolver::functor_' keeps a 'std::bind' result that holds 'shared_from_this()'}} expected-note {{('Resolver::functor_') keeps the 'std::bind' result alive}} expected-note {{keeps 'a new object' alive}}
  }
};
