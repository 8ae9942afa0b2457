// RUN: %verify %s
// Parent and child hold each other through std::shared_ptr: the child's
// back link is the member to weaken.
#include <memory>
#include <vector>

struct Child;
struct Parent {
  std::vector<std::shared_ptr<Child>> children; // expected-note {{'Parent::children' (std::vector of std::shared_ptr) keeps 'Child' alive}}
};
struct Child {
  std::shared_ptr<Parent> parent; // expected-warning {{'Child::parent' closes a reference cycle that is never freed (Child -> Parent -> Child)}} expected-note {{'Child::parent' (std::shared_ptr) keeps 'Parent' alive}}
};
