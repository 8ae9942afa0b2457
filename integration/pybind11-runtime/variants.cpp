// More shapes of the Button leak, one class each, with the runtime scenario
// that makes the cycle in run_truth.py. Each class counts its live
// instances, so the test can ask the interpreter whether gc.collect() freed
// them, and asks cyclint whether it reports the member.
#include <pybind11/functional.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <functional>
#include <vector>

namespace py = pybind11;

template <typename T> struct Counted {
  static int alive;
  Counted() { ++alive; }
  Counted(const Counted &) { ++alive; }
  ~Counted() { --alive; }
};
template <typename T> int Counted<T>::alive = 0;

// dynamic_attr() makes the type a GC type, but its traverse visits only the
// instance __dict__: the member stays invisible. Leaks.
struct DictButton : Counted<DictButton> {
  py::object on_click;
};

// A property setter stores its argument. Leaks.
struct SetterButton : Counted<SetterButton> {
  py::object handler;
  void set_handler(py::object h) { handler = std::move(h); }
  py::object get_handler() const { return handler; }
};

// The constructor stores a callable converted to std::function. Leaks.
struct Timer : Counted<Timer> {
  explicit Timer(std::function<void()> cb) : callback(std::move(cb)) {}
  std::function<void()> callback;
};

// A container of callbacks, visited element by element. Freed.
struct Signal : Counted<Signal> {
  std::vector<py::object> slots;
  void connect(py::object f) { slots.push_back(std::move(f)); }
};

// Two keep_alive policies that link a Parent and a Child both ways: the
// runtime keeps each alive from the other in a table no traverse visits.
// Leaks.
struct Child;
struct Parent : Counted<Parent> {
  void add(Child *) {}
};
struct Child : Counted<Child> {
  void set_parent(Parent *) {}
};

PYBIND11_MODULE(variants, m) {
  py::class_<DictButton>(m, "DictButton", py::dynamic_attr())
      .def(py::init<>())
      .def_readwrite("on_click", &DictButton::on_click);
  m.def("dict_button_alive", [] { return DictButton::alive; });

  py::class_<SetterButton>(m, "SetterButton")
      .def(py::init<>())
      .def_property("handler", &SetterButton::get_handler,
                    &SetterButton::set_handler);
  m.def("setter_button_alive", [] { return SetterButton::alive; });

  py::class_<Timer>(m, "Timer").def(py::init<std::function<void()>>());
  m.def("timer_alive", [] { return Timer::alive; });

  py::class_<Signal>(m, "Signal",
                     py::custom_type_setup([](PyHeapTypeObject *heap_type) {
                       auto *type = &heap_type->ht_type;
                       type->tp_flags |= Py_TPFLAGS_HAVE_GC;
                       type->tp_traverse = [](PyObject *self_base,
                                              visitproc visit, void *arg) {
                         Py_VISIT(Py_TYPE(self_base));
                         auto &self = py::cast<Signal &>(py::handle(self_base));
                         for (auto &slot : self.slots)
                           Py_VISIT(slot.ptr());
                         return 0;
                       };
                       type->tp_clear = [](PyObject *self_base) {
                         auto &self = py::cast<Signal &>(py::handle(self_base));
                         self.slots.clear();
                         return 0;
                       };
                     }))
      .def(py::init<>())
      .def("connect", &Signal::connect);
  m.def("signal_alive", [] { return Signal::alive; });

  py::class_<Parent>(m, "Parent")
      .def(py::init<>())
      .def("add", &Parent::add, py::keep_alive<1, 2>());
  py::class_<Child>(m, "Child")
      .def(py::init<>())
      .def("set_parent", &Child::set_parent, py::keep_alive<1, 2>());
  m.def("parent_alive", [] { return Parent::alive; });
}
