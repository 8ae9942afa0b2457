// Input of tidy.test: a cycle across two unrelated classes with no back-link
// name; the warning goes to the first member in sorted order (A::x) unless
// the BackLinkWords option names 'y'.
#include <memory>

struct B;
struct A {
  std::shared_ptr<B> x;
};
struct B {
  std::shared_ptr<A> y;
};
