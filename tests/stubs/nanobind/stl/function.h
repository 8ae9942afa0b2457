// Stand-in for nanobind/stl/function.h: the type caster that converts a
// Python callable into a std::function (which then holds the callable).
#pragma once

#include <nanobind/nanobind.h>

#include <functional>

namespace nanobind::detail {
template <typename Return, typename... Args>
struct type_caster<std::function<Return(Args...)>> {};
} // namespace nanobind::detail
