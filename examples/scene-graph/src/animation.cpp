// Animator's behaviour. This TU sees Animator but not Node's members: the
// other half of the Node -> Animator -> Node cycle.
#include "animation.h"
#include "sg/node.h"

namespace sg {

void Animator::update(double dt) {
  clock += dt;
  for (const Keyframe &k : keys)
    if (k.time <= clock) {
      target->transform.x = k.x;
      target->transform.y = k.y;
    }
}

std::shared_ptr<Animator> animate(const std::shared_ptr<Node> &node) {
  auto a = std::make_shared<Animator>(
      node, std::vector<Keyframe>{{0.0, 0, 0}, {1.0, 10, 5}});
  node->addComponent(a);
  return a;
}

} // namespace sg
