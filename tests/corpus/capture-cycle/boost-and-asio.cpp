// RUN: %verify %s
// Boost spellings (boost::function, boost::bind, a boost::signals2::signal
// the object owns, boost::thread) and asio completion handlers against the
// real Debian headers: a handler that captures `self` and is handed to an
// asio operation runs once and is dropped, so it is no cycle.
#include <boost/asio.hpp>
#include <boost/bind/bind.hpp>
#include <boost/function.hpp>
#include <boost/signals2.hpp>
#include <boost/shared_ptr.hpp>
#include <boost/enable_shared_from_this.hpp>
#include <boost/thread/thread.hpp>

struct Button : boost::enable_shared_from_this<Button> {
  boost::signals2::signal<void()> clicked;
  void redraw();
  void wire() {
    clicked.connect(boost::bind(&Button::redraw, shared_from_this())); // expected-warning {{'Button::clicked' keeps a 'boost::bind' result that holds 'shared_from_this()', a strong reference to 'this'}} expected-note {{'this->clicked' ('Button::clicked') keeps the 'boost::bind' result alive}} expected-note {{the 'boost::bind' result holds 'shared_from_this()', which keeps 'this' alive}}
  }
};

struct Watchdog : boost::enable_shared_from_this<Watchdog> {
  boost::function<void()> on_expire;
  void bark();
  void arm() {
    boost::shared_ptr<Watchdog> self = shared_from_this();
    on_expire = [self] { self->bark(); }; // expected-warning {{'Watchdog::on_expire' keeps a lambda that captures 'self'}} expected-note {{'this->on_expire' ('Watchdog::on_expire') keeps the lambda alive}} expected-note {{the lambda captures 'self', which keeps 'this' alive}}
  }
};

struct Pump : boost::enable_shared_from_this<Pump> {
  boost::thread worker;
  void run();
  void start() {
    worker = boost::thread([self = shared_from_this()] { self->run(); }); // expected-warning {{'Pump::worker' keeps a lambda that captures 'self'}} expected-note {{'this->worker' ('Pump::worker') keeps the lambda alive}} expected-note {{the lambda captures 'self', which keeps 'this' alive}}
  }
};

// --- Not cycles -------------------------------------------------------

// asio: the handler is the operation's until it runs, then dropped.
struct Reader : std::enable_shared_from_this<Reader> {
  explicit Reader(boost::asio::ip::tcp::socket s) : socket_(std::move(s)) {}
  boost::asio::ip::tcp::socket socket_;
  char data_[128];
  void read() {
    auto self = shared_from_this();
    socket_.async_read_some(boost::asio::buffer(data_),
                            [self](boost::system::error_code, std::size_t) {
                              self->read();
                            });
  }
};

// A signal connected with a weak reference.
struct Label : boost::enable_shared_from_this<Label> {
  boost::signals2::signal<void()> changed;
  void update();
  void wire() {
    boost::weak_ptr<Label> weak = shared_from_this();
    changed.connect([weak] {
      if (auto s = weak.lock())
        s->update();
    });
  }
};

// Slots disconnected when the object is done.
struct Panel : boost::enable_shared_from_this<Panel> {
  boost::signals2::signal<void()> resized;
  void layout();
  void wire() { resized.connect(boost::bind(&Panel::layout, shared_from_this())); }
  void close() { resized.disconnect_all_slots(); }
};
