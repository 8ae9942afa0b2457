// RUN: %verify --cflags="-I%python_include" %s
// Slot arrays a function fills in before PyType_FromSpec count as the
// slots they end up with: `Node_slots[1].pfunc = (void *)Node_traverse;`
// with a constant index replaces the entry the initializer left empty. An
// array written with an index that is not a constant (a loop) stays
// unknown, and so does its type: silent.
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <structmember.h>

// Silent: traverse and clear filled in at run time visit and clear `next`.
typedef struct {
  PyObject_HEAD
  PyObject *next;
} NodeObject;

static int Node_traverse(NodeObject *self, visitproc visit, void *arg) {
  Py_VISIT(Py_TYPE(self));
  Py_VISIT(self->next);
  return 0;
}

static int Node_clear(NodeObject *self) {
  Py_CLEAR(self->next);
  return 0;
}

static void Node_dealloc(NodeObject *self) {
  PyObject_GC_UnTrack(self);
  Node_clear(self);
  PyTypeObject *tp = Py_TYPE(self);
  tp->tp_free(self);
  Py_DECREF(tp);
}

static PyMemberDef Node_members[] = {
    {"next", T_OBJECT, offsetof(NodeObject, next), 0, NULL},
    {NULL},
};

static PyType_Slot Node_slots[] = {
    {Py_tp_dealloc, Node_dealloc},
    {Py_tp_traverse, NULL},
    {Py_tp_clear, NULL},
    {Py_tp_members, Node_members},
    {0, NULL},
};

static PyType_Spec Node_spec = {
    .name = "slots.Node",
    .basicsize = sizeof(NodeObject),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .slots = Node_slots,
};

// Look-alike: the traverse filled in at run time forgets `next`.
typedef struct {
  PyObject_HEAD
  PyObject *next; // expected-warning {{'ForgetfulObject::next' is not visited by tp_traverse 'Forgetful_traverse' of type 'Forgetful_spec' (slots.Forgetful): a reference cycle through it is never freed}}
} ForgetfulObject;

static int Forgetful_traverse(ForgetfulObject *self, visitproc visit, // expected-note {{tp_traverse 'Forgetful_traverse' is defined here}}
                              void *arg) {
  Py_VISIT(Py_TYPE(self));
  return 0;
}

static int Forgetful_clear(ForgetfulObject *self) {
  Py_CLEAR(self->next);
  return 0;
}

static void Forgetful_dealloc(ForgetfulObject *self) {
  PyObject_GC_UnTrack(self);
  Forgetful_clear(self);
  PyTypeObject *tp = Py_TYPE(self);
  tp->tp_free(self);
  Py_DECREF(tp);
}

static PyMemberDef Forgetful_members[] = {
    {"next", T_OBJECT, offsetof(ForgetfulObject, next), 0, NULL}, // expected-note {{'ForgetfulObject::next' is writable from Python as attribute 'next' (Forgetful_members), so it can hold any object: `a.next = b; b.next = a`}}
    {NULL},
};

static PyType_Slot Forgetful_slots[] = {
    {Py_tp_dealloc, Forgetful_dealloc},
    {Py_tp_clear, Forgetful_clear},
    {Py_tp_members, Forgetful_members},
    {0, NULL},
    {0, NULL},
};

static PyType_Spec Forgetful_spec = {
    .name = "slots.Forgetful",
    .basicsize = sizeof(ForgetfulObject),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .slots = Forgetful_slots,
};

// Silent: a slot array filled in a loop is unknown.
typedef struct {
  PyObject_HEAD
  PyObject *next;
} LoopObject;

static PyMemberDef Loop_members[] = {
    {"next", T_OBJECT, offsetof(LoopObject, next), 0, NULL},
    {NULL},
};

static PyType_Slot Loop_slots[4] = {
    {Py_tp_members, Loop_members},
};

static PyType_Spec Loop_spec = {
    .name = "slots.Loop",
    .basicsize = sizeof(LoopObject),
    .flags = Py_TPFLAGS_DEFAULT,
    .slots = Loop_slots,
};

static int slots_exec(PyObject *module) {
  Node_slots[1].pfunc = (void *)Node_traverse;
  Node_slots[2].pfunc = (void *)Node_clear;
  Forgetful_slots[3].slot = Py_tp_traverse;
  Forgetful_slots[3].pfunc = (void *)Forgetful_traverse;
  static const int extra[] = {Py_tp_doc};
  for (int i = 0; i < 1; i++) {
    Loop_slots[1 + i].slot = extra[i];
    Loop_slots[1 + i].pfunc = (void *)"a loop";
  }
  PyObject *node = PyType_FromModuleAndSpec(module, &Node_spec, NULL);
  PyObject *forgetful = PyType_FromModuleAndSpec(module, &Forgetful_spec, NULL);
  PyObject *loop = PyType_FromModuleAndSpec(module, &Loop_spec, NULL);
  int ok = node && forgetful && loop &&
           PyModule_AddObjectRef(module, "Node", node) == 0 &&
           PyModule_AddObjectRef(module, "Forgetful", forgetful) == 0 &&
           PyModule_AddObjectRef(module, "Loop", loop) == 0;
  Py_XDECREF(node);
  Py_XDECREF(forgetful);
  Py_XDECREF(loop);
  return ok ? 0 : -1;
}

static PyModuleDef_Slot slots_slots[] = {
    {Py_mod_exec, slots_exec},
    {0, NULL},
};

static struct PyModuleDef slots_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "slots",
    .m_slots = slots_slots,
};
