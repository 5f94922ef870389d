/*
 * echo_client: sends datagrams to an echo server and prints each echo with
 * its rinfo, in thread delivery: the callbacks run on a library thread
 * while main waits on a condition variable.
 *
 *   echo_client [-port 41234] [-address 127.0.0.1] [-count 3] [-timeout S]
 *
 * It exits 0 once every echo arrived, 1 after -timeout seconds.
 */
#include <pthread.h>
#include <time.h>

#include "common.h"

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cond = PTHREAD_COND_INITIALIZER;
static int echoed, count, closed, failed;

static void on_close(dgram_socket client, void *ud)
{
    (void)client;
    (void)ud;
    pthread_mutex_lock(&mu);
    closed = 1;
    pthread_cond_signal(&cond);
    pthread_mutex_unlock(&mu);
}

static void on_message(dgram_socket client, const uint8_t *msg, size_t len, const struct dgram_remote_info *rinfo, void *ud)
{
    (void)ud;
    printf("client got: %.*s from %s:%d (%s, %d bytes)\n", (int)len, (const char *)msg, rinfo->address, rinfo->port, rinfo->family, rinfo->size);
    fflush(stdout);
    if (++echoed == count) {
        dgram_close(client, on_close, NULL);
    }
}

static void on_sent(dgram_socket client, const struct dgram_error_info *e, int bytes, void *ud)
{
    (void)client;
    (void)bytes;
    (void)ud;
    if (e != NULL) {
        print_error("send: ", e);
        pthread_mutex_lock(&mu);
        failed = 1;
        pthread_cond_signal(&cond);
        pthread_mutex_unlock(&mu);
    }
}

int main(int argc, char **argv)
{
    library_ok();
    int port = atoi(flag(argc, argv, "port", "41234"));
    const char *address = flag(argc, argv, "address", "127.0.0.1");
    count = atoi(flag(argc, argv, "count", "3"));
    int timeout = atoi(flag(argc, argv, "timeout", "10"));

    check("delivery", dgram_set_delivery(DGRAM_DELIVERY_THREAD));
    dgram_socket client = check("createSocket", dgram_create_socket_type("udp4", on_message, NULL));
    for (int i = 1; i <= count; i++) {
        char msg[64];
        int n = snprintf(msg, sizeof msg, "Hello IoT.js #%d", i);
        check("send", dgram_send(client, msg, (size_t)n, port, address, on_sent, NULL));
    }
    struct timespec end;
    clock_gettime(CLOCK_REALTIME, &end);
    end.tv_sec += timeout;
    pthread_mutex_lock(&mu);
    while (!closed && !failed) {
        if (pthread_cond_timedwait(&cond, &mu, &end) != 0) {
            break;
        }
    }
    int ok = closed && !failed;
    pthread_mutex_unlock(&mu);
    if (!ok) {
        fprintf(stderr, "echo_client: %s with %d of %d echoes\n", failed ? "failed" : "timed out", echoed, count);
        return 1;
    }
    return 0;
}
