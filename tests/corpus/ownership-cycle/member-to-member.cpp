// RUN: %verify %s
// A::b + B::a across two unrelated classes, with no back-link name: the
// warning goes to the first member by name.
#include <memory>

struct B;
struct A {
  std::shared_ptr<B> b; // expected-warning {{'A::b' closes a reference cycle that is never freed (A -> B -> A)}} expected-note {{'A::b' (std::shared_ptr) keeps 'B' alive}}
};
struct B {
  std::shared_ptr<A> a; // expected-note {{'B::a' (std::shared_ptr) keeps 'A' alive}}
};

// Only owning edges: each object owns the next, no count to get stuck.
struct D;
struct C { std::unique_ptr<D> d; };
struct D { std::unique_ptr<C> c; };
