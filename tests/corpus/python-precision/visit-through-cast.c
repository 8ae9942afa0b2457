// RUN: %verify --cflags="-I%python_include" %s
// Traverses that visit members without naming them as `self->m`: through
// a function on another struct laid out alike (two structs from one
// macro), through a local holding the member, and Cython's `(*v)(p->m, a)`.
// Look-alikes: a member the shared function does not reach, and a local
// that is set from a member but never visited.
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <structmember.h>

#define FUTURE_HEAD(prefix)                                                  \
  PyObject_HEAD PyObject *prefix##_loop;                                     \
  PyObject *prefix##_result;                                                 \
  PyObject *dict;

typedef struct {
  FUTURE_HEAD(fut)
} FutureObj;

typedef struct {
  FUTURE_HEAD(task)
  PyObject *task_coro;
  PyObject *task_name; // expected-warning {{'TaskObj::task_name' is not visited by tp_traverse 'Task_traverse' of type 'TaskType' (cast.Task): a reference cycle through it is never freed}}
} TaskObj;

static int Future_traverse(FutureObj *fut, visitproc visit, void *arg) {
  Py_VISIT(fut->fut_loop);
  Py_VISIT(fut->fut_result);
  Py_VISIT(fut->dict);
  return 0;
}

static int Task_traverse(TaskObj *task, visitproc visit, void *arg) { // expected-note {{tp_traverse 'Task_traverse' is defined here}}
  Py_VISIT(task->task_coro);
  return Future_traverse((FutureObj *)task, visit, arg);
}

static PyMemberDef Task_members[] = {
    {"loop", T_OBJECT, offsetof(TaskObj, task_loop), 0, NULL},
    {"result", T_OBJECT, offsetof(TaskObj, task_result), 0, NULL},
    {"coro", T_OBJECT, offsetof(TaskObj, task_coro), 0, NULL},
    {"name", T_OBJECT, offsetof(TaskObj, task_name), 0, NULL}, // expected-note {{'TaskObj::task_name' is writable from Python as attribute 'name' (Task_members), so it can hold any object: `a.name = b; b.name = a`}}
    {NULL}};

static PyTypeObject TaskType = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "cast.Task",
    .tp_basicsize = sizeof(TaskObj),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)Task_traverse,
    .tp_members = Task_members,
    .tp_dictoffset = offsetof(TaskObj, dict),
};

// A local holding a member, visited; and one never visited.
typedef struct {
  PyObject_HEAD
  PyObject *callback;
  PyObject *context; // expected-warning {{'HolderObject::context' is not visited by tp_traverse 'Holder_traverse' of type 'HolderType' (cast.Holder): a reference cycle through it is never freed}}
} HolderObject;

static int Holder_traverse(HolderObject *self, visitproc visit, void *arg) { // expected-note {{tp_traverse 'Holder_traverse' is defined here}}
  PyObject *cb = (PyObject *)self->callback;
  PyObject *ctx = self->context;
  if (ctx == NULL)
    return 0;
  Py_VISIT(cb);
  return 0;
}

static PyMemberDef Holder_members[] = {
    {"callback", T_OBJECT, offsetof(HolderObject, callback), 0, NULL},
    {"context", T_OBJECT, offsetof(HolderObject, context), 0, NULL}, // expected-note {{'HolderObject::context' is writable from Python as attribute 'context' (Holder_members), so it can hold any object: `a.context = b; b.context = a`}}
    {NULL}};

static PyTypeObject HolderType = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "cast.Holder",
    .tp_basicsize = sizeof(HolderObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)Holder_traverse,
    .tp_members = Holder_members,
};

// Cython's generated traverse and clear: `(*v)(p->m, a)`, and None stored
// in place of the member.
struct __pyx_obj_Packer {
  PyObject_HEAD
  PyObject *_default;
  PyObject *_errors;
};

static int __pyx_tp_traverse_Packer(PyObject *o, visitproc v, void *a) {
  int e;
  struct __pyx_obj_Packer *p = (struct __pyx_obj_Packer *)o;
  if (p->_default) {
    e = (*v)(p->_default, a); if (e) return e;
  }
  if (p->_errors) {
    e = (*v)(p->_errors, a); if (e) return e;
  }
  return 0;
}

static int __pyx_tp_clear_Packer(PyObject *o) {
  PyObject *tmp;
  struct __pyx_obj_Packer *p = (struct __pyx_obj_Packer *)o;
  tmp = ((PyObject *)p->_default);
  p->_default = Py_None; Py_INCREF(Py_None);
  Py_XDECREF(tmp);
  tmp = ((PyObject *)p->_errors);
  p->_errors = Py_None; Py_INCREF(Py_None);
  Py_XDECREF(tmp);
  return 0;
}

static int __pyx_Packer_init(struct __pyx_obj_Packer *self, PyObject *deflt,
                             PyObject *errors) {
  Py_INCREF(deflt);
  Py_DECREF(self->_default);
  self->_default = deflt;
  Py_INCREF(errors);
  Py_DECREF(self->_errors);
  self->_errors = errors;
  return 0;
}

static PyTypeObject __pyx_type_Packer = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "cast.Packer",
    .tp_basicsize = sizeof(struct __pyx_obj_Packer),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = __pyx_tp_traverse_Packer,
    .tp_clear = __pyx_tp_clear_Packer,
};
