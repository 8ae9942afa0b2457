// Input of strong-back-link.test: CYCLINT_STRONG_BACK_LINK removes the
// marked member's edge from every cycle, whichever member the warning would
// name. Each namespace is the same three-class cycle, Window -> Layout ->
// Widget -> Window, whose warning goes at 'Widget::parent'.
#include "cyclint/annotations.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

// The mark is on 'Layout::items', not on the member the warning would
// name: the cycle is broken by hand there, nothing is reported.
namespace marked {
struct Layout;
struct Widget;
struct Window {
  std::shared_ptr<Layout> layout;
};
struct Layout {
  CYCLINT_STRONG_BACK_LINK std::vector<std::shared_ptr<Widget>> items;
};
struct Widget {
  std::shared_ptr<Window> parent;
};
} // namespace marked

// No mark: the warning.
namespace plain {
struct Layout;
struct Widget;
struct Window {
  std::shared_ptr<Layout> layout;
};
struct Layout {
  std::vector<std::shared_ptr<Widget>> items;
};
struct Widget {
  std::shared_ptr<Window> parent;
};
} // namespace plain

// A mark on a member off the cycle changes nothing: the warning stays.
namespace unrelated {
struct Layout;
struct Widget;
struct Theme {
  std::string name;
};
struct Window {
  std::shared_ptr<Layout> layout;
  CYCLINT_STRONG_BACK_LINK std::shared_ptr<Theme> theme;
};
struct Layout {
  std::vector<std::shared_ptr<Widget>> items;
};
struct Widget {
  std::shared_ptr<Window> parent;
};
} // namespace unrelated

// Two ways back from 'Node' to 'Graph': through the marked 'Node::graph',
// and through 'Node::owner'. The edge is gone, not the finding hidden: the
// cycle through 'Node::owner' is still reported.
namespace twoways {
struct Node;
struct Graph {
  std::vector<std::shared_ptr<Node>> nodes;
};
struct Node {
  CYCLINT_STRONG_BACK_LINK std::shared_ptr<Graph> graph;
  std::shared_ptr<Graph> owner;
};
} // namespace twoways

// The statement level: 'a->next = b; b->next = a' links two objects
// through a marked member, a cycle broken by hand; through 'Link::peer',
// unmarked, the same statements are a cycle.
namespace statements {
struct Node {
  CYCLINT_STRONG_BACK_LINK std::shared_ptr<Node> next;
};
void link() {
  auto a = std::make_shared<Node>();
  auto b = std::make_shared<Node>();
  a->next = b;
  b->next = a;
}
struct Link {
  std::shared_ptr<Link> peer;
};
void pair() {
  auto a = std::make_shared<Link>();
  auto b = std::make_shared<Link>();
  a->peer = b;
  b->peer = a;
}
} // namespace statements

// A callable that captures its owner, kept in a marked member: the owner
// resets it by hand. The same without the mark is a capture cycle.
namespace captures {
struct Session : std::enable_shared_from_this<Session> {
  CYCLINT_STRONG_BACK_LINK std::function<void()> on_timeout;
  void arm() {
    on_timeout = [self = shared_from_this()] { (void)self; };
  }
};
struct Timer : std::enable_shared_from_this<Timer> {
  std::function<void()> on_fire;
  void arm() {
    on_fire = [self = shared_from_this()] { (void)self; };
  }
};
} // namespace captures
