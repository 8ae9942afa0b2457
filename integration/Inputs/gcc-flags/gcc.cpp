// Named by `gcc` (the C driver) but a .cpp file: still C++, with GNU
// extensions.
#include <stddef.h>
#include <memory>

struct Tab;
struct Pane {
  std::shared_ptr<Tab> tab;
};
struct Tab {
  std::shared_ptr<Pane> parent;
};

size_t width(const Pane &p) {
  __typeof__(sizeof p) n = sizeof p;
  return n;
}
