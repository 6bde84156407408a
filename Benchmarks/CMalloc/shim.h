// glibc's malloc statistics (mallinfo2, malloc_trim), which the Glibc module does not export,
// for winnow-dedup-bench's memory-per-article figures.
#include <malloc.h>
