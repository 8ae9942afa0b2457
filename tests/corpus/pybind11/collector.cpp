// RUN: %verify --cflags="-I%python_include" %s
// Collector participation: what py::custom_type_setup and py::dynamic_attr()
// give a bound class, and whether its tp_traverse visits the member.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <vector>

namespace py = pybind11;

// The traverse visits the member (through a range-for over a container,
// and through a helper method it passes `visit` to): silent.
struct Signal {
  std::vector<py::object> slots;
  py::object owner;
  int traverse(visitproc visit, void *arg) {
    Py_VISIT(owner.ptr());
    return 0;
  }
};

// The traverse forgets a member.
struct Forgetful {
  py::object seen;
  py::object forgotten; // expected-warning {{'Forgetful::forgotten' can close a reference cycle that is never freed (Forgetful -> the Python object it holds -> Forgetful): the tp_traverse of pybind11 class 'Forgetful' does not visit it; install a tp_traverse that visits 'forgotten'}}
};

// A traverse without Py_TPFLAGS_HAVE_GC is never called.
struct NoFlag {
  py::object value; // expected-warning {{'NoFlag::value' can close a reference cycle that is never freed}}
};

// dynamic_attr() visits the instance __dict__ only.
struct Dynamic {
  py::object value; // expected-warning {{'Dynamic::value' can close a reference cycle that is never freed}}
};

// A setup cyclint cannot read (defined in another TU), or a traverse that
// calls a function it cannot see: don't know, silent.
void external_setup(PyHeapTypeObject *heap_type);
int external_traverse(PyObject *self, visitproc visit, void *arg);
struct Opaque {
  py::object value;
};
struct OpaqueTraverse {
  py::object value;
};

PYBIND11_MODULE(corpus_collector, m) {
  py::class_<Signal>(m, "Signal", py::custom_type_setup([](PyHeapTypeObject *heap_type) {
                       auto *type = &heap_type->ht_type;
                       type->tp_flags |= Py_TPFLAGS_HAVE_GC;
                       type->tp_traverse = [](PyObject *self_base, visitproc visit, void *arg) {
                         auto &self = py::cast<Signal &>(py::handle(self_base));
                         for (auto &slot : self.slots)
                           Py_VISIT(slot.ptr());
                         return self.traverse(visit, arg);
                       };
                       type->tp_clear = [](PyObject *self_base) {
                         py::cast<Signal &>(py::handle(self_base)).slots.clear();
                         return 0;
                       };
                     }))
      .def("connect", [](Signal &s, py::object f) { s.slots.push_back(f); })
      .def_readwrite("owner", &Signal::owner);

  py::class_<Forgetful>(m, "Forgetful", py::custom_type_setup([](PyHeapTypeObject *heap_type) {
                          auto *type = &heap_type->ht_type;
                          type->tp_flags |= Py_TPFLAGS_HAVE_GC;
                          type->tp_traverse = [](PyObject *self_base, visitproc visit, void *arg) { // expected-note {{the tp_traverse installed for 'Forgetful' does not visit 'Forgetful::forgotten'}}
                            auto &self = py::cast<Forgetful &>(py::handle(self_base));
                            Py_VISIT(self.seen.ptr());
                            return 0;
                          };
                        }))
      .def_readwrite("seen", &Forgetful::seen)
      .def_readwrite("forgotten", &Forgetful::forgotten); // expected-note {{'Forgetful::forgotten' is writable from Python as attribute 'forgotten'}}

  py::class_<NoFlag>(m, "NoFlag", py::custom_type_setup([](PyHeapTypeObject *heap_type) { // expected-note {{type without collector support: the type setup of pybind11 class 'NoFlag' (Python 'NoFlag') installs a tp_traverse but does not set Py_TPFLAGS_HAVE_GC, so the collector never calls it}}
                       heap_type->ht_type.tp_traverse = [](PyObject *self_base, visitproc visit, void *arg) {
                         Py_VISIT(py::cast<NoFlag &>(py::handle(self_base)).value.ptr());
                         return 0;
                       };
                     }))
      .def_readwrite("value", &NoFlag::value); // expected-note {{'NoFlag::value' is writable from Python as attribute 'value'}}

  py::class_<Dynamic>(m, "Dynamic", py::dynamic_attr()) // expected-note {{type without collector support for its members: dynamic_attr() gives pybind11 class 'Dynamic' (Python 'Dynamic') a tp_traverse that visits only the instance __dict__}}
      .def_readwrite("value", &Dynamic::value); // expected-note {{'Dynamic::value' is writable from Python as attribute 'value'}}

  py::class_<Opaque>(m, "Opaque", py::custom_type_setup(external_setup))
      .def_readwrite("value", &Opaque::value);
  py::class_<OpaqueTraverse>(m, "OpaqueTraverse", py::custom_type_setup([](PyHeapTypeObject *heap_type) {
                               heap_type->ht_type.tp_flags |= Py_TPFLAGS_HAVE_GC;
                               heap_type->ht_type.tp_traverse = [](PyObject *self, visitproc visit, void *arg) {
                                 return external_traverse(self, visit, arg);
                               };
                             }))
      .def_readwrite("value", &OpaqueTraverse::value);
}
