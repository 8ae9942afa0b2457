// RUN: %verify --cflags="-I%python_include" %s
// What a member of a bound class can hold: Python references directly, in
// standard containers, in a struct held by value, through an owned handle or
// PyObject pointer, in a std::function converted from a Python callable.
// None of these classes has a tp_traverse.
#include <pybind11/functional.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace py = pybind11;

// A plain object, writable.
struct Holder {
  py::object value; // expected-warning {{'Holder::value' can close a reference cycle that is never freed}}
};

// A list exposed read-only: Python cannot replace it, but it can append the
// holder to it.
struct Registry {
  py::list entries; // expected-warning {{'Registry::entries' can close a reference cycle that is never freed}}
  py::object config; // read-only and set only by C++: silent
};

// Strings and numbers cannot refer back: silent even when writable.
struct Label {
  py::str text;
  py::int_ count;
};

// A borrowed handle does not keep its object alive: silent. An owned one
// (released in the destructor) does.
struct Borrower {
  py::handle target;
  void set_target(py::handle h) { target = h; }
};
struct Owner {
  py::handle target; // expected-warning {{'Owner::target' can close a reference cycle that is never freed}}
  PyObject *raw = nullptr; // expected-warning {{'Owner::raw' can close a reference cycle that is never freed}}
  ~Owner() {
    target.dec_ref();
    Py_XDECREF(raw);
  }
  void set_target(py::handle h) { target = h.inc_ref(); } // expected-note {{'Owner::target' is writable from Python: method 'set_target' ('Owner::set_target') stores its argument, which can be any object}}
  void set_raw(py::handle h) { raw = h.inc_ref().ptr(); } // expected-note {{'Owner::raw' is writable from Python: method 'set_raw'}}
  void set_raw2(py::object o) { raw = o.release().ptr(); } // expected-note {{'Owner::raw' is writable from Python: method 'set_raw2'}}
};

// Containers of Python references.
struct Observers {
  std::vector<py::object> listeners; // expected-warning {{'Observers::listeners' can close a reference cycle that is never freed}}
  std::map<std::string, py::function> handlers; // expected-warning {{'Observers::handlers' can close a reference cycle that is never freed}}
  std::optional<py::object> fallback; // expected-warning {{'Observers::fallback' can close a reference cycle that is never freed}}
  void add(py::object f) { listeners.push_back(std::move(f)); } // expected-note {{'Observers::listeners' is writable from Python: method 'add' ('Observers::add') stores its argument}}
  void on(const std::string &name, py::function f) { handlers[name] = f; } // expected-note {{'Observers::handlers' is writable from Python: method 'on' ('Observers::on') stores its argument}}
};

// A struct held by value whose member holds the callable: the setter stores
// into it.
struct Callbacks {
  py::function on_click;
  py::function on_close;
};
struct Widget {
  Callbacks callbacks; // expected-warning {{'Widget::callbacks' can close a reference cycle that is never freed}}
};

// A std::function converted from a Python callable holds it
// (pybind11/functional.h is included).
struct Timer {
  std::function<void()> callback; // expected-warning {{'Timer::callback' can close a reference cycle that is never freed}}
  std::function<void()> internal; // only C++ sets it: silent
};

PYBIND11_MODULE(corpus_members, m) {
  py::class_<Holder>(m, "Holder") // expected-note {{type without collector support: pybind11 class 'Holder'}}
      .def_readwrite("value", &Holder::value); // expected-note {{'Holder::value' is writable from Python as attribute 'value'}}
  py::class_<Registry>(m, "Registry") // expected-note {{type without collector support: pybind11 class 'Registry'}}
      .def_readonly("entries", &Registry::entries) // expected-note {{'Registry::entries' is readable from Python as attribute 'entries', and Python code can fill the container it holds}}
      .def_readonly("config", &Registry::config);
  py::class_<Label>(m, "Label")
      .def_readwrite("text", &Label::text)
      .def_readwrite("count", &Label::count);
  py::class_<Borrower>(m, "Borrower").def("set_target", &Borrower::set_target);
  py::class_<Owner>(m, "Owner") // expected-note {{type without collector support: pybind11 class 'Owner'}} expected-note {{type without collector support: pybind11 class 'Owner'}}
      .def("set_target", &Owner::set_target)
      .def("set_raw", &Owner::set_raw)
      .def("set_raw2", &Owner::set_raw2);
  py::class_<Observers>(m, "Observers") // expected-note {{type without collector support: pybind11 class 'Observers'}} expected-note {{type without collector support: pybind11 class 'Observers'}} expected-note {{type without collector support: pybind11 class 'Observers'}}
      .def("add", &Observers::add)
      .def("on", &Observers::on)
      .def("set_fallback", [](Observers &self, py::object f) { self.fallback = f; }); // expected-note {{'Observers::fallback' is writable from Python: method 'set_fallback' ('lambda') stores its argument}}
  py::class_<Widget>(m, "Widget") // expected-note {{type without collector support: pybind11 class 'Widget'}}
      .def("set_on_click", [](Widget &self, py::function f) { self.callbacks.on_click = f; }); // expected-note {{'Widget::callbacks' is writable from Python: method 'set_on_click'}}
  py::class_<Timer>(m, "Timer") // expected-note {{type without collector support: pybind11 class 'Timer'}}
      .def_readwrite("callback", &Timer::callback); // expected-note {{'Timer::callback' is writable from Python as attribute 'callback'}}
}
