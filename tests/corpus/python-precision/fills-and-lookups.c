// RUN: %verify --cflags="-I%python_include" %s
// Members the program fills in ways the model used to call "don't know":
// a list or tuple built in a local with PyList_SET_ITEM/PyTuple_SET_ITEM
// (functions since 3.11) or PyList_Append and then stored, and an attribute
// or item looked up on the caller's object (`PyObject_GetAttrString(file,
// "write")` is a bound method holding `file`). Each can hold any object.
// Look-alikes stay silent: a list of numbers, an attribute of a static type
// of the runtime, and what str() returns (a str, or an instance of a str
// subclass: unknown, never a finding on an object's member).
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
  PyObject_HEAD
  PyObject *items; // expected-warning {{'WriterObject::items' can close a reference cycle that is never freed (WriterObject -> WriterObject): type 'WriterType' (fill.Writer) does not take part in the cycle collector; set Py_TPFLAGS_HAVE_GC and implement tp_traverse and tp_clear (and 3 other members of the type, see notes)}}
  PyObject *pair;  // expected-note {{'WriterObject::pair' can also close a reference cycle that is never freed (WriterObject -> WriterObject)}}
  PyObject *write; // expected-note {{'WriterObject::write' can also close a reference cycle that is never freed (WriterObject -> WriterObject)}}
  PyObject *first; // expected-note {{'WriterObject::first' can also close a reference cycle that is never freed (WriterObject -> WriterObject)}}
  PyObject *numbers;
  PyObject *abs_func;
  PyObject *label;
} WriterObject;

static int Writer_init(WriterObject *self, PyObject *args, PyObject *kwds) {
  PyObject *file = NULL, *seq = NULL;
  if (!PyArg_ParseTuple(args, "OO", &file, &seq))
    return -1;
  PyObject *items = PyList_New(1);
  if (!items)
    return -1;
  PyList_SET_ITEM(items, 0, Py_NewRef(file)); // expected-note {{'WriterObject::items' holds a container made by PyList_New, and 'Writer_init' puts an argument parsed by PyArg_ParseTuple into it with PyList_SET_ITEM: the container can hold any object}}
  self->items = items;

  PyObject *pair = PyTuple_New(2);
  if (!pair)
    return -1;
  self->pair = pair;
  PyTuple_SET_ITEM(pair, 0, Py_NewRef(seq)); // expected-note {{'WriterObject::pair' holds a container made by PyTuple_New, and 'Writer_init' puts an argument parsed by PyArg_ParseTuple into it with PyTuple_SET_ITEM: the container can hold any object}}
  PyTuple_SET_ITEM(pair, 1, PyLong_FromLong(2));

  self->write = PyObject_GetAttrString(file, "write"); // expected-note {{'WriterObject::write' is set in 'Writer_init' from the result of PyObject_GetAttrString on an argument parsed by PyArg_ParseTuple, which can be any object}}
  self->first = PySequence_GetItem(seq, 0); // expected-note {{'WriterObject::first' is set in 'Writer_init' from the result of PySequence_GetItem on an argument parsed by PyArg_ParseTuple, which can be any object}}

  // Silent look-alikes.
  PyObject *numbers = PyList_New(0);
  if (!numbers || PyList_Append(numbers, PyLong_FromLong(1)) < 0)
    return -1;
  self->numbers = numbers;
  self->abs_func = PyObject_GetAttrString((PyObject *)&PyLong_Type, "__abs__");
  self->label = PyObject_Str(file);
  return 0;
}

static void Writer_dealloc(WriterObject *self) {
  Py_XDECREF(self->items);
  Py_XDECREF(self->pair);
  Py_XDECREF(self->write);
  Py_XDECREF(self->first);
  Py_XDECREF(self->numbers);
  Py_XDECREF(self->abs_func);
  Py_XDECREF(self->label);
  Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyTypeObject WriterType = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "fill.Writer",
    .tp_basicsize = sizeof(WriterObject),
    .tp_flags = Py_TPFLAGS_DEFAULT, // expected-note {{type 'WriterType' (fill.Writer) does not set Py_TPFLAGS_HAVE_GC: the cycle collector never sees its instances}}
    .tp_init = (initproc)Writer_init,
    .tp_dealloc = (destructor)Writer_dealloc,
    .tp_new = PyType_GenericNew,
};

// Module state: what str() returns is not known to be an exact str (a
// __str__ may return a subclass instance), so the member needs a visit.
typedef struct {
  PyObject *version; // expected-warning {{'str_state::version' is not visited by m_traverse 'str_traverse' of module 'str_module' (strstate): a reference cycle through it is never freed}}
  PyObject *name;
} str_state;

static int str_traverse(PyObject *module, visitproc visit, void *arg) { // expected-note {{m_traverse 'str_traverse' is defined here}}
  return 0;
}

static int str_clear(PyObject *module) {
  str_state *st = (str_state *)PyModule_GetState(module);
  Py_CLEAR(st->version);
  Py_CLEAR(st->name);
  return 0;
}

static int str_exec(PyObject *module) {
  str_state *st = (str_state *)PyModule_GetState(module);
  PyObject *v = PyObject_GetAttrString(module, "__version_info__");
  if (!v)
    return -1;
  st->version = PyObject_Str(v);
  Py_DECREF(v);
  st->name = PyUnicode_InternFromString("strstate");
  return st->version && st->name ? 0 : -1;
}

static PyModuleDef_Slot str_slots[] = {
    {Py_mod_exec, str_exec},
    {0, NULL},
};

static struct PyModuleDef str_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "strstate",
    .m_size = sizeof(str_state),
    .m_slots = str_slots,
    .m_traverse = str_traverse,
    .m_clear = str_clear,
};
