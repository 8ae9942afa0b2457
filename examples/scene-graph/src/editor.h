// The editor's selection, told about new nodes by the scene.
// Correct: the selected nodes are weak. BUG (on purpose): the tracker holds
// the scene strongly while the scene holds it as an observer.
#pragma once
#include "sg/node.h"
#include "sg/scene.h"

#include <memory>
#include <vector>

namespace editor {

class SelectionTracker : public sg::SceneObserver {
public:
  explicit SelectionTracker(std::shared_ptr<sg::Scene> scene) : scene(std::move(scene)) {}
  void nodeAdded(const std::shared_ptr<sg::Node> &node) override { selected.push_back(node); }
  std::size_t selectionSize() const { return selected.size(); }

private:
  std::shared_ptr<sg::Scene> scene;
  std::vector<std::weak_ptr<sg::Node>> selected; // correct: weak
};

} // namespace editor
