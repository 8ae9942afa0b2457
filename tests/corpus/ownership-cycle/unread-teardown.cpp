// RUN: %verify %s
// RUN: %verify --cyclint-arg=--check-option=ownership-cycle.ShowBrokenCycles=1 --check-prefix=SHOW %s
// An owner's destructor that the program writes but no translation unit
// read may be the code that unlinks the cycle: eventpp's
// `~CallbackListBase()` frees every node of its doubly linked list, and a
// TU that never destroys such a list does not instantiate it. Don't know:
// counted, not reported (a note with ShowBrokenCycles). The look-alikes are
// reported: an owner with no destructor of its own, and one whose
// destructor was read and unlinks nothing.
#include <cstdio>
#include <memory>

template <class T> struct Events {
  struct Node {
    std::shared_ptr<Node> previous; // SHOW-expected-note {{'Events<int>::Node::previous' closes a reference cycle (Events<int>::Node -> Events<int>::Node -> Events<int>::Node) that the destructor of 'Events<int>' may break; no translation unit read its body}} SHOW-expected-note {{'Events<int>::Node::previous' (std::shared_ptr) keeps 'Events<int>::Node' alive}}
    std::shared_ptr<Node> next; // SHOW-expected-note {{'Events<int>::Node::next' (std::shared_ptr) keeps 'Events<int>::Node' alive}}
    T value;
  };
  std::shared_ptr<Node> head, tail;
  ~Events() { freeAll(); }
  void freeAll() {
    std::shared_ptr<Node> node = head;
    head.reset();
    while (node) {
      std::shared_ptr<Node> next = node->next;
      node->previous.reset();
      node->next.reset();
      node = next;
    }
    tail.reset();
  }
  void append(T v) {
    auto n = std::make_shared<Node>();
    n->value = v;
    n->previous = tail;
    if (tail)
      tail->next = n;
    else
      head = n;
    tail = n;
  }
};

// Made and filled here, destroyed elsewhere: ~Events<int> is not
// instantiated in this TU.
Events<int> *makeEvents() {
  auto *E = new Events<int>;
  E->append(1);
  E->append(2);
  return E;
}

// No destructor of its own: nothing unlinks the nodes.
struct Ring {
  struct Link {
    std::shared_ptr<Link> back; // expected-warning {{'Ring::Link::back' closes a reference cycle that is never freed (Ring::Link -> Ring::Link -> Ring::Link)}} expected-note {{'Ring::Link::back' (std::shared_ptr) keeps 'Ring::Link' alive}} SHOW-expected-warning {{'Ring::Link::back' closes a reference cycle that is never freed}} SHOW-expected-note {{'Ring::Link::back' (std::shared_ptr) keeps 'Ring::Link' alive}}
    std::shared_ptr<Link> ahead; // expected-note {{'Ring::Link::ahead' (std::shared_ptr) keeps 'Ring::Link' alive}} SHOW-expected-note {{'Ring::Link::ahead' (std::shared_ptr) keeps 'Ring::Link' alive}}
  };
  std::shared_ptr<Link> first;
  void grow() {
    auto l = std::make_shared<Link>();
    l->ahead = first;
    if (first)
      first->back = l;
    first = l;
  }
};

// A destructor that was read and unlinks nothing.
struct Chain {
  struct Knot {
    std::shared_ptr<Knot> prev; // expected-warning {{'Chain::Knot::prev' closes a reference cycle that is never freed (Chain::Knot -> Chain::Knot -> Chain::Knot)}} expected-note {{'Chain::Knot::prev' (std::shared_ptr) keeps 'Chain::Knot' alive}} SHOW-expected-warning {{'Chain::Knot::prev' closes a reference cycle that is never freed}} SHOW-expected-note {{'Chain::Knot::prev' (std::shared_ptr) keeps 'Chain::Knot' alive}}
    std::shared_ptr<Knot> next; // expected-note {{'Chain::Knot::next' (std::shared_ptr) keeps 'Chain::Knot' alive}} SHOW-expected-note {{'Chain::Knot::next' (std::shared_ptr) keeps 'Chain::Knot' alive}}
  };
  std::shared_ptr<Knot> top;
  ~Chain() { std::puts("chain gone"); }
  void tie() {
    auto k = std::make_shared<Knot>();
    k->next = top;
    if (top)
      top->prev = k;
    top = k;
  }
};
