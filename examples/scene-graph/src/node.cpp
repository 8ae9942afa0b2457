// Node's behaviour. This TU sees Node and the abstract Component, never
// Animator: the cycle through Node::components is invisible from here.
#include "sg/node.h"
#include "sg/component.h"

namespace sg {

void Node::addChild(const std::shared_ptr<Node> &child) {
  child->parent = weak_from_this();
  children.push_back(child);
}

void Node::addComponent(const std::shared_ptr<Component> &component) {
  component->attachTo(shared_from_this());
  components.push_back(component);
}

void Node::update(double dt) {
  for (const auto &c : components)
    c->update(dt);
  for (const auto &child : children)
    child->update(dt);
}

std::size_t Node::countNodes() const {
  std::size_t n = 1;
  for (const auto &child : children)
    n += child->countNodes();
  return n;
}

} // namespace sg
