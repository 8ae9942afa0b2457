#include "ui/widget.h"

std::shared_ptr<ui::Widget> makeLabel() { return std::make_shared<ui::Label>(); }
