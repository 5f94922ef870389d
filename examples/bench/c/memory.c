/*
 * memory.c: make bench's memory row for the C API (bench_mem_c
 * [delivery=thread|poll] sockets=N cycles=C): resident memory per bound
 * socket that receives now and then. examples/bench/memory/main.go (the Go
 * API's) describes the lines it prints; the runner reads VmRSS at each.
 * Thread delivery counts on the library's threads; poll delivery runs the
 * callbacks from dgram_poll on the main thread.
 */
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dgram.h"

static int poll_mode;
static atomic_long received, closed_count;

static long check(const char *what, long rc)
{
    if (rc < 0) {
        struct dgram_error_info e;
        dgram_last_error(&e);
        fprintf(stderr, "bench_mem_c: %s: %s\n", what, e.message);
        exit(2);
    }
    return rc;
}

static void on_message(dgram_socket s, const uint8_t *msg, size_t len, const struct dgram_remote_info *rinfo, void *user_data)
{
    (void)s, (void)msg, (void)len, (void)rinfo, (void)user_data;
    atomic_fetch_add(&received, 1);
}

static void on_close(dgram_socket s, void *user_data)
{
    (void)s, (void)user_data;
    atomic_fetch_add(&closed_count, 1);
}

/* wait_until waits, bounded in count, until *counter reaches want; poll
 * delivery runs the callbacks meanwhile. */
static void wait_until(atomic_long *counter, long want, const char *what)
{
    for (int i = 0; i < 100000 && atomic_load(counter) < want; i++) {
        if (poll_mode) {
            check("poll", dgram_poll(10));
        } else {
            usleep(1000);
        }
    }
    if (atomic_load(counter) < want) {
        fprintf(stderr, "bench_mem_c: %s: %ld of %ld\n", what, atomic_load(counter), want);
        exit(2);
    }
}

/* mark prints what the process reached and pauses for the runner. */
static void mark(const char *what)
{
    printf("%s\n", what);
    usleep(300 * 1000);
}

int main(int argc, char **argv)
{
    long sockets = 2000, cycles = 3, lifetime = 120;
    setvbuf(stdout, NULL, _IOLBF, 0);
    for (int i = 1; i < argc; i++) {
        char *eq = strchr(argv[i], '=');
        if (eq == NULL) {
            continue;
        }
        *eq = '\0';
        if (strcmp(argv[i], "delivery") == 0) {
            poll_mode = strcmp(eq + 1, "poll") == 0;
        } else if (strcmp(argv[i], "sockets") == 0) {
            sockets = atol(eq + 1);
        } else if (strcmp(argv[i], "cycles") == 0) {
            cycles = atol(eq + 1);
        } else if (strcmp(argv[i], "lifetime") == 0) {
            lifetime = atol(eq + 1);
        }
    }
    alarm((unsigned)lifetime); /* nothing runs longer than this */
    check("set_delivery", dgram_set_delivery(poll_mode ? DGRAM_DELIVERY_POLL : DGRAM_DELIVERY_THREAD));
    dgram_socket sender = (dgram_socket)check("createSocket", dgram_create_socket_type("udp4", NULL, NULL));
    check("bind", dgram_bind(sender, 0, "127.0.0.1", NULL, NULL));
    dgram_socket *socks = calloc((size_t)sockets, sizeof *socks);
    mark("BASE");
    for (long c = 0; c < cycles; c++) {
        atomic_store(&received, 0);
        atomic_store(&closed_count, 0);
        for (long i = 0; i < sockets; i++) {
            socks[i] = (dgram_socket)check("createSocket", dgram_create_socket_type("udp4", on_message, NULL));
            check("bind", dgram_bind(socks[i], 0, "127.0.0.1", NULL, NULL));
            struct dgram_address_info a;
            check("address", dgram_address(socks[i], &a));
            for (int k = 0; k < 3; k++) {
                check("send", dgram_send(sender, (const uint8_t *)"x", 1, a.port, "127.0.0.1", NULL, NULL));
            }
        }
        wait_until(&received, 3 * sockets, "received");
        mark("LOADED");
        for (long i = 0; i < sockets; i++) {
            check("close", dgram_close(socks[i], on_close, NULL));
        }
        wait_until(&closed_count, sockets, "closed");
        mark("CLOSED");
    }
    printf("RESULT {}\n");
    free(socks);
    return 0;
}
