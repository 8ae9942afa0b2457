// RUN: %verify --cflags="-I%python_include" %s
// Static base types without Py_TPFLAGS_HAVE_GC but with a tp_traverse, as
// in ctypes: Python code subclasses them (`class P(Structure)`), type_new
// makes every such heap subclass a GC type, and its subtype_traverse calls
// the base's traverse. The traverse runs; instances of the base itself
// cannot be made from Python (its tp_new refuses, or there is none).
// Look-alike: the same base with the runtime's PyType_GenericNew, so
// `Data()` makes instances the collector never sees.
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <structmember.h>

typedef struct {
  PyObject_HEAD
  PyObject *b_objects;
} CDataObject;

static int CData_traverse(CDataObject *self, visitproc visit, void *arg) {
  Py_VISIT(self->b_objects);
  return 0;
}

static PyObject *CData_new(PyTypeObject *type, PyObject *args, PyObject *kw) {
  if (type->tp_dict == NULL || !PyDict_GetItemString(type->tp_dict, "_fields_")) {
    PyErr_SetString(PyExc_TypeError, "abstract class");
    return NULL;
  }
  return type->tp_alloc(type, 0);
}

static PyMemberDef CData_members[] = {
    {"_objects", T_OBJECT, offsetof(CDataObject, b_objects), 0, NULL},
    {NULL}};

static PyTypeObject StructureType = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "abstract.Structure",
    .tp_basicsize = sizeof(CDataObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_traverse = (traverseproc)CData_traverse,
    .tp_members = CData_members,
    .tp_new = CData_new,
};

static PyTypeObject CDataType = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "abstract._CData",
    .tp_basicsize = sizeof(CDataObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_traverse = (traverseproc)CData_traverse,
};

// Look-alike: instantiable directly through the runtime's tp_new.
typedef struct {
  PyObject_HEAD
  PyObject *payload; // expected-warning {{'DataObject::payload' can close a reference cycle that is never freed (DataObject -> DataObject): type 'DataType' (abstract.Data) does not take part in the cycle collector; set Py_TPFLAGS_HAVE_GC and implement tp_traverse and tp_clear}}
} DataObject;

static int Data_traverse(DataObject *self, visitproc visit, void *arg) {
  Py_VISIT(self->payload);
  return 0;
}

static PyMemberDef Data_members[] = {
    {"payload", T_OBJECT, offsetof(DataObject, payload), 0, NULL}, // expected-note {{'DataObject::payload' is writable from Python as attribute 'payload' (Data_members), so it can hold any object: `a.payload = b; b.payload = a`}}
    {NULL}};

static PyTypeObject DataType = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "abstract.Data",
    .tp_basicsize = sizeof(DataObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE, // expected-note {{type 'DataType' (abstract.Data) does not set Py_TPFLAGS_HAVE_GC: the cycle collector never sees its instances}} expected-note {{the flags of type 'DataType' (abstract.Data) are set here}}
    .tp_traverse = (traverseproc)Data_traverse, // expected-warning {{tp_traverse 'Data_traverse' of type 'DataType' (abstract.Data) is never called: the type does not set Py_TPFLAGS_HAVE_GC (a protocol breach that leaks nothing by itself)}}
    .tp_members = Data_members,
    .tp_new = PyType_GenericNew,
};
