// A scene: the root of the graph and the observers told about changes.
#pragma once
#include <memory>
#include <string>
#include <vector>

namespace sg {
class Node;

class SceneObserver {
public:
  virtual ~SceneObserver() = default;
  virtual void nodeAdded(const std::shared_ptr<Node> &node) = 0;
};

class Scene {
public:
  Scene();
  std::shared_ptr<Node> getRoot() const { return root; }
  void add(const std::shared_ptr<Node> &parent, const std::shared_ptr<Node> &child);
  void addObserver(const std::shared_ptr<SceneObserver> &o) { observers.push_back(o); }
  void update(double dt);

private:
  std::shared_ptr<Node> root;
  std::vector<std::shared_ptr<SceneObserver>> observers;
};
} // namespace sg
