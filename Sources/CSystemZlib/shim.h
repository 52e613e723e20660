#include <zlib.h>

/// inflateInit2 is a macro, which Swift cannot call: a raw deflate stream (no zlib header), as ZIP entries hold.
static inline int mm_inflate_init_raw(z_stream *stream) {
    return inflateInit2(stream, -MAX_WBITS);
}
