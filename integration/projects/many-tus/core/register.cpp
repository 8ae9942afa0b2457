// The same text as core/register.cpp: internal types of two TUs are two
// different types, so this cycle is reported once per file.
#include <deque>
#include <memory>

namespace {
struct Job;
struct Queue {
  std::deque<std::shared_ptr<Job>> jobs;
};
struct Job {
  std::shared_ptr<Queue> owner;
};
} // namespace

void registerComponent() { auto q = std::make_shared<Queue>(); (void)q; }
