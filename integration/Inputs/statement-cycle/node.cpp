#include "node.h"

void Node::link(const std::shared_ptr<Node> &to) { next = to; }
