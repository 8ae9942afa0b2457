// RUN: %verify --cflags="-I%python_include" %s
// A C++ heap type without GC support whose member is set by a method from
// its argument: a cycle through it is never freed. A GC-aware heap type
// with a complete traverse only gets the collector note.
#define PY_SSIZE_T_CLEAN
#include <Python.h>

namespace {

struct SessionObject {
  PyObject_HEAD
  PyObject *handler; // expected-warning {{'(anonymous namespace)::SessionObject::handler' can close a reference cycle that is never freed}}
};

PyObject *Session_set_handler(PyObject *op, PyObject *handler) {
  auto *self = reinterpret_cast<SessionObject *>(op);
  Py_XSETREF(self->handler, Py_NewRef(handler)); // expected-note {{is set in 'Session_set_handler' from its parameter 'handler', which can be any object}}
  Py_RETURN_NONE;
}

void Session_dealloc(PyObject *op) {
  PyTypeObject *tp = Py_TYPE(op);
  Py_XDECREF(reinterpret_cast<SessionObject *>(op)->handler);
  tp->tp_free(op);
  Py_DECREF(tp);
}

PyMethodDef Session_methods[] = {
    {"set_handler", Session_set_handler, METH_O, nullptr},
    {nullptr, nullptr, 0, nullptr}};

PyType_Slot Session_slots[] = {
    {Py_tp_dealloc, reinterpret_cast<void *>(Session_dealloc)},
    {Py_tp_methods, Session_methods},
    {0, nullptr}};

PyType_Spec Session_spec = {
    "corpus.Session", sizeof(SessionObject), 0,
    Py_TPFLAGS_DEFAULT, // expected-note {{type 'Session_spec' (corpus.Session) does not set Py_TPFLAGS_HAVE_GC}}
    // expected-note@-1 {{heap type 'Session_spec' (corpus.Session) does not set Py_TPFLAGS_HAVE_GC: every instance owns a reference to its type}}
    Session_slots};

} // namespace
