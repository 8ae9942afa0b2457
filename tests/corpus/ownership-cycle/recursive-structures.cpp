// RUN: %verify %s
// expected-no-diagnostics
// Types that refer to themselves through one member are lists and trees, not
// cycles; composites (an expression tree) and binary trees likewise.
#include <map>
#include <memory>
#include <string>
#include <vector>

struct ListNode {
  int value;
  std::shared_ptr<ListNode> next; // a list
};

struct TreeNode {
  std::vector<std::shared_ptr<TreeNode>> children; // a tree
};

struct BinaryTree {
  std::shared_ptr<BinaryTree> left, right; // both point down
};

class Expr {
public:
  virtual ~Expr() = default;
  std::vector<std::shared_ptr<Expr>> args;
};
class BinaryExpr : public Expr {
  std::shared_ptr<Expr> lhs, rhs; // may hold a BinaryExpr: still a tree
};
class CallExpr : public Expr {
  std::map<std::string, std::shared_ptr<Expr>> named;
};
