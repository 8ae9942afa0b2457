// RUN: %verify --cflags="-I%python_include" --cyclint-arg=--checks=cyclint-*,-cyclint-python-reference-cycle %s
// C++ extension source: positional PyTypeObject initializer, casts, a
// callback stored from the constructor's arguments.
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <structmember.h>

namespace ext {

struct EmitterObject {
  PyObject_HEAD
  PyObject *listeners;
  PyObject *on_error; // expected-warning {{'ext::EmitterObject::on_error' is not visited by tp_traverse 'Emitter_traverse' of type 'EmitterType' (corpus.Emitter)}}
  PyObject *weakreflist;
};

static int Emitter_traverse(PyObject *op, visitproc visit, void *arg) { // expected-note {{tp_traverse 'Emitter_traverse' is defined here}}
  auto *self = reinterpret_cast<EmitterObject *>(op);
  Py_VISIT(self->listeners);
  return 0;
}

static int Emitter_clear(PyObject *op) {
  auto *self = reinterpret_cast<EmitterObject *>(op);
  Py_CLEAR(self->listeners);
  Py_CLEAR(self->on_error);
  return 0;
}

static void Emitter_dealloc(PyObject *op) {
  PyObject_GC_UnTrack(op);
  Emitter_clear(op);
  Py_TYPE(op)->tp_free(op);
}

static int Emitter_init(PyObject *op, PyObject *args, PyObject *kwds) {
  auto *self = static_cast<EmitterObject *>(static_cast<void *>(op));
  PyObject *listeners = nullptr, *on_error = nullptr;
  static const char *kwlist[] = {"listeners", "on_error", nullptr};
  if (!PyArg_ParseTupleAndKeywords(args, kwds, "O!O", const_cast<char **>(kwlist),
                                   &PyList_Type, &listeners, &on_error))
    return -1;
  Py_XSETREF(self->listeners, Py_NewRef(listeners));
  Py_XSETREF(self->on_error, Py_NewRef(on_error)); // expected-note {{'ext::EmitterObject::on_error' is set in 'Emitter_init' from an argument parsed by PyArg_ParseTupleAndKeywords, which can be any object}}
  return 0;
}

static PyTypeObject EmitterType = {
    PyVarObject_HEAD_INIT(nullptr, 0)
    "corpus.Emitter",                        /* tp_name */
    sizeof(EmitterObject),                   /* tp_basicsize */
    0,                                       /* tp_itemsize */
    Emitter_dealloc,                         /* tp_dealloc */
    0,                                       /* tp_vectorcall_offset */
    nullptr,                                 /* tp_getattr */
    nullptr,                                 /* tp_setattr */
    nullptr,                                 /* tp_as_async */
    nullptr,                                 /* tp_repr */
    nullptr,                                 /* tp_as_number */
    nullptr,                                 /* tp_as_sequence */
    nullptr,                                 /* tp_as_mapping */
    nullptr,                                 /* tp_hash */
    nullptr,                                 /* tp_call */
    nullptr,                                 /* tp_str */
    nullptr,                                 /* tp_getattro */
    nullptr,                                 /* tp_setattro */
    nullptr,                                 /* tp_as_buffer */
    Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC, /* tp_flags */
    "An emitter.",                           /* tp_doc */
    Emitter_traverse,                        /* tp_traverse */
    Emitter_clear,                           /* tp_clear */
    nullptr,                                 /* tp_richcompare */
    offsetof(EmitterObject, weakreflist),    /* tp_weaklistoffset */
    nullptr,                                 /* tp_iter */
    nullptr,                                 /* tp_iternext */
    nullptr,                                 /* tp_methods */
    nullptr,                                 /* tp_members */
    nullptr,                                 /* tp_getset */
    nullptr,                                 /* tp_base */
    nullptr,                                 /* tp_dict */
    nullptr,                                 /* tp_descr_get */
    nullptr,                                 /* tp_descr_set */
    0,                                       /* tp_dictoffset */
    Emitter_init,                            /* tp_init */
    PyType_GenericAlloc,                     /* tp_alloc */
    PyType_GenericNew,                       /* tp_new */
};

} // namespace ext
