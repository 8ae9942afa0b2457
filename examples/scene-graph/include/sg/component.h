// Behaviour attached to a node (animation, rendering, ...). A component
// refers back to its node weakly: the node owns its components.
#pragma once
#include <memory>
#include <string>

namespace sg {
class Node;

class Component {
public:
  virtual ~Component() = default;
  virtual std::string kind() const = 0;
  virtual void update(double dt) = 0;

  void attachTo(const std::shared_ptr<Node> &n) { node = n; }

protected:
  std::weak_ptr<Node> node; // correct: weak back link
};
} // namespace sg
