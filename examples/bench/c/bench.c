/*
 * bench.c: the benchmark's workloads on dgramkit's C API (libdgram.so);
 * examples/bench/node/bench.js describes the roles and their output.
 *
 *   bench_c ROLE key=value... [delivery=thread|poll]
 *
 * delivery=thread (the default) runs the callbacks on the library's
 * threads; delivery=poll runs them from dgram_poll on the main thread.
 * Every loop is bounded in count and time; every address is 127.0.0.1.
 */
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <dgram.h>

static const char *keys[32], *vals[32];
static int nopts;
static int poll_mode;

static long arg(const char *k, long def)
{
    for (int i = 0; i < nopts; i++) {
        if (strcmp(keys[i], k) == 0) {
            return atol(vals[i]);
        }
    }
    return def;
}

static int64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static int check(const char *what, int rc)
{
    if (rc < 0) {
        struct dgram_error_info e;
        dgram_last_error(&e);
        fprintf(stderr, "bench_c: %s: %s %s\n", what, e.name, e.message);
        exit(2);
    }
    return rc;
}

static volatile sig_atomic_t stop;
static void on_term(int sig) { (void)sig; stop = 1; }

/* wait_ms lets time pass: in poll delivery it runs the callbacks meanwhile. */
static void wait_ms(int ms)
{
    if (poll_mode) {
        check("poll", dgram_poll(ms));
    } else {
        usleep((useconds_t)ms * 1000);
    }
}

static atomic_int closed_flag;
static void on_close(dgram_socket s, void *ud) { (void)s; (void)ud; atomic_store(&closed_flag, 1); }

static void close_wait(dgram_socket s)
{
    check("close", dgram_close(s, on_close, NULL));
    for (int i = 0; i < 5000 && !atomic_load(&closed_flag); i++) {
        wait_ms(1);
    }
}

static atomic_int listening_flag;
static void on_listening(dgram_socket s, void *ud) { (void)s; (void)ud; atomic_store(&listening_flag, 1); }

/* open_socket creates a udp4 socket bound to 127.0.0.1:0 and waits for 'listening'. */
static dgram_socket open_socket(long rcvbuf, dgram_message_cb cb, int *port)
{
    struct dgram_socket_options o = {.type = "udp4", .recv_buffer_size = rcvbuf,
                                     .delivery = poll_mode ? DGRAM_DELIVERY_POLL : DGRAM_DELIVERY_THREAD};
    dgram_socket s = check("createSocket", dgram_create_socket(&o, cb, NULL));
    check("bind", dgram_bind(s, 0, "127.0.0.1", on_listening, NULL));
    for (int i = 0; i < 5000 && !atomic_load(&listening_flag); i++) {
        wait_ms(1);
    }
    struct dgram_address_info a;
    check("address", dgram_address(s, &a));
    *port = a.port;
    return s;
}

/* echo-server */
static void echo(dgram_socket s, const uint8_t *msg, size_t len, const struct dgram_remote_info *r, void *ud)
{
    (void)ud;
    dgram_send(s, msg, len, r->port, r->address, NULL, NULL);
}

/* sink */
static atomic_long count;
static atomic_llong first_ns, last_ns;
static long want;
static void sink_msg(dgram_socket s, const uint8_t *msg, size_t len, const struct dgram_remote_info *r, void *ud)
{
    (void)s; (void)msg; (void)len; (void)r; (void)ud;
    int64_t t = now_ns();
    if (atomic_fetch_add(&count, 1) == 0) {
        atomic_store(&first_ns, t);
    }
    atomic_store(&last_ns, t);
}

/* echo-client */
static int peer;
static uint8_t out[65536];
static size_t out_len;
static void client_msg(dgram_socket s, const uint8_t *msg, size_t len, const struct dgram_remote_info *r, void *ud)
{
    (void)msg; (void)len; (void)r; (void)ud;
    atomic_fetch_add(&count, 1);
    dgram_send(s, out, out_len, peer, "127.0.0.1", NULL, NULL);
}

/* ping-client */
static int64_t *rtts;
static long pings, warm_pings;
static atomic_llong sent_ns;
static int64_t ping_start;
static void ping_msg(dgram_socket s, const uint8_t *msg, size_t len, const struct dgram_remote_info *r, void *ud)
{
    (void)msg; (void)len; (void)r; (void)ud;
    int64_t t = now_ns();
    long i = atomic_load(&count);
    if (i == warm_pings) {
        ping_start = atomic_load(&sent_ns);
    }
    if (i >= warm_pings && i < warm_pings + pings) {
        rtts[i - warm_pings] = t - atomic_load(&sent_ns);
    }
    atomic_store(&count, i + 1);
    if (i + 1 >= warm_pings + pings) {
        return;
    }
    atomic_store(&sent_ns, now_ns());
    dgram_send(s, out, out_len, peer, "127.0.0.1", NULL, NULL);
}

