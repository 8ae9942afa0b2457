// RUN: %verify %s
// A cycle handed to an owner outside the function (a member of `this`, a
// member container of `this`) may be unlinked by that owner later (its
// destructor, a clear()): when the program unlinks one of the cycle's
// members anywhere, don't know, so silent. One handed to the caller (an
// out-parameter, a return value) is out of sight. Shapes found validating
// real code (docs/validation/cxx-statement-cycles.md).
#include <memory>
#include <vector>

struct Node {
  int value = 0;
  std::shared_ptr<Node> next;
};

class Ring {
public:
  Ring() {
    auto a = std::make_shared<Node>();
    auto b = std::make_shared<Node>();
    a->next = b;
    b->next = a;
    head_ = a; // the ring's owner unlinks it in ~Ring
  }
  ~Ring() {
    if (head_)
      head_->next = nullptr;
  }

  void leak() { // nothing keeps these: a leak even inside a method
    auto c = std::make_shared<Node>();
    auto d = std::make_shared<Node>();
    c->next = d; // expected-note {{'c->next' ('Node::next') keeps 'd' alive}}
    d->next = c; // expected-warning {{'d->next = c' closes a reference cycle that is never freed (d -> c -> d, through 'Node::next')}} expected-note {{'d->next' ('Node::next') keeps 'c' alive}}
  }

private:
  std::shared_ptr<Node> head_;
};

class Pool {
public:
  void addPair() {
    auto a = std::make_shared<Node>();
    auto b = std::make_shared<Node>();
    a->next = b;
    b->next = a;
    all_.push_back(a); // the pool unlinks in clear()
  }
  void clear() {
    for (auto &n : all_)
      n->next.reset();
    all_.clear();
  }

private:
  std::vector<std::shared_ptr<Node>> all_;
};

void makeRing(std::shared_ptr<Node> &out) {
  auto a = std::make_shared<Node>();
  auto b = std::make_shared<Node>();
  a->next = b;
  b->next = a;
  out = a; // the caller owns the ring
}

std::shared_ptr<Node> ringHead() {
  auto a = std::make_shared<Node>();
  auto b = std::make_shared<Node>();
  a->next = b;
  b->next = a;
  return a;
}

void reachableFromOwner(std::shared_ptr<Node> &out) {
  auto a = std::make_shared<Node>();
  auto b = std::make_shared<Node>();
  auto c = std::make_shared<Node>();
  c->next = a; // c goes to the caller, and through it a and b
  a->next = b;
  b->next = a;
  out = c;
}

// The owner never unlinks: when a Grid dies, its cells stay.
struct Cell {
  std::shared_ptr<Cell> next;
};
class Grid {
public:
  Grid() {
    auto a = std::make_shared<Cell>();
    auto b = std::make_shared<Cell>();
    a->next = b; // expected-note {{'a->next' ('Cell::next') keeps 'b' alive}}
    b->next = a; // expected-warning {{'b->next = a' closes a reference cycle that is never freed (b -> a -> b, through 'Cell::next')}} expected-note {{'b->next' ('Cell::next') keeps 'a' alive}}
    first_ = a;
  }

private:
  std::shared_ptr<Cell> first_;
};
