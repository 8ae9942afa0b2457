//===- PointsTo.cpp - Which statements link objects into cycles -----------===//

#include "models/cxx/PointsTo.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSet.h"

#include <algorithm>
#include <deque>
#include <map>
#include <set>
#include <tuple>

namespace cyclint {
namespace {

using ObjectId = int;
constexpr ObjectId NoObject = -1;
/// Calls followed into callees, nested: deeper ones are "don't know".
constexpr unsigned MaxCallDepth = 4;
/// Operations run per analyzed function, callees included: applying
/// callees' facts repeats them, and a wide call tree must not make the
/// analysis superlinear. Past it, the function is "don't know".
constexpr size_t MaxSteps = 20000;

/// A counted member of one object, or one element of a container member
/// (`Element` is the inserting link's index + 1; 0 for a plain member).
struct Slot {
  ObjectId Object;
  std::string Record, Field;
  size_t Element = 0;
  friend bool operator<(const Slot &A, const Slot &B) {
    return std::tie(A.Object, A.Record, A.Field, A.Element) <
           std::tie(B.Object, B.Record, B.Field, B.Element);
  }
};

struct Object {
  bool Tainted = false; // escaped, or one of many (a site in a loop)
  /// `this` or a parameter of the analyzed function (made before it ran), or
  /// an object one of them keeps alive: still reachable after it returns.
  bool Outside = false;
  std::string Name; // the variable it was made for, for diagnostics
};

struct Link {
  StatementLink Info;
  ObjectId From = NoObject, To = NoObject;
  Slot At;
};

class Interpreter {
public:
  Interpreter(const FunctionFact &Top, const FunctionIndex &Callees)
      : Top(Top), Callees(Callees) {}

  std::vector<StatementCycle> run() {
    // `this` and the parameters are objects of their own: what the
    // function links them to is certain when it returns, even though what
    // they held before is not known.
    std::vector<ObjectId> Args;
    for (size_t I = 0; I < Top.Params.size(); ++I) {
      Args.push_back(NoObject);
      if (Top.Params[I].empty())
        continue;
      Objects.push_back({false, true, displayVar(Top.Params[I]).str()});
      Args.back() = ObjectId(Objects.size() - 1);
    }
    exec(Top, Args, /*Once=*/true, /*Depth=*/0, 0);
    if (Steps > MaxSteps)
      return {};
    return confirmed();
  }

private:
  /// One activation: the function's variables.
  struct Frame {
    llvm::StringMap<ObjectId> Env;
    ObjectId lookup(const std::string &Var) const {
      if (Var.empty())
        return NoObject;
      auto It = Env.find(Var);
      return It == Env.end() ? NoObject : It->second;
    }
  };

  void taint(ObjectId O) {
    if (O != NoObject)
      Objects[O].Tainted = true;
  }

  /// A variable gets a new object; when that may not happen (a branch or
  /// a loop), both its old and its new object are uncertain from here on.
  void bind(Frame &Fr, const std::string &Var, ObjectId O, bool Once) {
    if (!Once) {
      taint(Fr.lookup(Var));
      taint(O);
      Fr.Env[Var] = NoObject;
      return;
    }
    Fr.Env[Var] = O;
  }

  void clearMember(ObjectId O, const BodyOp &Op) {
    auto It = Edges.lower_bound({O, Op.Record, Op.Field, 0});
    while (It != Edges.end() && It->first.Object == O &&
           It->first.Record == Op.Record && It->first.Field == Op.Field)
      It = Edges.erase(It);
  }

  void exec(const FunctionFact &Fn, const std::vector<ObjectId> &Args,
            bool Once, unsigned Depth, size_t TopOp) {
    Frame Fr;
    for (size_t I = 0; I < Fn.Params.size() && I < Args.size(); ++I)
      if (!Fn.Params[I].empty())
        Fr.Env[Fn.Params[I]] = Args[I];
    for (size_t I = 0; I < Fn.Ops.size() && ++Steps <= MaxSteps; ++I)
      step(Fn, I, Fr, Once && Fn.Ops[I].Once, Depth, Depth ? TopOp : I);
  }

