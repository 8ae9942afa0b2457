// RUN: %verify %s
// expected-no-diagnostics
// C has no owning pointers: raw struct pointers are borrowed.
struct node {
  struct node *next, *prev;
  struct list *owner;
};
struct list {
  struct node *head;
};
typedef struct {
  struct node inline_node;
} wrapper;
