// Scene's behaviour: owns the root node and notifies observers.
#include "sg/scene.h"
#include "sg/node.h"

namespace sg {

Scene::Scene() : root(std::make_shared<Node>("root")) {}

void Scene::add(const std::shared_ptr<Node> &parent, const std::shared_ptr<Node> &child) {
  parent->addChild(child);
  for (const auto &o : observers)
    o->nodeAdded(child);
}

void Scene::update(double dt) { root->update(dt); }

} // namespace sg