  void step(const FunctionFact &Fn, size_t I, Frame &Fr, bool Once,
            unsigned Depth, size_t TopOp) {
    const BodyOp &Op = Fn.Ops[I];
    switch (Op.Kind) {
    case BodyOpKind::Alloc: {
      // A site in a loop stands for many objects; one made in a callee is
      // named by its site, not by a variable of the analyzed function.
      bool Named = Depth == 0 && !llvm::StringRef(Op.Var).starts_with("$");
      Objects.push_back(
          {!Once, false, Named ? displayVar(Op.Var).str() : ""});
      bind(Fr, Op.Var, ObjectId(Objects.size() - 1), Once);
      return;
    }
    case BodyOpKind::Assign:
      bind(Fr, Op.Var, Fr.lookup(Op.Value), Once);
      return;
    case BodyOpKind::Escape:
      taint(Fr.lookup(Op.Var));
      return;
    case BodyOpKind::Call:
      call(Fn, I, Fr, Once, Depth, TopOp);
      return;
    case BodyOpKind::Load:
      load(Fn, I, Fr, Once, TopOp);
      return;
    case BodyOpKind::Clear:
    case BodyOpKind::Store:
    case BodyOpKind::Insert:
      break;
    }
    ObjectId Base = Fr.lookup(Op.Var);
    ObjectId Target =
        Op.Kind == BodyOpKind::Clear ? NoObject : Fr.lookup(Op.Value);
    if (!Once) {
      taint(Base);
      taint(Target);
      return;
    }
    if (Base == NoObject) {
      // Into an object from outside (`this`, a parameter, a global): the
      // stored object has an owner that may unlink it later.
      taint(Target);
      return;
    }
    if (Op.Kind == BodyOpKind::Clear) {
      clearMember(Base, Op);
      return;
    }
    size_t Id = Links.size();
    Slot At{Base, Op.Record, Op.Field,
            Op.Kind == BodyOpKind::Insert ? Id + 1 : 0};
    StatementLink Info{TopOp, &Fn, I, "", "", CallStack};
    Info.Chain.push_back({&Fn, I});
    Links.push_back({std::move(Info), Base, Target, At});
    Edges[At] = Id;
    if (Target == NoObject)
      return;
    std::vector<size_t> Path = path(Target, Base);
    if (Path.empty() && Target != Base)
      return;
    Path.insert(Path.begin(), Id);
    Candidates.push_back(std::move(Path));
  }

  /// `Var := Base->member`: the member's current link; for an object from
  /// outside with no link made here, what it held before the function ran,
  /// an object from outside too (the code dereferences it, so it is one).
  void load(const FunctionFact &Fn, size_t I, Frame &Fr, bool Once,
            size_t TopOp) {
    const BodyOp &Op = Fn.Ops[I];
    ObjectId Base = Fr.lookup(Op.Value), Target = NoObject;
    if (Base != NoObject) {
      Slot At{Base, Op.Record, Op.Field, 0};
      auto It = Edges.find(At);
      if (It != Edges.end()) {
        Target = Links[It->second].To;
      } else if (Objects[Base].Outside && !Objects[Base].Tainted) {
        Objects.push_back({false, true, displayVar(Op.Var).str()});
        Target = ObjectId(Objects.size() - 1);
        StatementLink Info{TopOp, &Fn, I, "", "", CallStack};
        Info.Chain.push_back({&Fn, I});
        Edges[At] = Links.size();
        Links.push_back({std::move(Info), Base, Target, At});
      }
    }
    bind(Fr, Op.Var, Target, Once);
  }

