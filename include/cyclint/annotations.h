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
 * cyclint then reports no finding whose warning or notes point at the marked
 * declaration (a member, for the cycle checks; a struct member of a CPython
 * extension type works the same way). The mark is a Clang annotation
 * attribute: it changes neither the type nor the layout, and other
 * compilers see nothing at all. Works in C and C++.
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
