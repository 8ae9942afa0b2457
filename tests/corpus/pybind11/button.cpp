// RUN: %verify --cflags="-I%python_include" %s
// The Button: a bound class holds a Python callable that Python code
// sets. `b.on_click = lambda: b.close()` makes a cycle through the C++
// member, which the collector cannot see without a tp_traverse.
#include <pybind11/pybind11.h>

namespace py = pybind11;

struct Button {
  void close() {}
  py::function on_click; // expected-warning {{'Button::on_click' can close a reference cycle that is never freed (Button -> the Python object it holds -> Button): pybind11 class 'Button' does not take part in the cycle collector for this member; install a tp_traverse that visits 'on_click' (and a tp_clear that clears it) with py::custom_type_setup [cyclint-pybind11-reference-cycle]}}
};

// The fixed Button: custom_type_setup installs a traverse that visits the
// member (and a clear); gc.collect() frees the cycle, so it is silent.
struct FixedButton {
  void close() {}
  py::function on_click;
};

PYBIND11_MODULE(corpus_button, m) {
  py::class_<Button>(m, "Button") // expected-note {{type without collector support: pybind11 class 'Button' (Python 'Button') has no tp_traverse, so the collector never sees what its instances hold}}
      .def(py::init<>())
      .def("close", &Button::close)
      .def_readwrite("on_click", &Button::on_click); // expected-note {{'Button::on_click' is writable from Python as attribute 'on_click'}}

  py::class_<FixedButton>(
      m, "FixedButton", py::custom_type_setup([](PyHeapTypeObject *heap_type) {
        auto *type = &heap_type->ht_type;
        type->tp_flags |= Py_TPFLAGS_HAVE_GC;
        type->tp_traverse = [](PyObject *self_base, visitproc visit, void *arg) {
          Py_VISIT(Py_TYPE(self_base));
          auto &self = py::cast<FixedButton &>(py::handle(self_base));
          Py_VISIT(self.on_click.ptr());
          return 0;
        };
        type->tp_clear = [](PyObject *self_base) {
          auto &self = py::cast<FixedButton &>(py::handle(self_base));
          self.on_click = py::function();
          return 0;
        };
      }))
      .def(py::init<>())
      .def("close", &FixedButton::close)
      .def_readwrite("on_click", &FixedButton::on_click);
}
