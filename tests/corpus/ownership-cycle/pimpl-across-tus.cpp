// RUN: %verify %s %S/Inputs/pimpl-impl.cpp %S/Inputs/pimpl.h
// This TU sees Widget and Car but neither Impl's nor Engine's definition.
#include "Inputs/pimpl.h"
void use(Controller &) {}
