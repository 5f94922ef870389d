/*
 * test_recv.c: receiving under real conditions (issue 17), included by
 * test_dgram.c: forged ICMP errors never end reading, dgram_close from
 * another thread waits for the socket's callbacks (thread and poll
 * delivery), callbacks closing each other's sockets, and two threads in
 * dgram_poll(-1).
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

/* Waits up to ms for cond without running poll callbacks (another thread
   runs them). */
#define WAIT_FOR(cond, ms)                                                   \
    do {                                                                     \
        int64_t end_ = now_ms() + (ms);                                      \
        while (!(cond) && now_ms() < end_) {                                 \
            sched_yield();                                                   \
        }                                                                    \
    } while (0)

/* ---- forged ICMP errors (netlab.md §8) ---- */

typedef struct fault {
    const char *name;
    int v6;
    uint8_t type, code;
    const char *errno_name; /* what a connected socket's receive returns */
} fault;

static const fault faults[] = {
    {"protocol-unreachable", 0, 3, 2, "ENOPROTOOPT"},
    {"host-unknown", 0, 3, 7, "EHOSTDOWN"},
    {"host-isolated", 0, 3, 8, "ENONET"},
    {"parameter-problem", 0, 12, 0, "EPROTO"},
    {"port-unreachable", 0, 3, 3, "ECONNREFUSED"},
    {"admin-prohibited", 1, 1, 1, "EACCES"},
    {"port-unreachable-v6", 1, 1, 4, "ECONNREFUSED"},
};

static uint16_t inet_sum(const uint8_t *b, size_t n)
{
    uint32_t sum = 0;
    for (size_t i = 0; i + 1 < n; i += 2) {
        sum += (uint32_t)(b[i] << 8 | b[i + 1]);
    }
    if (n % 2) {
        sum += (uint32_t)b[n - 1] << 8;
    }
    while (sum >> 16) {
        sum = (sum & 0xffff) + (sum >> 16);
    }
    return (uint16_t)~sum;
}

/* Sends f about a datagram from the loopback port local to the loopback
   port peer, to the local address: the kernel takes it as the network's
   answer. Returns 0, or -1 (no raw socket outside a private namespace). */
static int forge(const fault *f, int local, int peer)
{
    uint8_t msg[8 + 40 + 8];
    memset(msg, 0, sizeof msg);
    msg[0] = f->type;
    msg[1] = f->code;
    size_t iplen = f->v6 ? 40 : 20;
    uint8_t *ip = msg + 8, *udp = msg + 8 + iplen;
    udp[0] = (uint8_t)(local >> 8), udp[1] = (uint8_t)local;
    udp[2] = (uint8_t)(peer >> 8), udp[3] = (uint8_t)peer;
    udp[5] = 8;
    size_t n = 8 + iplen + 8;
    int fd, rc;
    if (f->v6) {
        ip[0] = 6 << 4;
        ip[5] = 8;
        ip[6] = IPPROTO_UDP;
        ip[7] = 64;
        ip[8 + 15] = 1;  /* ::1 */
        ip[24 + 15] = 1; /* ::1 */
        struct sockaddr_in6 to = {.sin6_family = AF_INET6, .sin6_addr = IN6ADDR_LOOPBACK_INIT};
        fd = socket(AF_INET6, SOCK_RAW | SOCK_CLOEXEC, IPPROTO_ICMPV6); /* the kernel sums ICMPv6 */
        if (fd < 0) {
            return -1;
        }
        rc = (int)sendto(fd, msg, n, 0, (struct sockaddr *)&to, sizeof to);
    } else {
        ip[0] = 0x45;
        ip[3] = 28;
        ip[8] = 64;
        ip[9] = IPPROTO_UDP;
        ip[12] = 127, ip[15] = 1;
        ip[16] = 127, ip[19] = 1;
        uint16_t s = inet_sum(ip, 20);
        ip[10] = (uint8_t)(s >> 8), ip[11] = (uint8_t)s;
        s = inet_sum(msg, n);
        msg[2] = (uint8_t)(s >> 8), msg[3] = (uint8_t)s;
        struct sockaddr_in to = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
        fd = socket(AF_INET, SOCK_RAW | SOCK_CLOEXEC, IPPROTO_ICMP);
        if (fd < 0) {
            return -1;
        }
        rc = (int)sendto(fd, msg, n, 0, (struct sockaddr *)&to, sizeof to);
    }
    close(fd);
    return rc == (int)n ? 0 : -1;
}

