// What glibc has and its Swift module does not import: malloc.h's mallopt and mallinfo2, syncfs
// (a GNU extension of unistd.h), and statfs (for the tests to tell tmpfs).
#include <malloc.h>
#include <unistd.h>
#include <sys/vfs.h>
extern int syncfs(int fd);
