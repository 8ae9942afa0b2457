#include "ui/widget.h"
#include "ui/window.h"

std::shared_ptr<ui::Window> makeWindow() { return std::make_shared<ui::Window>(); }
