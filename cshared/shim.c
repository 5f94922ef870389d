/*
 * shim.c: the parts of libdgram written in C: the thread-local last error,
 * the fork check, the functions that never enter Go (dgram_strerror,
 * dgram_last_error, dgram_error_string, dgram_free), so that they work in
 * a forked child and before the Go runtime is up, and the wait of
 * dgram_poll and dgram_queue_poll (dgramx_queue_poll).
 */
#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "shim.h"
#include "_cgo_export.h"

static __thread struct dgram_error_info dgramx_last;
static __thread int dgramx_polling;
static pid_t dgramx_pid;

const uint8_t dgramx_empty[1];

/* Set in the child of a fork(2) made after the library was loaded. */
static volatile int dgramx_child;

static void dgramx_atfork_child(void)
{
    dgramx_child = 1;
}

/* Runs when the library is loaded, before any call. */
__attribute__((constructor)) static void dgramx_init(void)
{
    dgramx_pid = getpid();
    if (pthread_atfork(NULL, NULL, dgramx_atfork_child) != 0) {
        dgramx_child = -1; /* no handler: compare getpid() on every call */
    }
}

/* The fork check runs before every call that enters Go: a flag that the
 * pthread_atfork child handler sets, not a getpid(2) system call per call
 * (measurable on the message path, docs/PERFORMANCE.md). */
int dgramx_forked(void)
{
    if (dgramx_child == 0) {
        return 0;
    }
    return dgramx_child == 1 || getpid() != dgramx_pid;
}

static const dgramx_error *dgramx_lookup(int code)
{
    for (int i = 0; i < dgramx_nerrors; i++) {
        if (dgramx_errors[i].number == code) {
            return &dgramx_errors[i];
        }
    }
    return NULL;
}

/* Copies src into dst[n], cut to fit and NUL-terminated. */
static void dgramx_copy(char *dst, size_t n, const char *src)
{
    size_t len = strlen(src);
    if (len >= n) {
        len = n - 1;
    }
    memcpy(dst, src, len);
    dst[len] = '\0';
}

int dgramx_forked_error(const char *call)
{
    struct dgram_error_info info;
    const dgramx_error *e = dgramx_lookup(DGRAM_ERR_FORKED);
    memset(&info, 0, sizeof info);
    info.code = DGRAM_ERR_FORKED;
    dgramx_copy(info.name, sizeof info.name, e->name);
    dgramx_copy(info.kind, sizeof info.kind, e->kind);
    /* The template starts with {call}. */
    const char *rest = strstr(e->message, "{call}");
    if (rest != NULL) {
        snprintf(info.message, sizeof info.message, "%.*s%s%s", (int)(rest - e->message), e->message, call, rest + 6);
    } else {
        dgramx_copy(info.message, sizeof info.message, e->message);
    }
    dgramx_set_last_error(&info);
    return DGRAM_ERR_FORKED;
}

void dgramx_set_last_error(const struct dgram_error_info *info)
{
    dgramx_last = *info;
}

int dgramx_in_poll(void)
{
    return dgramx_polling;
}

void dgramx_set_in_poll(int on)
{
    dgramx_polling = on;
}

const char *dgram_strerror(int code)
{
    const dgramx_error *e = dgramx_lookup(code);
    return e != NULL ? e->name : "UNKNOWN";
}

int dgram_last_error(struct dgram_error_info *out)
{
    if (out != NULL) {
        *out = dgramx_last;
    }
    return dgramx_last.code;
}

void dgram_clear_last_error(void)
{
    memset(&dgramx_last, 0, sizeof dgramx_last);
}

char *dgram_error_string(const struct dgram_error_info *error)
{
    if (error == NULL) {
        return NULL;
    }
    size_t n = strlen(error->kind) + strlen(error->name) + strlen(error->message) + 8;
    char *s = (char *)malloc(n);
    if (s == NULL) {
        return NULL;
    }
    if (error->syscall[0] != '\0' || error->kind[0] == '\0') {
        /* A system error reads as its message: "bind EADDRINUSE 0.0.0.0:41234". */
        snprintf(s, n, "%s", error->message);
    } else {
        snprintf(s, n, "%s [%s]: %s", error->kind, error->name, error->message);
    }
    return s;
}

void dgram_free(void *p)
{
    free(p);
}

