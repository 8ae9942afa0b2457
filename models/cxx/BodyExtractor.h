//===- BodyExtractor.h - From function bodies to body facts -----*- C++ -*-===//
//
// Reads a function body into the small operation language of BodyFacts.h.
// Only variables that hold a counted pointer to a program record are
// tracked; every other use of such a variable that the patterns below do not
// recognize is an `escape` (don't know), never a guess.
//
//===----------------------------------------------------------------------===//

#ifndef CYCLINT_MODELS_CXX_BODYEXTRACTOR_H
#define CYCLINT_MODELS_CXX_BODYEXTRACTOR_H

#include "core/Runtime.h"
#include "models/cxx/BodyFacts.h"
#include "models/cxx/OwnershipModel.h"
#include "models/cxx/TypeClassifier.h"

#include <functional>
#include <optional>
#include <string>

namespace clang {
class FunctionDecl;
class RecordDecl;
} // namespace clang

namespace cyclint {

/// The facts of one function body, or nothing when the body stores no
/// counted pointer into a member (no cycle can start there).
std::optional<FunctionFact>
extractBody(const clang::FunctionDecl *FD, const TUContext &TU,
            const OwnershipModel &Model, TypeClassifier &Classifier,
            const std::function<std::string(const clang::RecordDecl *)> &USROf);

} // namespace cyclint

#endif // CYCLINT_MODELS_CXX_BODYEXTRACTOR_H
