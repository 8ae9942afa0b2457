// A parent/child cycle: Child::parent closes it.
#include <memory>
#include <vector>

struct Child;
struct Parent {
  std::vector<std::shared_ptr<Child>> children;
};
struct Child {
  std::shared_ptr<Parent> parent;
};
