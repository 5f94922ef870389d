/*
 * test_queues.c: the event queues (dgram_queue_create, dgram_set_queue,
 * dgram_queue_poll, dgram_queue_event_fd, dgram_queue_destroy). Included
 * by test_dgram.c, whose framework and recorders it uses.
 */

/* A socket on queue q, its events recorded in r; 0 when a call failed. */
static dgram_socket queue_socket(recorder *r, int q)
{
    dgram_socket s = make_socket(r, DGRAM_DELIVERY_THREAD);
    CHECK(s > 0);
    CHECK_INT(dgram_set_queue(s, q), DGRAM_OK);
    return s;
}

/* Polls q until cond or LONG ms passed. */
#define POLL_UNTIL(q, cond)                                                  \
    do {                                                                     \
        int64_t end_ = now_ms() + LONG;                                      \
        while (!(cond) && now_ms() < end_) {                                 \
            dgram_queue_poll((q), 5);                                        \
        }                                                                    \
    } while (0)

/* What one polling thread owns: its queue, a receiver and a socket that
   gets a receive error, and whether a callback ran on another thread. */
typedef struct poller {
    int queue;
    recorder *rcv, *err;
    dgram_socket rs, es;
    int port;
    pthread_t thread;
    atomic_int wrong_thread, bound;
    atomic_int stop;
    int want;
} poller;

static poller *the_pollers[2];

static void poller_check_thread(dgram_socket s)
{
    for (int i = 0; i < 2; i++) {
        poller *p = the_pollers[i];
        if ((s == p->rs || s == p->es) && !pthread_equal(pthread_self(), p->thread)) {
            atomic_fetch_add(&p->wrong_thread, 1);
        }
    }
}

static void poller_message(dgram_socket s, const uint8_t *msg, size_t len, const struct dgram_remote_info *rinfo, void *ud)
{
    poller_check_thread(s);
    on_message(s, msg, len, rinfo, ud);
}

static void poller_error(dgram_socket s, const struct dgram_error_info *e, void *ud)
{
    poller_check_thread(s);
    on_error(s, e, ud);
}

static void poller_listening(dgram_socket s, void *ud)
{
    poller_check_thread(s);
    on_listening(s, ud);
}

/* The polling thread: it makes its sockets (on its queue), binds them,
   connects the error socket to a port nobody has, then polls its queue
   until its receiver has every datagram and the error came. */
static void *poller_run(void *arg)
{
    poller *p = (poller *)arg;
    p->thread = pthread_self();
    struct dgram_socket_options o;
    memset(&o, 0, sizeof o);
    o.type = "udp4";
    p->rs = dgram_create_socket(&o, poller_message, p->rcv);
    p->es = dgram_create_socket(&o, poller_message, p->err);
    CHECK_INT(dgram_set_queue(p->rs, p->queue), DGRAM_OK);
    CHECK_INT(dgram_set_queue(p->es, p->queue), DGRAM_OK);
    CHECK_INT(dgram_on_error(p->rs, poller_error, p->rcv), DGRAM_OK);
    CHECK_INT(dgram_on_error(p->es, poller_error, p->err), DGRAM_OK);
    CHECK_INT(dgram_bind(p->rs, 0, "127.0.0.1", poller_listening, p->rcv), DGRAM_OK);
    CHECK_INT(dgram_bind(p->es, 0, "127.0.0.1", poller_listening, p->err), DGRAM_OK);
    struct dgram_address_info a;
    CHECK_INT(dgram_address(p->rs, &a), DGRAM_OK);
    p->port = a.port;
    atomic_store(&p->bound, 1);
    int64_t end = now_ms() + LONG;
    while (!atomic_load(&p->stop) && now_ms() < end) {
        int n = dgram_queue_poll(p->queue, 20);
        CHECK(n >= 0);
    }
    return NULL;
}

/* Two threads, each polling its own queue: each sees only its own
   sockets' callbacks ('listening', 'message', and a receive error), on
   its own thread, in order, and the default queue none of them. */
