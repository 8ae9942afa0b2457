#pragma once
#include <memory>
#include <string>

namespace ui {
class Widget;

class Window {
public:
  std::string title;
  std::shared_ptr<Widget> root;
};
} // namespace ui
