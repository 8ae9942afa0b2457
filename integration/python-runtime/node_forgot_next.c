/* Runtime truth test, variant 2 of 3: GC-aware Node whose tp_traverse
 * forgets `next`.
 *
 * The type sets Py_TPFLAGS_HAVE_GC, and its traverse visits `payload` but not
 * `next`. The collector cannot see the references through `next`, so the
 * cycle `a.next = b; b.next = a` looks externally referenced and
 * gc.collect() frees neither node. cyclint must report that tp_traverse
 * misses 'NodeObject::next'.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <structmember.h>

static long deallocs = 0;

typedef struct {
    PyObject_HEAD
    PyObject *payload;
    PyObject *next;
} NodeObject;

static int Node_traverse(NodeObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->payload);
    return 0;
}

static int Node_clear(NodeObject *self)
{
    Py_CLEAR(self->payload);
    Py_CLEAR(self->next);
    return 0;
}

static void Node_dealloc(NodeObject *self)
{
    PyObject_GC_UnTrack(self);
    Node_clear(self);
    deallocs++;
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyMemberDef Node_members[] = {
    {"payload", T_OBJECT, offsetof(NodeObject, payload), 0, "any object"},
    {"next", T_OBJECT, offsetof(NodeObject, next), 0, "the next node"},
    {NULL}
};

static PyTypeObject NodeType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "node_forgot_next.Node",
    .tp_basicsize = sizeof(NodeObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_new = PyType_GenericNew,
    .tp_dealloc = (destructor)Node_dealloc,
    .tp_traverse = (traverseproc)Node_traverse,
    .tp_clear = (inquiry)Node_clear,
    .tp_members = Node_members,
};

static PyObject *dealloc_count(PyObject *module, PyObject *unused)
{
    return PyLong_FromLong(deallocs);
}

static PyMethodDef module_methods[] = {
    {"dealloc_count", dealloc_count, METH_NOARGS, "Nodes deallocated so far."},
    {NULL}
};

static struct PyModuleDef node_module = {
    PyModuleDef_HEAD_INIT, "node_forgot_next", NULL, -1, module_methods,
};

PyMODINIT_FUNC PyInit_node_forgot_next(void)
{
    if (PyType_Ready(&NodeType) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&node_module);
    if (m == NULL)
        return NULL;
    Py_INCREF(&NodeType);
    if (PyModule_AddObject(m, "Node", (PyObject *)&NodeType) < 0) {
        Py_DECREF(&NodeType);
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
