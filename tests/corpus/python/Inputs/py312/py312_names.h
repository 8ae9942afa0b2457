/* A test shim, included with -isystem after the installed (3.11) Python.h:
 * it makes the TU look like it was compiled against Python 3.12 for the
 * rules cyclint gates on PY_VERSION_HEX, and declares the 3.12+ managed-dict
 * API under its public (3.13) names. Only declarations: nothing is linked. */
#ifndef CYCLINT_TEST_PY312_NAMES_H
#define CYCLINT_TEST_PY312_NAMES_H
#include <Python.h>

#undef PY_MINOR_VERSION
#define PY_MINOR_VERSION 12
#undef PY_VERSION_HEX
#define PY_VERSION_HEX 0x030C00F0

#ifndef Py_TPFLAGS_MANAGED_DICT
#define Py_TPFLAGS_MANAGED_DICT (1 << 4)
#endif

PyAPI_FUNC(int) PyObject_VisitManagedDict(PyObject *obj, visitproc visit, void *arg);
PyAPI_FUNC(void) PyObject_ClearManagedDict(PyObject *obj);

#endif
