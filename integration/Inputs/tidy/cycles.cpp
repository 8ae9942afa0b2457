// Input of tidy.test: four cycles, three of them silenced by NOLINT
// comments on different lines of their findings.
#include <memory>
#include <vector>

// Reported: Child::parent closes the cycle.
struct Child;
struct Parent {
  std::vector<std::shared_ptr<Child>> children;
};
struct Child {
  std::shared_ptr<Parent> parent;
};

// Silenced on the warning's line.
struct Leaf;
struct Tree {
  std::vector<std::shared_ptr<Leaf>> leaves;
};
struct Leaf {
  std::shared_ptr<Tree> owner; // NOLINT(cyclint-ownership-cycle)
};

// Silenced on a note's line (the other member of the cycle).
struct View;
struct Document {
  std::vector<std::shared_ptr<View>> views; // NOLINT(cyclint-*)
};
struct View {
  std::shared_ptr<Document> owner;
};

// Silenced by NOLINTNEXTLINE above the warning's line.
struct Widget;
struct Window {
  std::vector<std::shared_ptr<Widget>> widgets;
};
struct Widget {
  // NOLINTNEXTLINE(cyclint-ownership-cycle)
  std::shared_ptr<Window> container;
};

// A NOLINT for another check silences nothing of cyclint's.
struct Peer;
struct Host {
  std::shared_ptr<Peer> peer; // NOLINT(bugprone-use-after-move)
};
struct Peer {
  std::shared_ptr<Host> host;
};
