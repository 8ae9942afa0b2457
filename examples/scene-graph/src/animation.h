// Private to animation.cpp: an animator moves the node it is attached to.
// BUG (on purpose): it keeps that node alive with a shared_ptr, and the
// node keeps its components alive, so neither is ever freed. The base
// class's weak `node` link was the right tool.
#pragma once
#include "sg/component.h"

#include <memory>
#include <vector>

namespace sg {
class Node;

struct Keyframe {
  double time, x, y;
};

class Animator : public Component {
public:
  Animator(std::shared_ptr<Node> target, std::vector<Keyframe> keys)
      : target(std::move(target)), keys(std::move(keys)) {}
  std::string kind() const override { return "animator"; }
  void update(double dt) override;

private:
  std::shared_ptr<Node> target;
  std::vector<Keyframe> keys;
  double clock = 0;
};

std::shared_ptr<Animator> animate(const std::shared_ptr<Node> &node);
} // namespace sg
