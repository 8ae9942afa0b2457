// Never finishes in practice: a constant evaluation of 2^40 steps (its
// compile command raises Clang's step limit). Stands for any TU that takes
// too long to parse.
constexpr unsigned long long spin() {
  unsigned long long n = 0;
  for (unsigned long long i = 0; i < (1ull << 40); ++i)
    n += i;
  return n;
}
static_assert(spin() != 0);
