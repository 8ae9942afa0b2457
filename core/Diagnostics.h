//===- Diagnostics.h - Findings and all their wording -----------*- C++ -*-===//
//
// A finding is one warning with its notes. Checks build findings with the
// phrase helpers below so that the wording of every diagnostic lives here,
// in one place, and names every member as `Record::field`.
//
//===----------------------------------------------------------------------===//

#ifndef CYCLINT_TOOL_DIAGNOSTICS_H
#define CYCLINT_TOOL_DIAGNOSTICS_H

#include "core/Facts.h"
#include "models/cxx/ProgramGraph.h"

#include "llvm/Support/raw_ostream.h"

#include <string>
#include <vector>

namespace cyclint {

struct DiagnosticMessage {
  SourceLocation Loc;
  std::string Message;
};

/// Most findings are warnings. A note-level finding records something worth
/// knowing that is not a defect under the program's configuration (a cycle
/// the CPython cycle collector frees): printed as `note:`, it does not change
/// the exit code.
enum class Severity { Warning, Note };

struct Finding {
  std::string CheckName; // without the "cyclint-" prefix
  DiagnosticMessage Warning; // the finding's own message, whatever its level
  std::vector<DiagnosticMessage> Notes;
  Severity Level = Severity::Warning;
};

/// The number of warning-level findings (what the exit code counts).
unsigned warningCount(const std::vector<Finding> &Findings);

/// Sorts by warning location, then text: output independent of -j.
void sortFindings(std::vector<Finding> &Findings);

/// clang's format: `file:line:col: warning: message [cyclint-check]`, then
/// one `file:line:col: note: message` line per note.
void printFindings(llvm::raw_ostream &OS, const std::vector<Finding> &Findings);

namespace wording {
/// `'Child::parent' (std::shared_ptr) keeps 'Parent' alive`, with the
/// inheritance and polymorphism the step went through.
std::string edgeNote(const ProgramGraph &G, const MemberStep &Step);
/// `Child -> Parent -> Child`
std::string cyclePath(const ProgramGraph &G,
                      const std::vector<MemberStep> &Cycle);
/// The warning at the member to weaken (the cycle's first step) in a cycle
/// nothing frees.
std::string neverFreedCycle(const ProgramGraph &G,
                            const std::vector<MemberStep> &Cycle);

/// CPython extension types (checks/Python*Check.cpp). Members are named
/// `Struct::member`, types by their variable (`NodeType`, `Node_spec`).
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
} // namespace wording

} // namespace cyclint

#endif // CYCLINT_TOOL_DIAGNOSTICS_H
