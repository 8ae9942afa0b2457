//===- OwnershipModel.h - What library types do to lifetimes ----*- C++ -*-===//
//
// The model layer: tabular knowledge of how each runtime's wrapper types hold
// what they wrap, loaded from YAML files under models/ (compiled in) and from
// user files given with --model. The model answers questions about types; it
// never reports anything. Unlisted library templates are answered "unknown",
// never guessed.
//
// Schema (docs/MODELS.md has the full text):
//   name: cxx-std
//   types:
//     - name: std::shared_ptr     # qualified, inline namespaces omitted
//       kind: strong              # strong | owning | weak | borrowed | unknown
//       arguments: [0]            # template arguments it holds; or "all"
//
// A container is `kind: owning` over its element arguments: owning composes
// as the identity, so vector<shared_ptr<T>> is strong and vector<T*> borrowed.
//
//===----------------------------------------------------------------------===//

#ifndef CYCLINT_MODELS_CXX_OWNERSHIPMODEL_H
#define CYCLINT_MODELS_CXX_OWNERSHIPMODEL_H

#include "models/cxx/EdgeKind.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Error.h"

#include <string>
#include <vector>

namespace cyclint {

struct TypeRule {
  std::string Name;
  EdgeKind Kind = EdgeKind::Unknown;
  bool AllArguments = false;
  std::vector<unsigned> Arguments; // indices of held template arguments
  /// Holds any number of each argument (vector, map), not one (unique_ptr,
  /// optional): tells a collection of children from a single link.
  bool Collection = false;
  /// Holds a callable object (`std::function`, `std::thread` running one, a
  /// signal's slots when also a collection): what the callable captured is
  /// kept alive with it (the capture analysis, docs/MODELS.md).
  bool Callable = false;
  std::string ModelName;           // the file that contributed the rule
};

class OwnershipModel {
public:
  /// The models shipped with cyclint (models/*.yaml, compiled in).
  static OwnershipModel builtin();

  /// Adds the rules of one YAML model document. A later rule for the same
  /// type replaces an earlier one, so user models can override built-ins.
  llvm::Error addModelText(llvm::StringRef Text, llvm::StringRef SourceName);
  llvm::Error addModelFile(llvm::StringRef Path);

  /// The rule for a type named by its qualified name without inline
  /// namespaces (`std::vector`, not `std::__1::vector`), or null.
  const TypeRule *lookup(llvm::StringRef QualifiedName) const;

  /// True for a library function that returns a counted pointer to a new
  /// object (`std::make_shared`, `llvm::makeIntrusiveRefCnt`): the `factories`
  /// of the model files, by qualified name as for types.
  bool isFactory(llvm::StringRef QualifiedName) const;
  /// True for a library function that returns a callable owning copies of
  /// its bound arguments (`std::bind`, `boost::bind`, `base::BindOnce`):
  /// the `binders` of the model files.
  bool isBinder(llvm::StringRef QualifiedName) const;

  const std::vector<std::string> &modelNames() const { return ModelNames; }

private:
  llvm::StringMap<TypeRule> Rules;
  llvm::StringSet<> Factories;
  llvm::StringSet<> Binders;
  std::vector<std::string> ModelNames;
};

} // namespace cyclint

#endif // CYCLINT_MODELS_CXX_OWNERSHIPMODEL_H
