// RUN: %verify --cflags="-I%python_include" %s
// The ways Python code writes a member: a property setter, a constructor
// bound with py::init that stores its argument, an aggregate built from
// py::init's arguments, a method that wraps its argument in a lambda stored
// in a std::function. And what is not a write from Python.
#include <pybind11/functional.h>
#include <pybind11/pybind11.h>

#include <functional>
#include <memory>
#include <string>
#include <utility>

namespace py = pybind11;

struct Node {
  py::object parent; // expected-warning {{'Node::parent' can close a reference cycle that is never freed}}
  py::object get_parent() const { return parent; }
  void set_parent(py::object p) { parent = std::move(p); } // expected-note {{'Node::parent' is writable from Python: the setter of property 'parent' ('Node::set_parent') stores its argument, which can be any object}}
};

struct Task {
  explicit Task(py::function fn) : fn(std::move(fn)) {} // expected-note {{'Task::fn' is writable from Python: the constructor ('Task::Task') stores its argument, which can be any object}}
  py::function fn; // expected-warning {{'Task::fn' can close a reference cycle that is never freed}}
};

struct Pair {
  py::object first; // expected-warning {{'Pair::first' can close a reference cycle that is never freed}}
  py::object second; // expected-warning {{'Pair::second' can close a reference cycle that is never freed}}
};

struct Hook {
  std::function<void()> run; // expected-warning {{'Hook::run' can close a reference cycle that is never freed}}
  void set(py::function f) {
    run = [f]() { f(); }; // expected-note {{'Hook::run' is writable from Python: method 'set' ('Hook::set') stores its argument}}
  }
};

// Not writes from Python: a value C++ makes, an argument that is not a
// Python object, a member only C++ code sets, a lambda capturing by
// reference (it holds no reference), a read-only plain object.
struct Quiet {
  py::object made;
  py::object named;
  std::function<void()> run;
  void reset() { made = py::none(); }
  void set_name(const std::string &n) { named = py::str(n); }
  void set_run(py::function f) { run = [&f]() { f(); }; }
};

// A holder type option does not change what the class holds: a shared_ptr
// holder with a writable object member is reported; a constructor that
// reads its argument without storing it is not a write.
struct Shared {
  py::object payload; // expected-warning {{'Shared::payload' can close a reference cycle that is never freed}}
};
struct Reader {
  explicit Reader(py::object config) : size(py::len(config)) {}
  py::object cache;
  size_t size;
};

PYBIND11_MODULE(corpus_bindings, m) {
  py::class_<Shared, std::shared_ptr<Shared>>(m, "Shared") // expected-note {{type without collector support: pybind11 class 'Shared'}}
      .def_readwrite("payload", &Shared::payload); // expected-note {{'Shared::payload' is writable from Python as attribute 'payload'}}
  py::class_<Reader>(m, "Reader").def(py::init<py::object>());
  py::class_<Node>(m, "Node") // expected-note {{type without collector support: pybind11 class 'Node'}}
      .def(py::init<>())
      .def_property("parent", &Node::get_parent, &Node::set_parent);
  py::class_<Task>(m, "Task") // expected-note {{type without collector support: pybind11 class 'Task'}}
      .def(py::init<py::function>());
  py::class_<Pair>(m, "Pair") // expected-note {{type without collector support: pybind11 class 'Pair'}} expected-note {{type without collector support: pybind11 class 'Pair'}}
      .def(py::init<py::object, py::object>()); // expected-note {{'Pair::first' is writable from Python: the constructor ('Pair') stores its argument}} expected-note {{'Pair::second' is writable from Python: the constructor ('Pair') stores its argument}}
  py::class_<Hook>(m, "Hook") // expected-note {{type without collector support: pybind11 class 'Hook'}}
      .def("set", &Hook::set);
  py::class_<Quiet>(m, "Quiet")
      .def("reset", &Quiet::reset)
      .def("set_name", &Quiet::set_name)
      .def("set_run", &Quiet::set_run)
      .def_readonly("made", &Quiet::made);
}
