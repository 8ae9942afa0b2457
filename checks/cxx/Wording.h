//===- Wording.h - The words of the C++ ownership checks --------*- C++ -*-===//
//
// Every message the C++ checks print is phrased here, so that all of them
// name members as `Class::member` and describe an edge the same way.
//
//===----------------------------------------------------------------------===//

#ifndef CYCLINT_CHECKS_CXX_WORDING_H
#define CYCLINT_CHECKS_CXX_WORDING_H

#include "models/cxx/BodyFacts.h"
#include "models/cxx/CycleBreakers.h"
#include "models/cxx/OwnershipGraph.h"

#include <string>
#include <vector>

namespace cyclint {

namespace wording {
/// `'Child::parent' (std::shared_ptr) keeps 'Parent' alive`, with the
/// inheritance and polymorphism the step went through.
std::string edgeNote(const OwnershipGraph &G, const MemberStep &Step);
/// `Child -> Parent -> Child`
std::string cyclePath(const OwnershipGraph &G,
                      const std::vector<MemberStep> &Cycle);
/// The warning at the member to weaken (the cycle's first step) in a cycle
/// nothing frees.
std::string neverFreedCycle(const OwnershipGraph &G,
                            const std::vector<MemberStep> &Cycle);

/// The same cycle, when the program unlinks it by hand (CycleBreakers.h):
/// an owner's destructor breaks it, or it lives until a method runs.
std::string brokenCycle(const OwnershipGraph &G,
                        const std::vector<MemberStep> &Cycle,
                        const CycleBreak &Break);

/// The same cycle, when one of its members is marked
/// CYCLINT_STRONG_BACK_LINK (`Marked`, `Class::member`): the program breaks
/// it by hand there.
/// A cycle that an owner's destructor no TU read may break.
std::string unreadTeardownCycle(const OwnershipGraph &G,
                                const std::vector<MemberStep> &Cycle,
                                const GraphNode &Owner);

/// The note of a cycle that other instantiations of the same class
/// templates repeat.
std::string otherInstantiations(unsigned Count);

std::string markedCycle(const OwnershipGraph &G,
                        const std::vector<MemberStep> &Cycle,
                        const std::string &Marked);
/// A statement-level cycle through a member marked CYCLINT_STRONG_BACK_LINK.
std::string markedStatementCycle(const std::string &Cycle,
                                 const std::string &Marked);

/// CPython extension types (checks/Python*Check.cpp). Members are named
/// `Struct::member`, types by their variable (`NodeType`, `Node_spec`).

/// How a statement-level diagnostic names a variable: `node1`, or `a new
/// object` for a temporary.
std::string statementObject(const std::string &Var);
/// The statement that made a link, quoted as the code reads
/// (`'node2->next = node1'`, `'b->peers.push_back(a)'`), or `the call to
/// 'Node::setNext'`.
std::string statementText(const BodyOp &Op);
/// `<Closing> closes a reference cycle that is never freed (node2 -> node1
/// -> node2, through 'Node::next'); ...`; `Path` names the objects, the
/// first one repeated at the end; `Members` the distinct members, in cycle
/// order.
std::string statementCycle(const std::string &Closing,
                           const std::vector<std::string> &Members,
                           const std::vector<std::string> &Path);
/// `'node1->next' ('Node::next') keeps 'node2' alive`, and `, set by the
/// call to 'Node::setNext'` when a callee made the link.
std::string statementEdge(const std::string &From, const std::string &Field,
                          const std::string &Member, const std::string &To,
                          const std::string &Via);
/// `'Session::on_timeout' keeps a lambda that captures 'self', a strong
/// reference to 'this': ...`; `Maker` is `lambda`, `std::bind`,
/// `std::thread`.
std::string captureCycle(const std::string &Holder, const std::string &Maker,
                         const std::string &Captured, const std::string &To);
/// `'this->on_timeout' ('Session::on_timeout') keeps the lambda alive`,
/// and `, set by the call to 'Timer::on_fire'` when a callee stored it.
std::string keepsCallable(const std::string &From, const std::string &Field,
                          const std::string &Member, const std::string &Maker,
                          const std::string &Via);
/// `'this' keeps 'this->timer_' alive through 'Conn::timer_'`: a member the
/// code dereferenced, holding what it held before the function ran.
std::string loadedEdge(const std::string &From, const std::string &Member,
                       const std::string &To);
/// `the lambda captures 'self', which keeps 'this' alive`
std::string captureEdge(const std::string &Maker, const std::string &Captured,
                        const std::string &To);
} // namespace wording
} // namespace cyclint

#endif // CYCLINT_CHECKS_CXX_WORDING_H
