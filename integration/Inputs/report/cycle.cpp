// Input of report-formats.test and baseline.test: a parent/child cycle
// (Child::parent closes it). The baseline test edits a copy.
#include <memory>
#include <vector>

struct Child;
struct Parent {
  std::vector<std::shared_ptr<Child>> children;
};
struct Child {
  std::shared_ptr<Parent> parent;
};
