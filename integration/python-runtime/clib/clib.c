/* The library side of clib.h: it stores the pointer it is given and knows
 * nothing of Python. */
#include <stdlib.h>
#include "clib.h"

struct clib_handle {
  void *user_data;
};

clib_handle *clib_open(void) { return calloc(1, sizeof(clib_handle)); }
void clib_close(clib_handle *h) { free(h); }
void clib_set_userptr(clib_handle *h, void *user_data) { h->user_data = user_data; }
void *clib_get_userptr(clib_handle *h) { return h->user_data; }