  void call(const FunctionFact &Caller, size_t CallOp, Frame &Fr, bool Once,
            unsigned Depth, size_t TopOp) {
    const BodyOp &Op = Caller.Ops[CallOp];
    std::vector<ObjectId> Args;
    for (const std::string &A : Op.Args)
      Args.push_back(Fr.lookup(A));
    auto It = Callees.find(Op.Callee);
    if (It == Callees.end() || Depth >= MaxCallDepth ||
        Active.contains(Op.Callee)) {
      for (ObjectId A : Args)
        taint(A); // code the analysis does not see
      return;
    }
    Active.insert(Op.Callee);
    CallStack.push_back({&Caller, CallOp});
    exec(*It->second, Args, Once, Depth + 1, TopOp);
    CallStack.pop_back();
    Active.erase(Op.Callee);
  }

  /// The current links out of `O`.
  std::vector<size_t> linksFrom(ObjectId O) const {
    std::vector<size_t> Ids;
    for (auto It = Edges.lower_bound({O, "", "", 0});
         It != Edges.end() && It->first.Object == O; ++It)
      Ids.push_back(It->second);
    return Ids;
  }

  /// The links along the shortest chain of current links from `From` to
  /// `To`; empty when there is none (or when From == To).
  std::vector<size_t> path(ObjectId From, ObjectId To) const {
    if (From == To)
      return {};
    std::map<ObjectId, std::pair<ObjectId, size_t>> Parent; // via link
    std::deque<ObjectId> Queue{From};
    Parent[From] = {NoObject, 0};
    while (!Queue.empty()) {
      ObjectId O = Queue.front();
      Queue.pop_front();
      for (size_t Id : linksFrom(O)) {
        ObjectId T = Links[Id].To;
        if (T == NoObject || Parent.count(T))
          continue;
        Parent[T] = {O, Id}; // the link that reached T
        if (T == To) {
          std::vector<size_t> Ids;
          for (ObjectId X = To; X != From; X = Parent[X].first)
            Ids.push_back(Parent[X].second);
          std::reverse(Ids.begin(), Ids.end());
          return Ids;
        }
        Queue.push_back(T);
      }
    }
    return {};
  }

  std::string name(ObjectId O) const {
    return Objects[O].Name.empty() ? "a new object" : Objects[O].Name;
  }

  /// Sets `Flag` on every object that one with it reaches through current
  /// links: whatever an escaped object reaches is reachable from code the
  /// analysis does not see too, and whatever `this` or a parameter reaches
  /// is still held when the function returns.
  void propagate(bool Object::*Flag) {
    std::deque<ObjectId> Queue;
    for (ObjectId O = 0; O < ObjectId(Objects.size()); ++O)
      if (Objects[O].*Flag)
        Queue.push_back(O);
    while (!Queue.empty()) {
      ObjectId O = Queue.front();
      Queue.pop_front();
      for (size_t Id : linksFrom(O)) {
        ObjectId T = Links[Id].To;
        if (T != NoObject && !(Objects[T].*Flag)) {
          Objects[T].*Flag = true;
          Queue.push_back(T);
        }
      }
    }
  }

  /// The candidates still certain at the end of the function.
  std::vector<StatementCycle> confirmed() {
    propagate(&Object::Tainted);
    propagate(&Object::Outside);
    std::vector<StatementCycle> Out;
    std::set<std::vector<size_t>> Seen;
    for (const std::vector<size_t> &C : Candidates) {
      bool Holds = true;
      for (size_t Id : C) {
        const Link &L = Links[Id];
        auto It = Edges.find(L.At);
        // Replaced or cleared later, or an object that escaped.
        if (It == Edges.end() || It->second != Id || Objects[L.From].Tainted ||
            Objects[L.To].Tainted)
          Holds = false;
      }
      std::vector<size_t> Key = C;
      std::sort(Key.begin(), Key.end());
      if (!Holds || !Seen.insert(Key).second)
        continue;
      StatementCycle Cycle;
      for (size_t Id : C) {
        Cycle.Outside |= Objects[Links[Id].From].Outside;
        StatementLink Info = Links[Id].Info;
        Info.From = name(Links[Id].From);
        Info.To = name(Links[Id].To);
        Cycle.Links.push_back(std::move(Info));
      }
      Out.push_back(std::move(Cycle));
    }
    return Out;
  }

