// RUN: %verify %s
// An object owns what its std::unique_ptr member points to: a callable
// stored in that object (by a setter or its constructor) keeps the owner's
// owner alive just as through a std::shared_ptr member.
// From evpp (Qihoo360/evpp 477033f), evpp/connector.cc:124-126:
// `chan_.reset(new FdChannel(...)); chan_->SetWriteCallback(std::bind(
// &Connector::HandleWrite, shared_from_this()));` with
// `std::unique_ptr<FdChannel> chan_` (evpp clears the callback in
// FdChannel::Close(), so that code is not a leak), and connector.cc:49
// `timer_.reset(new TimerEventWatcher(loop_, std::bind(...,
// shared_from_this()), timeout_))` with a unique_ptr timer_. Before the fix
// (cyclint 0989eb8) both were silent; the same code with std::shared_ptr members and
// make_shared is reported.
#include <functional>
#include <memory>

struct Channel {
  std::function<void()> write_fn_;
  void SetWriteCallback(const std::function<void()> &cb) { write_fn_ = cb; }
};
struct Connector : std::enable_shared_from_this<Connector> {
  std::unique_ptr<Channel> chan_;
  void HandleWrite();
  void Connect() {
    chan_ = std::make_unique<Channel>(); // expected-note {{'this->chan_' ('Connector::chan_') keeps 'a new object' alive}}
    chan_->SetWriteCallback(std::bind(&Connector::HandleWrite, shared_from_this())); // expected-warning {{'Channel::write_fn_' keeps a 'std::bind' result that holds 'shared_from_this()'}} expected-note {{('Channel::write_fn_') keeps the 'std::bind' result alive, set by the call to 'Channel::SetWriteCallback'}} expected-note {{the 'std::bind' result holds 'shared_from_this()', which keeps 'this' alive}}
  }
};

struct TimerWatcher {
  std::function<void()> handler_;
  explicit TimerWatcher(const std::function<void()> &h) : handler_(h) {}
};
struct Pinger : std::enable_shared_from_this<Pinger> {
  std::unique_ptr<TimerWatcher> timer_;
  void OnTimeout();
  void Start() {
    timer_ = std::make_unique<TimerWatcher>(std::bind(&Pinger::OnTimeout, shared_from_this())); // expected-warning {{'TimerWatcher::handler_' keeps a 'std::bind' result that holds 'shared_from_this()'}} expected-note {{('TimerWatcher::handler_') keeps the 'std::bind' result alive}} expected-note {{the 'std::bind' result holds 'shared_from_this()', which keeps 'this' alive}} expected-note {{'Pinger::timer_'}}
  }
};