static void test_queues_two_threads(void)
{
    int qa = dgram_queue_create(), qb = dgram_queue_create();
    CHECK(qa > 0);
    CHECK(qb > 0);
    CHECK(qa != qb);
    CHECK(dgram_queue_event_fd(qa) >= 0);
    CHECK(dgram_queue_event_fd(qa) != dgram_queue_event_fd(qb));
    CHECK(dgram_queue_event_fd(qa) != dgram_event_fd());
    /* a port nobody has: bound, then closed */
    recorder *gr = new_recorder();
    dgram_socket gone = make_socket(gr, DGRAM_DELIVERY_THREAD);
    int gone_port = bind_local(gone, gr);
    close_wait(gone, gr);
    recorder *cr = new_recorder();
    dgram_socket c = make_socket(cr, DGRAM_DELIVERY_THREAD);
    bind_local(c, cr);

    poller ps[2];
    memset(ps, 0, sizeof ps);
    int queues[2] = {qa, qb};
    pthread_t threads[2];
    for (int i = 0; i < 2; i++) {
        ps[i].queue = queues[i];
        ps[i].rcv = new_recorder();
        ps[i].err = new_recorder();
        ps[i].want = 50 + 25 * i;
        the_pollers[i] = &ps[i];
    }
    for (int i = 0; i < 2; i++) {
        CHECK_INT(pthread_create(&threads[i], NULL, poller_run, &ps[i]), 0);
    }
    for (int i = 0; i < 2; i++) {
        int64_t end = now_ms() + LONG;
        while (!atomic_load(&ps[i].bound) && now_ms() < end) {
            usleep(1000);
        }
        CHECK(atomic_load(&ps[i].bound));
    }
    for (int i = 0; i < 2; i++) {
        for (int k = 0; k < ps[i].want; k++) {
            char b[16];
            int n = snprintf(b, sizeof b, "%c%d", 'a' + i, k);
            CHECK_INT(dgram_send(c, b, (size_t)n, ps[i].port, "127.0.0.1", NULL, NULL), DGRAM_OK);
        }
        /* the ICMP port unreachable comes back as the socket's receive error */
        CHECK_INT(dgram_connect(ps[i].es, gone_port, "127.0.0.1", NULL, NULL), DGRAM_OK);
        CHECK_INT(dgram_send_connected(ps[i].es, "x", 1, NULL, NULL), DGRAM_OK);
    }
    for (int i = 0; i < 2; i++) {
        int64_t end = now_ms() + LONG;
        while ((atomic_load(&ps[i].rcv->messages) < ps[i].want || atomic_load(&ps[i].err->errors) < 1) && now_ms() < end) {
            usleep(1000);
        }
    }
    CHECK_INT(dgram_poll(0), 0); /* the default queue has none of them */
    for (int i = 0; i < 2; i++) {
        atomic_store(&ps[i].stop, 1);
        pthread_join(threads[i], NULL);
        CHECK_INT(atomic_load(&ps[i].rcv->messages), ps[i].want);
        CHECK_INT(atomic_load(&ps[i].err->errors), 1);
        CHECK_STR(ps[i].err->error.name, "ECONNREFUSED");
        CHECK_INT(atomic_load(&ps[i].wrong_thread), 0);
        CHECK(ps[i].rcv->order[0] == 'L'); /* 'listening' first */
        char want[16];
        snprintf(want, sizeof want, "%c%d", 'a' + i, ps[i].want - 1);
        CHECK(ps[i].rcv->msg_length == strlen(want) && memcmp(ps[i].rcv->msg, want, strlen(want)) == 0);
    }
    /* each queue runs its own sockets' 'close' */
    for (int i = 0; i < 2; i++) {
        CHECK_INT(dgram_close(ps[i].rs, on_close, ps[i].rcv), DGRAM_OK);
        CHECK_INT(dgram_close(ps[i].es, on_close, ps[i].err), DGRAM_OK);
        CHECK_INT(dgram_poll(0), 0);
        POLL_UNTIL(queues[i], atomic_load(&ps[i].rcv->closes) == 1 && atomic_load(&ps[i].err->closes) == 1);
        CHECK_INT(atomic_load(&ps[i].rcv->closes), 1);
        CHECK_INT(atomic_load(&ps[i].err->closes), 1);
    }
    close_wait(c, cr);
    CHECK_INT(dgram_queue_destroy(qa), DGRAM_OK);
    CHECK_INT(dgram_queue_destroy(qb), DGRAM_OK);
    for (int i = 0; i < 2; i++) {
        free(ps[i].rcv);
        free(ps[i].err);
    }
    free(gr);
    free(cr);
}

/* Destroying a queue closes its sockets, drops what is pending and what
   their closing produces: no callback of it ever runs, the handles are
   released, and the queue's handle is not live any more. */
