// Crashes the front end on purpose: Clang's own debug pragma traps in the
// parser, a real crash with no test-only code in cyclint.
#pragma clang __debug crash
struct NeverSeen {};
