// RUN: %verify %s
// A scene node that owns its parent through std::unique_ptr while the parent
// counts its children: the cycle's only counted member is the children, but
// the member to fix is the owning back link.
#include <memory>
#include <string>
#include <vector>

struct SceneNode {
  std::string label;
  std::unique_ptr<SceneNode> parent; // expected-warning {{'SceneNode::parent' closes a reference cycle that is never freed (SceneNode -> SceneNode -> SceneNode)}} expected-note {{'SceneNode::parent' (std::unique_ptr) keeps 'SceneNode' alive}}
  std::vector<std::shared_ptr<SceneNode>> kids; // expected-note {{'SceneNode::kids' (std::vector of std::shared_ptr) keeps 'SceneNode' alive}}
};

// Owned one way, counted the other, no back-link name: the counted member is
// still the one named.
struct Sheet;
struct Workbook {
  std::unique_ptr<Sheet> first; // expected-note {{'Workbook::first' (std::unique_ptr) keeps 'Sheet' alive}}
};
struct Sheet {
  int index = 0;
  std::shared_ptr<Workbook> book; // expected-warning {{'Sheet::book' closes a reference cycle that is never freed (Sheet -> Workbook -> Sheet)}} expected-note {{'Sheet::book' (std::shared_ptr) keeps 'Workbook' alive}}
};
