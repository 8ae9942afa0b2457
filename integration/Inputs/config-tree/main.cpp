// Input of config-per-file.test: a TU under d/ whose cycles are in two
// headers, d/cycle.h (governed by d/.cyclint.yaml) and inc/cycle.h (no
// configuration of its own directory: governed by the root one).
#include "cycle.h"
#include "../inc/cycle.h"
