//===- PythonCheckSupport.h - Shared pieces of the python-* checks -*- C++ -*-===//
//
// How the CPython checks name types and explain what a member may hold: the
// same notes, in the same order, whichever check reports the member.
//
//===----------------------------------------------------------------------===//

#ifndef CYCLINT_CHECKS_PYTHON_PYTHONCHECKSUPPORT_H
#define CYCLINT_CHECKS_PYTHON_PYTHONCHECKSUPPORT_H

#include "checks/python/Wording.h"
#include "core/Finding.h"
#include "models/cpython/PythonProgram.h"

namespace cyclint::pycheck {

inline std::string typeName(const PyType &T) {
  return wording::python::typeName(T.Fact.VarName, T.Fact.PyName, T.Fact.Heap);
}

/// Why `M` may hold any object: one note per reason, at most `Max`.
inline void addContentNotes(const PyMemberInfo &M, Finding &F,
                            unsigned Max = 3) {
  unsigned N = 0;
  for (const PyContentReason &R : M.Reasons) {
    if (N++ >= Max)
      break;
    if (R.Kind == PyContentReason::Filled) {
      F.note(R.Loc,
             wording::python::filledReason(M.qualifiedName(), R.Function,
                                           R.Detail, R.Api, R.Container));
      continue;
    }
    const char *Kind = R.Kind == PyContentReason::WritableMember ? "member"
                       : R.Kind == PyContentReason::Setter       ? "setter"
                       : R.Kind == PyContentReason::InstanceDict ? "dict"
                                                                 : "argument";
    F.note(R.Loc,
           wording::python::contentReason(M.qualifiedName(), Kind, R.Attribute,
                                          R.Function, R.Detail));
  }
}

/// The location of the struct member a check warns at.
inline SourceLocation memberLoc(const PyMemberInfo &M) { return M.Fact.Loc; }

/// True when `M`'s pointer type names the struct `S` itself (NodeObject *).
inline bool pointsToOwnStruct(const PyMemberInfo &M) {
  return !M.Fact.TargetStruct.empty() && M.Fact.TargetStruct == M.Ref.Struct;
}

} // namespace cyclint::pycheck

#endif // CYCLINT_CHECKS_PYTHON_PYTHONCHECKSUPPORT_H
