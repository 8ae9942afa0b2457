#include "node.h"

int main() {
  auto first = std::make_shared<Node>();
  auto second = std::make_shared<Node>();
  first->link(second);
  second->link(first);
}
