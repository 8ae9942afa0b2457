/* Example for cyclint: a Node type without GC support.
 *
 * `next` is writable from Python, so `a.next = b; b.next = a` makes a
 * reference cycle. The type does not set Py_TPFLAGS_HAVE_GC: the cycle
 * collector never sees the nodes and gc.collect() frees neither. cyclint
 * reports the never-freed cycle through 'NodeObject::next' (README.md).
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <structmember.h>

static long deallocs = 0;

typedef struct {
    PyObject_HEAD
    PyObject *next;
} NodeObject;

static void Node_dealloc(NodeObject *self)
{
    Py_XDECREF(self->next);
    deallocs++;
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyMemberDef Node_members[] = {
    {"next", T_OBJECT, offsetof(NodeObject, next), 0, "the next node"},
    {NULL}
};

static PyTypeObject NodeType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "example.Node",
    .tp_basicsize = sizeof(NodeObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_new = PyType_GenericNew,
    .tp_dealloc = (destructor)Node_dealloc,
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
    PyModuleDef_HEAD_INIT, "example", NULL, -1, module_methods,
};

PyMODINIT_FUNC PyInit_example(void)
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
