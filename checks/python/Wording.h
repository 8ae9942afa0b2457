//===- Wording.h - The words of the CPython checks --------------*- C++ -*-===//
//
// Every message the python-* checks print is phrased here. Members are named
// `Struct::member`, types by their variable (`NodeType`, `Node_spec`).
//
//===----------------------------------------------------------------------===//

#ifndef CYCLINT_CHECKS_PYTHON_WORDING_H
#define CYCLINT_CHECKS_PYTHON_WORDING_H

#include <cstddef>
#include <string>

namespace cyclint::wording {

namespace python {
/// `'NodeType' (example.Node)`
std::string typeName(const std::string &Var, const std::string &PyName,
                     bool Heap);
/// `NodeObject -> NodeObject` or `NodeObject -> any object -> NodeObject`.
std::string cyclePath(const std::string &Struct, bool SelfTyped);
std::string neverFreedCycle(const std::string &Member, const std::string &Type,
                            const std::string &Path);
/// Appended to neverFreedCycle when other members of the same type can
/// close such a cycle too (one warning per type, a note per other member).
std::string neverFreedOthers(size_t Count);
std::string neverFreedAlso(const std::string &Member, const std::string &Path);
std::string collectorOnlyCycle(const std::string &Member,
                               const std::string &Path, bool GCDisabled);
std::string noGCSupport(const std::string &Type, bool Inherited);
std::string contentReason(const std::string &Member, const std::string &Kind,
                          const std::string &Attribute,
                          const std::string &Function,
                          const std::string &Detail);
/// A new reference handed to a C library as user data of a handle.
std::string userDataCycle(const std::string &Function, const std::string &Api,
                          const std::string &Detail, const std::string &Handle,
                          const std::string &Owner);

/// `Member` holds a container made by `Container` that `Function` fills with
/// `Detail` through `Api`.
std::string filledReason(const std::string &Member, const std::string &Function,
                         const std::string &Detail, const std::string &Api,
                         const std::string &Container);
std::string visitedBy(const std::string &Member, const std::string &Traverse);
std::string notVisited(const std::string &Member, const std::string &Traverse,
                       const std::string &Type);
std::string slotDefinedHere(const std::string &Slot,
                            const std::string &Function);
std::string notCleared(const std::string &Member, const std::string &Traverse,
                       const std::string &Clear, const std::string &Type);
/// A clear that skips a member holding only a dict/list/set the program
/// made (`Container`: PyDict_New...): nothing leaks.
std::string clearNotNeeded(const std::string &Member, const std::string &Slot,
                           const std::string &Clear,
                           const std::string &Container);
std::string gcFlagWithoutTraverse(const std::string &Type);
std::string groupInheritance(const std::string &Type, const std::string &Base);
std::string traverseWithoutGCFlag(const std::string &Traverse,
                                  const std::string &Type);
std::string flagsHere(const std::string &Type);
std::string heapTraverseMissesType(const std::string &Traverse,
                                   const std::string &Type);
std::string heapTraverseVisitsTypeBefore39(const std::string &Traverse,
                                           const std::string &Type);
std::string heapDeallocKeepsType(const std::string &Dealloc,
                                 const std::string &Type);
std::string heapTypeWithoutGC(const std::string &Type);
// python-managed-dict
std::string managedDictNotVisited(const std::string &Traverse,
                                  const std::string &Type);
std::string managedDictNotCleared(const std::string &Clear,
                                  const std::string &Type);
std::string managedDictWithDictOffset(const std::string &Type);
std::string managedDictWithoutGC(const std::string &Type);
// python-module-state (modules are named like types: `'csvmodule' (_csv)`)
std::string moduleWithoutTraverse(const std::string &Module,
                                  const std::string &State, bool NoClear);
std::string stateMember(const std::string &Member);
std::string stateNotVisited(const std::string &Member,
                            const std::string &Traverse,
                            const std::string &Module);
std::string moduleWithoutClear(const std::string &Module,
                               const std::string &Traverse);
std::string stateNotCleared(const std::string &Member,
                            const std::string &Traverse,
                            const std::string &Clear,
                            const std::string &Module);
std::string untrackedAllocation(const std::string &Function,
                                const std::string &Allocator);
std::string untrackedFromSlot(const std::string &Function,
                              const std::string &Slot, const std::string &Type,
                              const std::string &Allocator);
std::string untrackedFromHelper(const std::string &Function,
                                const std::string &Allocator);
std::string callerDoesNotTrack(const std::string &Caller,
                               const std::string &Function);
} // namespace python
} // namespace cyclint::wording

#endif // CYCLINT_CHECKS_PYTHON_WORDING_H
