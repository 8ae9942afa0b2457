// RUN: %verify --cflags="-isystem %S/Inputs" %s
// llvm::IntrusiveRefCntPtr through SmallVector and DenseMap (models/cxx/llvm.yaml).
#include <llvm_stub.h>

class Module;
class Function : public llvm::RefCountedBase<Function> {
  llvm::IntrusiveRefCntPtr<Module> parent_; // expected-warning {{'Function::parent_' closes a reference cycle that is never freed (Function -> Module -> Function)}} expected-note {{'Function::parent_' (llvm::IntrusiveRefCntPtr) keeps 'Module' alive}}
};
class Module : public llvm::RefCountedBase<Module> {
  llvm::SmallVector<llvm::IntrusiveRefCntPtr<Function>, 8> functions_; // expected-note {{'Module::functions_' (llvm::SmallVector of llvm::IntrusiveRefCntPtr) keeps 'Function' alive}}
  llvm::DenseMap<unsigned, Function *> by_id_; // borrowed
};

class Symbol;
class Table {
  llvm::DenseMap<int, llvm::IntrusiveRefCntPtr<Symbol>> symbols_;
};
class Symbol : public llvm::RefCountedBase<Symbol> {
  Table *table_ = nullptr; // raw back link: no cycle
};
