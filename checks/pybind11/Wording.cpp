//===- Wording.cpp - The words of the pybind11 checks ---------------------===//

#include "checks/pybind11/Wording.h"

namespace cyclint::wording::pybind11 {

static std::string q(const std::string &S) { return "'" + S + "'"; }

std::string className(const std::string &Library, const std::string &Name) {
  return Library + " class " + q(Name);
}

/// The fix, in the library's own vocabulary.
static std::string fix(const std::string &Library, const std::string &Field) {
  if (Library == "nanobind")
    return "give nb::type_slots a Py_tp_traverse that visits " + q(Field) +
           " (and a Py_tp_clear that clears it)";
  return "install a tp_traverse that visits " + q(Field) +
         " (and a tp_clear that clears it) with py::custom_type_setup";
}

std::string neverFreed(const std::string &Member, const std::string &Class,
                       const std::string &Library, const std::string &Field,
                       Blind Why) {
  std::string Reason;
  switch (Why) {
  case Blind::NoTraverse:
  case Blind::DictOnly:
  case Blind::TraverseWithoutGC:
    Reason = className(Library, Class) +
             " does not take part in the cycle collector for this member";
    break;
  case Blind::TraverseMisses:
    Reason = "the tp_traverse of " + className(Library, Class) +
             " does not visit it";
    break;
  }
  return q(Member) +
         " can close a reference cycle that is never freed (" + Class +
         " -> the Python object it holds -> " + Class + "): " + Reason + "; " +
         fix(Library, Field);
}

std::string writable(const std::string &Member, const std::string &How,
                     const std::string &Attribute,
                     const std::string &Function) {
  if (How == "readwrite")
    return q(Member) + " is writable from Python as attribute " +
           q(Attribute);
  std::string Through;
  if (How == "setter")
    Through = "the setter of property " + q(Attribute);
  else if (How == "init")
    Through = "the constructor";
  else
    Through = "method " + q(Attribute);
  return q(Member) + " is writable from Python: " + Through + " (" +
         q(Function) + ") stores its argument, which can be any object";
}

std::string fillable(const std::string &Member, const std::string &How,
                     const std::string &Attribute) {
  return q(Member) + " is readable from Python as attribute " +
         q(Attribute) + ", and Python code can fill the container it holds";
}

std::string heldByValue(const std::string &Member, const std::string &Inner,
                        const std::string &Attribute) {
  return q(Member) + " holds a " + q(Inner) +
         " by value, which Python reaches as attribute " + q(Attribute);
}

std::string typeWithoutCollector(const std::string &Class,
                                 const std::string &Library,
                                 const std::string &PyName, Blind Why) {
  std::string Type = className(Library, Class) +
                     (PyName.empty() ? "" : " (Python " + q(PyName) + ")");
  switch (Why) {
  case Blind::NoTraverse:
    return "type without collector support: " + Type +
           " has no tp_traverse, so the collector never sees what its "
           "instances hold";
  case Blind::DictOnly:
    return "type without collector support for its members: dynamic_attr() "
           "gives " +
           Type + " a tp_traverse that visits only the instance __dict__";
  case Blind::TraverseWithoutGC:
    return "type without collector support: the type setup of " + Type +
           " installs a tp_traverse but does not set Py_TPFLAGS_HAVE_GC, so "
           "the collector never calls it";
  case Blind::TraverseMisses:
    return "the tp_traverse installed for " + Type + " is here";
  }
  return "";
}

std::string traverseMisses(const std::string &Class,
                           const std::string &Member) {
  return "the tp_traverse installed for " + q(Class) + " does not visit " +
         q(Member);
}

std::string keepAliveAnyObject(const std::string &Policy,
                               const std::string &Function,
                               const std::string &Nurse) {
  return Policy + " on " + q(Function) +
         " keeps an object of the caller's choice alive for as long as the " +
         q(Nurse) +
         " lives, in a table the cycle collector never sees: an object that "
         "refers back to the " +
         q(Nurse) +
         " makes a cycle that is never freed; store it in a member that a "
         "tp_traverse visits instead";
}

std::string keepAliveCycle(const std::string &PolicyA,
                           const std::string &FunctionA,
                           const std::string &PolicyB,
                           const std::string &FunctionB,
                           const std::string &TypeA,
                           const std::string &TypeB) {
  return PolicyA + " on " + q(FunctionA) + " and " + PolicyB + " on " +
         q(FunctionB) +
         " keep each other's objects alive in a table the cycle collector "
         "never sees: a " +
         q(TypeA) + " and a " + q(TypeB) +
         " linked both ways form a cycle that is never freed";
}

std::string keepAliveEdge(const std::string &Policy,
                          const std::string &Function,
                          const std::string &Nurse,
                          const std::string &Patient) {
  return Policy + " on " + q(Function) + " keeps a " + q(Patient) +
         " alive from the " + q(Nurse);
}

} // namespace cyclint::wording::pybind11
