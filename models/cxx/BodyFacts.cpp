//===- BodyFacts.cpp - The JSON form of function body facts ---------------===//

#include "models/cxx/BodyFacts.h"

#include "llvm/Support/ErrorHandling.h"

using namespace llvm;

namespace cyclint {

StringRef bodyOpKindName(BodyOpKind Kind) {
  switch (Kind) {
  case BodyOpKind::Alloc:
    return "alloc";
  case BodyOpKind::Assign:
    return "assign";
  case BodyOpKind::Store:
    return "store";
  case BodyOpKind::Insert:
    return "insert";
  case BodyOpKind::Clear:
    return "clear";
  case BodyOpKind::Escape:
    return "escape";
  case BodyOpKind::Call:
    return "call";
  case BodyOpKind::Load:
    return "load";
  }
  llvm_unreachable("unhandled body op kind");
}

std::optional<BodyOpKind> parseBodyOpKind(StringRef Name) {
  for (BodyOpKind K : {BodyOpKind::Alloc, BodyOpKind::Assign, BodyOpKind::Store,
                       BodyOpKind::Insert, BodyOpKind::Clear,
                       BodyOpKind::Escape, BodyOpKind::Call,
                       BodyOpKind::Load})
    if (bodyOpKindName(K) == Name)
      return K;
  return std::nullopt;
}

/// An op in the function's own file (nearly all) is located by `at`:
/// [line, col]; another file's (a macro's) by a full `loc`. Function facts
/// repeat for every TU that includes a header, so bytes count.
static json::Value toJSON(const BodyOp &Op, StringRef FunctionFile) {
  json::Object O{{"op", bodyOpKindName(Op.Kind)}, {"var", Op.Var}};
  if (Op.Loc.File == FunctionFile)
    O["at"] = json::Array{Op.Loc.Line, Op.Loc.Column};
  else
    O["loc"] = toJSON(Op.Loc);
  if (!Op.Value.empty())
    O["value"] = Op.Value;
  if (!Op.Record.empty())
    O["record"] = Op.Record;
  if (!Op.Field.empty())
    O["field"] = Op.Field;
  if (!Op.Type.empty())
    O["type"] = Op.Type;
  if (!Op.Method.empty())
    O["method"] = Op.Method;
  if (!Op.Callee.empty())
    O["callee"] = Op.Callee;
  if (!Op.Args.empty())
    O["args"] = json::Array(Op.Args);
  if (!Op.Once)
    O["once"] = false;
  return O;
}

static bool fromJSON(const json::Value &V, BodyOp &Op, json::Path P) {
  json::ObjectMapper O(V, P);
  std::string Kind;
  std::vector<int64_t> At;
  if (!O || !O.map("op", Kind) || !O.map("var", Op.Var) ||
      !O.mapOptional("at", At) || !O.mapOptional("loc", Op.Loc) ||
      !O.mapOptional("value", Op.Value) ||
      !O.mapOptional("record", Op.Record) ||
      !O.mapOptional("field", Op.Field) || !O.mapOptional("type", Op.Type) ||
      !O.mapOptional("method", Op.Method) ||
      !O.mapOptional("callee", Op.Callee) || !O.mapOptional("args", Op.Args) ||
      !O.mapOptional("once", Op.Once))
    return false;
  if (At.size() == 2) {
    Op.Loc.Line = At[0]; // the file is the function's (fromJSON below)
    Op.Loc.Column = At[1];
  } else if (!Op.Loc.isValid()) {
    P.report("expected 'at' ([line, col]) or 'loc'");
    return false;
  }
  auto K = parseBodyOpKind(Kind);
  if (!K) {
    P.field("op").report("unknown body operation");
    return false;
  }
  Op.Kind = *K;
  return true;
}

json::Value toJSON(const FunctionFact &F) {
  json::Array Ops;
  for (const BodyOp &Op : F.Ops)
    Ops.push_back(toJSON(Op, F.Loc.File));
  json::Object Out{{"usr", F.USR},
                   {"name", F.Name},
                   {"loc", toJSON(F.Loc)},
                   {"params", json::Array(F.Params)},
                   {"ops", std::move(Ops)}};
  if (!F.Record.empty())
    Out["record"] = F.Record;
  return Out;
}

bool fromJSON(const json::Value &V, FunctionFact &F, json::Path P) {
  json::ObjectMapper O(V, P);
  if (!O || !O.map("usr", F.USR) || !O.map("name", F.Name) ||
      !O.map("loc", F.Loc) || !O.map("params", F.Params) ||
      !O.mapOptional("record", F.Record) ||
      !O.map("ops", F.Ops))
    return false;
  for (BodyOp &Op : F.Ops)
    if (Op.Loc.File.empty())
      Op.Loc.File = F.Loc.File;
  return true;
}

} // namespace cyclint
