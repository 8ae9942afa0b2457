// Needs more than a gigabyte: Clang's constant evaluator expands the array
// to one APValue (tens of bytes) per element at the first write. Under
// --tu-memory-limit=256 that allocation fails at once.
constexpr int fill() {
  int a[20000000] = {};
  a[1] = 1;
  return a[1];
}
static_assert(fill() == 1);
