#include <zlib.h>

/// inflateInit2 is a macro, which Swift cannot call: a raw deflate stream (no zlib header), as ZIP entries hold.
static inline int mm_inflate_init_raw(z_stream *stream) {
    return inflateInit2(stream, -MAX_WBITS);
}

/// deflateInit2 is a macro too: a raw deflate stream at `level`, zlib's default window and memory.
static inline int mm_deflate_init_raw(z_stream *stream, int level) {
    return deflateInit2(stream, level, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
}
