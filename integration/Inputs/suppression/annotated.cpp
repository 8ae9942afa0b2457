// Input of suppression.test: deliberate strong back links marked with
// include/cyclint/annotations.h, which the program breaks by hand.
#include "cyclint/annotations.h"

#include <memory>
#include <vector>

// Marked on the warning's member: silent.
struct Child;
struct Parent {
  std::vector<std::shared_ptr<Child>> children;
  void close() { children.clear(); }
};
struct Child {
  CYCLINT_STRONG_BACK_LINK std::shared_ptr<Parent> parent;
};

// Marked on the other member of the cycle (a note's): silent too.
struct View;
struct Document {
  std::vector<std::shared_ptr<View>> views CYCLINT_STRONG_BACK_LINK;
};
struct View {
  std::shared_ptr<Document> owner;
};

// Not marked: reported.
struct Peer;
struct Host {
  std::shared_ptr<Peer> peer;
};
struct Peer {
  std::shared_ptr<Host> host;
};
