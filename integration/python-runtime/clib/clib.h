/* A tiny C library with a handle that keeps user data, as sqlite3 or expat
 * do. The runtime truth test includes it from a system directory
 * (-isystem), so cyclint reads it as a library, not as the program. */
#ifndef CLIB_H
#define CLIB_H
typedef struct clib_handle clib_handle;
clib_handle *clib_open(void);
void clib_close(clib_handle *h);
void clib_set_userptr(clib_handle *h, void *user_data);
void *clib_get_userptr(clib_handle *h);
#endif
