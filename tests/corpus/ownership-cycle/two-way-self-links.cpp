// RUN: %verify %s
// Two members of one class that link both ways: the back link is warned.
#include <memory>
#include <vector>

struct DNode {
  std::shared_ptr<DNode> next; // expected-note {{'DNode::next' (std::shared_ptr) keeps 'DNode' alive}}
  std::shared_ptr<DNode> prev; // expected-warning {{'DNode::prev' closes a reference cycle that is never freed (DNode -> DNode -> DNode)}} expected-note {{'DNode::prev' (std::shared_ptr) keeps 'DNode' alive}}
};

class Widget {
  std::vector<std::shared_ptr<Widget>> children_; // expected-note {{'Widget::children_' (std::vector of std::shared_ptr) keeps 'Widget' alive}}
  std::shared_ptr<Widget> m_parent; // expected-warning {{'Widget::m_parent' closes a reference cycle}} expected-note {{'Widget::m_parent' (std::shared_ptr) keeps 'Widget' alive}}
};

// Fixed versions: the back link is weak or raw.
struct DNodeFixed {
  std::shared_ptr<DNodeFixed> next;
  std::weak_ptr<DNodeFixed> prev;
};
class WidgetFixed {
  std::vector<std::shared_ptr<WidgetFixed>> children_;
  WidgetFixed *m_parent = nullptr;
};
