/*===- cyclint/annotations.h - Marks for code that cyclint reads ----------===
 *
 * Include this header (add cyclint's include/ directory to the include path,
 * or copy the file: it has no dependencies) to mark a deliberate strong back
 * link, one that the program breaks by hand (a reset() in close(), in the
 * destructor of an owner, ...):
 *
 *   struct Child {
 *     CYCLINT_STRONG_BACK_LINK std::shared_ptr<Parent> parent;
 *   };
 *
 * cyclint then takes the marked member's edge out of the ownership graph
 * (cyclint-ownership-cycle, -reference-cycle, -capture-cycle): no cycle
 * through it is reported, whichever member of the cycle the warning would
 * have named, while another way round that avoids it is still a cycle.
 * Such cycles are counted as hidden notes. For the CPython and pybind11
 * checks, a finding whose warning or notes point at the marked declaration
 * (a struct member of an extension type) is hidden. The mark is a Clang
 * annotation attribute: it changes neither the type nor the layout, and
 * other compilers see nothing at all. Works in C and C++.
 *
 *===----------------------------------------------------------------------===*/

#ifndef CYCLINT_ANNOTATIONS_H
#define CYCLINT_ANNOTATIONS_H

#if defined(__clang__)
#define CYCLINT_STRONG_BACK_LINK                                               \
  __attribute__((annotate("cyclint::strong-back-link")))
#else
#define CYCLINT_STRONG_BACK_LINK
#endif

#endif /* CYCLINT_ANNOTATIONS_H */
