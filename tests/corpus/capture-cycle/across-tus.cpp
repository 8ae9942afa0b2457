// RUN: %verify %s %S/Inputs/timer.cpp %S/Inputs/timer.h
// The callable is stored by a setter defined in another translation unit
// (Inputs/timer.cpp): the whole-program step applies its facts at the call.
#include "Inputs/timer.h"

#include <memory>

struct Connection : std::enable_shared_from_this<Connection> {
  std::shared_ptr<Timer> timer_ = std::make_shared<Timer>();
  void ping();
  void arm() {
    timer_->onFire([self = shared_from_this()] { self->ping(); }); // expected-warning {{'Timer::fire_' keeps a lambda that captures 'self', a strong reference to 'this'}} expected-note {{'this->timer_->fire_' ('Timer::fire_') keeps the lambda alive, set by the call to 'Timer::onFire'}} expected-note {{the lambda captures 'self', which keeps 'this' alive}} expected-note {{'this' keeps 'this->timer_' alive through 'Connection::timer_'}}
  }
};
