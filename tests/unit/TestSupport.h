//===- TestSupport.h - Helpers shared by cyclint's unit tests ---*- C++ -*-===//
//
// Builds facts from in-memory code against the real libstdc++ headers, and
// hand-made facts for the merge and check tests.
//
//===----------------------------------------------------------------------===//

#ifndef CYCLINT_TESTS_UNIT_TESTSUPPORT_H
#define CYCLINT_TESTS_UNIT_TESTSUPPORT_H

#include "core/Facts.h"
#include "models/Runtimes.h"
#include "models/cxx/CxxRuntime.h"
#include "models/cxx/OwnershipGraph.h"
#include "models/cxx/OwnershipModel.h"
#include "models/cxx/RecordExtractor.h"

#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"

#include <algorithm>
#include <string>
#include <tuple>
#include <vector>

namespace cyclint::testing {

/// One instance of every built-in runtime, as the CLI loads them.
inline RuntimeList builtinRuntimeList() {
  RuntimeList Runtimes;
  for (const RuntimeInfo &R : builtinRuntimes())
    Runtimes.push_back(R.Create());
  return Runtimes;
}

/// The C++ section of one TU, with the TU's identity (which the core keeps
/// in TUFacts) so that tests can build graphs from several TUs.
struct TestTU : CxxFacts {
  std::string MainFile;
  std::string Directory = "/src";
};

/// The C++ view of `TUs`, merged as the core does it (TUs in a canonical
/// order first).
inline OwnershipGraph buildGraph(std::vector<TestTU> TUs) {
  std::stable_sort(TUs.begin(), TUs.end(),
                   [](const TestTU &A, const TestTU &B) {
                     return std::tie(A.MainFile, A.Directory) <
                            std::tie(B.MainFile, B.Directory);
                   });
  std::vector<CxxFacts> Sections(TUs.begin(), TUs.end());
  return OwnershipGraph::build(std::move(Sections));
}

/// `TU` as the core's TUFacts, with its one "cxx" section.
inline TUFacts wrap(const TestTU &TU) {
  TUFacts Facts;
  Facts.MainFile = TU.MainFile;
  Facts.Directory = TU.Directory;
  Facts.Sections.emplace_back("cxx", std::make_unique<CxxFacts>(TU));
  return Facts;
}

/// Parses `Code` as C++17 (or C with Lang "c") and extracts its facts.
inline TestTU factsFor(llvm::StringRef Code,
                        const OwnershipModel &Model = OwnershipModel::builtin(),
                        std::vector<std::string> Args = {"-std=c++17"},
                        llvm::StringRef FileName = "/virtual/input.cc") {
  Args.push_back("-resource-dir=" CYCLINT_CLANG_RESOURCE_DIR);
  std::unique_ptr<clang::ASTUnit> AST =
      clang::tooling::buildASTFromCodeWithArgs(Code, Args, FileName);
  if (!AST || AST->getDiagnostics().hasErrorOccurred())
    return TestTU{};
  TUContext TU(AST->getASTContext(), "/virtual");
  TestTU Facts;
  static_cast<CxxFacts &>(Facts) = extractRecords(TU, Model);
  Facts.MainFile = TU.mainFile().str();
  Facts.Directory = "/virtual";
  return Facts;
}

inline const RecordFact *findRecord(const CxxFacts &Facts,
                                    llvm::StringRef Name) {
  for (const RecordFact &R : Facts.Records)
    if (R.Name == Name)
      return &R;
  return nullptr;
}

inline const FieldFact *findField(const CxxFacts &Facts, llvm::StringRef Record,
                                  llvm::StringRef Field) {
  if (const RecordFact *R = findRecord(Facts, Record))
    for (const FieldFact &F : R->Fields)
      if (F.Name == Field)
        return &F;
  return nullptr;
}

/// "kind->TargetName" for each edge of a field, e.g. "strong->Parent".
inline std::vector<std::string> edgeSummary(const CxxFacts &Facts,
                                            llvm::StringRef Record,
                                            llvm::StringRef Field) {
  std::vector<std::string> Out;
  const FieldFact *F = findField(Facts, Record, Field);
  if (!F)
    return {"<no such field>"};
  for (const EdgeFact &E : F->Edges) {
    std::string Target = "<none>";
    for (const RecordFact &R : Facts.Records)
      if (R.USR == E.TargetUSR)
        Target = R.Name;
    if (Target == "<none>" && !E.TargetUSR.empty())
      Target = "<usr:" + E.TargetUSR + ">";
    Out.push_back(edgeKindName(E.Kind).str() + "->" + Target);
  }
  return Out;
}

/// Hand-made facts: records named by USR == name, fields "name:kind:target".
struct RecordSpec {
  std::string Name;
  /// "field:kind:Target[:via]"; a via ending in "[]" is a collection
  /// ("items:owning:Value:std::vector[]").
  std::vector<std::string> Fields;
  std::vector<std::string> Bases;
  bool Polymorphic = false;
  std::string File = "/src/a.h";
  unsigned Line = 1;
};

inline TestTU makeTU(llvm::StringRef MainFile,
                     const std::vector<RecordSpec> &Specs) {
  TestTU TU;
  TU.MainFile = MainFile.str();
  TU.Directory = "/src";
  for (const RecordSpec &S : Specs) {
    RecordFact R;
    R.USR = "c:@S@" + S.Name;
    R.Name = S.Name;
    R.TagKind = "struct";
    R.Loc = {S.File, S.Line, 8};
    R.Polymorphic = S.Polymorphic;
    for (const std::string &B : S.Bases)
      R.BaseUSRs.push_back("c:@S@" + B);
    unsigned Line = S.Line;
    for (llvm::StringRef Spec : S.Fields) {
      llvm::SmallVector<llvm::StringRef, 4> Parts;
      Spec.split(Parts, ':', /*MaxSplit=*/3);
      FieldFact F;
      F.Name = Parts[0].str();
      F.Type = "T";
      F.Loc = {S.File, ++Line, 3};
      EdgeFact E;
      E.Kind = *parseEdgeKind(Parts[1]);
      E.TargetUSR = "c:@S@" + Parts[2].str();
      if (Parts.size() > 3) {
        llvm::StringRef Via = Parts[3];
        E.Collection = Via.consume_back("[]");
        E.Via.push_back(Via.str());
      }
      else if (E.Kind == EdgeKind::Strong)
        E.Via.push_back("std::shared_ptr");
      F.Edges.push_back(E);
      R.Fields.push_back(F);
    }
    TU.Records.push_back(R);
  }
  TU.canonicalize();
  return TU;
}

} // namespace cyclint::testing

#endif // CYCLINT_TESTS_UNIT_TESTSUPPORT_H
