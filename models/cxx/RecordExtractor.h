//===- RecordExtractor.h - From one AST to the C++ facts section -*- C++ -*-===//
//
// Walks the declarations a translation unit makes outside system headers and
// records each record type, its bases and the edges its fields contribute
// (TypeClassifier), plus the raw pointer members destructors delete.
// Everything Clang-specific of the C++ runtime stays in here and in
// TypeClassifier; what comes out is plain data (RecordFacts.h).
//
//===----------------------------------------------------------------------===//

#ifndef CYCLINT_MODELS_CXX_RECORDEXTRACTOR_H
#define CYCLINT_MODELS_CXX_RECORDEXTRACTOR_H

#include "core/Runtime.h"
#include "models/cxx/OwnershipModel.h"
#include "models/cxx/RecordFacts.h"

namespace cyclint {

/// Extracts the records of a parsed TU. With a Sema, class templates that
/// members name but nothing instantiated are instantiated so that they have
/// fields.
CxxFacts extractRecords(const TUContext &TU, const OwnershipModel &Model);

} // namespace cyclint

#endif // CYCLINT_MODELS_CXX_RECORDEXTRACTOR_H
