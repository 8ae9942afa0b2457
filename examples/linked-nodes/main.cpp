// Two nodes that keep each other alive: neither is ever freed.
#include <cstdio>
#include <memory>

struct Node {
  int value;
  std::shared_ptr<Node> next;
  explicit Node(int value) : value(value) {}
};

int main() {
  auto node1 = std::make_shared<Node>(1);
  auto node2 = std::make_shared<Node>(2);
  node1->next = node2;
  node2->next = node1; // neither node is ever freed
  std::printf("%d %d\n", node1->value, node2->value);
}