/* One family, delivery mode and connectedness: every fault of the family
   in turn on the same sockets; a connected socket reports each as an
   error callback (syscall recvmsg, the errno's name) and each time the
   peer's next three datagrams arrive. An unconnected one is told nothing
   and keeps receiving. */
static void receive_errors_round(const char *type, dgram_delivery mode, int connected)
{
    const char *loop = strcmp(type, "udp6") == 0 ? "::1" : "127.0.0.1";
    recorder *r = new_recorder(), *pr = new_recorder();
    struct dgram_socket_options o;
    memset(&o, 0, sizeof o);
    o.type = type;
    o.delivery = mode;
    dgram_socket s = dgram_create_socket(&o, on_message, r);
    dgram_socket p = dgram_create_socket(&o, on_message, pr);
    dgram_on_error(s, on_error, r);
    CHECK_INT(dgram_bind(s, 0, loop, on_listening, r), DGRAM_OK);
    CHECK_INT(dgram_bind(p, 0, loop, on_listening, pr), DGRAM_OK);
    struct dgram_address_info sa, pa;
    CHECK_INT(dgram_address(s, &sa), DGRAM_OK);
    CHECK_INT(dgram_address(p, &pa), DGRAM_OK);
    if (connected) {
        CHECK_INT(dgram_connect(s, pa.port, loop, NULL, NULL), DGRAM_OK);
    }
    int errors = 0, messages = 0;
    for (size_t i = 0; i < sizeof faults / sizeof faults[0]; i++) {
        const fault *f = &faults[i];
        if (f->v6 != (strcmp(type, "udp6") == 0)) {
            continue;
        }
        CHECK_INT(forge(f, sa.port, pa.port), 0);
        if (connected) {
            errors++;
            WAIT_UNTIL(atomic_load(&r->errors) == errors, LONG);
            if (atomic_load(&r->errors) != errors) {
                fprintf(stderr, "    %s %s: no error callback\n", type, f->name);
                failed_checks++;
                break;
            }
            CHECK_STR(r->error.name, f->errno_name);
            CHECK_STR(r->error.syscall, "recvmsg");
            char want[64];
            snprintf(want, sizeof want, "recvmsg %s", f->errno_name);
            CHECK_STR(r->error.message, want);
        }
        for (int k = 0; k < 3; k++) {
            CHECK_INT(dgram_send(p, f->name, strlen(f->name), sa.port, loop, NULL, NULL), DGRAM_OK);
        }
        messages += 3;
        WAIT_UNTIL(atomic_load(&r->messages) == messages, LONG);
        if (atomic_load(&r->messages) != messages) {
            fprintf(stderr, "    %s %s: %d of %d datagrams after the error\n", type, f->name,
                    atomic_load(&r->messages), messages);
            failed_checks++;
            break;
        }
        CHECK_INT(r->msg_length, strlen(f->name));
    }
    CHECK_INT(atomic_load(&r->errors), errors);
    close_wait(s, r);
    close_wait(p, pr);
    free(r);
    free(pr);
}

static void test_receive_errors_never_end_reading(void)
{
    if (!in_sandbox()) {
        SKIP("forged ICMP needs the private network namespace (tests/netns.sh)");
    }
    const char *types[] = {"udp4", "udp6"};
    dgram_delivery modes[] = {DGRAM_DELIVERY_THREAD, DGRAM_DELIVERY_POLL};
    for (int t = 0; t < 2; t++) {
        for (int m = 0; m < 2; m++) {
            for (int c = 1; c >= 0; c--) {
                receive_errors_round(types[t], modes[m], c);
            }
        }
    }
}

