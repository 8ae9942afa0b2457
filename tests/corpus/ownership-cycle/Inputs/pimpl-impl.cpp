#include "pimpl.h"
struct Widget::Impl {
  std::shared_ptr<Controller> controller; // expected-note {{'Widget::Impl::controller' (std::shared_ptr) keeps 'Controller' alive}}
};
Widget::Widget() : impl_(new Impl) {}
Widget::~Widget() = default;

struct Engine {
  std::shared_ptr<Car> car; // expected-warning {{'Engine::car' closes a reference cycle that is never freed (Engine -> Car -> Engine)}} expected-note {{'Engine::car' (std::shared_ptr) keeps 'Car' alive}}
};
Car::~Car() { delete engine; }
