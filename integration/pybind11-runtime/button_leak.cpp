// The Button: a bound class whose member holds a Python callable
// that Python code sets (def_readwrite), and no tp_traverse. A callable that
// refers back to the button (b.on_click = lambda: b.close()) makes a cycle
// the collector cannot see: it is never freed.
#include <pybind11/pybind11.h>

namespace py = pybind11;

static int alive = 0;

struct Button {
  Button() { ++alive; }
  ~Button() { --alive; }
  void close() {}
  py::function on_click; // the member cyclint must report
};

PYBIND11_MODULE(button_leak, m) {
  py::class_<Button>(m, "Button")
      .def(py::init<>())
      .def("close", &Button::close)
      .def_readwrite("on_click", &Button::on_click);
  m.def("alive", [] { return alive; });
}
