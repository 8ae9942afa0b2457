// Recursive structures that are not cycles: a list, and a composite tree
// within one class hierarchy. Nothing here may be reported.
#include <memory>
#include <vector>

struct Node {
  int value = 0;
  std::shared_ptr<Node> next;
};

struct Expr {
  virtual ~Expr() = default;
  std::vector<std::shared_ptr<Expr>> args;
};
struct BinaryExpr : Expr {
  std::shared_ptr<Expr> lhs, rhs;
};

int main() {
  auto list = std::make_shared<Node>();
  list->next = std::make_shared<Node>();
  return list->next->value;
}
