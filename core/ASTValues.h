//===- ASTValues.h - Which object an expression denotes ----------*- C++ -*-===//
//
// A helper every runtime's extractor needs: peeling the wrappers Clang puts
// around a value that never change which object it denotes, so that each
// extractor matches the expression the programmer wrote.
//
//===----------------------------------------------------------------------===//

#ifndef CYCLINT_CORE_ASTVALUES_H
#define CYCLINT_CORE_ASTVALUES_H

namespace clang {
class Expr;
} // namespace clang

namespace cyclint {

/// Peels parentheses, implicit casts, temporaries, cleanups and functional
/// casts (`T(x)`); with `ExplicitCasts`, C-style and named casts too (a C API
/// cast like `(PyObject *)self` keeps the object).
const clang::Expr *peelValue(const clang::Expr *E, bool ExplicitCasts = false);

/// An initializer that leaves a pointer or smart pointer empty: `nullptr`,
/// `NULL`, `{}`, `T()`, `T(nullptr)`.
bool isNullValue(const clang::Expr *E);

} // namespace cyclint

#endif // CYCLINT_CORE_ASTVALUES_H
