//===- Wording.h - The words of the pybind11 checks -------------*- C++ -*-===//
//
// Every message cyclint-pybind11-reference-cycle prints is phrased here.
// Members are named `Class::member`, bound functions `PyClass.attribute`.
//
//===----------------------------------------------------------------------===//

#ifndef CYCLINT_CHECKS_PYBIND11_WORDING_H
#define CYCLINT_CHECKS_PYBIND11_WORDING_H

#include <string>

namespace cyclint::wording::pybind11 {

/// Why the collector cannot free a cycle through a member.
enum class Blind {
  NoTraverse,         // no tp_traverse at all
  DictOnly,           // dynamic_attr's traverse: the instance dict only
  TraverseWithoutGC,  // a tp_traverse, but no Py_TPFLAGS_HAVE_GC
  TraverseMisses,     // a tp_traverse that does not visit the member
};

/// `pybind11 class 'Button'`
std::string className(const std::string &Library, const std::string &Name);
std::string neverFreed(const std::string &Member, const std::string &Class,
                       const std::string &Library, const std::string &Field,
                       Blind Why);
std::string writable(const std::string &Member, const std::string &How,
                     const std::string &Attribute,
                     const std::string &Function);
std::string fillable(const std::string &Member, const std::string &How,
                     const std::string &Attribute);
std::string heldByValue(const std::string &Member, const std::string &Inner,
                        const std::string &Attribute);
std::string typeWithoutCollector(const std::string &Class,
                                 const std::string &Library,
                                 const std::string &PyName, Blind Why);
std::string traverseMisses(const std::string &Class,
                           const std::string &Member);
std::string keepAliveAnyObject(const std::string &Policy,
                               const std::string &Function,
                               const std::string &Nurse);
std::string keepAliveCycle(const std::string &PolicyA,
                           const std::string &FunctionA,
                           const std::string &PolicyB,
                           const std::string &FunctionB,
                           const std::string &TypeA,
                           const std::string &TypeB);
std::string keepAliveEdge(const std::string &Policy,
                          const std::string &Function,
                          const std::string &Nurse,
                          const std::string &Patient);

} // namespace cyclint::wording::pybind11

#endif // CYCLINT_CHECKS_PYBIND11_WORDING_H