static int64_t dgramx_now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* Waits in poll(2) until fd is readable or timeout_ms passed (forever
 * when negative); -1 on an error other than EINTR, with errno set. It
 * waits in slices of at most DGRAMX_WAIT_SLICE_MS and returns early when a
 * queue was destroyed since destroyed was read: the descriptor may be the
 * destroyed queue's, closed under the wait (which poll(2) does not see). */
#define DGRAMX_WAIT_SLICE_MS 100
static int dgramx_wait(int fd, int timeout_ms, unsigned destroyed)
{
    int64_t deadline = dgramx_now_ns() + (int64_t)timeout_ms * 1000000;
    for (;;) {
        int slice = timeout_ms < 0 || timeout_ms > DGRAMX_WAIT_SLICE_MS ? DGRAMX_WAIT_SLICE_MS : timeout_ms;
        struct pollfd p = {.fd = fd, .events = POLLIN};
        int n = poll(&p, 1, slice);
        if (n > 0) {
            return 0;
        }
        if (n < 0 && errno != EINTR) {
            return -1;
        }
        if (__atomic_load_n(&dgramx_queues_destroyed, __ATOMIC_ACQUIRE) != destroyed) {
            return 0; /* the Go side says whether the queue is still there */
        }
        if (timeout_ms >= 0) {
            int64_t left = deadline - dgramx_now_ns();
            if (left <= 0) {
                return 0;
            }
            timeout_ms = (int)((left + 999999) / 1000000);
        }
    }
}

/* The descriptor of the queue the calling thread polled last, and the
 * number of queues destroyed then (dgramx_queues_destroyed, which the Go
 * side counts): while no queue was destroyed since, the descriptor is
 * still that queue's. */
static __thread int dgramx_last_queue = -1, dgramx_last_fd = -1;
static __thread unsigned dgramx_last_destroyed;
unsigned dgramx_queues_destroyed;

/* dgram_queue_poll: Go runs what is pending on the queue (dgramgo_queue_poll);
 * when there was nothing and the call may wait, it gives the queue's
 * descriptor, and the thread waits for it here, holding no Go processor
 * (which a wait in Go would keep from the library's goroutines until the
 * scheduler took it back), then tries again. A thread that polls the same
 * queue again (a host loop) waits for the descriptor first, here, and
 * enters Go only when it is readable: a callback is pending or a datagram
 * waits. A negative timeout waits until at least one callback ran; a
 * positive one until it expires. */
int dgramx_queue_poll(int queue, int timeout_ms, int call)
{
    int64_t deadline = dgramx_now_ns() + (int64_t)timeout_ms * 1000000;
    for (;;) {
        int fd = -1, rc;
        unsigned destroyed = __atomic_load_n(&dgramx_queues_destroyed, __ATOMIC_ACQUIRE);
        if (timeout_ms != 0 && !dgramx_polling && queue == dgramx_last_queue && destroyed == dgramx_last_destroyed) {
            fd = dgramx_last_fd; /* wait first, then run what woke it */
            rc = DGRAMX_POLL_WAIT;
        } else {
            rc = dgramgo_queue_poll(queue, timeout_ms, &fd, call);
            if (rc != DGRAMX_POLL_WAIT) {
                return rc;
            }
            dgramx_last_queue = queue;
            dgramx_last_fd = fd;
            dgramx_last_destroyed = destroyed;
        }
        if (dgramx_wait(fd, timeout_ms, destroyed) != 0) {
            return dgramgo_poll_failed(errno, call);
        }
        rc = dgramgo_queue_poll(queue, 0, NULL, call);
        if (rc != 0 || timeout_ms == 0) {
            return rc;
        }
        if (timeout_ms > 0) { /* nothing ran: another thread took it */
            int64_t left = deadline - dgramx_now_ns();
            if (left <= 0) {
                return 0;
            }
            timeout_ms = (int)((left + 999999) / 1000000);
        }
    }
}

int dgramx_poll(int timeout_ms)
{
    return dgramx_queue_poll(0, timeout_ms, DGRAMX_CALL_POLL);
}

int dgramx_poll_queue(int queue, int timeout_ms)
{
    return dgramx_queue_poll(queue, timeout_ms, DGRAMX_CALL_QUEUE_POLL);
}
