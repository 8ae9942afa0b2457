// RUN: %verify %s
// Cycles through a container member of counted pointers: each element is a
// link, earlier elements stay; clear() and erase() unlink (which elements
// erase removes is not followed, so it counts as unlinking all).
#include <map>
#include <memory>
#include <set>
#include <vector>

struct Vertex {
  std::vector<std::shared_ptr<Vertex>> neighbors;
};

void symmetric() {
  auto a = std::make_shared<Vertex>();
  auto b = std::make_shared<Vertex>();
  a->neighbors.push_back(b); // expected-note {{'a->neighbors' ('Vertex::neighbors') keeps 'b' alive}}
  b->neighbors.push_back(a); // expected-warning {{'b->neighbors.push_back(a)' closes a reference cycle that is never freed (b -> a -> b, through 'Vertex::neighbors')}} expected-note {{'b->neighbors' ('Vertex::neighbors') keeps 'a' alive}}
}

struct Peer {
  std::map<int, std::shared_ptr<Peer>> byId;
  std::set<std::shared_ptr<Peer>> known;
};

void mapValue() {
  auto a = std::make_shared<Peer>();
  auto b = std::make_shared<Peer>();
  a->byId[1] = b; // expected-note {{'a->byId' ('Peer::byId') keeps 'b' alive}}
  b->byId[2] = a; // expected-warning {{'b->byId[...] = a' closes a reference cycle that is never freed (b -> a -> b, through 'Peer::byId')}} expected-note {{'b->byId' ('Peer::byId') keeps 'a' alive}}
}

void setOfPeers() {
  auto a = std::make_shared<Peer>();
  a->known.insert(a); // expected-warning {{'a->known.insert(a)' closes a reference cycle that is never freed (a -> a, through 'Peer::known')}} expected-note {{'a->known' ('Peer::known') keeps 'a' alive}}
}

struct Ranked {
  std::map<std::shared_ptr<Ranked>, int> rank; // keys are held too
};

void mapKey() {
  auto a = std::make_shared<Ranked>();
  auto b = std::make_shared<Ranked>();
  a->rank[b] = 1; // expected-note {{'a->rank' ('Ranked::rank') keeps 'b' alive}}
  b->rank.emplace(a, 2); // expected-warning {{'b->rank.emplace(a)' closes a reference cycle that is never freed (b -> a -> b, through 'Ranked::rank')}} expected-note {{'b->rank' ('Ranked::rank') keeps 'a' alive}}
}

// --- Not cycles -------------------------------------------------------

void oneWay() {
  auto a = std::make_shared<Vertex>();
  auto b = std::make_shared<Vertex>();
  a->neighbors.push_back(b);
  b->neighbors.push_back(std::make_shared<Vertex>());
}

void clearedAgain() {
  auto a = std::make_shared<Vertex>();
  auto b = std::make_shared<Vertex>();
  a->neighbors.push_back(b);
  b->neighbors.push_back(a);
  b->neighbors.clear();
}

void erased() {
  auto a = std::make_shared<Vertex>();
  auto b = std::make_shared<Vertex>();
  a->neighbors.push_back(b);
  b->neighbors.push_back(a);
  a->neighbors.erase(a->neighbors.begin());
}

void builtInLoop(int n) { // a graph built in a loop: many objects per site
  std::vector<std::shared_ptr<Vertex>> all;
  for (int i = 0; i < n; ++i) {
    auto v = std::make_shared<Vertex>();
    if (!all.empty())
      v->neighbors.push_back(all.back());
    all.push_back(v);
  }
}

void weakBack() {
  struct Tree {
    std::vector<std::shared_ptr<Tree>> children;
    std::weak_ptr<Tree> parent;
  };
  auto root = std::make_shared<Tree>();
  auto leaf = std::make_shared<Tree>();
  root->children.push_back(leaf);
  leaf->parent = root;
}
