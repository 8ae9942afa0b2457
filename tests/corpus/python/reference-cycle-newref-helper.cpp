// RUN: %verify --cflags="-I%python_include" %s
// Extensions often carry their own new-reference helpers (a newref/xnewref
// pair in a helpers header, an incref template): a value stored through one
// is the helper's argument. Helpers that do more than count references are
// not seen through.
#include <Python.h>

namespace helpers {
inline PyObject *xnewref(PyObject *o) {
  Py_XINCREF(o);
  return o;
}
template <typename T> inline T *incref(T *o) {
  Py_INCREF(o);
  return o;
}
// Not a pass-through: returns something else on one path.
inline PyObject *or_none(PyObject *o) {
  if (!o)
    return PyUnicode_FromString("none");
  Py_INCREF(o);
  return o;
}
// Not a pass-through: it hands the object to something first.
inline PyObject *registered(PyObject *o) {
  PyObject_SetAttrString(o, "_registered", Py_True);
  return o;
}
} // namespace helpers

struct Handle {
  PyObject_HEAD
  PyObject *context; // expected-warning {{'Handle::context' can close a reference cycle that is never freed (Handle -> Handle): type 'Handle_Type' (corpus.Handle) does not take part in the cycle collector; set Py_TPFLAGS_HAVE_GC and implement tp_traverse and tp_clear (and 1 other member of the type, see notes)}}
  PyObject *owner;   // expected-note {{'Handle::owner' can also close a reference cycle that is never freed (Handle -> Handle)}}
  PyObject *label;   // unknown: or_none may return a new object
  PyObject *peer;    // unknown: registered() does more than count
};

static PyObject *Handle_new(PyTypeObject *type, PyObject *args, PyObject *kw) {
  PyObject *context = nullptr, *label = nullptr, *peer = nullptr;
  if (!PyArg_ParseTuple(args, "|OOO", &context, &label, &peer))
    return nullptr;
  PyObject *obj = PyType_GenericNew(type, args, kw);
  if (!obj)
    return nullptr;
  Handle *self = reinterpret_cast<Handle *>(obj);
  self->context = helpers::xnewref(context); // expected-note {{'Handle::context' is set in 'Handle_new' from an argument parsed by PyArg_ParseTuple, which can be any object}}
  self->label = helpers::or_none(label);
  self->peer = helpers::registered(peer);
  return obj;
}

static PyObject *Handle_set_owner(Handle *self, PyObject *owner) {
  PyObject *old = self->owner;
  self->owner = helpers::incref(owner); // expected-note {{'Handle::owner' is set in 'Handle_set_owner' from its parameter 'owner', which can be any object}}
  Py_XDECREF(old);
  Py_RETURN_NONE;
}

static PyMethodDef Handle_methods[] = {
    {"set_owner", (PyCFunction)Handle_set_owner, METH_O, nullptr},
    {nullptr, nullptr, 0, nullptr}};

static PyTypeObject Handle_Type = {
    PyVarObject_HEAD_INIT(nullptr, 0)
    "corpus.Handle", sizeof(Handle), 0,
    nullptr, 0, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr,
    nullptr, nullptr, nullptr, nullptr, nullptr, nullptr,
    Py_TPFLAGS_DEFAULT, // expected-note {{type 'Handle_Type' (corpus.Handle) does not set Py_TPFLAGS_HAVE_GC}}
    nullptr, nullptr, nullptr, nullptr, 0, nullptr, nullptr,
    Handle_methods, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, 0,
    nullptr, nullptr, Handle_new,
};
