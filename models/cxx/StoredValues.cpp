//===- StoredValues.cpp - What the program stores into each member --------===//
//
// A fixed point over two maps: per function, the classes each variable may
// hold (restarted each round, as members grow); per member, the classes
// stored into it. Both only grow, and each is bounded by the program's
// allocation sites and methods, so the rounds end.
//
//===----------------------------------------------------------------------===//

#include "models/cxx/StoredValues.h"

#include "llvm/ADT/StringMap.h"

namespace cyclint {
namespace {

struct Classes {
  std::set<StoredClass> Set;
  bool Unknown = false;
  bool Existing = false; // MemberStores::Existing
  /// Adds `Other`; true when something was new.
  bool join(const Classes &Other) {
    bool Changed = (Other.Unknown && !Unknown) || (Other.Existing && !Existing);
    Unknown |= Other.Unknown;
    Existing |= Other.Existing;
    for (const StoredClass &C : Other.Set)
      Changed |= Set.insert(C).second;
    return Changed;
  }
};

class Solver {
public:
  Solver(const std::vector<FunctionFact> &Functions,
         llvm::function_ref<bool(const MemberKey &)> DefaultInitialized)
      : Functions(Functions), DefaultInitialized(DefaultInitialized) {}

  std::map<MemberKey, MemberStores> run() {
    // Each round can only add; a bound keeps a pathological program finite.
    for (unsigned Round = 0; Round < 64; ++Round) {
      bool Changed = false;
      for (const FunctionFact &F : Functions)
        Changed |= function(F);
      if (!Changed)
        break;
    }
    return std::move(Members);
  }

private:
  bool function(const FunctionFact &F) {
    llvm::StringMap<Classes> Env;
    llvm::StringMap<bool> Bound; // variables some operation binds
    for (size_t I = 0; I < F.Params.size(); ++I) {
      if (F.Params[I].empty())
        continue;
      Classes &C = Env[F.Params[I]];
      Bound[F.Params[I]] = true;
      C.Existing = true;
      if (I == 0 && !F.Record.empty())
        C.Set.insert({F.Record, /*OrSubclass=*/true});
      else
        C.Unknown = true; // a parameter: what callers pass is not followed
    }
    for (const BodyOp &Op : F.Ops)
      if (Op.Kind == BodyOpKind::Alloc || Op.Kind == BodyOpKind::Assign ||
          Op.Kind == BodyOpKind::Load)
        Bound[Op.Var] = true;

    auto ValueOf = [&](const std::string &Var) {
      Classes C;
      if (Var.empty() || !Bound.count(Var))
        C.Unknown = true;
      else if (auto It = Env.find(Var); It != Env.end())
        C = It->second;
      return C;
    };

    // Variables: a local fixed point (a loop assigns before it reads).
    for (bool Changed = true; Changed;) {
      Changed = false;
      for (const BodyOp &Op : F.Ops) {
        switch (Op.Kind) {
        case BodyOpKind::Alloc: {
          Classes C;
          if (Op.Type != ClosureType)
            C.Set.insert({Op.Type, false});
          Changed |= Env[Op.Var].join(C);
          break;
        }
        case BodyOpKind::Assign:
          Changed |= Env[Op.Var].join(ValueOf(Op.Value));
          break;
        case BodyOpKind::Load:
          Changed |= Env[Op.Var].join(loaded({Op.Record, Op.Field}));
          break;
        default:
          break;
        }
      }
    }

    bool Changed = false;
    for (const BodyOp &Op : F.Ops) {
      if ((Op.Kind != BodyOpKind::Store && Op.Kind != BodyOpKind::Insert) ||
          Op.Record.empty())
        continue; // a closure's capture is no member
      Classes V = ValueOf(Op.Value);
      MemberStores &M = Members[{Op.Record, Op.Field}];
      StoreSite Site{&F, Op.Loc};
      if (V.Unknown && !M.FirstUnknown.Function)
        M.FirstUnknown = Site;
      if (!V.Set.empty() && !M.FirstKnown.Function)
        M.FirstKnown = Site;
      Changed |= (V.Unknown && !M.Unknown) || (V.Existing && !M.Existing);
      M.Unknown |= V.Unknown;
      M.Existing |= V.Existing;
      for (const StoredClass &C : V.Set)
        Changed |= M.Classes.insert(C).second;
    }
    return Changed;
  }

  /// What a load of a member gives: what the program stores there.
  Classes loaded(const MemberKey &Key) {
    Classes C;
    C.Existing = true;
    if (DefaultInitialized(Key)) {
      C.Unknown = true;
      return C;
    }
    auto It = Members.find(Key);
    if (It != Members.end()) {
      C.Set = It->second.Classes;
      C.Unknown = It->second.Unknown;
    }
    return C;
  }

  const std::vector<FunctionFact> &Functions;
  llvm::function_ref<bool(const MemberKey &)> DefaultInitialized;
  std::map<MemberKey, MemberStores> Members;
};

} // namespace

std::map<MemberKey, MemberStores>
storedValues(const std::vector<FunctionFact> &Functions,
             llvm::function_ref<bool(const MemberKey &)> DefaultInitialized) {
  return Solver(Functions, DefaultInitialized).run();
}

} // namespace cyclint
