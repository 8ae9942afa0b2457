// A node whose setter is defined in another translation unit (node.cpp).
#pragma once
#include <memory>

struct Node {
  std::shared_ptr<Node> next;
  void link(const std::shared_ptr<Node> &to);
};
