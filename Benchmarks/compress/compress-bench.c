// Compressor micro-benchmark for the write path (issue 7): zlib, libdeflate and ISA-L's igzip
// on the clean JSON Lines a run writes, cut as PartWriter cuts them: a member ends with the
// first line that brings it to CHUNK bytes or more.
//   cc -O2 -o compress-bench compress-bench.c -lz -ldeflate -lisal
//   compress-bench FILE [ROUNDS] [CHUNK]
// Every round times each configuration once (thread CPU time), in an order that reverses
// each round; prints the median MB/s of input per core and the compressed size.
#include <isa-l.h>
#include <isa-l/igzip_lib.h>
#include <libdeflate.h>
#include <zlib.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum kind { ZLIB, LIBDEFLATE_PER_CHUNK, LIBDEFLATE_REUSED, ISAL };
static const char *kind_names[] = {"zlib", "libdeflate (compressor per chunk)",
                                   "libdeflate (compressor reused)", "ISA-L igzip"};

struct config {
  enum kind kind;
  int level;
  double mbps[64];
  size_t compressed;
};

static double thread_seconds(void) {
  struct timespec t;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return t.tv_sec + t.tv_nsec / 1e9;
}

// One gzip member with zlib, as GzipDeflater writes it (window 2^15, memLevel 8).
static size_t zlib_member(const unsigned char *in, size_t n, unsigned char *out, size_t cap,
                          int level) {
  z_stream s;
  memset(&s, 0, sizeof s);
  if (deflateInit2(&s, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) exit(1);
  s.next_in = (unsigned char *)in;
  s.avail_in = (uInt)n;
  s.next_out = out;
  s.avail_out = (uInt)cap;
  if (deflate(&s, Z_FINISH) != Z_STREAM_END) exit(1);
  size_t produced = cap - s.avail_out;
  deflateEnd(&s);
  return produced;
}

// One gzip member with igzip's stateless deflate, as IsalGzip writes it.
static size_t isal_member(const unsigned char *in, size_t n, unsigned char *out, size_t cap,
                          int level) {
  static const uint32_t buffer_sizes[] = {0, ISAL_DEF_LVL1_DEFAULT, ISAL_DEF_LVL2_DEFAULT,
                                          ISAL_DEF_LVL3_DEFAULT};
  static unsigned char *level_buffer;
  if (!level_buffer) level_buffer = malloc(ISAL_DEF_LVL3_DEFAULT);
  struct isal_zstream s;
  isal_deflate_stateless_init(&s);
  s.level = level;
  s.level_buf = level_buffer;
  s.level_buf_size = buffer_sizes[level];
  s.gzip_flag = IGZIP_GZIP;
  s.end_of_stream = 1;
  s.flush = NO_FLUSH;
  s.next_in = (unsigned char *)in;
  s.avail_in = (uint32_t)n;
  s.next_out = out;
  s.avail_out = (uint32_t)cap;
  if (isal_deflate_stateless(&s) != COMP_OK) exit(1);
  return s.total_out;
}

static size_t run(struct config *c, const unsigned char *data, size_t size, size_t chunk,
                  unsigned char *out, size_t cap) {
  size_t total = 0;
  struct libdeflate_compressor *reused =
      c->kind == LIBDEFLATE_REUSED ? libdeflate_alloc_compressor(c->level) : NULL;
  for (size_t at = 0, n; at < size; at += n) {
    const unsigned char *end = size - at <= chunk ? NULL : memchr(data + at + chunk - 1, '\n', size - at - chunk + 1);
    n = end ? (size_t)(end - data) + 1 - at : size - at;
    if (c->kind == ZLIB) {
      total += zlib_member(data + at, n, out, cap, c->level);
    } else if (c->kind == ISAL) {
      total += isal_member(data + at, n, out, cap, c->level);
    } else {
      struct libdeflate_compressor *d = reused ? reused : libdeflate_alloc_compressor(c->level);
      size_t produced = libdeflate_gzip_compress(d, data + at, n, out, cap);
      if (produced == 0) exit(1);
      total += produced;
      if (!reused) libdeflate_free_compressor(d);
    }
  }
  if (reused) libdeflate_free_compressor(reused);
  return total;
}

static int by_value(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: compress-bench FILE [ROUNDS] [CHUNK]\n");
    return 2;
  }
  int rounds = argc > 2 ? atoi(argv[2]) : 7;
  size_t chunk = argc > 3 ? (size_t)atol(argv[3]) : 1 << 20;
  if (rounds < 1 || rounds > 64) return 2;
  FILE *f = fopen(argv[1], "rb");
  if (!f) return 1;
  fseek(f, 0, SEEK_END);
  size_t size = (size_t)ftell(f);
  fseek(f, 0, SEEK_SET);
  unsigned char *data = malloc(size);
  if (fread(data, 1, size, f) != size) return 1;
  fclose(f);
  size_t cap = compressBound(size) + 64;
  unsigned char *out = malloc(cap);

  static const int levels[] = {1, 2, 3, 4, 5, 6, 9, 12};
  enum { LEVELS = sizeof levels / sizeof levels[0] };
  struct config configs[LEVELS * 4];
  int count = 0;
  for (int i = 0; i < LEVELS; i++) {
    for (int k = ZLIB; k <= ISAL; k++) {
      if ((k == ZLIB && levels[i] > 9) || (k == ISAL && levels[i] > ISAL_DEF_MAX_LEVEL)) continue;
      configs[count++] = (struct config){.kind = k, .level = levels[i]};
    }
  }
  for (int r = 0; r < rounds; r++) {
    for (int j = 0; j < count; j++) {
      struct config *c = &configs[r % 2 ? count - 1 - j : j];
      double start = thread_seconds();
      c->compressed = run(c, data, size, chunk, out, cap);
      c->mbps[r] = size / 1e6 / (thread_seconds() - start);
    }
  }
  printf("input: %s, %zu bytes, members of %zu bytes, %d rounds, zlib %s, %s, ISA-L %d.%d\n\n",
         argv[1], size, chunk, rounds, zlibVersion(), "libdeflate " LIBDEFLATE_VERSION_STRING,
         ISAL_MAJOR_VERSION, ISAL_MINOR_VERSION);
  printf("| compressor | level | MB/s per core (median) | range | compressed bytes | ratio |\n");
  printf("| --- | ---: | ---: | --- | ---: | ---: |\n");
  for (int j = 0; j < count; j++) {
    struct config *c = &configs[j];
    double sorted[64];
    memcpy(sorted, c->mbps, rounds * sizeof(double));
    qsort(sorted, rounds, sizeof(double), by_value);
    double median =
        rounds % 2 ? sorted[rounds / 2] : (sorted[rounds / 2 - 1] + sorted[rounds / 2]) / 2;
    printf("| %s | %d | %.1f | %.1f–%.1f | %zu | %.3f |\n", kind_names[c->kind], c->level,
           median, sorted[0], sorted[rounds - 1], c->compressed, (double)c->compressed / size);
  }
  free(out);
  free(data);
  return 0;
}