static void test_queue_destroy(void)
{
    int q = dgram_queue_create();
    CHECK(q > 0);
    recorder *r = new_recorder(), *u = new_recorder(), *cr = new_recorder();
    dgram_socket s = queue_socket(r, q);
    dgram_socket unbound = queue_socket(u, q);
    dgram_socket c = make_socket(cr, DGRAM_DELIVERY_THREAD);
    bind_local(c, cr);
    CHECK_INT(dgram_bind(s, 0, "127.0.0.1", on_listening, r), DGRAM_OK);
    struct dgram_address_info a;
    CHECK_INT(dgram_address(s, &a), DGRAM_OK);
    for (int i = 0; i < 10; i++) {
        CHECK_INT(dgram_send(c, "d", 1, a.port, "127.0.0.1", NULL, NULL), DGRAM_OK);
    }
    struct pollfd pfd = {dgram_queue_event_fd(q), POLLIN, 0};
    CHECK_INT(poll(&pfd, 1, LONG), 1); /* 'listening' queued, datagrams waiting */
    CHECK_INT(dgram_queue_destroy(q), DGRAM_OK);
    WAIT_UNTIL(dgram_live_handles() == 1, LONG); /* c only */
    CHECK_INT(dgram_live_handles(), 1);
    CHECK_INT(dgram_close(s, NULL, NULL), DGRAM_ERR_INVALID_HANDLE);
    CHECK_INT(dgram_close(unbound, NULL, NULL), DGRAM_ERR_INVALID_HANDLE);
    CHECK_INT(dgram_queue_poll(q, 0), DGRAM_ERR_INVALID_QUEUE);
    CHECK_STR(last().name, "ERR_INVALID_QUEUE");
    CHECK_INT(dgram_queue_event_fd(q), DGRAM_ERR_INVALID_QUEUE);
    CHECK_INT(dgram_queue_destroy(q), DGRAM_ERR_INVALID_QUEUE);
    CHECK_INT(dgram_queue_destroy(DGRAM_DEFAULT_QUEUE), DGRAM_ERR_INVALID_QUEUE);
    CHECK_INT(dgram_poll(0), 0);
    CHECK_INT(atomic_load(&r->norder) + atomic_load(&u->norder), 0); /* nothing ran */
    close_wait(c, cr);
    free(r);
    free(u);
    free(cr);
}

/* dgram_set_queue: before bind only; a queue that is not live is
   ERR_INVALID_QUEUE; DGRAM_DEFAULT_QUEUE is dgram_poll's. */
static void test_set_queue_errors(void)
{
    recorder *r = new_recorder(), *d = new_recorder();
    dgram_socket s = make_socket(r, DGRAM_DELIVERY_THREAD);
    CHECK_INT(dgram_set_queue(s, 987654), DGRAM_ERR_INVALID_QUEUE);
    CHECK_CONTAINS(last().message, "987654");
    CHECK_INT(dgram_set_queue(0, DGRAM_DEFAULT_QUEUE), DGRAM_ERR_INVALID_HANDLE);
    bind_local(s, r);
    CHECK_INT(dgram_set_queue(s, DGRAM_DEFAULT_QUEUE), DGRAM_ERR_SOCKET_ALREADY_BOUND);
    close_wait(s, r);
    /* a thread-delivery socket moved to the default queue runs its
       callbacks in dgram_poll */
    dgram_socket t = make_socket(d, DGRAM_DELIVERY_THREAD);
    CHECK_INT(dgram_set_queue(t, DGRAM_DEFAULT_QUEUE), DGRAM_OK);
    CHECK_INT(dgram_bind(t, 0, "127.0.0.1", on_listening, d), DGRAM_OK);
    struct pollfd pfd = {dgram_event_fd(), POLLIN, 0};
    CHECK_INT(poll(&pfd, 1, LONG), 1);
    CHECK_INT(atomic_load(&d->listening), 0); /* nothing runs outside dgram_poll */
    CHECK_INT(dgram_poll(0), 1);
    CHECK_INT(atomic_load(&d->listening), 1);
    close_wait(t, d);
    CHECK_INT(dgram_set_queue(t, DGRAM_DEFAULT_QUEUE), DGRAM_ERR_INVALID_HANDLE);
    free(r);
    free(d);
}

/* A round of cross-thread close: the queue's thread polls while datagrams
   come; the main thread closes the socket; once dgram_close returned, no
   'message' callback of it is running (running, at its return) or starts
   (late). */
typedef struct close_round {
    int queue;
    atomic_int closed, late, stop, in_callback, running, delivered;
} close_round;

static void late_message(dgram_socket s, const uint8_t *msg, size_t len, const struct dgram_remote_info *rinfo, void *ud)
{
    close_round *cr = (close_round *)ud;
    (void)s, (void)msg, (void)len, (void)rinfo;
    if (atomic_load(&cr->closed)) {
        atomic_fetch_add(&cr->late, 1);
    }
    atomic_store(&cr->in_callback, 1);
    atomic_fetch_add(&cr->delivered, 1);
    usleep(50); /* a callback that takes a while: close often comes during one */
    atomic_store(&cr->in_callback, 0);
}

