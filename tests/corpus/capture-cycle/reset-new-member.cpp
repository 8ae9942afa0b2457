// RUN: %verify %s
// `member.reset(new T(...))` on a std::shared_ptr member makes an object the
// member owns, like `member = std::make_shared<T>(...)`; a callable stored
// into it (by T's constructor, or by a setter right after) closes the same
// cycle.
// From trantor (an-tao/trantor 63a4e5e), trantor/net/inner/Connector.cc:146,
// `channelPtr_.reset(new Channel(loop_, sockfd)); channelPtr_->
// setWriteCallback(std::bind(&Connector::handleWrite, shared_from_this()));`
// (trantor resets channelPtr_ in removeAndResetChannel(), so not a leak
// there), and evpp's examples/recipes/self_control_timer/*/invoke_timer.cc:26,
// `timer_.reset(new TimerEventWatcher(loop_, std::bind(
// &InvokeTimer::OnTimerTriggered, shared_from_this()), timeout_ms_))`.
// Before the fix (cyclint 0989eb8) both are silent, while the make_shared spelling of
// each is reported.
#include <functional>
#include <memory>

struct Channel {
  std::function<void()> writeCallback_;
  void setWriteCallback(std::function<void()> cb) { writeCallback_ = std::move(cb); }
};
struct Connector : std::enable_shared_from_this<Connector> {
  std::shared_ptr<Channel> channelPtr_;
  void handleWrite();
  void connecting() {
    channelPtr_.reset(new Channel); // expected-note {{'this->channelPtr_' ('Connector::channelPtr_') keeps 'a new object' alive}}
    channelPtr_->setWriteCallback(std::bind(&Connector::handleWrite, shared_from_this())); // expected-warning {{'Channel::writeCallback_' keeps a 'std::bind' result that holds 'shared_from_this()'}} expected-note {{('Channel::writeCallback_') keeps the 'std::bind' result alive, set by the call to 'Channel::setWriteCallback'}} expected-note {{the 'std::bind' result holds 'shared_from_this()', which keeps 'this' alive}}
  }
};

struct TimerEventWatcher {
  std::function<void()> handler_;
  explicit TimerEventWatcher(const std::function<void()> &h) : handler_(h) {}
};
struct InvokeTimer : std::enable_shared_from_this<InvokeTimer> {
  std::shared_ptr<TimerEventWatcher> timer_;
  void OnTimerTriggered();
  void Start() {
    timer_.reset(new TimerEventWatcher(std::bind(&InvokeTimer::OnTimerTriggered, shared_from_this()))); // expected-warning {{'TimerEventWatcher::handler_' keeps a 'std::bind' result that holds 'shared_from_this()'}} expected-note {{('TimerEventWatcher::handler_') keeps the 'std::bind' result alive}} expected-note {{the 'std::bind' result holds 'shared_from_this()', which keeps 'this' alive}} expected-note {{'InvokeTimer::timer_'}}
  }
};
