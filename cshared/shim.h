/*
 * shim.h: libdgram's internal C declarations, shared by the cgo preambles
 * (exports_gen.go, runtime.go) and the C files (exports_gen.c, shim.c).
 * Nothing here is public: the version script (dgram.map) keeps every
 * dgramx_* and dgramgo_* symbol local to the library.
 */
#ifndef DGRAM_SHIM_H
#define DGRAM_SHIM_H

#include "dgram.h"

/* An error code as the C side knows it (exports_gen.c). */
typedef struct dgramx_error {
    int number;           /* DGRAM_OK or the negative code */
    const char *name;     /* "ERR_SOCKET_BAD_PORT"; "OK" for 0 */
    const char *kind;     /* "TypeError", "RangeError", "Error" */
    const char *message;  /* the spec's template */
} dgramx_error;

extern const dgramx_error dgramx_errors[];
extern const int dgramx_nerrors;

/* Sets the calling thread's last error (shim.c). */
void dgramx_set_last_error(const struct dgram_error_info *info);

/* The fork check: nonzero in a child forked after the library was loaded. */
int dgramx_forked(void);
/* Sets the last error to DGRAM_ERR_FORKED for call and returns the code. */
int dgramx_forked_error(const char *call);

/* The first thing every dgram_* function that enters Go does. */
#define DGRAMX_ENTER(call) \
    do { if (dgramx_forked()) return dgramx_forked_error(call); } while (0)

/* The queue whose callbacks the calling thread is running (its handle + 1),
 * or 0. */
int dgramx_in_poll(void);
void dgramx_set_in_poll(int on);

/* dgram_poll and dgram_queue_poll: run what is pending on a queue in Go,
 * and when there is nothing, wait for its descriptor in C and try again
 * (shim.c). call says which of the two the caller is, for errors. */
#define DGRAMX_CALL_POLL 0
#define DGRAMX_CALL_QUEUE_POLL 1
/* What dgramgo_queue_poll returns when the caller is to wait and call again. */
#define DGRAMX_POLL_WAIT (1 << 30)
int dgramx_queue_poll(int queue, int timeout_ms, int call);
int dgramx_poll(int timeout_ms);
int dgramx_poll_queue(int queue, int timeout_ms);

/* A byte for the pointer of an empty message. */
extern const uint8_t dgramx_empty[1];

#endif /* DGRAM_SHIM_H */
