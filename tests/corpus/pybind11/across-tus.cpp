// RUN: %verify --cflags="-I%python_include" %s %S/Inputs/widget.cpp %S/Inputs/widget.h
// The binding is here, the setter's body in Inputs/widget.cpp.
#include "Inputs/widget.h"

namespace py = pybind11;

PYBIND11_MODULE(corpus_across, m) {
  py::class_<Widget>(m, "Widget") // expected-note {{type without collector support: pybind11 class 'Widget'}}
      .def("set_listener", &Widget::set_listener);
}
