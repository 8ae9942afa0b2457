// RUN: %verify %s %S/Inputs/internal-b.cpp
// expected-no-diagnostics
// Two TUs each define `namespace { struct Impl; }`: they must not merge,
// or Impl::holder (from the other TU) and Holder::impl would look like a cycle.
#include <memory>
namespace {
struct Impl {
  int value;
};
} // namespace
struct Holder {
  std::shared_ptr<Impl> impl;
};
