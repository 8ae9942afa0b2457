// RUN: %verify %s
// A composite whose children sit in element records: Poco's
// LayeredConfiguration keeps `std::list<ConfigItem>`, each item an
// `AutoPtr<AbstractConfiguration>` with a priority and a label;
// OpenSceneGraph's MorphGeometry keeps `vector<MorphTarget>` with a
// `ref_ptr<Geometry>`. Spelled `list<shared_ptr<Config>>` it is a tree in
// one class hierarchy and silent; the record in between does not make it a
// cycle. The look-alikes are reported: a record whose member names its
// owner's own class (a back link, not an element), and a record that names
// a class of another hierarchy.
#include <list>
#include <memory>
#include <string>
#include <vector>

struct Config { virtual ~Config() = default; };
struct MapConfig : Config {};
struct Layered : Config {
  struct Item {
    std::shared_ptr<Config> config;
    int priority = 0;
    std::string label;
  };
  std::list<Item> items;
  void add(std::shared_ptr<Config> c, int p) { items.push_back({std::move(c), p, ""}); }
};

struct Geometry { virtual ~Geometry() = default; };
struct MorphGeometry : Geometry {
  struct MorphTarget {
    std::shared_ptr<Geometry> geom;
    float weight = 0;
    MorphTarget(std::shared_ptr<Geometry> g, float w) : geom(std::move(g)), weight(w) {}
  };
  std::vector<MorphTarget> targets;
};

// The record names its owner's class: each entry points back at the
// registry that holds it.
struct Registry { virtual ~Registry() = default;
  struct Entry {
    std::shared_ptr<Registry> registry; // expected-warning {{'Registry::Entry::registry' closes a reference cycle that is never freed (Registry::Entry -> Registry -> Registry::Entry)}} expected-note {{'Registry::Entry::registry' (std::shared_ptr) keeps 'Registry' alive}}
    int id = 0;
  };
  std::vector<Entry> entries; // expected-note {{'Registry::entries' (std::vector) keeps 'Registry::Entry' alive}}
  void enroll(std::shared_ptr<Registry> self) { entries.push_back({std::move(self), 1}); }
};

// The record names a class of another hierarchy, which holds the owner.
struct Scheduler;
struct Job { virtual ~Job() = default; };
struct Batch : Job {
  struct Slot {
    std::shared_ptr<Scheduler> scheduler; // expected-warning {{'Batch::Slot::scheduler' closes a reference cycle that is never freed (Batch::Slot -> Scheduler -> Batch -> Batch::Slot)}} expected-note {{'Batch::Slot::scheduler' (std::shared_ptr) keeps 'Scheduler' alive}}
    int order = 0;
  };
  std::vector<Slot> slots; // expected-note {{'Batch::slots' (std::vector) keeps 'Batch::Slot' alive}}
  void plan(std::shared_ptr<Scheduler> s) { slots.push_back({std::move(s), 0}); }
};
struct Scheduler {
  std::vector<std::shared_ptr<Batch>> batches; // expected-note {{'Scheduler::batches' (std::vector of std::shared_ptr) keeps 'Batch' alive}}
  void submit() { batches.push_back(std::make_shared<Batch>()); }
};
