//===- BindingExtractor.h - A TU's bound classes, as facts ------*- C++ -*-===//
//
// Reads one parsed TU into the "pybind11" section (BindingFacts.h): the
// class_<T, ...> expressions of pybind11 and nanobind with their extras
// (holder, dynamic_attr, custom_type_setup / type_slots and what the traverse
// they install visits), the def_* calls on them, keep_alive policies, the
// program records whose members hold Python objects, and which parameters
// each program function stores into which member. Only code outside system
// headers is read; the libraries' own headers are recognized by declaration
// (namespace and name from models/pybind11/pybind11.yaml), never by spelling.
//
//===----------------------------------------------------------------------===//

#ifndef CYCLINT_MODELS_PYBIND11_BINDINGEXTRACTOR_H
#define CYCLINT_MODELS_PYBIND11_BINDINGEXTRACTOR_H

#include "core/Runtime.h"
#include "models/pybind11/BindingFacts.h"
#include "models/pybind11/BindingModel.h"

namespace cyclint {

BindingTUFacts extractBindings(const BindingModel &Model, const TUContext &TU);

} // namespace cyclint

#endif // CYCLINT_MODELS_PYBIND11_BINDINGEXTRACTOR_H
