/* A C library with handles and user data, as sqlite3.h or expat.h declare
 * them. Included from a system directory (-isystem): cyclint reads it as a
 * library, not as the program. */
#ifndef CLIB_H
#define CLIB_H
typedef struct clib_handle clib_handle;
typedef void (*clib_callback)(void *user_data, int event);
clib_handle *clib_open(const char *name);
void clib_close(clib_handle *h);
void clib_set_callback(clib_handle *h, clib_callback fn, void *user_data);
void clib_set_userptr(clib_handle *h, void *user_data);
void *clib_get_userptr(clib_handle *h);
int clib_start_thread(void (*fn)(void *), void *arg);
#endif