  const FunctionFact &Top;
  const FunctionIndex &Callees;
  std::vector<Object> Objects;
  std::vector<Link> Links;
  std::map<Slot, size_t> Edges; // the current link of each slot
  std::vector<std::vector<size_t>> Candidates;
  llvm::StringSet<> Active; // callees being applied (no recursion)
  std::vector<OpRef> CallStack; // the calls being applied, outermost first
  size_t Steps = 0;
};

} // namespace

std::vector<StatementCycle> findStatementCycles(const FunctionFact &F,
                                                const FunctionIndex &Callees) {
  return Interpreter(F, Callees).run();
}

namespace {

using MemberKey = std::pair<std::string, std::string>; // record USR, field

/// The functions that may unlink each member: a clear, or a store of a value
/// the analysis does not know (which may be null).
std::map<MemberKey, std::vector<const FunctionFact *>>
unlinkers(const std::vector<FunctionFact> &Functions) {
  std::map<MemberKey, std::vector<const FunctionFact *>> Out;
  for (const FunctionFact &F : Functions)
    for (const BodyOp &Op : F.Ops)
      if (Op.Kind == BodyOpKind::Clear ||
          (Op.Kind == BodyOpKind::Store && Op.Value.empty()))
        Out[{Op.Record, Op.Field}].push_back(&F);
  return Out;
}

/// True when some function other than a destructor of the cycle's records
/// may unlink one of its members.
bool mayBeBrokenElsewhere(
    const StatementCycle &C,
    const std::map<MemberKey, std::vector<const FunctionFact *>> &Unlinkers) {
  std::set<std::string> Records;
  for (const StatementLink &L : C.Links)
    Records.insert(L.op().Record);
  auto IsDestructorOfCycle = [&](const FunctionFact *F) {
    for (const std::string &R : Records)
      if (llvm::StringRef(F->USR).starts_with(R + "@F@~"))
        return true;
    return false;
  };
  for (const StatementLink &L : C.Links) {
    auto It = Unlinkers.find({L.op().Record, L.op().Field});
    if (It != Unlinkers.end() &&
        !llvm::all_of(It->second, IsDestructorOfCycle))
      return true;
  }
  return false;
}

using CycleKey = std::vector<std::vector<OpRef>>;

CycleKey keyOf(const StatementCycle &C, size_t Drop) {
  CycleKey Key;
  for (const StatementLink &L : C.Links)
    Key.emplace_back(L.Chain.begin() + Drop, L.Chain.end());
  llvm::sort(Key);
  return Key;
}

/// The links all made by one call of the analyzed function.
bool madeByOneCall(const StatementCycle &C) {
  for (const StatementLink &L : C.Links)
    if (L.Chain.size() < 2 || L.Chain.front() != C.Links.front().Chain.front())
      return false;
  return true;
}

} // namespace

bool throughCapture(const StatementCycle &C) {
  return llvm::any_of(C.Links, [](const StatementLink &L) {
    return L.op().Record.empty();
  });
}

std::vector<ProgramCycle>
findProgramCycles(const std::vector<FunctionFact> &Functions) {
  FunctionIndex Callees;
  for (const FunctionFact &F : Functions)
    Callees[F.USR] = &F;
  auto Unlinkers = unlinkers(Functions);
  std::vector<ProgramCycle> Found;
  std::set<CycleKey> Keys;
  for (const FunctionFact &F : Functions)
    for (StatementCycle &C : findStatementCycles(F, Callees)) {
      if (C.Outside && mayBeBrokenElsewhere(C, Unlinkers))
        continue;
      Keys.insert(keyOf(C, 0));
      Found.push_back({&F, std::move(C)});
    }
  std::vector<ProgramCycle> Out;
  for (ProgramCycle &P : Found)
    if (!madeByOneCall(P.Cycle) || !Keys.count(keyOf(P.Cycle, 1)))
      Out.push_back(std::move(P));
  return Out;
}

} // namespace cyclint
