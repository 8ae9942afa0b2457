//===- Wording.cpp - The words of the CPython checks ----------------------===//

#include "checks/python/Wording.h"

#include "llvm/ADT/StringRef.h"

namespace cyclint::wording {

static std::string quoted(const std::string &S) { return "'" + S + "'"; }

namespace python {

std::string typeName(const std::string &Var, const std::string &PyName,
                     bool Heap) {
  std::string Text = quoted(Var);
  if (!PyName.empty())
    Text += " (" + PyName + ")";
  return Text;
}

std::string cyclePath(const std::string &Struct, bool SelfTyped) {
  return SelfTyped ? Struct + " -> " + Struct
                   : Struct + " -> any object -> " + Struct;
}

std::string neverFreedCycle(const std::string &Member, const std::string &Type,
                            const std::string &Path) {
  return quoted(Member) + " can close a reference cycle that is never freed (" +
         Path + "): type " + Type +
         " does not take part in the cycle collector; set "
         "Py_TPFLAGS_HAVE_GC and implement tp_traverse and tp_clear";
}

std::string neverFreedOthers(size_t Count) {
  return " (and " + std::to_string(Count) + " other member" +
         (Count == 1 ? "" : "s") + " of the type, see notes)";
}

std::string neverFreedAlso(const std::string &Member, const std::string &Path) {
  return quoted(Member) + " can also close a reference cycle that is never "
                          "freed (" +
         Path + ")";
}

std::string collectorOnlyCycle(const std::string &Member,
                               const std::string &Path, bool GCDisabled) {
  std::string Text = quoted(Member) +
                     " can close a reference cycle that only the cycle "
                     "collector frees (" +
                     Path + ")";
  if (GCDisabled)
    Text += "; with the collector disabled or frozen (--python-gc=disabled) "
            "it is never freed";
  return Text;
}

std::string noGCSupport(const std::string &Type, bool Inherited) {
  return "type " + Type + (Inherited ? " inherits no" : " does not set") +
         " Py_TPFLAGS_HAVE_GC: the cycle collector never sees its instances";
}

/// Where a caller's object comes from, from a store's detail: a parser
/// (`PyArg_ParseTuple`), a look-up on one (`PyObject_GetAttr(file)`), or a
/// parameter's name.
static std::string argumentSource(llvm::StringRef Detail) {
  if (Detail.ends_with(")") && Detail.contains('(')) {
    auto [Api, Inner] = Detail.drop_back().split('(');
    return "the result of " + Api.str() + " on " + argumentSource(Inner);
  }
  llvm::StringRef Parser = Detail;
  Parser.consume_front("_");
  if (Parser.starts_with("PyArg_")) {
    Parser.consume_back("_SizeT");
    return "an argument parsed by " + Parser.str();
  }
  return "its parameter " + quoted(Detail.str());
}

std::string contentReason(const std::string &Member, const std::string &Kind,
                          const std::string &Attribute,
                          const std::string &Function,
                          const std::string &Detail) {
  if (Kind == "member")
    return quoted(Member) + " is writable from Python as attribute " +
           quoted(Attribute) + " (" + Function +
           "), so it can hold any object: `a." + Attribute + " = b; b." +
           Attribute + " = a`";
  if (Kind == "setter")
    return quoted(Member) + " is set by " + quoted(Function) +
           ", the setter of attribute " + quoted(Attribute) +
           ", to any object it is given";
  if (Kind == "dict")
    return quoted(Member) + " is the instance __dict__ of " + Function +
           " (tp_dictoffset): it can hold any object";
  return quoted(Member) + " is set in " + quoted(Function) + " from " +
         argumentSource(Detail) + ", which can be any object";
}

std::string userDataCycle(const std::string &Function, const std::string &Api,
                          const std::string &Detail, const std::string &Handle,
                          const std::string &Owner) {
  return quoted(Function) + " gives " + Api + " a new reference to " +
         argumentSource(Detail) + " as user data of " + quoted(Handle) +
         ": no tp_traverse visits a reference the C library keeps, so a "
         "reference cycle back to the " + Owner +
         " through that object is never freed; keep the object in a member "
         "the type visits and give the library a borrowed pointer";
}

std::string filledReason(const std::string &Member, const std::string &Function,
                         const std::string &Detail, const std::string &Api,
                         const std::string &Container) {
  return quoted(Member) + " holds a container made by " + Container +
         ", and " + quoted(Function) + " puts " + argumentSource(Detail) +
         " into it with " + Api + ": the container can hold any object";
}

std::string visitedBy(const std::string &Member, const std::string &Traverse) {
  return "tp_traverse " + quoted(Traverse) + " visits " + quoted(Member);
}

std::string notVisited(const std::string &Member, const std::string &Traverse,
                       const std::string &Type) {
  return quoted(Member) + " is not visited by tp_traverse " +
         quoted(Traverse) + " of type " + Type +
         ": a reference cycle through it is never freed";
}

std::string slotDefinedHere(const std::string &Slot,
                            const std::string &Function) {
  return Slot + " " + quoted(Function) + " is defined here";
}

std::string notCleared(const std::string &Member, const std::string &Traverse,
                       const std::string &Clear, const std::string &Type) {
  return quoted(Member) + " is visited by tp_traverse " + quoted(Traverse) +
         " but not cleared by tp_clear " + quoted(Clear) + " of type " + Type +
         ": the collector cannot break a reference cycle through it";
}

std::string clearNotNeeded(const std::string &Member, const std::string &Slot,
                           const std::string &Clear,
                           const std::string &Container) {
  return quoted(Member) + " is not cleared by " + Slot + " " + quoted(Clear) +
         ", but it only ever holds the container " + Container +
         " makes, whose own clear breaks a reference cycle through it: the "
         "collector frees the cycle";
}

std::string gcFlagWithoutTraverse(const std::string &Type) {
  return "type " + Type +
         " sets Py_TPFLAGS_HAVE_GC but has no tp_traverse, not even "
         "inherited: PyType_Ready fails with SystemError since Python 3.11";
}

std::string groupInheritance(const std::string &Type, const std::string &Base) {
  return "tp_traverse and tp_clear are inherited from " + Base +
         " only together with Py_TPFLAGS_HAVE_GC, when " + Type +
         " sets none of the three";
}

std::string traverseWithoutGCFlag(const std::string &Traverse,
                                  const std::string &Type) {
  return "tp_traverse " + quoted(Traverse) + " of type " + Type +
         " is never called: the type does not set Py_TPFLAGS_HAVE_GC (a "
         "protocol breach that leaks nothing by itself)";
}

std::string flagsHere(const std::string &Type) {
  return "the flags of type " + Type + " are set here";
}

std::string heapTraverseMissesType(const std::string &Traverse,
                                   const std::string &Type) {
  return "tp_traverse " + quoted(Traverse) + " of heap type " + Type +
         " does not visit Py_TYPE(self): since Python 3.9 every instance "
         "owns a reference to its heap type, and a cycle through the type "
         "is never freed";
}

std::string heapTraverseVisitsTypeBefore39(const std::string &Traverse,
                                           const std::string &Type) {
  return "tp_traverse " + quoted(Traverse) + " of heap type " + Type +
         " visits Py_TYPE(self), which instances do not own before Python "
         "3.9 (a protocol breach: the collector may free the type while "
         "it is in use)";
}

std::string heapDeallocKeepsType(const std::string &Dealloc,
                                 const std::string &Type) {
  return "tp_dealloc " + quoted(Dealloc) + " of heap type " + Type +
         " frees the object without releasing its type: the type object "
         "leaks one reference per instance; call Py_DECREF(Py_TYPE(self)) "
         "after tp_free";
}

std::string heapTypeWithoutGC(const std::string &Type) {
  return "heap type " + Type +
         " does not set Py_TPFLAGS_HAVE_GC: every instance owns a reference "
         "to its type, so a reference cycle through the type (an instance "
         "kept in the type's __dict__ or in its module's state) is never "
         "freed";
}

std::string managedDictNotVisited(const std::string &Traverse,
                                  const std::string &Type) {
  return "tp_traverse " + quoted(Traverse) + " of type " + Type +
         " does not call PyObject_VisitManagedDict: the type sets "
         "Py_TPFLAGS_MANAGED_DICT, and a reference cycle through the "
         "instance __dict__ is never freed";
}

std::string managedDictNotCleared(const std::string &Clear,
                                  const std::string &Type) {
  return "tp_clear " + quoted(Clear) + " of type " + Type +
         " does not call PyObject_ClearManagedDict: the type sets "
         "Py_TPFLAGS_MANAGED_DICT, and the collector cannot break a "
         "reference cycle through the instance __dict__";
}

std::string managedDictWithDictOffset(const std::string &Type) {
  return "type " + Type +
         " sets both Py_TPFLAGS_MANAGED_DICT and tp_dictoffset, which is an "
         "error: the runtime places a managed __dict__ itself";
}

std::string managedDictWithoutGC(const std::string &Type) {
  return "type " + Type +
         " sets Py_TPFLAGS_MANAGED_DICT without Py_TPFLAGS_HAVE_GC: the "
         "instance __dict__ can hold any object, and the cycle collector "
         "never sees a reference cycle through it";
}

std::string moduleWithoutTraverse(const std::string &Module,
                                  const std::string &State, bool NoClear) {
  return "module " + Module + " keeps objects in its state " +
         quoted(State) + " but has no m_traverse" +
         (NoClear ? " and no m_clear" : "") +
         ": the cycle collector cannot see them, and a reference cycle "
         "through the state (module -> type -> module) is never freed";
}

std::string stateMember(const std::string &Member) {
  return quoted(Member) + " holds an object";
}

std::string stateNotVisited(const std::string &Member,
                            const std::string &Traverse,
                            const std::string &Module) {
  return quoted(Member) + " is not visited by m_traverse " +
         quoted(Traverse) + " of module " + Module +
         ": a reference cycle through it is never freed";
}

std::string moduleWithoutClear(const std::string &Module,
                               const std::string &Traverse) {
  return "module " + Module + " has m_traverse " + quoted(Traverse) +
         " but no m_clear: the collector cannot break a reference cycle "
         "through its state";
}

std::string stateNotCleared(const std::string &Member,
                            const std::string &Traverse,
                            const std::string &Clear,
                            const std::string &Module) {
  return quoted(Member) + " is visited by m_traverse " + quoted(Traverse) +
         " but not cleared by m_clear " + quoted(Clear) + " of module " +
         Module + ": the collector cannot break a reference cycle through it";
}

std::string untrackedAllocation(const std::string &Function,
                                const std::string &Allocator) {
  return "object allocated with " + Allocator + " in " + quoted(Function) +
         " is never tracked with PyObject_GC_Track: the cycle collector "
         "cannot see it";
}

std::string untrackedFromSlot(const std::string &Function,
                              const std::string &Slot, const std::string &Type,
                              const std::string &Allocator) {
  return "object allocated with " + Allocator + " is returned by " + Slot +
         " " + quoted(Function) + " of type " + Type +
         " without PyObject_GC_Track: the cycle collector cannot see it";
}

std::string untrackedFromHelper(const std::string &Function,
                                const std::string &Allocator) {
  return "object allocated with " + Allocator + " in " + quoted(Function) +
         " is tracked by none of its callers: the cycle collector cannot "
         "see it";
}

std::string callerDoesNotTrack(const std::string &Caller,
                               const std::string &Function) {
  return quoted(Caller) + " keeps the result of " + quoted(Function) +
         " without PyObject_GC_Track";
}
} // namespace python
} // namespace cyclint::wording
