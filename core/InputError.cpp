//===- InputError.cpp - One-line errors about untrusted input -------------===//

#include "core/InputError.h"

#include "llvm/Support/Format.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace cyclint {

std::string escapeForOneLine(StringRef Text) {
  std::string Out;
  raw_string_ostream OS(Out);
  for (unsigned char C : Text) {
    if (C == '\n')
      OS << "\\n";
    else if (C == '\r')
      OS << "\\r";
    else if (C == '\t')
      OS << ' ';
    else if (C < 0x20 || C == 0x7f)
      OS << "\\x" << format_hex_no_prefix(C, 2);
    else
      OS << C;
  }
  return Out;
}

void keepFirstYAMLDiagnostic(const SMDiagnostic &D, void *Context) {
  auto &Out = *static_cast<std::string *>(Context);
  if (!Out.empty())
    return;
  Out = formatv("{0}:{1}: {2}", D.getLineNo(), D.getColumnNo() + 1,
                escapeForOneLine(D.getMessage()))
            .str();
}

} // namespace cyclint
