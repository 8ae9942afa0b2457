// Builds a small scene, animates a node, selects what gets added, runs a
// few frames. Every object here leaks at exit, through the two cycles.
#include "animation.h"
#include "editor.h"
#include "sg/node.h"
#include "sg/scene.h"

#include <cstdio>

int main() {
  auto scene = std::make_shared<sg::Scene>();
  auto tracker = std::make_shared<editor::SelectionTracker>(scene);
  scene->addObserver(tracker);

  auto camera = std::make_shared<sg::Node>("camera");
  auto player = std::make_shared<sg::Node>("player");
  scene->add(scene->getRoot(), camera);
  scene->add(scene->getRoot(), player);
  sg::animate(player);

  for (int frame = 0; frame < 3; ++frame)
    scene->update(0.5);

  std::printf("%zu nodes, %zu selected, player at (%g, %g)\n",
              scene->getRoot()->countNodes(), tracker->selectionSize(),
              player->transform.x, player->transform.y);
  return 0;
}
