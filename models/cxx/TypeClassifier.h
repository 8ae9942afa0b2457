//===- TypeClassifier.h - What a C++ type holds, under the model -*- C++ -*-===//
//
// The classification rules of the C++ ownership model: given a member's type,
// the edges it contributes (EdgeKind.h) to the records it names. Library
// types are answered by the tables (OwnershipModel, models/cxx/*.yaml), by
// declaration, never by spelling; program records are owning targets;
// pointers borrow; arrays are owning collections; an unlisted library
// template hides what it wraps (unknown). Wrappers compose by the edge-kind
// algebra, the weakest link winning.
//
//===----------------------------------------------------------------------===//

#ifndef CYCLINT_MODELS_CXX_TYPECLASSIFIER_H
#define CYCLINT_MODELS_CXX_TYPECLASSIFIER_H

#include "models/cxx/OwnershipModel.h"
#include "models/cxx/RecordFacts.h"

#include "clang/AST/Type.h"
#include "llvm/ADT/DenseMap.h"
#include <functional>

#include <optional>
#include <string>
#include <vector>

namespace clang {
class ASTContext;
class ClassTemplateSpecializationDecl;
class NamedDecl;
class RecordDecl;
} // namespace clang

namespace cyclint {

/// The name the model knows a declaration by: qualified, with inline and
/// anonymous namespaces left out, so that std::__1::vector and
/// std::__cxx11::list match `std::vector` and `std::list`. Empty for
/// function-local declarations, which no model can name.
std::string modelName(const clang::NamedDecl *D);

class TypeClassifier {
public:
  /// `ProgramRecord` gives the merge key of a record the program defines
  /// (empty if it has none), or nullopt for any other record.
  /// `RequestInstantiation` is told of program class template
  /// specializations a member names but nothing instantiated.
  TypeClassifier(
      clang::ASTContext &Ctx, const OwnershipModel &Model,
      std::function<std::optional<std::string>(const clang::RecordDecl *)>
          ProgramRecord,
      std::function<void(const clang::ClassTemplateSpecializationDecl *)>
          RequestInstantiation)
      : Ctx(Ctx), Model(Model), ProgramRecord(std::move(ProgramRecord)),
        RequestInstantiation(std::move(RequestInstantiation)) {}

  /// The edges a value of type T contributes to the object holding it.
  const std::vector<EdgeFact> &classify(clang::QualType T, unsigned Depth = 0);

private:
  std::vector<EdgeFact> classifyUncached(const clang::Type *T, unsigned Depth);

  clang::ASTContext &Ctx;
  const OwnershipModel &Model;
  std::function<std::optional<std::string>(const clang::RecordDecl *)>
      ProgramRecord;
  std::function<void(const clang::ClassTemplateSpecializationDecl *)>
      RequestInstantiation;
  llvm::DenseMap<const clang::Type *, std::vector<EdgeFact>> TypeCache;
};

} // namespace cyclint

#endif // CYCLINT_MODELS_CXX_TYPECLASSIFIER_H
