// The correct shape of the same relation: the back link is a weak_ptr, so
// nothing here may be reported.
#include <memory>
#include <vector>

class Toolbar;

class Button {
public:
  std::weak_ptr<Toolbar> toolbar;
};

class Toolbar {
public:
  std::vector<std::shared_ptr<Button>> buttons;
};

std::shared_ptr<Toolbar> makeToolbar() {
  auto bar = std::make_shared<Toolbar>();
  auto button = std::make_shared<Button>();
  button->toolbar = bar;
  bar->buttons.push_back(button);
  return bar;
}
