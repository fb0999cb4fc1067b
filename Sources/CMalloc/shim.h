// glibc's malloc.h: mallopt and mallinfo2, which the Glibc module does not import.
#include <malloc.h>
