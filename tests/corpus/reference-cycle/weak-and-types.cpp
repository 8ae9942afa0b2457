// RUN: %verify %s
// Members that do not count; and a cycle through two members that both the
// type-level and the statement-level analysis see, reported once: at the
// statement, which names the objects.
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
  std::shared_ptr<Child> child;
};
struct Child {
  std::shared_ptr<Parent> parent;
};

void parentChild() {
  auto p = std::make_shared<Parent>();
  auto c = std::make_shared<Child>();
  p->child = c; // expected-note {{'p->child' ('Parent::child') keeps 'c' alive}}
  c->parent = p; // expected-warning {{'c->parent = p' closes a reference cycle that is never freed (c -> p -> c, through 'Child::parent' and 'Parent::child')}} expected-note {{'c->parent' ('Child::parent') keeps 'p' alive}}
}
