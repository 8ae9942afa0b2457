// RUN: %verify %s
// A member held by value is part of its object: a callable stored into it
// (by its setter, its container, or its public member) is kept by the
// object as surely as one stored into the object's own member.
// From muduo (chenshuo/muduo f1fc77e), examples/socks4a/tunnel.h:35,
// `client_.setConnectionCallback(std::bind(&Tunnel::onClientConnection,
// shared_from_this(), _1))` with `TcpClient client_` held by value (muduo
// breaks that one in Tunnel::teardown(), which stores the default callback
// back; without teardown it is a leak). Before the fix (cyclint 0989eb8) all three are
// silent: stores through `.` on an object held by value are escapes.
#include <functional>
#include <memory>
#include <vector>

struct TcpClient {
  std::function<void(int)> connectionCallback_;
  void setConnectionCallback(std::function<void(int)> cb) { connectionCallback_ = std::move(cb); }
};
struct Tunnel : std::enable_shared_from_this<Tunnel> {
  TcpClient client_;
  void onClientConnection(int);
  void setup() {
    client_.setConnectionCallback(std::bind(&Tunnel::onClientConnection, shared_from_this(), std::placeholders::_1)); // expected-warning {{'TcpClient::connectionCallback_' keeps a 'std::bind' result that holds 'shared_from_this()'}} expected-note {{('TcpClient::connectionCallback_') keeps the 'std::bind' result alive, set by the call to 'TcpClient::setConnectionCallback'}} expected-note {{the 'std::bind' result holds 'shared_from_this()', which keeps 'this' alive}} expected-note {{'this' keeps 'this->client_' alive through 'Tunnel::client_'}}
  }
};

struct Emitter {
  std::vector<std::function<void()>> listeners_;
  void on(std::function<void()> f) { listeners_.push_back(std::move(f)); }
};
struct Widget : std::enable_shared_from_this<Widget> {
  Emitter changed_;
  void redraw();
  void wire() {
    changed_.on([self = shared_from_this()] { self->redraw(); }); // expected-warning {{'Emitter::listeners_' keeps a lambda that captures 'self'}} expected-note {{('Emitter::listeners_') keeps the lambda alive, set by the call to 'Emitter::on'}} expected-note {{the lambda captures 'self', which keeps 'this' alive}} expected-note {{'this' keeps 'this->changed_' alive through 'Widget::changed_'}}
  }
};

struct Watch {
  std::function<void()> handler;
};
struct Timer : std::enable_shared_from_this<Timer> {
  Watch watch_;
  void fire();
  void arm() {
    watch_.handler = [self = shared_from_this()] { self->fire(); }; // expected-warning {{'Watch::handler' keeps a lambda that captures 'self'}} expected-note {{('Watch::handler') keeps the lambda alive}} expected-note {{the lambda captures 'self', which keeps 'this' alive}} expected-note {{'this' keeps 'this->watch_' alive through 'Timer::watch_'}}
  }
};
