// RUN: %verify %s
// Callables that do not keep their owner alive, or that the program lets go.
// expected-no-diagnostics
#include <functional>
#include <memory>
#include <thread>
#include <vector>

// `this` captured raw owns nothing.
struct Raw {
  std::function<void()> cb;
  void f();
  void start() { cb = [this] { f(); }; }
};

// A weak_ptr captured: the callable does not keep the object.
struct Weak : std::enable_shared_from_this<Weak> {
  std::function<void()> cb;
  void f();
  void start() {
    cb = [w = weak_from_this()] {
      if (auto s = w.lock())
        s->f();
    };
  }
};

// Handed to code that runs it and drops it (a completion handler).
void post(std::function<void()> handler);
struct Handler : std::enable_shared_from_this<Handler> {
  void f();
  void go() { post([self = shared_from_this()] { self->f(); }); }
};

// Only invoked, never stored.
struct Invoked : std::enable_shared_from_this<Invoked> {
  void f();
  void go() {
    auto cb = [self = shared_from_this()] { self->f(); };
    cb();
  }
};

// Stored in an object the owner does not own.
struct Bus {
  std::vector<std::function<void()>> listeners;
};
struct Listener : std::enable_shared_from_this<Listener> {
  void f();
  void listen(Bus &bus) {
    bus.listeners.push_back([self = shared_from_this()] { self->f(); });
  }
};

// Reset when done: the program breaks the cycle by hand.
struct Resettable : std::enable_shared_from_this<Resettable> {
  std::function<void()> on_done;
  void finish();
  void start() { on_done = [self = shared_from_this()] { self->finish(); }; }
  void stop() { on_done = nullptr; }
};

// A thread joined outside the destructor.
struct Joined : std::enable_shared_from_this<Joined> {
  std::thread t;
  void run();
  void start() { t = std::thread([self = shared_from_this()] { self->run(); }); }
  void wait() { t.join(); }
};

// Stored only on some paths: "don't know" (a later path may never run it).
struct Maybe : std::enable_shared_from_this<Maybe> {
  std::function<void()> cb;
  void f();
  void start(bool b) {
    if (b)
      cb = [self = shared_from_this()] { self->f(); };
  }
};

// A captured shared_ptr to another object the callable's holder does not
// keep alive: no cycle.
struct Other {};
struct Holder {
  std::function<void()> cb;
  void keep(const std::shared_ptr<Other> &o) {
    cb = [o] { (void)o; };
  }
};

// The callable lets itself go when it runs.
struct OneShot : std::enable_shared_from_this<OneShot> {
  std::function<void()> pending;
  void fire();
  void arm() {
    pending = [self = shared_from_this()] {
      self->fire();
      self->pending = nullptr;
    };
  }
};
