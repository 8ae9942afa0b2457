// RUN: %verify %s
// The type level says what a member may hold; the program's stores say what
// it does hold. Each silent case below warned before the stores were read;
// each warning is its look-alike where the stores do close the cycle, or
// where a store's value is not followed (a parameter), which keeps "may be
// any subclass".
#include <memory>
#include <string>
#include <utility>
#include <vector>

// A hub that only ever holds printers is no part of a cycle through a relay
// that holds the publisher of the hub.
struct Sink { virtual ~Sink() = default; };
struct Hub : Sink { std::vector<std::shared_ptr<Sink>> sinks; };
struct Publisher { std::shared_ptr<Hub> hub_; };
struct Relay : Sink { std::shared_ptr<Publisher> source_; };
struct Printer : Sink {};
void wire() {
  auto hub = std::make_shared<Hub>();
  hub->sinks.push_back(std::make_shared<Printer>());
  auto pub = std::make_shared<Publisher>();
  pub->hub_ = hub;
  auto relay = std::make_shared<Relay>();
  relay->source_ = pub;
}

// The same pipeline where a bus does get a relay: a cycle.
struct Bus : Sink { std::vector<std::shared_ptr<Sink>> sinks; }; // expected-note {{'Bus::sinks' (std::vector of std::shared_ptr) keeps 'Tap' alive (it points to a 'Sink'; 'addTap' stores a 'Tap')}}
struct Station { std::shared_ptr<Bus> bus_; }; // expected-warning {{'Station::bus_' closes a reference cycle that is never freed (Station -> Bus -> Tap -> Station)}} expected-note {{'Station::bus_' (std::shared_ptr) keeps 'Bus' alive}}
struct Tap : Sink { std::shared_ptr<Station> source_; }; // expected-note {{'Tap::source_' (std::shared_ptr) keeps 'Station' alive}}
void addTap(Bus &bus) { bus.sinks.push_back(std::make_shared<Tap>()); }
void makeStation(Station &s) { s.bus_ = std::make_shared<Bus>(); }
void connect(Tap &t, std::shared_ptr<Station> s) { t.source_ = std::move(s); }

// A base-class member that only ever receives a leaf.
struct Widget { virtual ~Widget() = default; };
struct Label : Widget {};
struct Button : Widget {
  std::shared_ptr<Widget> overlay;
  void addText() { overlay = std::make_shared<Label>(); }
};
struct Window : Widget {
  std::vector<std::shared_ptr<Button>> buttons;
  void add() { buttons.push_back(std::make_shared<Button>()); }
};

// The same member set from a parameter: what callers pass is not followed,
// so it may be any widget, a frame that holds a dialog included.
struct Dialog;
struct Toggle : Widget {
  std::shared_ptr<Widget> overlay; // expected-note {{'Toggle::overlay' (std::shared_ptr) keeps 'Frame' alive (it points to a 'Widget', which may be a 'Frame'; 'Toggle::setOverlay' stores a value the analysis does not follow)}}
  void setOverlay(std::shared_ptr<Widget> w) { overlay = std::move(w); }
};
struct Frame : Widget {
  std::shared_ptr<Dialog> dialog; // expected-note {{'Frame::dialog' (std::shared_ptr) keeps 'Dialog' alive}}
  void open() { dialog = std::make_shared<Dialog>(); }
};
struct Dialog {
  std::shared_ptr<Toggle> toggle; // expected-warning {{'Dialog::toggle' closes a reference cycle that is never freed (Dialog -> Toggle -> Frame -> Dialog)}} expected-note {{'Dialog::toggle' (std::shared_ptr) keeps 'Toggle' alive}}
  void add() { toggle = std::make_shared<Toggle>(); }
};

// A member nothing assigns is always null.
struct Track;
struct Source { std::shared_ptr<Track> track; };
struct Track { std::shared_ptr<Source> source_; std::string name; };
void load() {
  auto s = std::make_shared<Source>();
  auto t = std::make_shared<Track>();
  t->name = "x";
  s->track = t;
}

