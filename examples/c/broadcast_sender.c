/*
 * broadcast_sender: the seed's setBroadcast/send example in C, in thread
 * delivery: bind the port with reuseAddr, then setBroadcast(true) and send
 * 'Hello IoT.js' to the broadcast address. Run it in a network namespace
 * of its own (tests/netns.sh): a broadcast leaves by the default route.
 *
 *   broadcast_sender [-port 41237] [-address 255.255.255.255] [-bind PORT] [-count 3] [-timeout S]
 *
 * It binds -bind (the port it sends to, by default, as the seed does).
 *
 * It exits 0 once -count datagrams went out, 1 on an error or timeout.
 */
#include <pthread.h>
#include <time.h>
#include <unistd.h>

#include "common.h"

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cond = PTHREAD_COND_INITIALIZER;
static int sent, failed, listening;
static const char *address;
static int port;

static void on_sent(dgram_socket s, const struct dgram_error_info *e, int bytes, void *ud)
{
    (void)s;
    (void)ud;
    pthread_mutex_lock(&mu);
    if (e != NULL) {
        print_error("send: ", e);
        failed = 1;
    } else {
        printf("sent %d bytes to %s:%d\n", bytes, address, port);
        fflush(stdout);
        sent++;
    }
    pthread_cond_signal(&cond);
    pthread_mutex_unlock(&mu);
}

static void on_listening(dgram_socket s, void *ud)
{
    (void)ud;
    check("setBroadcast", dgram_set_broadcast(s, true));
    pthread_mutex_lock(&mu);
    listening = 1;
    pthread_cond_signal(&cond);
    pthread_mutex_unlock(&mu);
}

static void on_error(dgram_socket s, const struct dgram_error_info *e, void *ud)
{
    (void)s;
    (void)ud;
    print_error("Error: ", e);
    pthread_mutex_lock(&mu);
    failed = 1;
    pthread_cond_signal(&cond);
    pthread_mutex_unlock(&mu);
}

int main(int argc, char **argv)
{
    library_ok();
    port = atoi(flag(argc, argv, "port", "41237"));
    address = flag(argc, argv, "address", "255.255.255.255");
    int bind_port = atoi(flag(argc, argv, "bind", flag(argc, argv, "port", "41237")));
    int count = atoi(flag(argc, argv, "count", "3"));
    int timeout = atoi(flag(argc, argv, "timeout", "10"));

    struct dgram_socket_options o = {.type = "udp4", .reuse_addr = true, .delivery = DGRAM_DELIVERY_THREAD};
    dgram_socket s = check("createSocket", dgram_create_socket(&o, NULL, NULL));
    check("on error", dgram_on_error(s, on_error, NULL));
    check("bind", dgram_bind(s, bind_port, NULL, on_listening, NULL));

    struct timespec end;
    clock_gettime(CLOCK_REALTIME, &end);
    end.tv_sec += timeout;
    pthread_mutex_lock(&mu);
    while (!listening && !failed && pthread_cond_timedwait(&cond, &mu, &end) == 0) {
    }
    pthread_mutex_unlock(&mu);
    for (int i = 0; i < count && listening && !failed; i++) {
        check("send", dgram_send(s, "Hello IoT.js", 12, port, address, on_sent, NULL));
        usleep(100 * 1000);
    }
    pthread_mutex_lock(&mu);
    while (sent < count && !failed && pthread_cond_timedwait(&cond, &mu, &end) == 0) {
    }
    int ok = sent == count && !failed;
    pthread_mutex_unlock(&mu);
    dgram_close(s, NULL, NULL);
    if (!ok) {
        fprintf(stderr, "broadcast_sender: sent %d of %d\n", sent, count);
    }
    return ok ? 0 : 1;
}
