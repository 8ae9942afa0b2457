// RUN: %verify %s
// Links made inside program functions: the callee's facts are applied at
// the call, with its parameters (and `this`) bound to the caller's objects.
#include <memory>
#include <utility>
#include <vector>

struct Node {
  std::shared_ptr<Node> next;
  Node() = default;
  explicit Node(std::shared_ptr<Node> n) : next(std::move(n)) {}
  void setNext(const std::shared_ptr<Node> &n) { next = n; }
  void unlink() { next.reset(); }
};

void viaSetter() {
  auto a = std::make_shared<Node>();
  auto b = std::make_shared<Node>();
  a->setNext(b); // expected-note {{'a->next' ('Node::next') keeps 'b' alive, set by the call to 'Node::setNext'}}
  b->setNext(a); // expected-warning {{the call to 'Node::setNext' closes a reference cycle that is never freed (b -> a -> b, through 'Node::next')}} expected-note {{'b->next' ('Node::next') keeps 'a' alive, set by the call to 'Node::setNext'}}
}

void viaConstructor() {
  auto a = std::make_shared<Node>();
  auto b = std::make_shared<Node>(a); // expected-note {{'b->next' ('Node::next') keeps 'a' alive, set by the call to 'Node::Node'}}
  a->next = b; // expected-warning {{'a->next = b' closes a reference cycle that is never freed (a -> b -> a, through 'Node::next')}} expected-note {{'a->next' ('Node::next') keeps 'b' alive}}
}

struct Vertex {
  std::vector<std::shared_ptr<Vertex>> neighbors;
};

// Every call links its arguments both ways: reported once, in the helper
// (its parameters are objects too), not again at each caller.
void connect(const std::shared_ptr<Vertex> &x, const std::shared_ptr<Vertex> &y) {
  x->neighbors.push_back(y); // expected-note {{'x->neighbors' ('Vertex::neighbors') keeps 'y' alive}}
  y->neighbors.push_back(x); // expected-warning {{'y->neighbors.push_back(x)' closes a reference cycle that is never freed (y -> x -> y, through 'Vertex::neighbors')}} expected-note {{'y->neighbors' ('Vertex::neighbors') keeps 'x' alive}}
}

void viaHelper() {
  auto a = std::make_shared<Vertex>();
  auto b = std::make_shared<Vertex>();
  connect(a, b);
}

// --- Not cycles -------------------------------------------------------

void unlinkedByMethod() {
  auto a = std::make_shared<Node>();
  auto b = std::make_shared<Node>();
  a->setNext(b);
  b->setNext(a);
  b->unlink();
}

void opaque(const std::shared_ptr<Node> &n); // no body anywhere

void unlinkedOutOfSight() {
  auto a = std::make_shared<Node>();
  auto b = std::make_shared<Node>();
  a->setNext(b);
  b->setNext(a);
  opaque(b);
}

void connectOneWay(const std::shared_ptr<Vertex> &x,
                   const std::shared_ptr<Vertex> &y) {
  x->neighbors.push_back(y);
}

void helperOneWay() {
  auto a = std::make_shared<Vertex>();
  auto b = std::make_shared<Vertex>();
  connectOneWay(a, b);
  connectOneWay(b, std::make_shared<Vertex>());
}

void recurse(const std::shared_ptr<Node> &n, int depth) {
  if (depth > 0)
    recurse(n->next, depth - 1);
  n->setNext(n);
}

void recursion() { // a recursive callee is not followed: don't know
  auto a = std::make_shared<Node>();
  recurse(a, 3);
}

struct Base {
  std::shared_ptr<Base> next, spare;
  virtual ~Base() = default;
  // This body unlinks nothing, but an override may.
  virtual void detach() { spare = std::make_shared<Base>(); }
};

void detachVirtually() { // the dynamic callee is unknown: don't know
  auto a = std::make_shared<Base>();
  auto b = std::make_shared<Base>();
  a->next = b;
  b->next = a;
  a->detach();
}

void inBranch(bool link) {
  auto a = std::make_shared<Node>();
  auto b = std::make_shared<Node>();
  a->setNext(b);
  if (link)
    b->setNext(a);
}