static void *close_round_poll(void *arg)
{
    close_round *cr = (close_round *)arg;
    int64_t end = now_ms() + LONG;
    while (!atomic_load(&cr->stop) && now_ms() < end) {
        dgram_queue_poll(cr->queue, 1);
    }
    return NULL;
}

static void test_queue_no_message_after_close(void)
{
    int q = dgram_queue_create();
    CHECK(q > 0);
    recorder *sr = new_recorder();
    dgram_socket sender = make_socket(sr, DGRAM_DELIVERY_THREAD);
    bind_local(sender, sr);
    int rounds = 200, late = 0, running = 0, during = 0;
    for (int round = 0; round < rounds; round++) {
        close_round cr;
        memset(&cr, 0, sizeof cr);
        cr.queue = q;
        struct dgram_socket_options o;
        memset(&o, 0, sizeof o);
        o.type = "udp4";
        dgram_socket s = dgram_create_socket(&o, late_message, &cr);
        CHECK_INT(dgram_set_queue(s, q), DGRAM_OK);
        CHECK_INT(dgram_bind(s, 0, "127.0.0.1", NULL, NULL), DGRAM_OK);
        struct dgram_address_info a;
        CHECK_INT(dgram_address(s, &a), DGRAM_OK);
        for (int i = 0; i < 20; i++) {
            dgram_send(sender, "x", 1, a.port, "127.0.0.1", NULL, NULL);
        }
        pthread_t t;
        CHECK_INT(pthread_create(&t, NULL, close_round_poll, &cr), 0);
        usleep((useconds_t)(round % 10) * 20); /* close at different points of the poll */
        CHECK_INT(dgram_close(s, NULL, NULL), DGRAM_OK);
        running += atomic_load(&cr.in_callback);
        atomic_store(&cr.closed, 1);
        int delivered = atomic_load(&cr.delivered);
        during += delivered > 0 && delivered < 20; /* close came while datagrams were delivered */
        atomic_store(&cr.stop, 1);
        pthread_join(t, NULL);
        late += atomic_load(&cr.late);
    }
    if (late > 0 || running > 0) {
        fprintf(stderr, "    after dgram_close returned, over %d rounds: %d callbacks running, %d started\n", rounds, running, late);
    }
    CHECK_INT(late, 0);
    CHECK_INT(running, 0);
    CHECK(during > 0); /* the test closed during deliveries at least once */
    WAIT_UNTIL(dgram_live_handles() == 1, LONG);
    close_wait(sender, sr);
    CHECK_INT(dgram_queue_destroy(q), DGRAM_OK);
    free(sr);
}

/* Destroying a queue that another thread is polling: the poll under way
   ends first (a thread waiting for the descriptor wakes), then fails with
   ERR_INVALID_QUEUE; no callback runs after dgram_queue_destroy returned. */
static void *destroy_poller(void *arg)
{
    close_round *cr = (close_round *)arg;
    int64_t end = now_ms() + LONG;
    int rc = 0;
    while (now_ms() < end && (rc = dgram_queue_poll(cr->queue, -1)) >= 0) {
    }
    atomic_store(&cr->stop, rc);
    return NULL;
}

static void test_queue_destroy_while_polled(void)
{
    recorder *sr = new_recorder();
    dgram_socket sender = make_socket(sr, DGRAM_DELIVERY_THREAD);
    bind_local(sender, sr);
    for (int round = 0; round < 50; round++) {
        close_round cr;
        memset(&cr, 0, sizeof cr);
        cr.queue = dgram_queue_create();
        CHECK(cr.queue > 0);
        struct dgram_socket_options o;
        memset(&o, 0, sizeof o);
        o.type = "udp4";
        dgram_socket s = dgram_create_socket(&o, late_message, &cr);
        CHECK_INT(dgram_set_queue(s, cr.queue), DGRAM_OK);
        CHECK_INT(dgram_bind(s, 0, "127.0.0.1", NULL, NULL), DGRAM_OK);
        struct dgram_address_info a;
        CHECK_INT(dgram_address(s, &a), DGRAM_OK);
        pthread_t t;
        CHECK_INT(pthread_create(&t, NULL, destroy_poller, &cr), 0);
        for (int i = 0; i < (round % 2) * 20; i++) {
            dgram_send(sender, "x", 1, a.port, "127.0.0.1", NULL, NULL);
        }
        CHECK_INT(dgram_queue_destroy(cr.queue), DGRAM_OK);
        atomic_store(&cr.closed, 1);
        pthread_join(t, NULL);
        CHECK_INT(atomic_load(&cr.stop), DGRAM_ERR_INVALID_QUEUE);
        CHECK_INT(atomic_load(&cr.late), 0);
    }
    WAIT_UNTIL(dgram_live_handles() == 1, LONG);
    close_wait(sender, sr);
    free(sr);
}
