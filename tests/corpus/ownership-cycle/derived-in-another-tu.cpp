// RUN: %verify %s %S/Inputs/audio-plugin.cpp %S/Inputs/plugin.h
// The registry's TU never sees AudioPlugin; the merged graph does.
#include "Inputs/plugin.h"
Registry *global_registry;
