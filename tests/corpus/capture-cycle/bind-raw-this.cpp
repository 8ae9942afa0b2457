// RUN: %verify %s
// A binder or thread given the raw `this` as its object argument owns
// nothing, exactly like a lambda capturing [this]: no cycle.
// From muduo (chenshuo/muduo f1fc77e), examples/memcached/server/Session.h:36,
// `conn_->setMessageCallback(std::bind(&Session::onMessage, this, _1, _2, _3))`
// with `conn_` a TcpConnectionPtr member. Before the fix (cyclint 0989eb8) each
// statement below is reported as "holds 'this', a strong reference to
// 'this'": the object argument of std::bind / std::thread is taken as a
// strong reference whatever its type. The raw-pointer thread shape is the
// one of IXWebSocket (`_thread = std::thread(&HttpClient::run, this)`).
// expected-no-diagnostics
#include <functional>
#include <memory>
#include <thread>
#include <vector>
#include <boost/bind/bind.hpp>
#include <boost/function.hpp>

using namespace std::placeholders;

// The muduo shape: a setter of a connection the session owns.
struct Connection {
  std::function<void(int)> messageCallback_;
  void setMessageCallback(std::function<void(int)> cb) { messageCallback_ = std::move(cb); }
};
struct Session : std::enable_shared_from_this<Session> {
  std::shared_ptr<Connection> conn_;
  void onMessage(int);
  explicit Session(const std::shared_ptr<Connection> &conn) : conn_(conn) {
    conn_->setMessageCallback(std::bind(&Session::onMessage, this, _1));
  }
};

// The object's own callable member.
struct Own {
  std::function<void()> cb;
  void f();
  void start() { cb = std::bind(&Own::f, this); }
};

// A container of callables it owns, boost::bind.
struct Handlers {
  std::vector<boost::function<void()>> handlers_;
  void f();
  void add() { handlers_.push_back(boost::bind(&Handlers::f, this)); }
};

// A thread member running a member function on the raw `this`.
struct Worker {
  std::thread thread_;
  void run();
  void start() { thread_ = std::thread(&Worker::run, this); }
};
