// The scene graph proper: a tree of nodes, each owning its children and
// its components. Component is abstract here; its subclasses live in
// their own translation units.
#pragma once
#include <memory>
#include <string>
#include <vector>

namespace sg {
class Component;

struct Transform {
  double x = 0, y = 0, rotation = 0;
};

class Node : public std::enable_shared_from_this<Node> {
public:
  explicit Node(std::string name) : name(std::move(name)) {}

  void addChild(const std::shared_ptr<Node> &child);
  void addComponent(const std::shared_ptr<Component> &component);
  void update(double dt);

  const std::string &getName() const { return name; }
  std::shared_ptr<Node> getParent() const { return parent.lock(); }
  std::size_t countNodes() const;
  Transform transform;

private:
  std::string name;
  std::weak_ptr<Node> parent;                          // correct: weak back link
  std::vector<std::shared_ptr<Node>> children;         // a tree: not a cycle
  std::vector<std::shared_ptr<Component>> components;  // may hold an Animator
};
} // namespace sg
