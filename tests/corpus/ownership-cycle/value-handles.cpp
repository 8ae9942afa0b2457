// RUN: %verify %s
// Handles: value classes whose only member is a counted pointer, copied
// around like the object they share (a JSON value, a mock expectation). A
// collection of handles inside the object they point to is a tree or a DAG
// of values, like Tree::children; a single link back through a handle, or a
// collection of non-handle records pointing back, is still a cycle.
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

// A document value: arrays and objects hold more values. Silent.
class ValueData;
class Value {
public:
  Value();
  bool operator<(const Value &) const;
private:
  std::shared_ptr<const ValueData> data_;
};
class ValueData {
public:
  virtual ~ValueData() = default;
};
class NumberData : public ValueData {
  double number_ = 0;
};
class ArrayData : public ValueData {
  std::vector<Value> items_;
};
class ObjectData : public ValueData {
  std::map<std::string, Value> fields_;
};

// A step that must run after other steps, through a set wrapper. Silent.
class StepState;
class Step {
  std::shared_ptr<StepState> state_;
public:
  bool operator<(const Step &) const;
};
class StepSet {
  std::set<Step> steps_;
};
class StepState {
  std::string name_;
  StepSet after_;
};

// A handle used as a single link back to the object that owns it: a cycle.
class Window;
class WindowRef {
  std::shared_ptr<Window> window_; // expected-warning {{'WindowRef::window_' closes a reference cycle that is never freed (WindowRef -> Window -> Window::Impl -> WindowRef)}} expected-note {{'WindowRef::window_' (std::shared_ptr) keeps 'Window' alive}}
};
class Window {
  struct Impl {
    WindowRef self; // expected-note {{'Window::Impl::self' (by value) keeps 'WindowRef' alive}}
  };
  std::unique_ptr<Impl> impl_; // expected-note {{'Window::impl_' (std::unique_ptr) keeps 'Window::Impl' alive}}
};

// Records that are not handles, in a collection, pointing back: a cycle.
class Server;
class Session {
  int id_ = 0;
  std::shared_ptr<Server> server_; // expected-warning {{'Session::server_' closes a reference cycle that is never freed (Session -> Server -> Session)}} expected-note {{'Session::server_' (std::shared_ptr) keeps 'Server' alive}}
};
class Server {
  std::vector<Session> sessions_; // expected-note {{'Server::sessions_' (std::vector) keeps 'Session' alive}}
};

// A handle whose name says it points back up: a cycle.
class Folder;
class ParentRef {
  std::shared_ptr<Folder> parent; // expected-warning {{'ParentRef::parent' closes a reference cycle that is never freed (ParentRef -> Folder -> File -> ParentRef)}} expected-note {{'ParentRef::parent' (std::shared_ptr) keeps 'Folder' alive}}
};
class File {
  std::string name;
  ParentRef folder; // expected-note {{'File::folder' (by value) keeps 'ParentRef' alive}}
};
class Folder {
  std::vector<File> files; // expected-note {{'Folder::files' (std::vector) keeps 'File' alive}}
};
