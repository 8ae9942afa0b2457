// RUN: %verify --cflags="-I%python_include" %s
// Without pybind11/functional.h a Python callable cannot be converted to a
// std::function, so a std::function member holds only what C++ puts there.
// expected-no-diagnostics
#include <pybind11/pybind11.h>

#include <functional>

namespace py = pybind11;

struct Timer {
  std::function<void()> callback;
  void set(std::function<void()> cb) { callback = std::move(cb); }
};

PYBIND11_MODULE(corpus_no_caster, m) {
  py::class_<Timer>(m, "Timer")
      .def_readwrite("callback", &Timer::callback)
      .def("set", &Timer::set);
}
