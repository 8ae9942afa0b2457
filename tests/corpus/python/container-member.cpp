// RUN: %verify --cflags="-I%python_include" %s
// C++: a cache dict filled through a local alias of the member, and a set
// filled only with strings (silent).
#define PY_SSIZE_T_CLEAN
#include <Python.h>

namespace ext {

struct LookupObject {
  PyObject_HEAD
  PyObject *cache; // expected-warning {{'ext::LookupObject::cache' can close a reference cycle that is never freed (ext::LookupObject -> ext::LookupObject): type 'LookupType' (corpus.Lookup) does not take part in the cycle collector}}
  PyObject *names; // silent: a set that only ever receives str objects
};

static int Lookup_init(PyObject *op, PyObject *, PyObject *) {
  auto *self = reinterpret_cast<LookupObject *>(op);
  Py_XSETREF(self->cache, PyDict_New());
  Py_XSETREF(self->names, PySet_New(nullptr));
  return self->cache && self->names ? 0 : -1;
}

static PyObject *Lookup_store(PyObject *op, PyObject *args) {
  auto *self = reinterpret_cast<LookupObject *>(op);
  PyObject *cache = self->cache; // a local alias of the member
  PyObject *required = nullptr, *result = nullptr;
  if (!PyArg_UnpackTuple(args, "store", 2, 2, &required, &result))
    return nullptr;
  if (PyDict_SetItem(cache, required, result) < 0) // expected-note {{'ext::LookupObject::cache' holds a container made by PyDict_New, and 'Lookup_store' puts an argument parsed by PyArg_UnpackTuple into it with PyDict_SetItem: the container can hold any object}}
    return nullptr;
  PyObject *label = PyUnicode_FromString("stored");
  if (!label || PySet_Add(self->names, label) < 0)
    return nullptr;
  Py_DECREF(label);
  Py_RETURN_NONE;
}

static PyMethodDef Lookup_methods[] = {
    {"store", Lookup_store, METH_VARARGS, nullptr},
    {nullptr, nullptr, 0, nullptr}};

static PyTypeObject LookupType = {
    PyVarObject_HEAD_INIT(nullptr, 0)
    "corpus.Lookup",        /* tp_name */
    sizeof(LookupObject),   /* tp_basicsize */
    0,                      /* tp_itemsize */
    nullptr,                /* tp_dealloc */
    0,                      /* tp_vectorcall_offset */
    nullptr,                /* tp_getattr */
    nullptr,                /* tp_setattr */
    nullptr,                /* tp_as_async */
    nullptr,                /* tp_repr */
    nullptr,                /* tp_as_number */
    nullptr,                /* tp_as_sequence */
    nullptr,                /* tp_as_mapping */
    nullptr,                /* tp_hash */
    nullptr,                /* tp_call */
    nullptr,                /* tp_str */
    nullptr,                /* tp_getattro */
    nullptr,                /* tp_setattro */
    nullptr,                /* tp_as_buffer */
    Py_TPFLAGS_DEFAULT,     /* tp_flags */ // expected-note {{type 'LookupType' (corpus.Lookup) does not set Py_TPFLAGS_HAVE_GC}}
    nullptr,                /* tp_doc */
    nullptr,                /* tp_traverse */
    nullptr,                /* tp_clear */
    nullptr,                /* tp_richcompare */
    0,                      /* tp_weaklistoffset */
    nullptr,                /* tp_iter */
    nullptr,                /* tp_iternext */
    Lookup_methods,         /* tp_methods */
    nullptr,                /* tp_members */
    nullptr,                /* tp_getset */
    nullptr,                /* tp_base */
    nullptr,                /* tp_dict */
    nullptr,                /* tp_descr_get */
    nullptr,                /* tp_descr_set */
    0,                      /* tp_dictoffset */
    Lookup_init,            /* tp_init */
    nullptr,                /* tp_alloc */
    PyType_GenericNew,      /* tp_new */
};

} // namespace ext
