// RUN: %verify %s
// `this` and parameters are objects too: a method that links the object it
// runs on and an argument both ways makes a cycle that outlives the call.
// Whether the program breaks it later is known only from the rest of the
// program: a member that some function clears or overwrites with an unknown
// value may be unlinked there, so such a cycle is "don't know".
#include <memory>
#include <vector>

struct Parent;
struct Child {
  std::shared_ptr<Parent> parent;
};
struct Parent : std::enable_shared_from_this<Parent> {
  std::vector<std::shared_ptr<Child>> children;
  void add(const std::shared_ptr<Child> &child) {
    children.push_back(child); // expected-note {{'this->children' ('Parent::children') keeps 'child' alive}}
    child->parent = shared_from_this(); // expected-warning {{'child->parent = shared_from_this()' closes a reference cycle that is never freed (child -> this -> child, through 'Child::parent' and 'Parent::children'); break the cycle before the objects are dropped, or make one of the members a weak reference}} expected-note {{'child->parent' ('Child::parent') keeps 'this' alive}}
  }
};

// A part made by its owner's method, handed the owner through its
// constructor.
struct Owner;
struct Part {
  explicit Part(std::shared_ptr<Owner> o) : owner(std::move(o)) {}
  std::shared_ptr<Owner> owner;
};
struct Owner : std::enable_shared_from_this<Owner> {
  std::vector<std::shared_ptr<Part>> parts;
  void grow() {
    auto part = std::make_shared<Part>(shared_from_this()); // expected-note {{'part->owner' ('Part::owner') keeps 'this' alive, set by the call to 'Part::Part'}}
    parts.push_back(part); // expected-warning {{'this->parts.push_back(part)' closes a reference cycle that is never freed (this -> part -> this, through 'Owner::parts' and 'Part::owner'); break the cycle before the objects are dropped, or make one of the members a weak reference}} expected-note {{'this->parts' ('Owner::parts') keeps 'part' alive}}
  }
};

// A node linked to itself.
struct Loop : std::enable_shared_from_this<Loop> {
  std::shared_ptr<Loop> next;
  void close() {
    next = shared_from_this(); // expected-warning {{'this->next = shared_from_this()' closes a reference cycle that is never freed (this -> this, through 'Loop::next'); break the cycle before the objects are dropped, or make the member a weak reference}} expected-note {{'this->next' ('Loop::next') keeps 'this' alive}}
  }
};

// Two peers paired both ways; the destructor's reset cannot run while the
// cycle holds, so it breaks nothing.
struct Peer : std::enable_shared_from_this<Peer> {
  std::shared_ptr<Peer> other;
  void pairWith(const std::shared_ptr<Peer> &o) {
    other = o; // expected-note {{'this->other' ('Peer::other') keeps 'o' alive}}
    o->other = shared_from_this(); // expected-warning {{'o->other = shared_from_this()' closes a reference cycle that is never freed (o -> this -> o, through 'Peer::other'); break the cycle before the objects are dropped, or make the member a weak reference}} expected-note {{'o->other' ('Peer::other') keeps 'this' alive}}
  }
  ~Peer() { other.reset(); }
};

// --- Not cycles -------------------------------------------------------

// The program unlinks the member elsewhere: the caller may break the pair.
struct Twin : std::enable_shared_from_this<Twin> {
  std::shared_ptr<Twin> other;
  void pairWith(const std::shared_ptr<Twin> &o) {
    other = o;
    o->other = shared_from_this();
  }
  void unpair() { other.reset(); }
};

// Overwritten with a value the analysis does not know (maybe null).
std::shared_ptr<struct Link> lookup(int key);
struct Link : std::enable_shared_from_this<Link> {
  std::shared_ptr<Link> next;
  void pairWith(const std::shared_ptr<Link> &o) {
    next = o;
    o->next = shared_from_this();
  }
  void retarget(int key) { next = lookup(key); }
};

// Only on one path.
struct Maybe : std::enable_shared_from_this<Maybe> {
  std::shared_ptr<Maybe> next;
  void pairWith(const std::shared_ptr<Maybe> &o, bool both) {
    next = o;
    if (both)
      o->next = shared_from_this();
  }
};

// A weak back link is no cycle.
struct Leaf;
struct Tree : std::enable_shared_from_this<Tree> {
  std::vector<std::shared_ptr<Leaf>> leaves;
  void add(const std::shared_ptr<Leaf> &leaf);
};
struct Leaf {
  std::weak_ptr<Tree> tree;
};
void Tree::add(const std::shared_ptr<Leaf> &leaf) {
  leaves.push_back(leaf);
  leaf->tree = weak_from_this();
}

// `this` handed to code out of sight, which may unlink it.
struct Seen;
void registerObject(Seen *s);
struct Seen : std::enable_shared_from_this<Seen> {
  std::shared_ptr<Seen> next;
  void loop() {
    next = shared_from_this();
    registerObject(this);
  }
};
