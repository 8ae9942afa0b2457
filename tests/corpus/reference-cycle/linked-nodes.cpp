// RUN: %verify %s
// Statement-level cycles through one self-referential member: the type
// alone is a list (cyclint-ownership-cycle stays silent), the code links the
// objects both ways.
#include <memory>

struct Node {
  int value = 0;
  std::shared_ptr<Node> next;
};

void mutual() {
  auto node1 = std::make_shared<Node>();
  auto node2 = std::make_shared<Node>();
  node1->next = node2; // expected-note {{'node1->next' ('Node::next') keeps 'node2' alive}}
  node2->next = node1; // expected-warning {{'node2->next = node1' closes a reference cycle that is never freed (node2 -> node1 -> node2, through 'Node::next'); break the cycle before the objects are dropped, or make the member a weak reference}} expected-note {{'node2->next' ('Node::next') keeps 'node1' alive}}
  int sum = node1->value + node2->value; // reading a value unlinks nothing
  (void)sum;
}

void ring() {
  auto head = std::make_shared<Node>();
  auto middle = std::make_shared<Node>();
  std::shared_ptr<Node> tail(new Node);
  head->next = middle;  // expected-note {{'head->next' ('Node::next') keeps 'middle' alive}}
  middle->next = tail;  // expected-note {{'middle->next' ('Node::next') keeps 'tail' alive}}
  tail->next = head;    // expected-warning {{'tail->next = head' closes a reference cycle that is never freed (tail -> head -> middle -> tail, through 'Node::next')}} expected-note {{'tail->next' ('Node::next') keeps 'head' alive}}
}

void self() {
  auto node = std::make_shared<Node>();
  auto alias = node;
  node->next = alias; // expected-warning {{'node->next = alias' closes a reference cycle that is never freed (node -> node, through 'Node::next')}} expected-note {{'node->next' ('Node::next') keeps 'node' alive}}
}

// --- Not cycles -------------------------------------------------------

void chain() { // a list, linked one way
  auto a = std::make_shared<Node>();
  auto b = std::make_shared<Node>();
  a->next = b;
  b->next = std::make_shared<Node>();
}

void brokenAgain() { // unlinked before the objects are dropped
  auto a = std::make_shared<Node>();
  auto b = std::make_shared<Node>();
  a->next = b;
  b->next = a;
  b->next = nullptr;
}

void brokenByReset() {
  auto a = std::make_shared<Node>();
  auto b = std::make_shared<Node>();
  a->next = b;
  b->next = a;
  a->next.reset();
}

void overwritten() {
  auto a = std::make_shared<Node>();
  auto b = std::make_shared<Node>();
  a->next = b;
  b->next = a;
  a->next = std::make_shared<Node>();
}

void unlink(const std::shared_ptr<Node> &n);

void escapes() { // a call the analysis cannot see may unlink them
  auto a = std::make_shared<Node>();
  auto b = std::make_shared<Node>();
  a->next = b;
  b->next = a;
  unlink(a);
}

void inLoop(int n) { // one site in a loop stands for many objects
  std::shared_ptr<Node> head;
  for (int i = 0; i < n; ++i) {
    auto node = std::make_shared<Node>();
    node->next = head;
    head = node;
  }
}

void conditional(bool close) { // whether it closes depends on a branch
  auto a = std::make_shared<Node>();
  auto b = std::make_shared<Node>();
  a->next = b;
  if (close)
    b->next = a;
}

void rawAlias() { // unlinked through a raw pointer the analysis does not follow
  auto a = std::make_shared<Node>();
  auto b = std::make_shared<Node>();
  a->next = b;
  b->next = a;
  Node *raw = b.get();
  raw->next = nullptr;
}

void captured() { // the closure may unlink them later
  auto a = std::make_shared<Node>();
  auto b = std::make_shared<Node>();
  a->next = b;
  b->next = a;
  auto undo = [a] { a->next.reset(); };
  undo();
}
