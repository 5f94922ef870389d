/*
 * shim.c: the parts of libdgram written in C: the thread-local last error,
 * the fork check, the functions that never enter Go (dgram_strerror,
 * dgram_last_error, dgram_error_string, dgram_free), so that they work in
 * a forked child and before the Go runtime is up, and dgram_poll's wait
 * (dgramx_poll), which enters Go only when callbacks are pending.
 */
#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <sched.h>
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

int dgramx_efd;
int dgramx_pending;
int dgramx_wait_in_c;

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

/* Whether callbacks are pending, or are after the calling thread gave
 * its CPU away once: a reader of the library that is about to hand over
 * a batch may run meanwhile and finish it, sparing this thread a sleep
 * and a wake-up. (A longer spin was tried: on two shared CPUs it took
 * them from the readers, and echo64 and ping got slower.) */
static int dgramx_pending_soon(void)
{
    if (__atomic_load_n(&dgramx_pending, __ATOMIC_ACQUIRE)) {
        return 1;
    }
    sched_yield();
    return __atomic_load_n(&dgramx_pending, __ATOMIC_ACQUIRE);
}

/* Waits in poll(2) until fd is readable or timeout_ms passed (forever
 * when negative); -1 on an error other than EINTR, with errno set. */
static int dgramx_wait(int fd, int timeout_ms)
{
    int64_t deadline = dgramx_now_ns() + (int64_t)timeout_ms * 1000000;
    for (;;) {
        struct pollfd p = {.fd = fd, .events = POLLIN};
        if (poll(&p, 1, timeout_ms) >= 0) {
            return 0;
        }
        if (errno != EINTR) {
            return -1;
        }
        if (timeout_ms > 0) {
            int64_t left = deadline - dgramx_now_ns();
            if (left <= 0) {
                return 0;
            }
            timeout_ms = (int)((left + 999999) / 1000000);
        }
    }
}

/* dgram_poll enters Go only when there is something to do: a call that
 * does not wait and finds nothing pending returns here. It also waits
 * here when dgramx_wait_in_c says so (runtime.go, waitInC): a thread that
 * waits in Go keeps a Go processor from the library's readers until the
 * scheduler takes it back, which with a single processor stops them, and
 * slows a ping-pong. While events keep coming it waits in Go instead:
 * getting a processor back after each wait in C costs more then (a flood
 * of 64-byte datagrams: 0.55 against 0.8 million callbacks a second). The Go side
 * (dgramgo_poll) checks reentry, makes the eventfd on first use and
 * reports errors: a call it must see, or a wait that failed here, goes to
 * it whole. */
int dgramx_poll(int timeout_ms)
{
    int fd = __atomic_load_n(&dgramx_efd, __ATOMIC_ACQUIRE);
    if (fd <= 0 || dgramx_polling) {
        return dgramgo_poll(timeout_ms);
    }
    if (timeout_ms == 0) {
        return __atomic_load_n(&dgramx_pending, __ATOMIC_ACQUIRE) ? dgramgo_poll(0) : 0;
    }
    if (!__atomic_load_n(&dgramx_wait_in_c, __ATOMIC_RELAXED)) {
        return dgramgo_poll(timeout_ms);
    }
    if (!dgramx_pending_soon() && dgramx_wait(fd, timeout_ms) != 0) {
        return dgramgo_poll(timeout_ms);
    }
    /* A negative timeout waits until a callback ran: when another thread's
       dgram_poll took what woke this one, the Go side waits again. */
    return dgramgo_poll(timeout_ms < 0 ? -1 : 0);
}