static int cmp64(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
    if (!dgram_header_matches()) {
        fprintf(stderr, "bench_c: dgram.h does not match the library\n");
        return 2;
    }
    setvbuf(stdout, NULL, _IOLBF, 0);
    if (argc < 2) {
        fprintf(stderr, "usage: bench_c ROLE key=value... [delivery=thread|poll]\n");
        return 2;
    }
    const char *role = "";
    for (int i = 1; i < argc && nopts < 32; i++) {
        char *eq = strchr(argv[i], '=');
        if (eq == NULL) {
            role = argv[i];
            continue;
        }
        *eq = '\0';
        if (strcmp(argv[i], "delivery") == 0) {
            poll_mode = strcmp(eq + 1, "poll") == 0;
            continue;
        }
        keys[nopts] = argv[i];
        vals[nopts++] = eq + 1;
    }
    alarm((unsigned)arg("lifetime", 120)); /* nothing runs longer than this */
    signal(SIGTERM, on_term);
    signal(SIGINT, on_term);
    out_len = (size_t)arg("size", 64);
    memset(out, 'x', sizeof out);
    peer = (int)arg("port", 0);
    int port;

    if (strcmp(role, "echo-server") == 0) {
        dgram_socket s = open_socket(0, echo, &port);
        printf("PORT %d\n", port);
        while (!stop) {
            wait_ms(poll_mode ? 50 : 20);
        }
        close_wait(s);
    } else if (strcmp(role, "sink") == 0) {
        want = arg("count", 1000000);
        long idle = arg("idle", 500);
        dgram_socket s = open_socket(arg("rcvbuf", 0), sink_msg, &port);
        printf("PORT %d\n", port);
        while (atomic_load(&count) < want &&
               !(atomic_load(&count) > 0 && (now_ns() - atomic_load(&last_ns)) / 1000000 >= idle)) {
            wait_ms(10);
        }
        printf("RESULT {\"received\":%ld,\"secs\":%.9f}\n", atomic_load(&count),
               (double)(atomic_load(&last_ns) - atomic_load(&first_ns)) / 1e9);
        close_wait(s);
    } else if (strcmp(role, "echo-client") == 0) {
        long inflight = arg("inflight", 64), warm = arg("warm", 500), measure = arg("measure", 3000);
        dgram_socket s = open_socket(0, client_msg, &port);
        for (long i = 0; i < inflight; i++) {
            dgram_send(s, out, out_len, peer, "127.0.0.1", NULL, NULL);
        }
        int64_t t = now_ns(), t0 = 0, check_at = t + 200000000;
        long n0 = 0, seen = -1;
        for (;;) {
            wait_ms(5);
            int64_t nt = now_ns();
            if (nt >= check_at) { /* lost datagrams: top up when nothing came back for 200 ms */
                long n = atomic_load(&count);
                if (n == seen) {
                    for (long i = 0; i < inflight; i++) {
                        dgram_send(s, out, out_len, peer, "127.0.0.1", NULL, NULL);
                    }
                }
                seen = n;
                check_at = nt + 200000000;
            }
            if (t0 == 0 && nt - t >= warm * 1000000) {
                n0 = atomic_load(&count);
                t0 = now_ns();
                printf("START\n");
            } else if (t0 != 0 && nt - t0 >= measure * 1000000) {
                long n1 = atomic_load(&count);
                int64_t t1 = now_ns();
                printf("END\n");
                printf("RESULT {\"msgs\":%ld,\"secs\":%.9f}\n", n1 - n0, (double)(t1 - t0) / 1e9);
                break;
            }
        }
        close_wait(s);
    } else if (strcmp(role, "ping-client") == 0) {
        pings = arg("n", 50000);
        warm_pings = arg("warm", 1000);
        rtts = calloc((size_t)pings, sizeof *rtts);
        dgram_socket s = open_socket(0, ping_msg, &port);
        long lost = 0;
        atomic_store(&sent_ns, now_ns());
        dgram_send(s, out, out_len, peer, "127.0.0.1", NULL, NULL);
        /* Poll delivery sleeps in dgram_poll too: a loop of dgram_poll(0),
         * which does not enter the library while nothing is pending, would
         * keep a CPU from the library's readers. */
        while (atomic_load(&count) < warm_pings + pings) {
            wait_ms(10);
            long long t = atomic_load(&sent_ns);
            if (now_ns() - t > 100000000 && atomic_compare_exchange_strong(&sent_ns, &t, now_ns())) {
                lost++; /* sent again after 100 ms */
                dgram_send(s, out, out_len, peer, "127.0.0.1", NULL, NULL);
            }
        }
        int64_t total = now_ns() - ping_start;
        qsort(rtts, (size_t)pings, sizeof *rtts, cmp64);
        printf("RESULT {\"n\":%ld,\"lost\":%ld,\"mean_us\":%.3f,\"hires\":true,\"p50_us\":%.3f,\"p99_us\":%.3f}\n",
               pings, lost, (double)total / (double)pings / 1e3, (double)rtts[pings / 2] / 1e3,
               (double)rtts[(long)(pings * 0.99)] / 1e3);
        close_wait(s);
    } else if (strcmp(role, "blast") == 0) {
        long n = arg("n", 1000000);
        dgram_socket s = open_socket(0, NULL, &port);
        int64_t t0 = now_ns();
        for (long i = 0; i < n; i++) {
            check("send", dgram_send(s, out, out_len, peer, "127.0.0.1", NULL, NULL));
        }
        printf("RESULT {\"sent\":%ld,\"secs\":%.9f}\n", n, (double)(now_ns() - t0) / 1e9);
        close_wait(s);
    } else {
        fprintf(stderr, "bench_c: unknown role %s\n", role);
        return 2;
    }
    return 0;
}
