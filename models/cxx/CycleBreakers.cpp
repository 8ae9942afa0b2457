//===- CycleBreakers.cpp - Where the program breaks a cycle by hand -------===//

#include "models/cxx/CycleBreakers.h"

#include "llvm/ADT/STLExtras.h"

#include <deque>

namespace cyclint {

bool isDestructor(const FunctionFact &F) {
  return llvm::StringRef(F.USR).contains("@F@~");
}

CycleBreakers::CycleBreakers(const std::vector<FunctionFact> &Functions) {
  for (const FunctionFact &F : Functions)
    for (const BodyOp &Op : F.Ops) {
      if (Op.Kind == BodyOpKind::Clear && !Op.Record.empty())
        Clears[{Op.Record, Op.Field}].push_back({&F, &Op});
      if (Op.Kind == BodyOpKind::Call && !Op.Callee.empty()) {
        std::vector<const FunctionFact *> &C = Callers[Op.Callee];
        if (C.empty() || C.back() != &F)
          C.push_back(&F);
      }
    }
}

CycleBreak CycleBreakers::find(
    const std::vector<MemberKey> &Members, const std::set<std::string> &OnCycle,
    llvm::function_ref<bool(llvm::StringRef USR)> HoldsCycle) const {
  // A destructor of a class on the cycle runs only once the cycle is gone.
  auto Dead = [&](const FunctionFact *F) {
    return isDestructor(*F) && OnCycle.count(F->Record);
  };
  CycleBreak Called;
  for (const MemberKey &M : Members) {
    auto It = Clears.find(M);
    if (It == Clears.end())
      continue;
    for (const auto &[Breaker, Clear] : It->second) {
      if (Dead(Breaker))
        continue;
      // Up the callers, breadth first: a destructor of an owner?
      std::deque<std::pair<const FunctionFact *, unsigned>> Queue{{Breaker, 0}};
      std::set<const FunctionFact *> Seen{Breaker};
      bool HasCaller = false;
      while (!Queue.empty()) {
        auto [F, Depth] = Queue.front();
        Queue.pop_front();
        if (isDestructor(*F) && !F->Record.empty() && !OnCycle.count(F->Record) &&
            HoldsCycle(F->Record))
          return {CycleBreak::OwnerTeardown, Breaker, Clear, F};
        if (Depth == MaxTeardownDepth)
          continue;
        auto C = Callers.find(F->USR);
        if (C == Callers.end())
          continue;
        for (const FunctionFact *Caller : C->second) {
          if (F == Breaker && !Dead(Caller))
            HasCaller = true;
          if (Seen.insert(Caller).second)
            Queue.push_back({Caller, Depth + 1});
        }
      }
      // A lambda's body runs when whatever holds it calls it.
      bool Callback = llvm::StringRef(Breaker->Name).ends_with("operator()");
      if ((HasCaller || Callback) && !Called.Breaker)
        Called = {CycleBreak::Called, Breaker, Clear, nullptr};
    }
  }
  return Called;
}

} // namespace cyclint