/* ---- dgram_close from another thread ---- */

/* DGRAM_CLOSE_ROUNDS overrides the rounds (long runs for the figures);
   under qemu-user (make test-arm) a tenth of them run. */
static int close_rounds(int def)
{
    const char *v = getenv("DGRAM_CLOSE_ROUNDS");
    int n = v != NULL ? atoi(v) : 0;
    if (n > 0) {
        return n;
    }
    return under_qemu() ? def / 10 : def;
}

typedef struct race {
    atomic_int returned; /* set right after dgram_close returned */
    atomic_int started_after, running_after, messages, closed;
    atomic_int stop, polling;
    int port;
} race;

static void race_message(dgram_socket s, const uint8_t *msg, size_t len, const struct dgram_remote_info *rinfo, void *ud)
{
    race *x = (race *)ud;
    if (atomic_load(&x->returned)) {
        atomic_store(&x->started_after, 1);
    }
    (void)s, (void)rinfo;
    volatile unsigned sum = 0;
    for (int k = 0; k < 2000; k++) {
        sum += msg[(size_t)k % len]; /* some work (microseconds), as a callback does */
    }
    atomic_fetch_add(&x->messages, 1);
    if (atomic_load(&x->returned)) {
        atomic_store(&x->running_after, 1);
    }
}

static void race_close(dgram_socket s, void *ud)
{
    (void)s;
    atomic_store(&((race *)ud)->closed, 1);
}

