// RUN: %verify %s
// A setter that stores the callable and also hands it (by const reference)
// to another object still made the link it stores: passing the callable on
// cannot undo `conn_fn_ = cb`, nor change what the callable captured.
// From evpp (Qihoo360/evpp 477033f): TCPClient::SetConnectionCallback
// (evpp/tcp_client.cc:93) does `conn_fn_ = cb; auto c = conn(); if (c)
// c->SetConnectionCallback(cb);`, and test/tcp_client_test.cc:31 and
// test/stability/stability_tcp2_client.h:29 do
// `client->SetConnectionCallback([loop, client](...) {...}); ...
// client.reset();` -- a real leak: the TCPClient keeps a lambda that keeps
// the TCPClient. Today (cyclint 0989eb8) the call is silent: the callable
// escapes to `c->SetConnectionCallback(cb)` (a call result's method) and the
// escape makes the whole cycle "don't know". With the forwarding lines
// removed from evpp's setter, the reduced function is reported.
#include <functional>
#include <memory>

struct Conn {
  std::function<void(int)> conn_fn_;
  void SetConnectionCallback(const std::function<void(int)> &cb) { conn_fn_ = cb; }
};
struct TCPClient {
  std::function<void(int)> conn_fn_;
  std::shared_ptr<Conn> conn() const;
  void SetConnectionCallback(const std::function<void(int)> &cb) {
    conn_fn_ = cb;
    auto c = conn();
    if (c)
      c->SetConnectionCallback(cb);
  }
};

void testDisconnectImmediately() {
  std::shared_ptr<TCPClient> client(new TCPClient);
  client->SetConnectionCallback([client](int) {}); // expected-warning {{'TCPClient::conn_fn_' keeps a lambda that captures 'client', a strong reference to 'client'}} expected-note {{'client->conn_fn_' ('TCPClient::conn_fn_') keeps the lambda alive, set by the call to 'TCPClient::SetConnectionCallback'}} expected-note {{the lambda captures 'client', which keeps 'client' alive}}
}
