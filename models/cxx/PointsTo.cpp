//===- PointsTo.cpp - Which statements link objects into cycles -----------===//

#include "models/cxx/PointsTo.h"

#include "llvm/ADT/StringMap.h"

#include <algorithm>
#include <deque>
#include <map>
#include <set>
#include <tuple>

namespace cyclint {
namespace {

using ObjectId = int;
constexpr ObjectId NoObject = -1;

/// A counted member of one object, or one element of a container member
/// (`Element` is the inserting op's index + 1; 0 for a plain member).
struct Slot {
  ObjectId Object;
  std::string Record, Field;
  size_t Element = 0;
  friend bool operator<(const Slot &A, const Slot &B) {
    return std::tie(A.Object, A.Record, A.Field, A.Element) <
           std::tie(B.Object, B.Record, B.Field, B.Element);
  }
};

/// The edge a member holds now: its target and the store that made it.
struct Edge {
  ObjectId Target = NoObject;
  size_t Store = 0;
};

class Interpreter {
public:
  explicit Interpreter(const FunctionFact &F) : F(F) {}

  std::vector<StatementCycle> run() {
    for (size_t I = 0; I < F.Ops.size(); ++I)
      step(I, F.Ops[I]);
    return confirmed();
  }

private:
  ObjectId lookup(const std::string &Var) const {
    if (Var.empty())
      return NoObject;
    auto It = Env.find(Var);
    return It == Env.end() ? NoObject : It->second;
  }

  void taint(ObjectId O) {
    if (O != NoObject)
      Tainted[O] = true;
  }

  /// A variable gets a new object; when that may not happen (a branch or
  /// a loop), both its old and its new object are uncertain from here on.
  void bind(const BodyOp &Op, ObjectId O) {
    if (!Op.Once) {
      taint(lookup(Op.Var));
      taint(O);
      Env[Op.Var] = NoObject;
      return;
    }
    Env[Op.Var] = O;
  }

  Slot slotOf(size_t I, ObjectId O) const {
    const BodyOp &Op = F.Ops[I];
    return {O, Op.Record, Op.Field,
            Op.Kind == BodyOpKind::Insert ? I + 1 : 0};
  }

  /// Every slot of a member: the member itself and all its elements.
  void clearMember(ObjectId O, const BodyOp &Op) {
    auto It = Edges.lower_bound({O, Op.Record, Op.Field, 0});
    while (It != Edges.end() && It->first.Object == O &&
           It->first.Record == Op.Record && It->first.Field == Op.Field)
      It = Edges.erase(It);
  }

  void step(size_t I, const BodyOp &Op) {
    switch (Op.Kind) {
    case BodyOpKind::Alloc:
      Tainted.push_back(!Op.Once); // a site in a loop stands for many objects
      bind(Op, ObjectId(Tainted.size() - 1));
      return;
    case BodyOpKind::Assign:
      bind(Op, lookup(Op.Value));
      return;
    case BodyOpKind::Escape:
      taint(lookup(Op.Var));
      return;
    case BodyOpKind::Clear:
    case BodyOpKind::Store:
    case BodyOpKind::Insert:
      break;
    }
    ObjectId Base = lookup(Op.Var);
    ObjectId Target = Op.Kind == BodyOpKind::Clear ? NoObject : lookup(Op.Value);
    if (!Op.Once) {
      taint(Base);
      taint(Target);
      return;
    }
    if (Base == NoObject)
      return; // stored into an object the analysis does not know
    if (Op.Kind == BodyOpKind::Clear) {
      clearMember(Base, Op);
      return;
    }
    Edges[slotOf(I, Base)] = {Target, I};
    StoreBase[I] = Base;
    if (Target == NoObject)
      return;
    std::vector<size_t> Path = path(Target, Base);
    if (Path.empty() && Target != Base)
      return;
    Path.insert(Path.begin(), I);
    Candidates.push_back({std::move(Path)});
  }

  /// The stores along the shortest chain of current edges from `From` to
  /// `To`; empty when there is none (or when From == To).
  std::vector<size_t> path(ObjectId From, ObjectId To) const {
    if (From == To)
      return {};
    std::map<ObjectId, std::pair<ObjectId, size_t>> Parent; // via store
    std::deque<ObjectId> Queue{From};
    Parent[From] = {NoObject, 0};
    while (!Queue.empty()) {
      ObjectId O = Queue.front();
      Queue.pop_front();
      for (auto It = Edges.lower_bound({O, "", "", 0});
           It != Edges.end() && It->first.Object == O; ++It) {
        ObjectId T = It->second.Target;
        if (T == NoObject || Parent.count(T))
          continue;
        Parent[T] = {O, It->second.Store};
        if (T == To) {
          std::vector<size_t> Stores;
          for (ObjectId X = To; X != From; X = Parent[X].first)
            Stores.push_back(Parent[X].second);
          std::reverse(Stores.begin(), Stores.end());
          return Stores;
        }
        Queue.push_back(T);
      }
    }
    return {};
  }

  /// The candidates still certain at the end of the function.
  std::vector<StatementCycle> confirmed() const {
    std::vector<StatementCycle> Out;
    std::set<std::vector<size_t>> Seen;
    for (const StatementCycle &C : Candidates) {
      bool Holds = true;
      for (size_t S : C.Stores) {
        ObjectId Base = StoreBase.at(S);
        auto It = Edges.find(slotOf(S, Base));
        // Replaced or cleared later, or an object that escaped.
        if (It == Edges.end() || It->second.Store != S || Tainted[Base] ||
            It->second.Target == NoObject || Tainted[It->second.Target])
          Holds = false;
      }
      std::vector<size_t> Key = C.Stores;
      std::sort(Key.begin(), Key.end());
      if (Holds && Seen.insert(Key).second)
        Out.push_back(C);
    }
    return Out;
  }

  const FunctionFact &F;
  llvm::StringMap<ObjectId> Env;
  std::vector<bool> Tainted; // by object
  std::map<Slot, Edge> Edges;
  std::map<size_t, ObjectId> StoreBase; // the object each store wrote into
  std::vector<StatementCycle> Candidates;
};

} // namespace

std::vector<StatementCycle> findStatementCycles(const FunctionFact &F) {
  return Interpreter(F).run();
}

} // namespace cyclint