// Written through a reference (std::swap), the member may hold anything.
struct Clip;
struct Reel { std::shared_ptr<Clip> clip; }; // expected-note {{'Reel::clip' (std::shared_ptr) keeps 'Clip' alive}}
struct Clip { std::shared_ptr<Reel> reel; }; // expected-warning {{'Clip::reel' closes a reference cycle that is never freed (Clip -> Reel -> Clip)}} expected-note {{'Clip::reel' (std::shared_ptr) keeps 'Reel' alive}}
void cut(std::shared_ptr<Reel> r) {
  auto c = std::make_shared<Clip>();
  std::swap(c->reel, r);
  auto r2 = std::make_shared<Reel>();
  r2->clip = c;
}

// Classes of one hierarchy with no back-link name look like a composite
// tree; the stores show an object linking back to an existing one.
struct Object { virtual ~Object() = default; };
struct Callback : Object {};
struct Holder;
struct Node : Object, std::enable_shared_from_this<Node> {
  std::shared_ptr<Callback> cb; // expected-note {{'Node::cb' (std::shared_ptr) keeps 'Holder' alive (it points to a 'Callback'; 'Node::arm' stores a 'Holder')}}
  void arm();
  void attach(Holder &h);
};
struct Holder : Callback { std::shared_ptr<Node> target; }; // expected-warning {{'Holder::target' closes a reference cycle that is never freed (Holder -> Node -> Holder)}} expected-note {{'Holder::target' (std::shared_ptr) keeps 'Node' alive}}
void Node::arm() { cb = std::make_shared<Holder>(); }
void Node::attach(Holder &h) { h.target = shared_from_this(); }

// A member handed out by non-const reference is written by the caller.
struct Leaf;
struct Trunk {
  std::shared_ptr<Leaf> leaf_; // expected-note {{'Trunk::leaf_' (std::shared_ptr) keeps 'Leaf' alive}}
  std::shared_ptr<Leaf> &leaf() { return leaf_; }
};
struct Leaf { std::shared_ptr<Trunk> trunk; }; // expected-warning {{'Leaf::trunk' closes a reference cycle that is never freed (Leaf -> Trunk -> Leaf)}} expected-note {{'Leaf::trunk' (std::shared_ptr) keeps 'Trunk' alive}}
void grow(Trunk &t, std::shared_ptr<Leaf> l) {
  t.leaf() = std::move(l);
  auto l2 = std::make_shared<Leaf>();
  l2->trunk = std::make_shared<Trunk>();
}

// A class whose constructor no TU of the database defines: that code may set
// any member, so a member no analyzed body assigns keeps its edge.
struct Engine;
struct Car {
  Car();
  std::shared_ptr<Engine> engine; // expected-warning {{'Car::engine' closes a reference cycle that is never freed (Car -> Engine -> Car)}} expected-note {{'Car::engine' (std::shared_ptr) keeps 'Engine' alive}}
};
struct Engine { std::shared_ptr<Car> car; }; // expected-note {{'Engine::car' (std::shared_ptr) keeps 'Car' alive}}
void assemble(Engine &e) { e.car = std::make_shared<Car>(); }

// A structured binding names the member itself: writing it writes the member.
struct Bolt;
struct Nut { std::shared_ptr<Bolt> bolt; }; // expected-note {{'Nut::bolt' (std::shared_ptr) keeps 'Bolt' alive}}
struct Bolt { std::shared_ptr<Nut> nut; }; // expected-warning {{'Bolt::nut' closes a reference cycle that is never freed (Bolt -> Nut -> Bolt)}} expected-note {{'Bolt::nut' (std::shared_ptr) keeps 'Nut' alive}}
void tighten(std::shared_ptr<Nut> n) {
  auto b = std::make_shared<Bolt>();
  auto &[nut] = *b;
  nut = n;
  n->bolt = b;
}
