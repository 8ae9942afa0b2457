// RUN: %verify %s
// A callable that keeps its owner alive, std spellings: a lambda capturing
// shared_from_this() or a copied shared_ptr, std::bind with a shared_ptr
// bound (the object argument included), std::function wrapping either, and
// a thread running one, stored in the object's own member, in a container
// it owns, or in a member of something it owns (in a callee too).
#include <functional>
#include <map>
#include <memory>
#include <thread>
#include <utility>
#include <vector>

struct Session : std::enable_shared_from_this<Session> {
  std::function<void()> on_timeout;
  void close();
  void start() {
    on_timeout = [self = shared_from_this()] { self->close(); }; // expected-warning {{'Session::on_timeout' keeps a lambda that captures 'self', a strong reference to 'this', which keeps the lambda alive: a reference cycle that is never freed; capture a weak reference instead (weak_from_this(), std::weak_ptr), or reset the callable when it is done [cyclint-capture-cycle]}} expected-note {{'this->on_timeout' ('Session::on_timeout') keeps the lambda alive}} expected-note {{the lambda captures 'self', which keeps 'this' alive}}
  }
};

// Captured by copy through [=], from a local copy of shared_from_this().
struct Poller : std::enable_shared_from_this<Poller> {
  std::vector<std::function<void()>> handlers_;
  void poll();
  void add() {
    auto self = shared_from_this();
    std::function<void()> cb = [=] { self->poll(); }; // expected-note {{the lambda captures 'self', which keeps 'this' alive}}
    handlers_.push_back(cb); // expected-warning {{'Poller::handlers_' keeps a lambda that captures 'self'}} expected-note {{'this->handlers_' ('Poller::handlers_') keeps the lambda alive}}
  }
};

// std::bind with the object argument, into a map value.
struct Router : std::enable_shared_from_this<Router> {
  std::map<int, std::function<void()>> routes_;
  void handle();
  void install() {
    routes_[1] = std::bind(&Router::handle, shared_from_this()); // expected-warning {{'Router::routes_' keeps a 'std::bind' result that holds 'shared_from_this()', a strong reference to 'this'}} expected-note {{'this->routes_' ('Router::routes_') keeps the 'std::bind' result alive}} expected-note {{the 'std::bind' result holds 'shared_from_this()', which keeps 'this' alive}}
  }
};

// A thread the object owns, running a lambda that captured it, never joined.
struct Worker : std::enable_shared_from_this<Worker> {
  std::thread thread_;
  void loop();
  void start() {
    thread_ = std::thread([self = shared_from_this()] { self->loop(); }); // expected-warning {{'Worker::thread_' keeps a lambda that captures 'self'}} expected-note {{'this->thread_' ('Worker::thread_') keeps the lambda alive}} expected-note {{the lambda captures 'self', which keeps 'this' alive}}
  }
};

// Stored in a member of something the object owns, by a setter.
struct Timer {
  std::function<void()> fire_;
  void onFire(std::function<void()> cb) { fire_ = std::move(cb); }
};
struct Connection : std::enable_shared_from_this<Connection> {
  std::shared_ptr<Timer> timer_;
  void ping();
  void arm() {
    timer_->onFire([self = shared_from_this()] { self->ping(); }); // expected-warning {{'Timer::fire_' keeps a lambda that captures 'self'}} expected-note {{'this->timer_->fire_' ('Timer::fire_') keeps the lambda alive, set by the call to 'Timer::onFire'}} expected-note {{the lambda captures 'self', which keeps 'this' alive}} expected-note {{'this' keeps 'this->timer_' alive through 'Connection::timer_'}}
  }
};

// A shared_ptr parameter captured, stored in that object's own member.
struct Job {
  std::function<void()> done;
};
void schedule(const std::shared_ptr<Job> &job) {
  job->done = [job] { (void)job; }; // expected-warning {{'Job::done' keeps a lambda that captures 'job', a strong reference to 'job'}} expected-note {{'job->done' ('Job::done') keeps the lambda alive}} expected-note {{the lambda captures 'job', which keeps 'job' alive}}
}
