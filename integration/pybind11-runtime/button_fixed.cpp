// The Button with the fix cyclint suggests: py::custom_type_setup installs a
// tp_traverse that visits on_click and a tp_clear that clears it, so the
// collector sees the member and gc.collect() frees the cycle.
#include <pybind11/pybind11.h>

namespace py = pybind11;

static int alive = 0;

struct Button {
  Button() { ++alive; }
  ~Button() { --alive; }
  void close() {}
  py::function on_click;
};

PYBIND11_MODULE(button_fixed, m) {
  py::class_<Button>(
      m, "Button", py::custom_type_setup([](PyHeapTypeObject *heap_type) {
        auto *type = &heap_type->ht_type;
        type->tp_flags |= Py_TPFLAGS_HAVE_GC;
        type->tp_traverse = [](PyObject *self_base, visitproc visit,
                               void *arg) {
#if PY_VERSION_HEX >= 0x03090000
          Py_VISIT(Py_TYPE(self_base));
#endif
          auto &self = py::cast<Button &>(py::handle(self_base));
          Py_VISIT(self.on_click.ptr());
          return 0;
        };
        type->tp_clear = [](PyObject *self_base) {
          auto &self = py::cast<Button &>(py::handle(self_base));
          self.on_click = py::function();
          return 0;
        };
      }))
      .def(py::init<>())
      .def("close", &Button::close)
      .def_readwrite("on_click", &Button::on_click);
  m.def("alive", [] { return alive; });
}
