// Nothing to report: the back link is weak.
#include <memory>
#include <vector>

struct Leaf;
struct Tree {
  std::vector<std::shared_ptr<Leaf>> leaves;
};
struct Leaf {
  std::weak_ptr<Tree> tree;
};
