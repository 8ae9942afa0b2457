// RUN: %verify %s
// A cycle declared in a base class is shown among the declared classes
// (Widget -> Widget), not through whichever subclass sorts first: adding
// Button and Label must not change the base class's diagnostic.
#include <memory>
#include <vector>

class Widget {
public:
  virtual ~Widget() = default;
  std::vector<std::shared_ptr<Widget>> children; // expected-note {{'Widget::children' (std::vector of std::shared_ptr) keeps 'Widget' alive}}
  std::shared_ptr<Widget> parent; // expected-warning {{'Widget::parent' closes a reference cycle that is never freed (Widget -> Widget -> Widget)}} expected-note {{'Widget::parent' (std::shared_ptr) keeps 'Widget' alive}}
};
class Button : public Widget {
  int width = 0;
};
class Label : public Widget {
  int width = 0;
};
