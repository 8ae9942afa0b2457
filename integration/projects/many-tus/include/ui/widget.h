// A widget tree whose parent link is strong: a parent/child cycle within
// one class. The window link is weak and must stay silent.
#pragma once
#include <memory>
#include <vector>

namespace ui {
class Window;

class Widget {
public:
  virtual ~Widget() = default;

protected:
  std::vector<std::shared_ptr<Widget>> children;
  std::shared_ptr<Widget> parent;
  std::weak_ptr<Window> window;
};

class Label : public Widget {
  int width = 0;
};
} // namespace ui
