// RUN: %verify %s
// expected-no-diagnostics
// The back link is a weak_ptr (or a raw pointer): the cycle is broken.
#include <memory>
#include <vector>

struct Child;
struct Parent {
  std::vector<std::shared_ptr<Child>> children;
};
struct Child {
  std::weak_ptr<Parent> parent;
};

struct RawChild;
struct RawParent {
  std::vector<std::shared_ptr<RawChild>> children;
};
struct RawChild {
  RawParent *parent;
};
