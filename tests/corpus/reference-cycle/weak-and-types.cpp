// RUN: %verify %s
// Members that do not count, and cycles through two members (the
// type-level check's): the statement-level check says nothing about them.
#include <memory>

struct Weak {
  std::weak_ptr<Weak> next;
};

void weakLinks() {
  auto a = std::make_shared<Weak>();
  auto b = std::make_shared<Weak>();
  a->next = b;
  b->next = a;
}

struct Child;
struct Parent {
  std::shared_ptr<Child> child; // expected-note {{'Parent::child' (std::shared_ptr) keeps 'Child' alive}}
};
struct Child {
  std::shared_ptr<Parent> parent; // expected-warning {{'Child::parent' closes a reference cycle that is never freed (Child -> Parent -> Child)}} expected-note {{'Child::parent' (std::shared_ptr) keeps 'Parent' alive}}
};

void parentChild() { // one cycle, reported once: by the type-level check
  auto p = std::make_shared<Parent>();
  auto c = std::make_shared<Child>();
  p->child = c;
  c->parent = p;
}
