// A widget with a unique_ptr pimpl; the Impl is defined in pimpl-impl.cpp
// only, and holds a controller that holds the widget: a cycle no TU sees
// whole.
#include <memory>
class Controller;
class Widget {
public:
  Widget();
  ~Widget();
private:
  struct Impl;
  std::unique_ptr<Impl> impl_; // expected-note {{'Widget::impl_' (std::unique_ptr) keeps 'Widget::Impl' alive}}
};
class Controller {
  std::shared_ptr<Widget> widget_; // expected-warning {{'Controller::widget_' closes a reference cycle that is never freed (Controller -> Widget -> Widget::Impl -> Controller)}} expected-note {{'Controller::widget_' (std::shared_ptr) keeps 'Widget' alive}}
};

// A raw-pointer pimpl that the destructor (in pimpl-impl.cpp) deletes is
// owning too.
struct Engine;
class Car {
public:
  ~Car();
  Engine *engine; // expected-note {{'Car::engine' (raw pointer deleted by the destructor) keeps 'Engine' alive}}
  Engine *spare;  // borrowed: never deleted
};
