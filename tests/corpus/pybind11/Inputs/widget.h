// A class bound in one TU (../across-tus.cpp) whose setter is defined in
// another (widget.cpp): the store is learnt where the body is, the binding
// where the module is, and the merge joins them by the function's USR.
#pragma once
#include <pybind11/pybind11.h>

struct Widget {
  pybind11::object listener; // expected-warning {{'Widget::listener' can close a reference cycle that is never freed}}
  void set_listener(pybind11::object l);
};