/* Floods x->port on 127.0.0.1 from a plain socket until x->stop. */
static void *race_flood(void *arg)
{
    race *x = (race *)arg;
    int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    struct sockaddr_in to = {.sin_family = AF_INET, .sin_port = htons((uint16_t)x->port), .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    for (int i = 0; i < 100000 && !atomic_load(&x->stop); i++) {
        sendto(fd, "flood", 5, 0, (struct sockaddr *)&to, sizeof to);
    }
    close(fd);
    return NULL;
}

/* Runs dgram_poll on its own thread until x->polling is cleared. */
static void *race_poll(void *arg)
{
    race *x = (race *)arg;
    while (atomic_load(&x->polling)) {
        dgram_poll(5);
    }
    return NULL;
}

/* One round: a socket in mode mode, flooded, closed from this thread
   once a callback ran (in poll delivery another thread runs dgram_poll).
   Adds to *started and *running the rounds where a 'message' callback
   started after dgram_close returned, or was running when it returned. */
static void close_race_round(dgram_delivery mode, int *started, int *running)
{
    race *x = (race *)calloc(1, sizeof *x);
    struct dgram_socket_options o;
    memset(&o, 0, sizeof o);
    o.type = "udp4";
    o.delivery = mode;
    dgram_socket s = dgram_create_socket(&o, race_message, x);
    CHECK(s > 0);
    CHECK_INT(dgram_bind(s, 0, "127.0.0.1", NULL, NULL), DGRAM_OK);
    struct dgram_address_info a;
    CHECK_INT(dgram_address(s, &a), DGRAM_OK);
    x->port = a.port;
    pthread_t flood, poller;
    atomic_store(&x->polling, 1);
    if (mode == DGRAM_DELIVERY_POLL) {
        pthread_create(&poller, NULL, race_poll, x);
    }
    pthread_create(&flood, NULL, race_flood, x);
    WAIT_FOR(atomic_load(&x->messages) > 0, LONG);
    CHECK(atomic_load(&x->messages) > 0);
    CHECK_INT(dgram_close(s, race_close, x), DGRAM_OK);
    atomic_store(&x->returned, 1);
    atomic_store(&x->stop, 1);
    pthread_join(flood, NULL);
    if (mode == DGRAM_DELIVERY_POLL) {
        WAIT_FOR(atomic_load(&x->closed), LONG);
        atomic_store(&x->polling, 0);
        pthread_join(poller, NULL);
    } else {
        WAIT_FOR(atomic_load(&x->closed), LONG);
    }
    CHECK(atomic_load(&x->closed));
    *started += atomic_load(&x->started_after);
    *running += atomic_load(&x->running_after);
    free(x);
}

static void close_race(dgram_delivery mode, const char *what)
{
    int rounds = close_rounds(1000), started = 0, running = 0;
    for (int i = 0; i < rounds && failed_checks == 0; i++) {
        close_race_round(mode, &started, &running);
    }
    printf("     %s: %d rounds: a callback started after dgram_close returned in %d, was running in %d\n",
           what, rounds, started, running);
    CHECK_INT(started, 0);
    CHECK_INT(running, 0);
}

static void test_close_waits_for_thread_callbacks(void)
{
    close_race(DGRAM_DELIVERY_THREAD, "thread delivery");
}

static void test_close_waits_for_poll_callbacks(void)
{
    close_race(DGRAM_DELIVERY_POLL, "poll delivery");
}

/* Two sockets whose callbacks, running at once on two threads, close each
   other: neither dgram_close waits for ever, both sockets emit 'close'.
   In thread delivery, and with one socket in poll delivery (its callback
   on a thread that runs dgram_poll). */
typedef struct pair {
    dgram_socket other;
    atomic_int *arrived;
    atomic_int done;
    atomic_int closed;
} pair;

static void pair_message(dgram_socket s, const uint8_t *msg, size_t len, const struct dgram_remote_info *rinfo, void *ud)
{
    pair *p = (pair *)ud;
    (void)s, (void)msg, (void)len, (void)rinfo;
    if (atomic_exchange(&p->done, 1)) {
        return;
    }
    atomic_fetch_add(p->arrived, 1);
    WAIT_FOR(atomic_load(p->arrived) == 2, LONG); /* both callbacks run now */
    dgram_close(p->other, NULL, NULL);
}

static void pair_close(dgram_socket s, void *ud)
{
    (void)s;
    atomic_store(&((pair *)ud)->closed, 1);
}

static void *pair_poll(void *arg)
{
    pair *p = (pair *)arg;
    while (!atomic_load(&p->closed)) {
        dgram_poll(5);
    }
    return NULL;
}

static void test_callbacks_close_each_other(void)
{
    for (int round = 0; round < 200 && failed_checks == 0; round++) {
        int mixed = round % 2;
        atomic_int arrived = 0;
        pair pa = {0}, pb = {0};
        pa.arrived = pb.arrived = &arrived;
        struct dgram_socket_options o;
        memset(&o, 0, sizeof o);
        o.type = "udp4";
        o.delivery = DGRAM_DELIVERY_THREAD;
        dgram_socket a = dgram_create_socket(&o, pair_message, &pa);
        o.delivery = mixed ? DGRAM_DELIVERY_POLL : DGRAM_DELIVERY_THREAD;
        dgram_socket b = dgram_create_socket(&o, pair_message, &pb);
        pa.other = b, pb.other = a;
        dgram_on_close(a, pair_close, &pa);
        dgram_on_close(b, pair_close, &pb);
        CHECK_INT(dgram_bind(a, 0, "127.0.0.1", NULL, NULL), DGRAM_OK);
        CHECK_INT(dgram_bind(b, 0, "127.0.0.1", NULL, NULL), DGRAM_OK);
        struct dgram_address_info aa, ba;
        CHECK_INT(dgram_address(a, &aa), DGRAM_OK);
        CHECK_INT(dgram_address(b, &ba), DGRAM_OK);
        pthread_t poller;
        if (mixed) {
            pthread_create(&poller, NULL, pair_poll, &pb);
        }
        CHECK_INT(dgram_send(a, "x", 1, ba.port, "127.0.0.1", NULL, NULL), DGRAM_OK);
        CHECK_INT(dgram_send(b, "x", 1, aa.port, "127.0.0.1", NULL, NULL), DGRAM_OK);
        WAIT_FOR(atomic_load(&pa.closed) && atomic_load(&pb.closed), LONG);
        CHECK(atomic_load(&pa.closed));
        CHECK(atomic_load(&pb.closed));
        if (mixed) {
            if (!atomic_load(&pb.closed)) {
                atomic_store(&pb.closed, 1);
            }
            pthread_join(poller, NULL);
        }
        if (failed_checks) {
            fprintf(stderr, "    round %d (%s): the closes waited for each other\n", round, mixed ? "thread and poll" : "thread");
            exit(1); /* two threads are stuck: nothing after this can run */
        }
    }
}

/* ---- two threads in dgram_poll(-1) ---- */

typedef struct forever {
    atomic_int stop, zeros, calls, ran;
} forever;

static void forever_message(dgram_socket s, const uint8_t *msg, size_t len, const struct dgram_remote_info *rinfo, void *ud)
{
    (void)s, (void)msg, (void)len, (void)rinfo;
    atomic_fetch_add(&((forever *)ud)->ran, 1);
}

static void *forever_poll(void *arg)
{
    forever *f = (forever *)arg;
    while (!atomic_load(&f->stop)) {
        int n = dgram_poll(-1);
        atomic_fetch_add(&f->calls, 1);
        if (n == 0) {
            atomic_fetch_add(&f->zeros, 1);
        }
    }
    return NULL;
}

/* Both threads wake on each datagram's event; the one that finds the
   queue empty waits on instead of returning 0 having run nothing. */
static void test_poll_forever_on_two_threads(void)
{
    forever *f = (forever *)calloc(1, sizeof *f);
    recorder *cr = new_recorder();
    struct dgram_socket_options o;
    memset(&o, 0, sizeof o);
    o.type = "udp4";
    o.delivery = DGRAM_DELIVERY_POLL;
    dgram_socket s = dgram_create_socket(&o, forever_message, f);
    dgram_socket c = make_socket(cr, DGRAM_DELIVERY_THREAD);
    CHECK_INT(dgram_bind(s, 0, "127.0.0.1", NULL, NULL), DGRAM_OK);
    struct dgram_address_info a;
    CHECK_INT(dgram_address(s, &a), DGRAM_OK);
    pthread_t t[2];
    for (int i = 0; i < 2; i++) {
        pthread_create(&t[i], NULL, forever_poll, f);
    }
    const int rounds = close_rounds(2000);
    int sent = 0;
    for (; sent < rounds; sent++) {
        CHECK_INT(dgram_send(c, "p", 1, a.port, "127.0.0.1", NULL, NULL), DGRAM_OK);
        WAIT_FOR(atomic_load(&f->ran) > sent, LONG); /* one at a time: both threads wake each time */
        if (atomic_load(&f->ran) <= sent) {
            break;
        }
    }
    CHECK_INT(atomic_load(&f->ran), rounds);
    /* end: each thread returns once a callback ran in it */
    atomic_store(&f->stop, 1);
    for (int i = 0; i < 2; i++) {
        int calls = atomic_load(&f->calls);
        for (int k = 0; k < 1000 && pthread_tryjoin_np(t[i], NULL) != 0; k++) {
            dgram_send(c, "p", 1, a.port, "127.0.0.1", NULL, NULL);
            WAIT_FOR(atomic_load(&f->calls) > calls, SHORT);
            calls = atomic_load(&f->calls);
        }
    }
    printf("     %d datagrams, %d dgram_poll(-1) returns, %d of them 0\n", rounds, atomic_load(&f->calls), atomic_load(&f->zeros));
    CHECK_INT(atomic_load(&f->zeros), 0);
    close_wait(c, cr);
    CHECK_INT(dgram_close(s, NULL, NULL), DGRAM_OK);
    dgram_poll(0);
    free(cr);
    free(f);
}
